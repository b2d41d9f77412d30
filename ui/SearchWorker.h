#pragma once

#include "search/NoMatchExplanation.h"
#include "search/SearchEngine.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace spotlight {

class Catalogue;

// What one search found: every match's id in order, the facets, or why the query cannot run.
struct SearchOutcome
{
    quint64 ticket = 0;
    QString query;
    QList<qint64> ids;
    Facets facets;
    QString error;               // empty when the query ran
    int errorColumn = 0;         // where in the query it went wrong
    bool connectionLost = false; // the error is the server gone, not the query
    NoMatchExplanation noMatch;  // when nothing matched: why, and which terms to drop
};

// Runs searches off the UI thread, on a connection of its own (a connection belongs to the thread
// that opened it). Requests overtaken by a newer one are skipped, so fast typing costs nothing.
class SearchWorker : public QObject
{
    Q_OBJECT

public:
    SearchWorker(QString cataloguePath, std::shared_ptr<std::atomic<quint64>> latestTicket);
    ~SearchWorker() override;

public Q_SLOTS:
    void search(quint64 ticket, const QString& query, spotlight::SortOrder order);

Q_SIGNALS:
    void finished(const spotlight::SearchOutcome& outcome);

private:
    QString m_path;
    std::shared_ptr<std::atomic<quint64>> m_latestTicket;
    std::unique_ptr<Catalogue> m_catalogue;
};

} // namespace spotlight

Q_DECLARE_METATYPE(spotlight::SearchOutcome)
Q_DECLARE_METATYPE(spotlight::SortOrder)
