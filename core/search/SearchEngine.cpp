#include "SearchEngine.h"

#include "domain/CurationStatus.h"
#include "domain/EvidenceKind.h"
#include "domain/Suggest.h"
#include "domain/Tag.h"
#include "search/FacetIndex.h"
#include "search/IndexedSearch.h"
#include "search/TextIndex.h"
#include "storage/AuthorityStore.h"
#include "storage/Database.h"
#include "storage/Query.h"

#include <QVariantList>

#include <optional>

namespace spotlight {
namespace {

// "anti-racist" is the phrase "anti racist", its last token a prefix: what a person means, and no
// character of it can be read as FTS5 or tsquery syntax (tokens are letters and digits alone).
QString textString(const SqlDialect& sql, const QStringList& tokens, bool prefix)
{
    if (sql.isPostgres()) {
        QStringList quoted;
        for (const QString& token : tokens) {
            quoted << QLatin1Char('\'') + token + QLatin1Char('\'');
        }
        return QLatin1Char('(') + quoted.join(QStringLiteral(" <-> ")) + (prefix ? QStringLiteral(":*") : QString()) +
               QLatin1Char(')');
    }
    return QLatin1Char('"') + tokens.join(QLatin1Char(' ')) + QLatin1Char('"') +
           (prefix ? QStringLiteral("*") : QString());
}

// Where the full-text index is and how to ask it: FTS5 in a file, a tsvector on a server.
QString textMatches(const SqlDialect& sql)
{
    return sql.isPostgres()
               ? QStringLiteral(
                     "e.id IN (SELECT exhibit_id FROM exhibit_text WHERE search_vector @@ spotlight_query(?))")
               : QStringLiteral("e.id IN (SELECT rowid FROM exhibit_fts WHERE exhibit_fts MATCH ?)");
}

QString likePattern(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Drops words with nothing searchable in them ("*", "^", an emoji). Returns false when nothing is
// left of the node.
bool pruneEmptyText(QueryNode& node)
{
    if (node.isText()) {
        return !TextIndex::words(node.text).isEmpty();
    }
    std::vector<QueryNode> kept;
    for (QueryNode& child : node.children) {
        if (pruneEmptyText(child)) {
            kept.push_back(std::move(child));
        }
    }
    const bool hadChildren = !node.children.empty();
    node.children = std::move(kept);
    if (hadChildren && node.children.empty()) {
        return false;
    }
    if ((node.kind == QueryNode::Kind::And || node.kind == QueryNode::Kind::Or) && node.children.size() == 1) {
        QueryNode only = std::move(node.children.front());
        node = std::move(only);
    }
    return true;
}

class Compiler
{
public:
    Compiler(const SqlDialect& sql, const AuthorityStore& authorities)
        : m_sql(sql)
        , m_authorities(authorities)
    {}

    QVariantList binds;

    // The FTS5 expression for a subtree made only of words, phrases, AND, OR and "leave out", or
    // nothing when the subtree needs SQL.
    std::optional<QString> fts(const QueryNode& node) const
    {
        switch (node.kind) {
        case QueryNode::Kind::Word:
            return textString(m_sql, TextIndex::words(node.text), true);
        case QueryNode::Kind::Phrase:
            return textString(m_sql, TextIndex::words(node.text), false);
        case QueryNode::Kind::Or: {
            QStringList parts;
            for (const QueryNode& child : node.children) {
                const auto part = fts(child);
                if (!part) {
                    return std::nullopt;
                }
                parts << *part;
            }
            return QLatin1Char('(') + parts.join(m_sql.isPostgres() ? QStringLiteral(" | ") : QStringLiteral(" OR ")) +
                   QLatin1Char(')');
        }
        case QueryNode::Kind::And: {
            const auto split = splitAnd(node);
            if (!split.others.empty() || split.positive.isEmpty()) {
                return std::nullopt;
            }
            return joinText(split.positive, split.negative);
        }
        default:
            return std::nullopt;
        }
    }

    struct AndParts
    {
        QStringList positive;                 // FTS expressions that must match
        QStringList negative;                 // FTS expressions that must not
        std::vector<const QueryNode*> others; // everything that needs SQL
    };

    AndParts splitAnd(const QueryNode& node) const
    {
        AndParts parts;
        for (const QueryNode& child : node.children) {
            if (const auto text = fts(child)) {
                parts.positive << *text;
                continue;
            }
            const auto excluded = child.kind == QueryNode::Kind::Not ? fts(child.children.front()) : std::nullopt;
            if (excluded) {
                parts.negative << *excluded;
            } else {
                parts.others.push_back(&child);
            }
        }
        return parts;
    }

    QString joinText(const QStringList& positive, const QStringList& negative) const
    {
        const bool server = m_sql.isPostgres();
        QString expression = QLatin1Char('(') +
                             positive.join(server ? QStringLiteral(" & ") : QStringLiteral(" AND ")) + QLatin1Char(')');
        for (const QString& excluded : negative) {
            expression =
                (server ? QStringLiteral("(%1 & !%2)") : QStringLiteral("(%1 NOT %2)")).arg(expression, excluded);
        }
        return expression;
    }

    QString matches(const QString& expression)
    {
        binds << expression;
        return textMatches(m_sql);
    }

    QString predicate(const QueryNode& node)
    {
        if (const auto text = fts(node)) {
            return matches(*text);
        }
        switch (node.kind) {
        case QueryNode::Kind::All:
            return QStringLiteral("TRUE");
        case QueryNode::Kind::Not:
            return QStringLiteral("NOT (%1)").arg(predicate(node.children.front()));
        case QueryNode::Kind::Or: {
            QStringList parts;
            for (const QueryNode& child : node.children) {
                parts << predicate(child);
            }
            return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        case QueryNode::Kind::And: {
            const AndParts split = splitAnd(node);
            QStringList parts;
            if (!split.positive.isEmpty()) {
                parts << matches(joinText(split.positive, split.negative));
            } else {
                for (const QString& excluded : split.negative) {
                    parts << QStringLiteral("NOT (%1)").arg(matches(excluded));
                }
            }
            for (const QueryNode* other : split.others) {
                parts << predicate(*other);
            }
            return QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        }
        case QueryNode::Kind::Field:
            return field(node);
        default:
            return QStringLiteral("TRUE");
        }
    }

private:
    QString field(const QueryNode& node)
    {
        const QString& name = node.field;
        const QString& value = node.text;
        if (name == QLatin1String("borough")) {
            const auto id = m_authorities.resolve(value);
            if (!id) {
                const QStringList suggestions = m_authorities.suggestionsFor(value);
                throw QueryError(
                    QStringLiteral("No London authority is called \"%1\"%2")
                        .arg(value, suggestions.isEmpty()
                                        ? QString()
                                        : QStringLiteral("; did you mean \"%1\"?").arg(suggestions.first())),
                    node.column);
            }
            binds << *id;
            return QStringLiteral("e.id IN (SELECT exhibit_id FROM exhibit_authority WHERE authority_id = ?)");
        }
        if (name == QLatin1String("category")) {
            binds << likePattern(value);
            // The few matching categories first, then their exhibits through the index.
            return QStringLiteral("e.id IN (SELECT exhibit_id FROM exhibit_category WHERE category_id IN "
                                  "(SELECT id FROM category WHERE name LIKE ? ESCAPE '\\'))");
        }
        if (name == QLatin1String("tag")) {
            const QString tag = normaliseTagName(value);
            if (tag.isEmpty()) {
                throw QueryError(QStringLiteral("\"%1\" is not a tag name").arg(value), node.column);
            }
            // The tag and its children: "send", "send/...". '0' is the character after '/'.
            binds << tag << tag + QLatin1Char('/') << tag + QLatin1Char('0');
            return QStringLiteral("e.id IN (SELECT et.exhibit_id FROM exhibit_tag et JOIN tag t ON t.id = et.tag_id "
                                  "WHERE t.name = ? OR (t.name >= ? AND t.name < ?))");
        }
        if (name == QLatin1String("status")) {
            const auto status = statusFromText(value);
            if (!status) {
                throw QueryError(QStringLiteral("Unknown status \"%1\"; use one of %2")
                                     .arg(value, allStatusKeys().join(QStringLiteral(", "))),
                                 node.column);
            }
            binds << statusKey(*status);
            return QStringLiteral("e.status = ?");
        }
        if (name == QLatin1String("edition")) {
            bool isYear = false;
            const int year = value.toInt(&isYear);
            binds << likePattern(value) << (isYear ? year : -1);
            // Spelt out for exhibits without an edition, so that "-edition:X" is the exact complement
            // (NULL IN (...) is NULL, and so is its negation).
            return QStringLiteral("(e.edition_id IS NOT NULL AND e.edition_id IN "
                                  "(SELECT id FROM edition WHERE name LIKE ? ESCAPE '\\' OR year = ?))");
        }
        if (name == QLatin1String("level")) {
            bool isNumber = false;
            const int level = value.toInt(&isNumber);
            if (!isNumber || level < MinEvidenceLevel || level > MaxEvidenceLevel) {
                throw QueryError(
                    QStringLiteral("Evidence levels run from 0 to 5, so \"%1\" is out of range").arg(value),
                    node.column);
            }
            binds << level;
            return QStringLiteral("e.evidence_level %1 ?").arg(node.comparison);
        }
        if (name == QLatin1String("kind")) {
            const auto kind = evidenceKindFromText(value);
            if (!kind) {
                const QStringList suggestions = closestMatches(value, allEvidenceKindKeys(), 1);
                throw QueryError(QStringLiteral("Unknown evidence kind \"%1\"; %2")
                                     .arg(value, suggestions.isEmpty()
                                                     ? QStringLiteral("use one of ") +
                                                           allEvidenceKindKeys().join(QStringLiteral(", "))
                                                     : QStringLiteral("did you mean \"%1\"?").arg(suggestions.first())),
                                 node.column);
            }
            binds << evidenceKindKey(*kind);
            return QStringLiteral("e.id IN (SELECT exhibit_id FROM evidence WHERE kind = ?)");
        }
        if (name == QLatin1String("has")) {
            const QString what = value.toLower();
            if (what == QLatin1String("evidence")) {
                return QStringLiteral("EXISTS (SELECT 1 FROM evidence WHERE exhibit_id = e.id)");
            }
            if (what == QLatin1String("contact")) {
                return QStringLiteral("(e.contact_name <> '' OR e.contact_email <> '' OR e.contact_phone <> '')");
            }
            throw QueryError(QStringLiteral("\"has:\" takes \"evidence\" or \"contact\", not \"%1\"").arg(value),
                             node.column);
        }
        // contact:
        const QString pattern = likePattern(value);
        binds << pattern << pattern << pattern << pattern;
        return QStringLiteral("(e.contact_name %1 ? ESCAPE '\\' OR e.contact_role %1 ? ESCAPE '\\' "
                              "OR e.contact_email %1 ? ESCAPE '\\' OR e.contact_phone %1 ? ESCAPE '\\')")
            .arg(m_sql.isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"));
    }

    const SqlDialect& m_sql;
    const AuthorityStore& m_authorities;
};

} // namespace

// A compiled query: the full-text expression that drives a ranked search, if any, and the SQL
// filters on exhibit `e` with their bound values.
struct SearchEngine::Compiled
{
    QString match;   // FTS5 or tsquery expression, or empty when the query has no words at the top level
    QString filters; // SQL condition on e, "TRUE" when there are none
    QVariantList binds;

    bool ranked() const { return !match.isEmpty(); }
    bool filtered() const { return filters != QLatin1String("TRUE"); }

    // SELECT of e.id over every match, in no particular order. The match is evaluated once, as a
    // list, rather than once per exhibit, which is what a join can turn into (seconds at 100,000).
    QString matchingSql(const SqlDialect& sql, const QString& columns) const
    {
        if (!ranked()) {
            return QStringLiteral("SELECT %1 FROM exhibit e WHERE %2").arg(columns, filters);
        }
        return QStringLiteral("SELECT %1 FROM exhibit e WHERE %2 AND %3").arg(columns, textMatches(sql), filters);
    }
    QVariantList matchingBinds() const { return ranked() ? QVariantList{match} + binds : binds; }
};

SearchEngine::SearchEngine(const Database& database, const AuthorityStore& authorities)
    : m_database(database)
    , m_authorities(authorities)
    , m_facetIndex(std::make_unique<FacetIndex>(database))
{}

SearchEngine::~SearchEngine() = default;

QString SearchEngine::rankExpression()
{
    return QStringLiteral("bm25(exhibit_fts, 10.0, 5.0, 3.0, 3.0, 1.0)");
}

void SearchEngine::keepTextIndexInMemory()
{
    // A server ranks with its own tsvector weights, not FTS5's BM25 that the index reproduces: the
    // window there asks the server, so that it orders results as every other curator's does.
    if (m_database.sql().isPostgres()) {
        return;
    }
    if (!m_indexed && m_database.schemaVersion() >= 4) { // older, read-only files have no change log
        m_indexed =
            std::make_unique<IndexedSearch>(m_database, [this](const QueryNode& node) { return sqlMatches(node); });
    }
}

void SearchEngine::waitForTextIndex()
{
    if (m_indexed) {
        m_indexed->waitUntilBuilt();
    }
}

qint64 SearchEngine::searchesAnsweredInMemory() const
{
    return m_indexed ? m_indexed->answered() : 0;
}

qsizetype SearchEngine::textIndexBytes() const
{
    return m_indexed ? m_indexed->memoryUsed() : 0;
}

QueryNode SearchEngine::parse(const QString& query) const
{
    QueryNode root = QueryParser::parse(query);
    if (root.kind != QueryNode::Kind::All && !pruneEmptyText(root)) {
        throw QueryError(QStringLiteral("There is nothing to search for: use letters or digits"), root.column);
    }
    return root;
}

QList<qint64> SearchEngine::sqlMatches(const QueryNode& node) const
{
    Compiler compiler(m_database.sql(), m_authorities);
    const QString condition = compiler.predicate(node);
    Query rows(m_database, QStringLiteral("SELECT e.id FROM exhibit e WHERE ") + condition);
    for (const QVariant& value : compiler.binds) {
        rows.bind(value);
    }
    rows.exec();
    QList<qint64> ids;
    while (rows.next()) {
        ids << rows.integer(0);
    }
    return ids;
}

SearchEngine::Compiled SearchEngine::compile(const QueryNode& root) const
{
    Compiler compiler(m_database.sql(), m_authorities);
    Compiled compiled;

    // With words at the top level, FTS5 drives the query so that results can be ranked.
    QStringList filters;
    const auto text = compiler.fts(root);
    const auto split = !text && root.kind == QueryNode::Kind::And ? compiler.splitAnd(root) : Compiler::AndParts{};
    if (text) {
        compiled.match = *text;
    } else if (!split.positive.isEmpty()) {
        compiled.match = compiler.joinText(split.positive, split.negative);
        for (const QueryNode* other : split.others) {
            filters << compiler.predicate(*other);
        }
    } else {
        filters << compiler.predicate(root);
    }
    compiled.filters = filters.isEmpty() ? QStringLiteral("TRUE") : filters.join(QStringLiteral(" AND "));
    compiled.binds = compiler.binds;
    return compiled;
}

QString SearchEngine::pageSql(const Compiled& compiled, SortOrder order) const
{
    if (compiled.ranked() && order.key == SortOrder::Key::Relevance && m_database.sql().isPostgres()) {
        // Title above summary, above tags and authorities, above description: the weights of D, C,
        // B and A, as FTS5's column weights rank them in a file.
        return QStringLiteral("SELECT e.id FROM spotlight_query(?) AS q CROSS JOIN exhibit_text t "
                              "JOIN exhibit e ON e.id = t.exhibit_id WHERE t.search_vector @@ q AND %1 "
                              "ORDER BY ts_rank('{0.1, 0.3, 0.5, 1.0}', t.search_vector, q) DESC, e.title_sort, e.id "
                              "LIMIT ? OFFSET ?")
            .arg(compiled.filters);
    }
    if (compiled.ranked() && order.key == SortOrder::Key::Relevance) {
        // CROSS JOIN keeps FTS5 in the outer loop: SQLite never turns it into a match per exhibit.
        return QStringLiteral("SELECT e.id FROM exhibit_fts CROSS JOIN exhibit e ON e.id = exhibit_fts.rowid "
                              "WHERE exhibit_fts MATCH ? AND %1 ORDER BY %2, e.title_sort, e.id LIMIT ? OFFSET ?")
            .arg(compiled.filters, rankExpression());
    }
    const QString direction = order.descending ? QStringLiteral(" DESC") : QString();
    QString orderBy = QStringLiteral("e.title_sort") + direction;
    switch (order.key) {
    case SortOrder::Key::Relevance:
    case SortOrder::Key::Title:
        break;
    case SortOrder::Key::LeadAuthority:
        orderBy = QStringLiteral("(SELECT a.name FROM exhibit_authority ea JOIN authority a ON a.id = ea.authority_id "
                                 "WHERE ea.exhibit_id = e.id AND ea.role = 'lead')%1, e.title_sort")
                      .arg(direction);
        break;
    case SortOrder::Key::Level:
        orderBy = QStringLiteral("e.evidence_level%1, e.title_sort").arg(direction);
        break;
    case SortOrder::Key::Status:
        orderBy = QStringLiteral("e.status%1, e.title_sort").arg(direction);
        break;
    case SortOrder::Key::Updated:
        orderBy = QStringLiteral("e.updated_at%1, e.title_sort").arg(direction);
        break;
    }
    return compiled.matchingSql(m_database.sql(), QStringLiteral("e.id")) +
           QStringLiteral(" ORDER BY %1, e.id LIMIT ? OFFSET ?").arg(orderBy);
}

QStringList SearchEngine::queryPlan(const QString& query) const
{
    const Compiled compiled = compile(parse(query));
    Query plan(m_database, QStringLiteral("EXPLAIN QUERY PLAN ") + pageSql(compiled));
    for (const QVariant& value : compiled.matchingBinds()) {
        plan.bind(value);
    }
    plan.bind(50).bind(0).exec();
    QStringList lines;
    while (plan.next()) {
        lines << plan.text(3);
    }
    return lines;
}

SearchPage SearchEngine::search(const QString& query, int limit, int offset) const
{
    const QueryNode root = parse(query);
    if (m_indexed) {
        if (auto page = m_indexed->page(root, limit, offset)) {
            return *page;
        }
    }
    const Compiled compiled = compile(root);
    SearchPage page;
    page.ranked = compiled.ranked();

    Query rows(m_database, pageSql(compiled));
    for (const QVariant& value : compiled.matchingBinds()) {
        rows.bind(value);
    }
    rows.bind(limit).bind(offset).exec();
    while (rows.next()) {
        page.ids << rows.integer(0);
    }

    // Words alone: FTS5 counts its own matches without touching the exhibits.
    const QString countSql = compiled.ranked() && !compiled.filtered()
                                 ? (m_database.sql().isPostgres()
                                        ? QStringLiteral("SELECT count(*) FROM exhibit_text WHERE search_vector @@ "
                                                         "spotlight_query(?)")
                                        : QStringLiteral("SELECT count(*) FROM exhibit_fts WHERE exhibit_fts MATCH ?"))
                                 : compiled.matchingSql(m_database.sql(), QStringLiteral("count(*)"));
    Query count(m_database, countSql);
    for (const QVariant& value : compiled.matchingBinds()) {
        count.bind(value);
    }
    count.exec();
    page.total = count.next() ? count.integer(0) : 0;
    return page;
}

QList<qint64> SearchEngine::matchingIds(const QString& query, SortOrder order) const
{
    const QueryNode root = parse(query);
    if (m_indexed) {
        if (auto ids = m_indexed->matchingIds(root, order)) {
            return *ids;
        }
    }
    const Compiled compiled = compile(root);
    Query rows(m_database, pageSql(compiled, order));
    for (const QVariant& value : compiled.matchingBinds()) {
        rows.bind(value);
    }
    rows.bind(m_database.sql().noLimit()).bind(0).exec(); // all of them, in page order
    QList<qint64> ids;
    while (rows.next()) {
        ids << rows.integer(0);
    }
    return ids;
}

Facets SearchEngine::facetsOf(const QList<qint64>& ids) const
{
    return m_facetIndex->count(ids);
}

Facets SearchEngine::facets(const QString& query) const
{
    const QueryNode root = parse(query);
    if (root.kind == QueryNode::Kind::All) {
        return m_facetIndex->count(std::nullopt);
    }
    if (m_indexed) {
        if (auto ids = m_indexed->matchingIds(root)) {
            return m_facetIndex->count(*ids);
        }
    }
    const Compiled compiled = compile(root);
    if (!compiled.ranked() && !compiled.filtered()) {
        return m_facetIndex->count(std::nullopt);
    }
    Query rows(m_database, compiled.matchingSql(m_database.sql(), QStringLiteral("e.id")));
    for (const QVariant& value : compiled.matchingBinds()) {
        rows.bind(value);
    }
    rows.exec();
    QList<qint64> ids;
    while (rows.next()) {
        ids << rows.integer(0);
    }
    return m_facetIndex->count(ids);
}

} // namespace spotlight
