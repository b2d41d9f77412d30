#pragma once

#include "Error.h"

#include <QString>

#include <vector>

namespace spotlight {

// The syntax tree of a search (PRODUCT.md section 4).
struct QueryNode
{
    enum class Kind
    {
        All, // the empty query
        And,
        Or,
        Not,
        Word,   // matches as a prefix
        Phrase, // "exact phrase"
        Field,  // name:value, e.g. borough:rbkc, level:>=2
    };

    Kind kind = Kind::All;
    QString text;       // Word, Phrase: what was typed; Field: the value
    QString field;      // Field: lower-case name
    QString comparison; // Field "level": "=", ">=", "<=", ">" or "<"
    int column = 1;     // where it starts in the query, from 1
    std::vector<QueryNode> children;
    int length = 0; // Word, Phrase, Field: how many characters of the query it spans
    // Every node: the characters of the query it was read from, with the parentheses around it,
    // so that an edit can replace or remove it and leave the rest as typed.
    int spanColumn = 1;
    int spanLength = 0;
    bool grouped = false; // written in parentheses

    bool isText() const { return kind == Kind::Word || kind == Kind::Phrase; }
};

// A query that cannot be run, with the column it went wrong at.
class QueryError : public Error
{
public:
    QueryError(const QString& message, int column);
    int column() const { return m_column; }

private:
    int m_column;
};

namespace QueryParser {

QueryNode parse(const QString& query);
// The field filters that apply to the whole query (alone, or AND-ed at the top level): what a
// window shows as removable chips.
std::vector<QueryNode> topLevelFields(const QueryNode& root);
// The field names the language knows, for completion and "did you mean".
const QStringList& fieldNames();

} // namespace QueryParser
} // namespace spotlight
