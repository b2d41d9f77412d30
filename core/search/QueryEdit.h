#pragma once

#include "Query.h"

#include <QString>

#include <functional>
#include <vector>

namespace spotlight {

// Edits to a query made by a window's filters, facets and map: a filter such as `tag:send` is
// added or taken away through the query's syntax tree, and every other term stays exactly as the
// person typed it (spacing, case, phrases, OR groups, negations and parentheses). Only filters
// that apply to the whole query are ever removed: one AND-ed at the top level, or, for
// toggleChoice and removeFilter, one of a top-level OR group of filters on one field. A `-tag:send`
// or a `tag:send` inside another OR group is left alone. A query that cannot be parsed is never
// rewritten: a filter is appended to it, or it is returned as it is.
namespace QueryEdit {

// Decides whether a filter in the query is the one being edited. By default: the same field,
// comparison and value, ignoring case. A window may pass a wider test, e.g. any name of a borough.
// It is only ever asked about Field nodes.
using Matches = std::function<bool(const QueryNode& filter)>;

// `field:value` as the query language reads it: quoted when the value has a space or a
// parenthesis, e.g. borough:"Barking & Dagenham". A double quote cannot be written inside a
// value, so any is left out.
QString filterTerm(const QString& field, const QString& value);

// `query` without `filter` if it is one of the terms AND-ed at its top level; else `query` with
// `filter` AND-ed on at the end. `filter` is a single field term, e.g. tag:send; anything else
// throws QueryError.
QString toggleFilter(const QString& query, const QString& filter, const Matches& matches = {});

// For filters that are alternatives, such as boroughs chosen on the map: `query` without `filter`
// wherever removeFilter would take it out; else with `filter` OR-ed into the first top-level
// filter or OR group on the same field, `(borough:camden OR borough:hackney)`, or AND-ed on at
// the end when there is none. The last alternative left in a group becomes a plain term.
QString toggleChoice(const QString& query, const QString& filter, const Matches& matches = {});

// `query` without `filter` where it is AND-ed at the top level or one of a top-level OR group of
// filters on one field; the query itself when it is in neither.
QString removeFilter(const QString& query, const QString& filter, const Matches& matches = {});

// The filters that apply to the whole query, in order: each entry holds one filter AND-ed at
// the top level, or the alternatives of a top-level OR group of filters on one field. What a
// window shows as chips, and as authorities chosen on the map.
std::vector<std::vector<QueryNode>> chosenFilters(const QueryNode& root);

// The terms that must all match, AND-ed at the top level of `root` (the root itself when it is no
// AND; none for the empty query), each with its span in the query it was parsed from.
std::vector<QueryNode> andedTerms(const QueryNode& root);

// `query` without its `index`th top-level term (andedTerms), every other term as typed, and no
// AND left without a term on either side. The query itself when it has no such term.
QString withoutTerm(const QString& query, std::size_t index);

} // namespace QueryEdit
} // namespace spotlight
