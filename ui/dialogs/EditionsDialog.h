#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace spotlight {

class Catalogue;

// Edit > Editions and Categories: each Practice Spotlight cycle (its dates, venue, description and
// the signatory of its letters), archiving, and the categories of the chosen edition with their
// sponsoring groups. Every save goes straight to the catalogue.
class EditionsDialog : public QDialog
{
    Q_OBJECT

public:
    EditionsDialog(Catalogue& catalogue, QWidget* parent = nullptr);

    QListWidget* editionList() const { return m_editions; }
    QTableWidget* categoryTable() const { return m_categories; }
    // The form's fields as an edition.
    Edition formEdition() const;
    void setFormEdition(const Edition& edition);
    // Saves the form as the selected edition, or as a new one; false (with the reason shown) if refused.
    bool saveEdition();
    bool addCategory(const Category& category);

private:
    void reload(const QString& select = {});
    void showEdition(int row);
    void newEdition();
    void categoryEdited(int row, int column);
    void removeCategory();

    Catalogue& m_catalogue;
    QList<Edition> m_known;
    QString m_editing; // the name of the edition in the form; empty for a new one
    QListWidget* m_editions;
    QLineEdit* m_name;
    QSpinBox* m_year;
    QLineEdit* m_event;
    QDateEdit* m_starts;
    QDateEdit* m_ends;
    QLineEdit* m_venue;
    QPlainTextEdit* m_description;
    QLineEdit* m_signatory;
    QLineEdit* m_signatoryRole;
    QCheckBox* m_archived;
    QTableWidget* m_categories;
    QLabel* m_message;
    bool m_filling = false;
};

} // namespace spotlight
