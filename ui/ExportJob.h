#pragma once

#include "dialogs/ExportDialog.h"
#include "publishing/WebShowcase.h"

#include <QObject>

#include <atomic>

namespace spotlight {

// One export or web showcase, run on a worker thread with a connection of its own, so that the
// window stays usable and can cancel it. It passes the publication gate first, on the same thread.
// Nothing is written unless it completes. The web showcase's gate has no override: it is public.
class ExportJob : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString cataloguePath;
        ExportDialog::Format format = ExportDialog::Format::Pdf;
        QString query;     // used unless `ids` is set
        QList<qint64> ids; // the selection
        bool useIds = false;
        BookletOptions options;
        QString target; // a file, or the web showcase's folder
        // Publish even where the privacy check has findings no curator has reviewed.
        bool allowUnreviewed = false;
        WebShowcaseOptions showcase;
    };

    explicit ExportJob(Request request);
    // May be called from any thread.
    void cancel() { m_cancelled = true; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progressed(int done, int total);
    // An empty error and no titles: the file was written. Titles: the exhibits whose privacy
    // findings no one has reviewed, and nothing was written.
    void finished(const QString& error, const QStringList& unreviewedTitles);

private:
    Request m_request;
    std::atomic<bool> m_cancelled = false;
};

} // namespace spotlight
