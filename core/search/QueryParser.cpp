#include "Query.h"
#include "domain/Suggest.h"

#include <QStringList>

namespace spotlight {

QueryError::QueryError(const QString& message, int column)
    : Error(QStringLiteral("%1 (column %2)").arg(message).arg(column))
    , m_column(column)
{}

namespace QueryParser {
namespace {

struct Token
{
    enum class Type
    {
        Word,
        Phrase,
        Field,
        Open,
        Close,
        Or,
        And,
        Not,
        End,
    };
    Type type = Type::End;
    QString text;
    QString field;
    QString comparison;
    int column = 1;
    int length = 0;
};

bool endsWord(QChar c)
{
    return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('"');
}

class Lexer
{
public:
    explicit Lexer(const QString& text)
        : m_text(text)
    {}

    std::vector<Token> tokens()
    {
        std::vector<Token> result;
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size()) {
                result.push_back(Token{Token::Type::End, {}, {}, {}, column()});
                return result;
            }
            const qsizetype start = m_pos;
            Token token = next();
            token.length = int(m_pos - start);
            result.push_back(token);
        }
    }

private:
    int column() const { return int(m_pos) + 1; }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace()) {
            ++m_pos;
        }
    }

    QString quoted()
    {
        const int start = column();
        ++m_pos; // opening quote
        const qsizetype close = m_text.indexOf(QLatin1Char('"'), m_pos);
        if (close < 0) {
            throw QueryError(QStringLiteral("This quote is never closed; add a closing \""), start);
        }
        const QString inside = m_text.mid(m_pos, close - m_pos);
        m_pos = close + 1;
        return inside;
    }

    Token next()
    {
        const int start = column();
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('(')) {
            ++m_pos;
            return Token{Token::Type::Open, {}, {}, {}, start};
        }
        if (c == QLatin1Char(')')) {
            ++m_pos;
            return Token{Token::Type::Close, {}, {}, {}, start};
        }
        if (c == QLatin1Char('"')) {
            return Token{Token::Type::Phrase, quoted(), {}, {}, start};
        }
        // "-word", "-\"phrase\"" and "-(group)" leave things out; a lone "-" is just punctuation.
        if (c == QLatin1Char('-') && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) != QLatin1Char(')') &&
            !m_text.at(m_pos + 1).isSpace()) {
            ++m_pos;
            return Token{Token::Type::Not, {}, {}, {}, start};
        }
        qsizetype end = m_pos;
        while (end < m_text.size() && !endsWord(m_text.at(end))) {
            ++end;
        }
        const QString word = m_text.mid(m_pos, end - m_pos);
        m_pos = end;
        if (word == QLatin1String("OR")) {
            return Token{Token::Type::Or, word, {}, {}, start};
        }
        if (word == QLatin1String("AND")) {
            return Token{Token::Type::And, word, {}, {}, start};
        }
        if (word == QLatin1String("NOT")) {
            return Token{Token::Type::Not, word, {}, {}, start};
        }
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        if (colon > 0 && isFieldName(word.left(colon))) {
            return field(word.left(colon).toLower(), word.mid(colon + 1), start);
        }
        return Token{Token::Type::Word, word, {}, {}, start};
    }

    static bool isFieldName(const QString& name)
    {
        for (const QChar c : name) {
            if (!c.isLetter()) {
                return false;
            }
        }
        return true;
    }

    Token field(const QString& name, QString value, int start)
    {
        if (!fieldNames().contains(name)) {
            const QStringList suggestions = closestMatches(name, fieldNames(), 1);
            const QString hint = suggestions.isEmpty()
                                     ? QStringLiteral("the fields are %1").arg(fieldNames().join(QStringLiteral(", ")))
                                     : QStringLiteral("did you mean \"%1:\"?").arg(suggestions.first());
            throw QueryError(QStringLiteral("Unknown field \"%1:\"; %2 To search for the text itself, put it in quotes")
                                 .arg(name, hint + QLatin1Char('.')),
                             start);
        }
        Token token{Token::Type::Field, {}, name, {}, start};
        if (name == QLatin1String("level")) {
            for (const char* comparison : {">=", "<=", ">", "<", "="}) {
                if (value.startsWith(QLatin1String(comparison))) {
                    token.comparison = QLatin1String(comparison);
                    value = value.mid(token.comparison.size());
                    break;
                }
            }
            if (token.comparison.isEmpty()) {
                token.comparison = QStringLiteral("=");
            }
        }
        if (value.isEmpty() && m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('"')) {
            value = quoted();
        }
        if (value.trimmed().isEmpty()) {
            throw QueryError(QStringLiteral("\"%1:\" needs a value, e.g. %2").arg(name, exampleFor(name)), start);
        }
        token.text = value.trimmed();
        return token;
    }

    static QString exampleFor(const QString& field)
    {
        if (field == QLatin1String("level")) {
            return QStringLiteral("level:>=2");
        }
        if (field == QLatin1String("has")) {
            return QStringLiteral("has:evidence");
        }
        if (field == QLatin1String("borough")) {
            return QStringLiteral("borough:hackney");
        }
        return field + QStringLiteral(":\"…\"");
    }

    const QString& m_text;
    qsizetype m_pos = 0;
};

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    QueryNode parseQuery()
    {
        if (peek().type == Token::Type::End) {
            return QueryNode{};
        }
        QueryNode node = parseOr();
        if (peek().type == Token::Type::Close) {
            throw QueryError(QStringLiteral("This \")\" has no matching \"(\""), peek().column);
        }
        return node;
    }

private:
    // Each "(" and each "-" nests the query one level deeper, and so the SQL and FTS5 expressions
    // compiled from it. SQLite's and FTS5's parsers give up at about 30 levels with an error no
    // person could act on, so the limit stops well inside theirs, far beyond any real search.
    static constexpr int MaxNesting = 10;

    class Nesting
    {
    public:
        Nesting(Parser& parser, int column)
            : m_parser(parser)
        {
            if (++m_parser.m_nesting > MaxNesting) {
                throw QueryError(QStringLiteral("The query nests \"(\" and \"-\" more than %1 deep; write it "
                                                "more simply")
                                     .arg(MaxNesting),
                                 column);
            }
        }
        ~Nesting() { --m_parser.m_nesting; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& m_parser;
    };

    const Token& peek() const { return m_tokens.at(m_index); }
    const Token& take() { return m_tokens.at(m_index++); }

    static int spanEnd(const QueryNode& node) { return node.spanColumn + node.spanLength; }

    static QueryNode leaf(QueryNode node)
    {
        node.spanColumn = node.column;
        node.spanLength = node.length;
        return node;
    }

    // An AND or OR spans its first child to its last, and whatever joins them.
    static void spanChildren(QueryNode& node)
    {
        node.spanColumn = node.children.front().spanColumn;
        node.spanLength = spanEnd(node.children.back()) - node.spanColumn;
    }

    static bool startsTerm(Token::Type type)
    {
        return type == Token::Type::Word || type == Token::Type::Phrase || type == Token::Type::Field ||
               type == Token::Type::Open || type == Token::Type::Not;
    }

    QueryNode parseOr()
    {
        QueryNode first = parseAnd();
        if (peek().type != Token::Type::Or) {
            return first;
        }
        QueryNode node{QueryNode::Kind::Or, {}, {}, {}, first.column, {}};
        node.children.push_back(std::move(first));
        while (peek().type == Token::Type::Or) {
            const Token orToken = take();
            if (!startsTerm(peek().type)) {
                throw QueryError(QStringLiteral("\"OR\" needs something to search for on its right"), orToken.column);
            }
            node.children.push_back(parseAnd());
        }
        spanChildren(node);
        return node;
    }

    QueryNode parseAnd()
    {
        if (!startsTerm(peek().type)) {
            const Token& token = peek();
            if (token.type == Token::Type::Or || token.type == Token::Type::And) {
                throw QueryError(QStringLiteral("\"%1\" needs something to search for on its left").arg(token.text),
                                 token.column);
            }
            if (token.type == Token::Type::Close) {
                throw QueryError(QStringLiteral("This \")\" has no matching \"(\" or nothing inside"), token.column);
            }
            throw QueryError(QStringLiteral("The query ends where a search term was expected"), token.column);
        }
        QueryNode node{QueryNode::Kind::And, {}, {}, {}, peek().column, {}};
        while (true) {
            if (peek().type == Token::Type::And) {
                const Token andToken = take();
                if (!startsTerm(peek().type)) {
                    throw QueryError(QStringLiteral("\"AND\" needs something to search for on its right"),
                                     andToken.column);
                }
            }
            if (!startsTerm(peek().type)) {
                break;
            }
            node.children.push_back(parseUnary());
        }
        if (node.children.size() == 1) {
            return std::move(node.children.front());
        }
        spanChildren(node);
        return node;
    }

    QueryNode parseUnary()
    {
        if (peek().type == Token::Type::Not) {
            const Token notToken = take();
            if (!startsTerm(peek().type)) {
                throw QueryError(QStringLiteral("\"-\" or \"NOT\" needs something to leave out"), notToken.column);
            }
            QueryNode node{QueryNode::Kind::Not, {}, {}, {}, notToken.column, {}};
            const Nesting nesting(*this, notToken.column);
            node.children.push_back(parseUnary());
            node.spanColumn = notToken.column;
            node.spanLength = spanEnd(node.children.back()) - notToken.column;
            return node;
        }
        const Token token = take();
        switch (token.type) {
        case Token::Type::Open: {
            if (peek().type == Token::Type::Close) {
                throw QueryError(QStringLiteral("These parentheses hold nothing"), token.column);
            }
            const Nesting nesting(*this, token.column);
            QueryNode inner = parseOr();
            if (peek().type != Token::Type::Close) {
                throw QueryError(QStringLiteral("This \"(\" is never closed; add a \")\""), token.column);
            }
            const Token& close = take();
            inner.spanColumn = token.column;
            inner.spanLength = close.column + close.length - token.column;
            inner.grouped = true;
            return inner;
        }
        case Token::Type::Word:
            return leaf(QueryNode{QueryNode::Kind::Word, token.text, {}, {}, token.column, {}, token.length});
        case Token::Type::Phrase:
            return leaf(QueryNode{QueryNode::Kind::Phrase, token.text, {}, {}, token.column, {}, token.length});
        case Token::Type::Field:
            return leaf(QueryNode{
                QueryNode::Kind::Field, token.text, token.field, token.comparison, token.column, {}, token.length});
        default:
            throw QueryError(QStringLiteral("A search term was expected here"), token.column);
        }
    }

    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
    int m_nesting = 0;
};

} // namespace

const QStringList& fieldNames()
{
    static const QStringList names{
        QStringLiteral("borough"), QStringLiteral("category"), QStringLiteral("tag"),
        QStringLiteral("status"),  QStringLiteral("edition"),  QStringLiteral("level"),
        QStringLiteral("kind"),    QStringLiteral("has"),      QStringLiteral("contact"),
    };
    return names;
}

std::vector<QueryNode> topLevelFields(const QueryNode& root)
{
    if (root.kind == QueryNode::Kind::Field) {
        return {root};
    }
    std::vector<QueryNode> fields;
    if (root.kind == QueryNode::Kind::And) {
        for (const QueryNode& child : root.children) {
            if (child.kind == QueryNode::Kind::Field) {
                fields.push_back(child);
            }
        }
    }
    return fields;
}

QueryNode parse(const QString& query)
{
    constexpr int MaxQueryLength = 2000;
    if (query.size() > MaxQueryLength) {
        throw QueryError(
            QStringLiteral("The query is %1 characters long; the limit is %2").arg(query.size()).arg(MaxQueryLength),
            MaxQueryLength + 1);
    }
    return Parser(Lexer(query).tokens()).parseQuery();
}

} // namespace QueryParser
} // namespace spotlight
