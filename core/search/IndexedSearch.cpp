#include "IndexedSearch.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/JsonLists.h"
#include "storage/Query.h"

#include <QDebug>

#include <malloc.h>

namespace spotlight {
namespace {

// A catch-up bigger than this (an import, a bulk edit) rebuilds the index on its own thread, with
// searches on FTS5 meanwhile, rather than hold up the search that noticed it.
constexpr qsizetype MostChangesToCatchUp = 5000;
// Recent words and filters are kept: typing a query repeats most of the one before it.
constexpr qsizetype CachedEntries = 32;

const QString DocumentColumns =
    QStringLiteral("SELECT e.id, e.title_sort, e.title, t.summary, t.tags_text, t.authorities_text, t.description "
                   "FROM exhibit e JOIN exhibit_text t ON t.exhibit_id = e.id");

// Puts each row of `documents` (DocumentColumns) into `index`; false when cancelled.
bool load(Query& documents, TextIndex& index, const std::atomic<bool>* cancelled = nullptr)
{
    TextIndex::Document document;
    for (qint64 row = 0; documents.next(); ++row) {
        if (cancelled && row % 1000 == 0 && cancelled->load()) {
            return false;
        }
        document.id = documents.integer(0);
        document.titleSort = documents.text(1).toUtf8();
        for (int column = 0; column < TextIndex::ColumnCount; ++column) {
            document.columns[column] = documents.text(2 + column);
        }
        index.put(document);
    }
    return true;
}

// What SearchEngine's compiler can hand to FTS5 as one expression: words and phrases joined by
// AND, OR and "leave out", with at least one word that must match in every AND.
bool isTextTree(const QueryNode& node)
{
    switch (node.kind) {
    case QueryNode::Kind::Word:
    case QueryNode::Kind::Phrase:
        return true;
    case QueryNode::Kind::Or:
        return std::all_of(node.children.begin(), node.children.end(), isTextTree);
    case QueryNode::Kind::And: {
        bool positive = false;
        for (const QueryNode& child : node.children) {
            if (isTextTree(child)) {
                positive = true;
            } else if (child.kind != QueryNode::Kind::Not || !isTextTree(child.children.front())) {
                return false;
            }
        }
        return positive;
    }
    default:
        return false;
    }
}

// The words and phrases of a text tree that can score, in the order FTS5 numbers its phrases.
// What is left out adds nothing to the score of a match: it does not occur in one, and FTS5 counts
// the words of a left-out group only where the whole group occurs.
void collectPhrases(const QueryNode& node, std::vector<const QueryNode*>& phrases)
{
    if (node.isText()) {
        phrases.push_back(&node);
        return;
    }
    for (const QueryNode& child : node.children) {
        if (child.kind != QueryNode::Kind::Not) {
            collectPhrases(child, phrases);
        }
    }
}

template <typename Value>
void remember(QHash<QString, Value>& cache, const QString& key, const Value& value)
{
    if (cache.size() >= CachedEntries) {
        cache.clear();
    }
    cache.insert(key, value);
}

} // namespace

IndexedSearch::IndexedSearch(const Database& database, SqlMatches sqlMatches)
    : m_database(database)
    , m_sqlMatches(std::move(sqlMatches))
{
    startBuild();
}

IndexedSearch::~IndexedSearch()
{
    if (m_build) {
        m_build->cancelled = true;
    }
    if (m_builder.joinable()) {
        m_builder.join();
    }
}

void IndexedSearch::startBuild()
{
    if (m_builder.joinable()) {
        m_builder.join();
    }
    m_index.reset();
    m_build = std::make_shared<Build>();
    m_builder = std::thread([build = m_build, path = m_database.path()] {
        try {
            auto database = Database::open(path, Database::OpenMode::MustExist);
            // One pass over every exhibit: a page cache would only keep what is never read again.
            if (database->backend() == SqlBackend::Sqlite) {
                database->exec(QStringLiteral("PRAGMA cache_size = -4096"));
            }
            auto index = std::make_unique<TextIndex>();
            // One read transaction: the documents are exactly those the log had reached.
            database->beginSnapshot();
            const qint64 seen =
                database->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM search_change")).toLongLong();
            Query documents(*database, DocumentColumns);
            documents.exec();
            const bool complete = load(documents, *index, &build->cancelled);
            documents.finish();
            database->exec(QStringLiteral("COMMIT"));
            if (!complete) {
                return;
            }
            index->squeeze();
            database.reset();
            // Tokenising 100,000 exhibits leaves hundreds of MB freed but still held by this
            // thread's heap: give it back to the system.
            malloc_trim(0);
            const std::lock_guard lock(build->mutex);
            build->index = std::move(index);
            build->seenChange = seen;
        } catch (const Error& error) {
            const std::lock_guard lock(build->mutex);
            build->failure = error.message();
        }
    });
}

void IndexedSearch::waitUntilBuilt()
{
    if (m_builder.joinable()) {
        m_builder.join();
    }
    readyToSearch();
}

bool IndexedSearch::readyToSearch()
{
    if (!m_index && m_build) {
        const std::lock_guard lock(m_build->mutex);
        if (m_build->index) {
            m_index = std::move(m_build->index);
            m_seenChange = m_build->seenChange;
            m_checkedAt.reset();
        } else if (!m_build->failure.isEmpty()) {
            // Searches go on through FTS5, as they do before the index is ready.
            qWarning().noquote() << "Searching without the in-memory index:" << m_build->failure;
            m_build->failure.clear();
        }
    }
    if (!m_index) {
        return false;
    }
    // Inside a transaction this connection may have changed exhibits the log shows nobody yet.
    if (m_database.inTransaction()) {
        return false;
    }
    return catchUp();
}

bool IndexedSearch::catchUp()
{
    const std::pair<quint64, qint64> now{m_database.commitCount(), m_database.dataVersion()};
    if (m_checkedAt == now) {
        return true;
    }
    m_hitCache.clear();
    m_sqlCache.clear();

    Query range(m_database, QStringLiteral("SELECT min(seq), max(seq) FROM search_change"));
    range.exec();
    range.next();
    const qint64 oldest = range.integer(0);
    const qint64 latest = range.integer(1);
    range.finish();
    // Entries we have not seen were trimmed from the log, or the file was replaced by an older one.
    if ((oldest > m_seenChange + 1) || latest < m_seenChange) {
        startBuild();
        return false;
    }
    QList<qint64> changed;
    Query log(m_database, QStringLiteral("SELECT DISTINCT exhibit_id FROM search_change WHERE seq > ? AND seq <= ?"));
    log.bind(m_seenChange).bind(latest).exec();
    while (log.next()) {
        changed << log.integer(0);
    }
    if (changed.size() > MostChangesToCatchUp) {
        startBuild();
        return false;
    }
    if (!changed.isEmpty()) {
        for (const qint64 id : changed) {
            m_index->remove(id);
        }
        Query documents(m_database,
                        DocumentColumns + QStringLiteral(" WHERE e.id IN (SELECT value FROM json_each(?))"));
        documents.bind(jsonList(changed)).exec();
        load(documents, *m_index);
    }
    m_seenChange = latest;
    m_checkedAt = now;
    return true;
}

std::shared_ptr<const TextIndex::Hits> IndexedSearch::hits(const QueryNode& text)
{
    const bool prefix = text.kind == QueryNode::Kind::Word;
    const QString folded = TextIndex::fold(TextIndex::words(text.text).constFirst());
    const QString key = (prefix ? QStringLiteral("*") : QStringLiteral("=")) + folded;
    if (const auto cached = m_hitCache.value(key)) {
        return cached;
    }
    auto found = std::make_shared<const TextIndex::Hits>(m_index->hits(folded, prefix));
    remember(m_hitCache, key, std::shared_ptr<const TextIndex::Hits>(found));
    return found;
}

std::optional<TextIndex::Set> IndexedSearch::matches(const QueryNode& node)
{
    switch (node.kind) {
    case QueryNode::Kind::Word:
    case QueryNode::Kind::Phrase:
        if (TextIndex::words(node.text).size() == 1) {
            return hits(node)->documents;
        }
        return sqlMatches(node); // several words in a row: FTS5 knows their positions
    case QueryNode::Kind::Not: {
        const auto excluded = matches(node.children.front());
        if (!excluded) {
            return std::nullopt;
        }
        return m_index->everything().subtract(*excluded);
    }
    case QueryNode::Kind::And: {
        std::optional<TextIndex::Set> result;
        std::vector<const QueryNode*> excluded;
        for (const QueryNode& child : node.children) {
            if (child.kind == QueryNode::Kind::Not) {
                excluded.push_back(&child.children.front());
                continue;
            }
            auto part = matches(child);
            if (!part) {
                return std::nullopt;
            }
            if (result) {
                *result &= *part;
            } else {
                result = std::move(*part);
            }
        }
        if (!result) {
            result = m_index->everything();
        }
        for (const QueryNode* child : excluded) {
            const auto part = matches(*child);
            if (!part) {
                return std::nullopt;
            }
            result->subtract(*part);
        }
        return result;
    }
    case QueryNode::Kind::Or: {
        TextIndex::Set result;
        for (const QueryNode& child : node.children) {
            const auto part = matches(child);
            if (!part) {
                return std::nullopt;
            }
            result |= *part;
        }
        return result;
    }
    case QueryNode::Kind::Field:
        return sqlMatches(node);
    case QueryNode::Kind::All:
        return m_index->everything();
    }
    return std::nullopt;
}

TextIndex::Set IndexedSearch::sqlMatches(const QueryNode& node)
{
    const QString key = QString::number(int(node.kind)) + node.field + node.comparison + QLatin1Char(':') + node.text;
    const auto cached = m_sqlCache.constFind(key);
    if (cached != m_sqlCache.constEnd()) {
        return cached.value();
    }
    TextIndex::Set set = m_index->setOf(m_sqlMatches(node));
    remember(m_sqlCache, key, set);
    return set;
}

// Mirrors SearchEngine::compile: a query is ranked when it is text alone, or an AND with words at
// its top level; the other parts of that AND only filter.
std::optional<IndexedSearch::Evaluation> IndexedSearch::evaluate(const QueryNode& root)
{
    Evaluation evaluation;
    const auto found = matches(root);
    if (!found) {
        return std::nullopt;
    }
    evaluation.matches = *found;

    std::vector<const QueryNode*> phrases;
    if (isTextTree(root)) {
        collectPhrases(root, phrases);
    } else if (root.kind == QueryNode::Kind::And) {
        for (const QueryNode& child : root.children) {
            if (isTextTree(child)) {
                collectPhrases(child, phrases);
            }
        }
    }
    const auto severalWords = [](const QueryNode* phrase) { return TextIndex::words(phrase->text).size() != 1; };
    if (std::any_of(phrases.begin(), phrases.end(), severalWords)) {
        return std::nullopt;
    }
    evaluation.ranked = !phrases.empty();
    for (const QueryNode* phrase : phrases) {
        evaluation.phrases.push_back(hits(*phrase));
    }
    return evaluation;
}

QList<qint64> IndexedSearch::ordered(const Evaluation& evaluation, qsizetype limit, qsizetype offset,
                                     bool descending) const
{
    if (descending) {
        QList<qint64> all = m_index->byTitle(evaluation.matches, true);
        return limit < 0 ? all.mid(offset) : all.mid(offset, limit);
    }
    std::vector<const TextIndex::Hits*> phrases;
    for (const auto& phrase : evaluation.phrases) {
        phrases.push_back(phrase.get());
    }
    return m_index->ranked(evaluation.matches, phrases, limit, offset);
}

std::optional<IndexedSearch::Evaluation> IndexedSearch::answer(const QueryNode& root)
{
    if (!readyToSearch()) {
        return std::nullopt;
    }
    auto evaluation = evaluate(root);
    if (evaluation) {
        ++m_answered;
    }
    return evaluation;
}

std::optional<SearchPage> IndexedSearch::page(const QueryNode& root, int limit, int offset)
{
    const auto evaluation = answer(root);
    if (!evaluation) {
        return std::nullopt;
    }
    SearchPage page;
    page.ranked = evaluation->ranked;
    page.ids = ordered(*evaluation, limit, offset, false);
    page.total = evaluation->matches.count();
    return page;
}

std::optional<QList<qint64>> IndexedSearch::matchingIds(const QueryNode& root, SortOrder order)
{
    if (order.key != SortOrder::Key::Relevance && order.key != SortOrder::Key::Title) {
        return std::nullopt;
    }
    auto evaluation = answer(root);
    if (!evaluation) {
        return std::nullopt;
    }
    if (order.key == SortOrder::Key::Title) {
        evaluation->phrases.clear(); // by title alone
    }
    return ordered(*evaluation, -1, 0, order.key == SortOrder::Key::Title && order.descending);
}

std::optional<QList<qint64>> IndexedSearch::matchingIds(const QueryNode& root)
{
    if (!readyToSearch()) {
        return std::nullopt;
    }
    const auto found = matches(root);
    if (!found) {
        return std::nullopt;
    }
    ++m_answered;
    return m_index->idsOf(*found);
}

} // namespace spotlight
