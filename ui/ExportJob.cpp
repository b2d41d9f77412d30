#include "ExportJob.h"

#include "Catalogue.h"
#include "Error.h"
#include "io/SafeFile.h"
#include "publishing/BookletPublisher.h"
#include "publishing/CsvPublisher.h"
#include "publishing/JsonPublisher.h"
#include "publishing/PublicationGate.h"
#include "publishing/WebShowcase.h"

namespace spotlight {

ExportJob::ExportJob(Request request)
    : m_request(std::move(request))
{}

void ExportJob::run()
{
    QString error;
    try {
        const auto catalogue = Catalogue::open(m_request.cataloguePath);
        const QList<qint64> ids = m_request.useIds ? m_request.ids : catalogue->matchingIds(m_request.query);
        auto reportProgress = [this](int done, int total) {
            Q_EMIT progressed(done, total);
            return !m_cancelled.load();
        };
        if (m_request.format == ExportDialog::Format::WebShowcase) {
            WebShowcasePublisher(*catalogue).publish(ids, m_request.showcase, m_request.target, reportProgress);
            Q_EMIT finished({}, {});
            return;
        }
        if (!m_request.allowUnreviewed) {
            const PublicationGate::Verdict verdict = PublicationGate::check(*catalogue, ids);
            if (!verdict.clear()) {
                Q_EMIT finished({}, verdict.titles);
                return;
            }
        }
        if (m_request.format == ExportDialog::Format::Csv) {
            // Streamed from the database: a whole catalogue never has to be in memory at once.
            writeFileAtomically(m_request.target, [&](QIODevice& file) { CsvPublisher(*catalogue).write(ids, file); });
        } else {
            const QList<Exhibit> exhibits = catalogue->exhibitsWithIds(ids);
            if (m_cancelled) {
                throw Error(QStringLiteral("The export was cancelled; nothing was written."));
            }
            if (m_request.format == ExportDialog::Format::Pdf) {
                BookletPublisher(*catalogue).write(exhibits, m_request.options, m_request.target, reportProgress);
            } else {
                writeFileAtomically(m_request.target, JsonPublisher(*catalogue).write(exhibits));
            }
        }
    } catch (const Error& failure) {
        error = failure.message();
    }
    Q_EMIT finished(error, {});
}

} // namespace spotlight
