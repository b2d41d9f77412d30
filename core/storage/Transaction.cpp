#include "Transaction.h"

#include "Database.h"

#include <QSqlQuery>

namespace spotlight {

Transaction::Transaction(const Database& database)
    : m_database(database)
{
    m_database.requireWritable();
    m_database.beginWrite();
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open && m_database.connection().isOpen()) {
        // Not exec(): a destructor must not throw, and a failed rollback leaves SQLite rolling back
        // on the next open anyway, and a server rolling back when the connection ends.
        QSqlQuery rollback(m_database.connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    m_database.commitWrite();
    m_open = false;
    m_database.noteCommit();
}

} // namespace spotlight
