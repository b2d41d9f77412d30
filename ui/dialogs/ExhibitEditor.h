#pragma once

#include "domain/Authority.h"
#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;

namespace spotlight {

class TagChipEditor;

// A form for one exhibit, new or existing. It refuses to close with a problem (a missing title
// or lead authority, an over-long summary, a bad email...) and marks the field at fault.
class ExhibitEditor : public QDialog
{
    Q_OBJECT

public:
    struct Choices
    {
        QList<Authority> authorities;
        QList<Edition> editions;
        QList<Category> categories;
        QStringList tags;
    };

    ExhibitEditor(const Choices& choices, const std::optional<Exhibit>& existing, QWidget* parent = nullptr);

    Exhibit exhibit() const;
    // The problems that keep the form open, by field; empty when it can be saved.
    QHash<QWidget*, QString> problems() const;

    void accept() override;
    // Says at the top of the form that the exhibit changed elsewhere while it was open.
    void warnChangedElsewhere(const QString& message);
    // Shows `stored` in the form in place of what was typed, with `message` at the top.
    void reload(const Exhibit& stored, const QString& message);

private:
    void fill(const Exhibit& exhibit);
    void showCategoriesOf(const QString& edition, const QStringList& checked);
    void addEvidenceRow(const Evidence& evidence);
    void markProblems(const QHash<QWidget*, QString>& problems);

    Choices m_choices;
    Exhibit m_original;
    bool m_isNew;
    QLabel* m_problems;
    QLabel* m_changedElsewhere;
    QLineEdit* m_title;
    QLineEdit* m_ref;
    QComboBox* m_lead;
    QListWidget* m_partners;
    QComboBox* m_edition;
    QListWidget* m_categories;
    QComboBox* m_status;
    QPlainTextEdit* m_summary;
    QLabel* m_summaryCount;
    QPlainTextEdit* m_description;
    QLineEdit* m_contactName;
    QLineEdit* m_contactRole;
    QLineEdit* m_contactEmail;
    QCheckBox* m_contactEmailPublic;
    QLineEdit* m_contactPhone;
    QCheckBox* m_contactPhonePublic;
    QLineEdit* m_stand;
    TagChipEditor* m_tags;
    QTableWidget* m_evidence;
};

} // namespace spotlight
