#pragma once

#include "search/Query.h"

#include <QList>
#include <QString>

#include <memory>

namespace spotlight {

class AuthorityStore;
class Database;
class FacetIndex;
class IndexedSearch;

struct FacetValue
{
    QString key;   // what a filter would use: "hackney", "send/autism", "3", "in-review"
    QString label; // what a person reads
    qint64 count = 0;
};

// Counts per value for the exhibits a query matches. A parent tag counts each exhibit that carries
// it or any of its children once.
struct Facets
{
    QList<FacetValue> authorities;
    QList<FacetValue> categories;
    QList<FacetValue> tags;
    QList<FacetValue> levels;
    QList<FacetValue> kinds; // of evidence: an exhibit counts once for each kind it has
    QList<FacetValue> statuses;
    QList<FacetValue> editions;
};

// How results are ordered: by relevance (when the query has words, else by title), or by a column.
struct SortOrder
{
    enum class Key
    {
        Relevance,
        Title,
        LeadAuthority,
        Level,
        Status,
        Updated,
    };
    Key key = Key::Relevance;
    bool descending = false;
};

struct SearchPage
{
    QList<qint64> ids;   // the page, best first
    qint64 total = 0;    // all matches
    bool ranked = false; // by relevance (the query had words), else by title
};

// Runs the query language against a catalogue. Every value from the query is bound; text reaches
// FTS5 MATCH only as quoted tokens. A query that cannot run raises QueryError with its column.
class SearchEngine
{
public:
    SearchEngine(const Database& database, const AuthorityStore& authorities);
    ~SearchEngine();

    SearchPage search(const QString& query, int limit, int offset = 0) const;
    // Every match, in `order`: what a list view needs to show any row of a large result at once.
    QList<qint64> matchingIds(const QString& query, SortOrder order = {}) const;
    Facets facets(const QString& query) const;
    // The facets of exhibits already found (matchingIds): counting only, without matching again.
    Facets facetsOf(const QList<qint64>& ids) const;
    // SQLite's plan for the page query of `query`, one line per step, for tests that guard against
    // a query shape falling back to scanning every exhibit.
    QStringList queryPlan(const QString& query) const;

    // Column weights for BM25: title, summary, tags, authorities, description (TextIndex::Weights).
    static QString rankExpression();

    // Keeps the catalogue's words in memory (IndexedSearch), built on a thread of its own, so that
    // ranked searches take milliseconds rather than FTS5's hundreds at 100,000 exhibits. For a
    // window, which searches all day; a command that searches once is faster without.
    void keepTextIndexInMemory();
    // For benchmarks and tests: until the index is built, searches run on FTS5.
    void waitForTextIndex();
    // How many searches the in-memory index has answered (the rest ran on FTS5).
    qint64 searchesAnsweredInMemory() const;
    // What the in-memory index holds, roughly, for the benchmarks; 0 without one.
    qsizetype textIndexBytes() const;

private:
    struct Compiled;
    QueryNode parse(const QString& query) const;
    Compiled compile(const QueryNode& root) const;
    QList<qint64> sqlMatches(const QueryNode& node) const;
    QString pageSql(const Compiled& compiled, SortOrder order = {}) const;

    const Database& m_database;
    const AuthorityStore& m_authorities;
    std::unique_ptr<FacetIndex> m_facetIndex; // counts are a cache, so facets() stays logically const
    std::unique_ptr<IndexedSearch> m_indexed; // likewise
};

} // namespace spotlight
