#include "Query.h"

#include "Database.h"

#include <QSqlError>

namespace spotlight {

Query::Query(const Database& database, const QString& sql)
    : m_database(database)
    , m_query(database.connection())
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql)) {
        m_database.fail(m_query.lastError(), QStringLiteral("preparing a query"));
    }
}

Query& Query::bind(const QVariant& value)
{
    // A null QString would be stored as SQL NULL; text columns hold '' instead. Callers that mean
    // NULL pass an invalid QVariant.
    if (value.typeId() == QMetaType::QString && value.toString().isNull()) {
        m_query.bindValue(m_nextBind++, QStringLiteral(""));
    } else {
        m_query.bindValue(m_nextBind++, value);
    }
    return *this;
}

Query& Query::exec()
{
    m_nextBind = 0;
    if (!m_query.exec()) {
        m_database.fail(m_query.lastError(), QStringLiteral("running a query"));
    }
    return *this;
}

} // namespace spotlight
