#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace spotlight {

class Database;

// A prepared statement that raises an Error naming the catalogue when anything fails, so callers
// never check return codes. Values are always bound, never spliced into the SQL text.
class Query
{
public:
    Query(const Database& database, const QString& sql);

    // Binds the next '?'. A null QString is bound as '' (text columns are NOT NULL); pass an
    // invalid QVariant for SQL NULL.
    Query& bind(const QVariant& value);
    // Forgets values bound since the last run, so the next bind() is the first '?' again.
    void reset() { m_nextBind = 0; }
    // Ends reading, so the statement no longer holds the database busy (VACUUM needs none active).
    void finish() { m_query.finish(); }
    // Runs the statement with the values bound since the last run.
    Query& exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    // Runs a query expected to give at most one row and returns its first column, finishing the
    // statement so that it holds no read transaction open afterwards.
    std::optional<qint64> singleInteger()
    {
        exec();
        std::optional<qint64> result;
        if (next()) {
            result = integer(0);
        }
        finish();
        return result;
    }
    // The same, for a text column; empty when there is no row.
    QString singleText()
    {
        exec();
        QString result;
        if (next()) {
            result = text(0);
        }
        finish();
        return result;
    }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

private:
    const Database& m_database;
    QSqlQuery m_query;
    QString m_sql;
    int m_nextBind = 0;
};

} // namespace spotlight
