#pragma once

#include "intake/Importer.h"

#include <QWizard>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTextBrowser;

namespace spotlight {

class Catalogue;

// File > Import: choose a file, then see every row as it will be read (authority names resolved,
// with the alias that matched), its problems by line, and the exhibits it may repeat; choose per
// row to add it, update an existing exhibit, or skip it. Finishing hands back the plan, which the
// caller applies as one undoable step.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    ImportWizard(const Catalogue& catalogue, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFile(const QString& path);
    const ImportPlan& plan() const { return m_plan; }
    // Plans the chosen file; false (with the reason shown on the page) when it cannot be read.
    bool planFile();
    // The row table: one row per exhibit in the file, the decision in the last column.
    QTableWidget* rowTable() const { return m_rows; }

protected:
    bool validateCurrentPage() override;

private:
    class RowsPage;
    void fillRows();
    void decide(int row, int choice);
    void showDetails(int row);
    void updateSummary();

    const Catalogue& m_catalogue;
    ImportPlan m_plan;
    QLineEdit* m_path;
    QLabel* m_fileError;
    QCheckBox* m_createEditions;
    QTableWidget* m_rows;
    QTextBrowser* m_details;
    QLabel* m_summary;
    RowsPage* m_rowsPage;
};

} // namespace spotlight
