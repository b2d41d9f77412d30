#pragma once

#include "dialogs/ExportDialog.h"

#include <QObject>

#include <atomic>

namespace spotlight {

// One export, run on a worker thread with a connection of its own, so that the window stays
// usable and can cancel it. Nothing is written unless it completes.
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
        QString target;
    };

    explicit ExportJob(Request request);
    // May be called from any thread.
    void cancel() { m_cancelled = true; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progressed(int done, int total);
    // An empty message means the file was written.
    void finished(const QString& error);

private:
    Request m_request;
    std::atomic<bool> m_cancelled = false;
};

} // namespace spotlight
