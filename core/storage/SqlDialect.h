#pragma once

#include <QString>
#include <QVariant>

namespace spotlight {

enum class SqlBackend
{
    Sqlite,
    Postgres,
};

// The few pieces of SQL that SQLite and PostgreSQL spell differently, so that the stores and the
// search engine write one statement for both. Everything else they write is common SQL.
class SqlDialect
{
public:
    explicit SqlDialect(SqlBackend backend)
        : m_backend(backend)
    {}

    SqlBackend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == SqlBackend::Postgres; }

    // A subquery giving the integers of a JSON array bound to its one '?': "[1,2,3]". One value bound
    // stands for a list of any length, so the statement can be prepared once.
    QString integersIn() const;
    // The same with each integer's place in the array: columns value and position.
    QString integersInOrder() const;
    // The same for a JSON array of strings.
    QString textsIn() const;
    // An aggregate joining `expression` over a group's rows with `separator` (an SQL literal).
    QString joined(const QString& expression, const QString& separator) const;
    // The larger of two values (SQLite's two-argument max).
    QString greatest(const QString& a, const QString& b) const;
    // The value to bind to LIMIT for "no limit".
    QVariant noLimit() const;
    // An aggregate giving a group's values of `expression` as a JSON array.
    QString jsonArrayOf(const QString& expression) const;

private:
    SqlBackend m_backend;
};

} // namespace spotlight
