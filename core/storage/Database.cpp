#include "Database.h"

#include "Error.h"
#include "PostgresDatabase.h"
#include "Query.h"
#include "SqliteDatabase.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace spotlight {

bool Database::isServerAddress(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<Database> Database::open(const QString& location, OpenMode mode, int busyTimeoutMs)
{
    if (isServerAddress(location)) {
        return PostgresDatabase::open(location, mode);
    }
    return SqliteDatabase::open(location, mode, busyTimeoutMs);
}

QString Database::uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("spotlight-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::Database(QString path, QString connectionName, bool readOnly, SqlBackend backend)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_readOnly(readOnly)
    , m_dialect(backend)
{}

Database::~Database()
{
    m_statements.clear(); // statements go before their connection
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::listenForChanges(std::function<void(const QString&)>)
{
    return false;
}

void Database::forgetStatements() const
{
    m_statements.clear();
}

void Database::finishStatements() const
{
    for (const auto& [sql, statement] : m_statements) {
        statement->finish();
    }
}

Query& Database::statement(const QString& sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        found = m_statements.emplace(sql, std::make_unique<Query>(*this, sql)).first;
    }
    found->second->reset(); // a caller that failed half-way through binding left it mid-way
    return *found->second;
}

void Database::exec(const QString& sql) const
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        fail(query.lastError(), QStringLiteral("running a query"));
    }
}

QVariant Database::scalar(const QString& sql) const
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        fail(query.lastError(), QStringLiteral("reading"));
    }
    return query.next() ? query.value(0) : QVariant();
}

QString Database::readOnlyMessage() const
{
    return QStringLiteral("%1 is read-only, so this change cannot be saved. Nothing was changed; copy the "
                          "catalogue or ask for write access to edit it.")
        .arg(m_path);
}

void Database::requireWritable() const
{
    if (m_readOnly) {
        throw Error(readOnlyMessage());
    }
}

} // namespace spotlight
