#include "SearchWorker.h"

#include "Catalogue.h"
#include "Error.h"

namespace spotlight {

SearchWorker::SearchWorker(QString cataloguePath, std::shared_ptr<std::atomic<quint64>> latestTicket)
    : m_path(std::move(cataloguePath))
    , m_latestTicket(std::move(latestTicket))
{}

SearchWorker::~SearchWorker() = default;

void SearchWorker::search(quint64 ticket, const QString& query, SortOrder order)
{
    if (ticket < m_latestTicket->load()) {
        return; // a newer request is already queued
    }
    SearchOutcome outcome;
    outcome.ticket = ticket;
    outcome.query = query;
    // A connection the server dropped (a restart, the network) gets one fresh try before the window
    // is told: the window may already have connected again.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        outcome.error.clear();
        outcome.connectionLost = false;
        try {
            if (!m_catalogue) {
                m_catalogue = Catalogue::open(m_path);
                m_catalogue->keepSearchIndexInMemory();
            }
            outcome.ids = m_catalogue->matchingIds(query, order);
            outcome.facets = m_catalogue->facetsOf(outcome.ids);
            if (outcome.ids.isEmpty()) {
                // Here rather than on the UI thread: it runs a search for each term of the query.
                outcome.noMatch = m_catalogue->explainNoMatches(query);
            }
            break;
        } catch (const QueryError& error) {
            outcome.error = error.message();
            outcome.errorColumn = error.column();
            break;
        } catch (const Error& error) {
            outcome.error = error.message();
            if (error.kind() != Error::Kind::ConnectionLost) {
                break;
            }
            outcome.connectionLost = true;
            m_catalogue.reset();
        }
    }
    Q_EMIT finished(outcome);
}

} // namespace spotlight
