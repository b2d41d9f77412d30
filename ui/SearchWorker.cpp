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
    try {
        if (!m_catalogue) {
            m_catalogue = Catalogue::open(m_path);
            m_catalogue->keepSearchIndexInMemory();
        }
        outcome.ids = m_catalogue->matchingIds(query, order);
        outcome.facets = m_catalogue->facets(query);
        if (outcome.ids.isEmpty()) {
            // Here rather than on the UI thread: it runs a search for each term of the query.
            outcome.noMatch = m_catalogue->explainNoMatches(query);
        }
    } catch (const QueryError& error) {
        outcome.error = error.message();
        outcome.errorColumn = error.column();
    } catch (const Error& error) {
        outcome.error = error.message();
    }
    Q_EMIT finished(outcome);
}

} // namespace spotlight
