#include "ExportJob.h"

#include "Catalogue.h"
#include "Error.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"

namespace spotlight {

ExportJob::ExportJob(Request request)
    : m_request(std::move(request))
{
}

void ExportJob::run()
{
    QString error;
    try {
        const auto catalogue = Catalogue::open(m_request.cataloguePath);
        const QList<Exhibit> exhibits =
            m_request.useIds ? catalogue->exhibitsWithIds(m_request.ids) : catalogue->exhibits(m_request.query);
        if (m_cancelled) {
            throw Error(QStringLiteral("The export was cancelled; nothing was written."));
        }
        switch (m_request.format) {
        case ExportDialog::Format::Pdf:
            catalogue->exportBooklet(exhibits, m_request.options, m_request.target, [this](int done, int total) {
                Q_EMIT progressed(done, total);
                return !m_cancelled.load();
            });
            break;
        case ExportDialog::Format::Csv:
            writeFileAtomically(m_request.target, ExhibitCsv::write(exhibits));
            break;
        case ExportDialog::Format::Json:
            writeFileAtomically(m_request.target, catalogue->exportJson(exhibits));
            break;
        }
    } catch (const Error& failure) {
        error = failure.message();
    }
    Q_EMIT finished(error);
}

} // namespace spotlight
