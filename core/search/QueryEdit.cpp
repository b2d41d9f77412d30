#include "QueryEdit.h"

#include <algorithm>

namespace spotlight {
namespace QueryEdit {
namespace {

using Kind = QueryNode::Kind;

qsizetype startOf(const QueryNode& node)
{
    return node.spanColumn - 1;
}

qsizetype endOf(const QueryNode& node)
{
    return node.spanColumn - 1 + node.spanLength;
}

// A filter as it was typed, without any parentheses around it.
QString typedText(const QString& query, const QueryNode& filter)
{
    return query.mid(filter.column - 1, filter.length);
}

// Characters of the query from `start` to `end` replaced by `text`. The splices of one edit never
// overlap, so applying them from the end keeps the places of the others right.
struct Splice
{
    qsizetype start;
    qsizetype end;
    QString text;
};

QString applied(QString query, std::vector<Splice> splices)
{
    std::sort(splices.begin(), splices.end(), [](const Splice& a, const Splice& b) { return a.start > b.start; });
    for (const Splice& splice : splices) {
        query.replace(splice.start, splice.end - splice.start, splice.text);
    }
    return query.trimmed();
}

// The terms AND-ed together at the top of the query.
std::vector<const QueryNode*> topLevelTerms(const QueryNode& root)
{
    std::vector<const QueryNode*> terms;
    if (root.kind == Kind::And) {
        for (const QueryNode& child : root.children) {
            terms.push_back(&child);
        }
    } else if (root.kind != Kind::All) {
        terms.push_back(&root);
    }
    return terms;
}

// Filters on one field, OR-ed: (borough:camden OR borough:hackney).
bool isChoiceGroup(const QueryNode& node)
{
    return node.kind == Kind::Or &&
           std::all_of(node.children.begin(), node.children.end(), [&node](const QueryNode& c) {
               return c.kind == Kind::Field && c.field == node.children.front().field;
           });
}

QueryNode filterNode(const QString& filter)
{
    QueryNode node = QueryParser::parse(filter);
    if (node.kind != Kind::Field) {
        throw QueryError(QStringLiteral("\"%1\" is not one filter such as tag:send").arg(filter), 1);
    }
    return node;
}

Matches orSameAs(const Matches& matches, const QueryNode& wanted)
{
    if (matches) {
        return matches;
    }
    return [wanted](const QueryNode& typed) {
        return typed.field == wanted.field && typed.comparison == wanted.comparison &&
               typed.text.compare(wanted.text, Qt::CaseInsensitive) == 0;
    };
}

// Takes the `removed` ones out of `terms`, the children of `whole` joined by spaces, AND or OR.
// Each goes with the joint before it, or with the one after it when no term before it stays, so
// that no AND or OR is left without a term on either side.
void removeTerms(const QueryNode& whole, const std::vector<const QueryNode*>& terms, const std::vector<bool>& removed,
                 std::vector<Splice>& splices)
{
    if (std::all_of(removed.begin(), removed.end(), [](bool gone) { return gone; })) {
        splices.push_back({startOf(whole), endOf(whole), {}});
        return;
    }
    bool keptBefore = false;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (!removed[i]) {
            keptBefore = true;
        } else if (keptBefore) {
            splices.push_back({endOf(*terms[i - 1]), endOf(*terms[i]), {}});
        } else {
            splices.push_back({startOf(*terms[i]), startOf(*terms[i + 1]), {}});
        }
    }
}

// The splices that take out every filter `matches` accepts among those that apply to the whole
// query; none when there is none.
std::vector<Splice> removals(const QString& query, const QueryNode& root, const Matches& matches)
{
    const std::vector<const QueryNode*> terms = topLevelTerms(root);
    std::vector<bool> removed(terms.size(), false);
    std::vector<Splice> splices;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const QueryNode& term = *terms[i];
        if (term.kind == Kind::Field) {
            removed[i] = matches(term);
            continue;
        }
        if (!isChoiceGroup(term)) {
            continue;
        }
        std::vector<const QueryNode*> alternatives;
        std::vector<bool> gone;
        for (const QueryNode& alternative : term.children) {
            alternatives.push_back(&alternative);
            gone.push_back(matches(alternative));
        }
        const auto kept = std::count(gone.begin(), gone.end(), false);
        if (kept == 0) {
            removed[i] = true;
        } else if (kept == 1) {
            // The one alternative left stands alone, without the group's parentheses.
            const auto left = std::find(gone.begin(), gone.end(), false) - gone.begin();
            splices.push_back({startOf(term), endOf(term), typedText(query, *alternatives.at(std::size_t(left)))});
        } else if (std::size_t(kept) < gone.size()) {
            removeTerms(term, alternatives, gone, splices);
        }
    }
    if (std::find(removed.begin(), removed.end(), true) != removed.end()) {
        removeTerms(root, terms, removed, splices);
    }
    return splices;
}

// `query` with `filter` AND-ed on at the end. A top-level OR is put in parentheses first, since
// `a OR b tag:send` would read as `a OR (b tag:send)`.
QString withFilter(const QString& query, const QueryNode& root, const QString& filter)
{
    if (root.kind == Kind::All) {
        return filter;
    }
    const QString typed = query.trimmed();
    if (root.kind == Kind::Or && !root.grouped) {
        return QLatin1Char('(') + typed + QStringLiteral(") ") + filter;
    }
    return typed + QLatin1Char(' ') + filter;
}

// Whether `filter` stands as a term of its own in a query that cannot be parsed.
bool containsTerm(const QString& query, const QString& filter)
{
    for (qsizetype at = query.indexOf(filter, 0, Qt::CaseInsensitive); at >= 0;
         at = query.indexOf(filter, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + filter.size();
        const bool startsTerm = at == 0 || query.at(at - 1).isSpace() || query.at(at - 1) == QLatin1Char('(');
        const bool endsTerm = end == query.size() || query.at(end).isSpace() || query.at(end) == QLatin1Char(')');
        if (startsTerm && endsTerm) {
            return true;
        }
    }
    return false;
}

// A query that cannot be parsed is not rewritten: the filter is appended, unless it is there.
QString toggledUnparsed(const QString& query, const QString& filter)
{
    if (containsTerm(query, filter)) {
        return query;
    }
    qsizetype end = query.size();
    while (end > 0 && query.at(end - 1).isSpace()) {
        --end;
    }
    return end == 0 ? filter : query.left(end) + QLatin1Char(' ') + filter;
}

} // namespace

QString filterTerm(const QString& field, const QString& value)
{
    QString text = value;
    text.remove(QLatin1Char('"'));
    text = text.trimmed();
    const bool quote = text.isEmpty() || std::any_of(text.begin(), text.end(), [](QChar c) {
                           return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')');
                       });
    return field + QLatin1Char(':') + (quote ? QLatin1Char('"') + text + QLatin1Char('"') : text);
}

QString toggleFilter(const QString& query, const QString& filter, const Matches& matches)
{
    const QString term = filter.trimmed();
    const Matches isWanted = orSameAs(matches, filterNode(term));
    QueryNode root;
    try {
        root = QueryParser::parse(query);
    } catch (const QueryError&) {
        return toggledUnparsed(query, term);
    }
    const std::vector<const QueryNode*> terms = topLevelTerms(root);
    std::vector<bool> removed;
    for (const QueryNode* each : terms) {
        removed.push_back(each->kind == Kind::Field && isWanted(*each));
    }
    if (std::find(removed.begin(), removed.end(), true) == removed.end()) {
        return withFilter(query, root, term);
    }
    std::vector<Splice> splices;
    removeTerms(root, terms, removed, splices);
    return applied(query, splices);
}

QString toggleChoice(const QString& query, const QString& filter, const Matches& matches)
{
    const QString term = filter.trimmed();
    const QueryNode wanted = filterNode(term);
    QueryNode root;
    try {
        root = QueryParser::parse(query);
    } catch (const QueryError&) {
        return toggledUnparsed(query, term);
    }
    if (std::vector<Splice> splices = removals(query, root, orSameAs(matches, wanted)); !splices.empty()) {
        return applied(query, splices);
    }
    for (const QueryNode* each : topLevelTerms(root)) {
        if (each->kind == Kind::Field && each->field == wanted.field) {
            const QString group =
                QLatin1Char('(') + typedText(query, *each) + QStringLiteral(" OR ") + term + QLatin1Char(')');
            return applied(query, {{startOf(*each), endOf(*each), group}});
        }
        if (isChoiceGroup(*each) && each->children.front().field == wanted.field) {
            const qsizetype end = endOf(each->children.back());
            return applied(query, {{end, end, QStringLiteral(" OR ") + term}});
        }
    }
    return withFilter(query, root, term);
}

QString removeFilter(const QString& query, const QString& filter, const Matches& matches)
{
    const Matches isWanted = orSameAs(matches, filterNode(filter.trimmed()));
    try {
        const QueryNode root = QueryParser::parse(query);
        std::vector<Splice> splices = removals(query, root, isWanted);
        return splices.empty() ? query : applied(query, std::move(splices));
    } catch (const QueryError&) {
        return query;
    }
}

std::vector<std::vector<QueryNode>> chosenFilters(const QueryNode& root)
{
    std::vector<std::vector<QueryNode>> chosen;
    for (const QueryNode* term : topLevelTerms(root)) {
        if (term->kind == Kind::Field) {
            chosen.push_back({*term});
        } else if (isChoiceGroup(*term)) {
            chosen.push_back(term->children);
        }
    }
    return chosen;
}

std::vector<QueryNode> andedTerms(const QueryNode& root)
{
    std::vector<QueryNode> terms;
    for (const QueryNode* term : topLevelTerms(root)) {
        terms.push_back(*term);
    }
    return terms;
}

QString withoutTerm(const QString& query, std::size_t index)
{
    const QueryNode root = QueryParser::parse(query);
    const std::vector<const QueryNode*> terms = topLevelTerms(root);
    if (index >= terms.size()) {
        return query;
    }
    std::vector<bool> removed(terms.size(), false);
    removed[index] = true;
    std::vector<Splice> splices;
    removeTerms(root, terms, removed, splices);
    return applied(query, splices);
}

} // namespace QueryEdit
} // namespace spotlight
