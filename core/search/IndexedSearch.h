#pragma once

#include "search/Query.h"
#include "search/SearchEngine.h"
#include "search/TextIndex.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace spotlight {

class Database;

// Answers searches from a TextIndex held in memory, in the same order and with the same counts as
// the SQL path of SearchEngine, or says it cannot (nullopt) so that SearchEngine runs that path:
// while the index is still being built, inside an open transaction (whose changes the index has not
// seen), when a phrase of several words ranks the results (its count needs word positions, which
// the index does not keep), and for orders other than relevance and title.
//
// The index is built on a thread of its own, over a connection of its own. Before every search it
// catches up with the catalogue's log of changed exhibits (search_change), whoever made them, so a
// search never reads a stale index; one too far behind is built again.
class IndexedSearch
{
public:
    // The ids of the exhibits a field filter (borough:, tag:, ...) or a phrase of several words
    // matches: SearchEngine's SQL and FTS5.
    using SqlMatches = std::function<QList<qint64>(const QueryNode& node)>;

    IndexedSearch(const Database& database, SqlMatches sqlMatches);
    ~IndexedSearch();
    IndexedSearch(const IndexedSearch&) = delete;
    IndexedSearch& operator=(const IndexedSearch&) = delete;

    // For benchmarks and tests: blocks until the first build is done.
    void waitUntilBuilt();
    // How many searches the index has answered, so tests can tell it did.
    qint64 answered() const { return m_answered; }
    qsizetype memoryUsed() const { return m_index ? m_index->memoryUsed() : 0; }

    std::optional<SearchPage> page(const QueryNode& root, int limit, int offset);
    std::optional<QList<qint64>> matchingIds(const QueryNode& root, SortOrder order);
    // In no particular order: for counting facets.
    std::optional<QList<qint64>> matchingIds(const QueryNode& root);

private:
    struct Evaluation
    {
        TextIndex::Set matches;
        std::vector<std::shared_ptr<const TextIndex::Hits>> phrases; // ranked by these, in FTS5's order
        bool ranked = false;
    };
    std::optional<Evaluation> evaluate(const QueryNode& root);
    // The evaluation when the index is ready and can answer `root`, counted as answered.
    std::optional<Evaluation> answer(const QueryNode& root);
    std::optional<TextIndex::Set> matches(const QueryNode& node);
    std::shared_ptr<const TextIndex::Hits> hits(const QueryNode& text);
    TextIndex::Set sqlMatches(const QueryNode& node);
    QList<qint64> ordered(const Evaluation& evaluation, qsizetype limit, qsizetype offset, bool descending) const;

    bool readyToSearch();
    void startBuild();
    bool catchUp();

    const Database& m_database;
    SqlMatches m_sqlMatches;
    std::unique_ptr<TextIndex> m_index;
    qint64 m_answered = 0;
    qint64 m_seenChange = 0;                               // the last search_change entry applied
    std::optional<std::pair<quint64, qint64>> m_checkedAt; // commit count and data_version
    QHash<QString, std::shared_ptr<const TextIndex::Hits>> m_hitCache;
    QHash<QString, TextIndex::Set> m_sqlCache;

    // The build under way, shared with its thread.
    struct Build
    {
        std::mutex mutex;
        std::unique_ptr<TextIndex> index; // set when done
        qint64 seenChange = 0;
        QString failure;
        std::atomic<bool> cancelled{false};
    };
    std::shared_ptr<Build> m_build;
    std::thread m_builder;
};

} // namespace spotlight
