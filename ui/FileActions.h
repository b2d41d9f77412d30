#pragma once

#include "Curation.h"
#include "ExportJob.h"
#include "domain/Exhibit.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace spotlight {

class Catalogue;

// The File menu's work on the open catalogue: a new catalogue, import, export (through the
// export dialog, on a worker thread), printing and backups. It reaches the window only through
// the few things it needs.
class FileActions : public QObject
{
    Q_OBJECT

public:
    struct Window
    {
        QWidget* widget;
        std::function<Catalogue*()> catalogue;
        std::function<QString()> shownQuery; // the search whose results are on screen
        std::function<QList<qint64>()> selectedIds;
        std::function<bool(const QString&)> open;   // opens another catalogue in the window
        std::function<void(const QString&)> report; // a passing message in the status bar
    };

    explicit FileActions(Window window);

    void newCatalogue();
    // The import wizard, on `path` when given.
    void importFile(const QString& path = {});
    void writeTemplate();
    void writeLetters();
    // The live event's floor list (stand, title, authorities, contact) of the search on screen, as a
    // PDF to print or a CSV.
    void exportFloorList();
    // An A5 card per exhibit of the search on screen that has a stand, as one PDF.
    void exportStandCards();
    void exportExhibits();
    // The accessible web showcase, into a folder, on a worker thread like an export.
    void publishWebShowcase();
    void print(bool preview);
    void backup();

private:
    // Warns when chosen exhibits have privacy findings no one has reviewed; true to go on.
    // The publication gate on the UI thread, for letters and printing: false when the check could
    // not run (said) or found unreviewed findings and the person chose not to go on.
    bool passesPrivacyGate(const QList<Exhibit>& exhibits, const QString& what);
    // Asks whether to publish although these exhibits have unreviewed privacy findings.
    bool publishUnreviewed(const QStringList& titles, const QString& what);
    // Writes an import on a worker thread, with progress and Cancel, while the window repaints; the
    // step it wrote, for this window's undo, or nothing with the reason in `error` (a cancel too).
    std::optional<Curation::RecordedStep> applyOnWorker(const ImportPlan& plan, QString* error);
    // Runs an export on a worker thread; the gate runs there too, and asks here when it holds.
    void runExport(ExportJob::Request request);

    Window m_window;
};

} // namespace spotlight
