#pragma once

#include "intake/Importer.h"

#include <QWizard>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QThread;
class QVBoxLayout;

namespace spotlight {

class Catalogue;

// File > Import: choose one file or a folder of borough files, then see every row as it will be
// read (authority names resolved, with the alias that matched), its problems by spreadsheet row,
// and the exhibits it may repeat. A problem is corrected here, cell by cell or with one click on a
// suggestion, and the import checked again at once; the file itself is never changed. Choose per
// row to add it, update an existing exhibit, or skip it. Finishing hands back the plan, which the
// caller applies as one undoable step.
//
// Reading and checking run on a worker thread with a connection of their own, with progress and
// Cancel, so that a 100,000-row file leaves the window responsive.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    ImportWizard(const Catalogue& catalogue, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFile(const QString& path);
    void setFiles(const QStringList& paths);
    QStringList files() const;
    const ImportPlan& plan() const { return m_plan; }
    // The row table: one row per exhibit in the files, the decision in the last column.
    QTableWidget* rowTable() const { return m_rows; }
    // Puts `value` in `column` of the plan's row `row` and checks the import again.
    void correct(int row, const QString& column, const QString& value);
    // Whether files are being read and checked now.
    bool isPlanning() const { return m_worker != nullptr; }

Q_SIGNALS:
    // Reading and checking ended: with a plan on the rows page, or with the reason on the file page.
    void planned(bool succeeded);

protected:
    bool validateCurrentPage() override;
    void done(int result) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    class RowsPage;
    void addFiles(const QStringList& paths);
    // Reads and checks the files on a worker thread; `thenNext` moves to the rows page once done.
    void startPlanning(bool thenNext);
    void cancelPlanning();
    void finishPlanning(const std::shared_ptr<ImportPlan>& plan, const QString& error, bool thenNext);
    void fillRows();
    void decide(int row, int choice);
    void showDetails(int row);
    void showFixes(int row);
    void updateSummary();

    const Catalogue& m_catalogue;
    ImportPlan m_plan;
    QList<CellCorrection> m_corrections;
    QListWidget* m_fileList;
    QLineEdit* m_path;
    QLabel* m_fileError;
    QCheckBox* m_createEditions;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTableWidget* m_rows;
    QTextBrowser* m_details;
    QWidget* m_fixes;
    QVBoxLayout* m_fixesLayout;
    QLabel* m_summary;
    RowsPage* m_rowsPage;
    QThread* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    bool m_planReady = false;  // lets the file page's Next through once its plan is made
    bool m_checkAgain = false; // a correction came while planning, so plan again when done
};

} // namespace spotlight
