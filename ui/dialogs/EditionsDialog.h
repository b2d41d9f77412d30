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
class QPushButton;
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
    // Merge the edition in the form, or the selected category, into another, or delete it (refused
    // while exhibits are in it), as one undoable step, without asking; false (with the reason shown)
    // if refused. The buttons ask which one to merge into and confirm how many exhibits move first.
    bool mergeEdition(const QString& into);
    bool deleteEdition();
    bool mergeCategory(const QString& into);
    bool deleteCategory();
    QPushButton* mergeEditionButton() const { return m_mergeEdition; }
    QPushButton* deleteEditionButton() const { return m_deleteEdition; }
    QPushButton* mergeCategoryButton() const { return m_mergeCategory; }
    QPushButton* deleteCategoryButton() const { return m_deleteCategory; }

private:
    void reload(const QString& select = {});
    void showEdition(int row);
    void newEdition();
    void categoryEdited(int row, int column);
    QString selectedCategory() const;
    void updateButtons();
    void askMergeEdition();
    void askMergeCategory();
    // Asks whether to move `count` exhibits from `from` into `into`; true when the curator agrees.
    bool confirmMerge(const QString& from, const QString& into, qsizetype count);

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
    QLineEdit* m_criteria; // "Impact; Evidence; Transferability": what the panels score, 1 to 4
    QCheckBox* m_archived;
    QTableWidget* m_categories;
    QPushButton* m_mergeEdition;
    QPushButton* m_deleteEdition;
    QPushButton* m_mergeCategory;
    QPushButton* m_deleteCategory;
    QLabel* m_message;
    bool m_filling = false;
};

} // namespace spotlight
