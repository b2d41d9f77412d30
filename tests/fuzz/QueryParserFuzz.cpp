// The query parser on any text: it either reads a tree whose every span lies inside the query, or
// throws QueryError with a column in or just after the query. Edits through a parsed tree keep
// their promise: toggling a filter on adds it at the top level, or takes the one there away.
#include "FuzzSupport.h"
#include "search/Query.h"
#include "search/QueryEdit.h"

#include <QString>

#include <optional>

using namespace spotlight;

namespace {

constexpr int MaxQueryLength = 2000; // QueryParser refuses longer queries

void checkSpans(const QString& query, const QueryNode& node)
{
    const qsizetype size = query.size();
    if (node.spanColumn < 1 || node.spanLength < 0 || node.spanColumn - 1 + node.spanLength > size) {
        fuzz::finding("a parse-tree span outside the query",
                      QStringLiteral("span %1+%2 of %3").arg(node.spanColumn).arg(node.spanLength).arg(size));
    }
    const bool typed = node.kind == QueryNode::Kind::Word || node.kind == QueryNode::Kind::Phrase ||
                       node.kind == QueryNode::Kind::Field;
    if (typed && (node.column < 1 || node.length < 0 || node.column - 1 + node.length > size)) {
        fuzz::finding("a term outside the query",
                      QStringLiteral("term %1+%2 of %3").arg(node.column).arg(node.length).arg(size));
    }
    for (const QueryNode& child : node.children) {
        checkSpans(query, child);
    }
}

int topLevelFuzzTags(const QueryNode& root)
{
    int count = 0;
    for (const QueryNode& field : QueryParser::topLevelFields(root)) {
        count +=
            field.field == QLatin1String("tag") && field.text.compare(QLatin1String("fuzz"), Qt::CaseInsensitive) == 0;
    }
    return count;
}

// A query that a facet click made from `query` parses. A filter added to "A OR B" wraps it,
// "(A OR B) tag:x", one level deeper: a query already nested to the limit is then refused with the
// nesting message, which the person reads under the search bar. Any other error is a finding.
std::optional<QueryNode> editedQuery(const char* edit, const QString& query, const QString& edited)
{
    try {
        return QueryParser::parse(edited);
    } catch (const QueryError& error) {
        if (!error.message().startsWith(QLatin1String("The query nests"))) {
            fuzz::finding(
                "a facet click made a query that does not parse",
                QStringLiteral("%1: «%2» became «%3»: %4").arg(QLatin1String(edit), query, edited, error.message()));
        }
        return std::nullopt;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString query = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QueryNode root;
    try {
        root = QueryParser::parse(query);
    } catch (const QueryError& error) {
        if (error.column() < 1 || error.column() > std::max<qsizetype>(query.size(), MaxQueryLength) + 1) {
            fuzz::finding("a QueryError column outside the query", error.message());
        }
        return 0;
    }
    checkSpans(query, root);
    [[maybe_unused]] const auto chips = QueryEdit::chosenFilters(root);

    const int before = topLevelFuzzTags(root);
    if (before > 1) {
        return 0;
    }
    const QString toggled = QueryEdit::toggleFilter(query, QStringLiteral("tag:fuzz"));
    if (toggled.size() > MaxQueryLength) {
        return 0;
    }
    if (const auto parsed = editedQuery("toggleFilter", query, toggled)) {
        if (topLevelFuzzTags(*parsed) != 1 - before) {
            fuzz::finding("toggleFilter(tag:fuzz) did not toggle the top-level filter",
                          QStringLiteral("«%1» became «%2»").arg(query, toggled));
        }
    }
    const QString chosen = QueryEdit::toggleChoice(query, QStringLiteral("borough:camden"));
    if (chosen.size() <= MaxQueryLength) {
        editedQuery("toggleChoice", query, chosen);
    }
    return 0;
}
