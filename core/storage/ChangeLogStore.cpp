#include "ChangeLogStore.h"

#include "storage/Database.h"
#include "storage/Query.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace spotlight {
ChangeLogStore::ChangeLogStore(const Database& database)
    : m_database(database)
    // Asked once: a bulk edit records thousands of entries. On a server, the role that logged in.
    , m_systemUser(database.sql().isPostgres() ? database.scalar(QStringLiteral("SELECT session_user")).toString()
                                               : systemUser())
{}

void ChangeLogStore::setAuthor(const QString& name)
{
    m_author = name.trimmed();
}

QString ChangeLogStore::author() const
{
    if (m_database.sql().isPostgres()) {
        // The role is what the server vouches for: it is always recorded, the name beside it.
        return m_author.isEmpty() || m_author == m_systemUser ? m_systemUser
                                                              : QStringLiteral("%1 (%2)").arg(m_author, m_systemUser);
    }
    return m_author.isEmpty() ? m_systemUser : m_author;
}

QString ChangeLogStore::systemUser()
{
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty()) {
            return name;
        }
    }
#ifdef Q_OS_UNIX
    if (const passwd* account = getpwuid(getuid()); account && account->pw_name) {
        return QString::fromLocal8Bit(account->pw_name);
    }
#endif
    return QStringLiteral("unknown");
}

void ChangeLogStore::record(ChangeLogEntry entry)
{
    if (!entry.at.isValid()) {
        entry.at = QDateTime::currentDateTimeUtc();
    }
    if (entry.who.isEmpty()) {
        entry.who = author();
    }
    m_database
        .statement(QStringLiteral("INSERT INTO change_log (at, who, exhibit_ref, action, field, before, after) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"))
        .bind(entry.at.toUTC().toString(Qt::ISODateWithMs))
        .bind(entry.who)
        .bind(entry.exhibitRef)
        .bind(entry.action)
        .bind(entry.field)
        .bind(entry.before.isNull() ? QVariant() : QVariant(entry.before))
        .bind(entry.after.isNull() ? QVariant() : QVariant(entry.after))
        .exec();
}

qint64 ChangeLogStore::lastId() const
{
    return m_database.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM change_log")).toLongLong();
}

QList<ChangeLogEntry> ChangeLogStore::after(qint64 id, qint64& newest) const
{
    Query rows(
        m_database,
        QStringLiteral("SELECT at, who, exhibit_ref, action, field, id FROM change_log WHERE id > ? ORDER BY id"));
    rows.bind(id).exec();
    QList<ChangeLogEntry> result;
    while (rows.next()) {
        newest = rows.integer(5);
        result.append(ChangeLogEntry{QDateTime::fromString(rows.text(0), Qt::ISODateWithMs),
                                     rows.text(1),
                                     rows.text(2),
                                     rows.text(3),
                                     rows.text(4),
                                     {},
                                     {}});
    }
    return result;
}

QList<ChangeLogEntry> ChangeLogStore::forExhibit(const QString& ref) const
{
    Query rows(m_database, QStringLiteral("SELECT at, who, exhibit_ref, action, field, before, after FROM change_log "
                                          "WHERE exhibit_ref = ? ORDER BY id DESC"));
    rows.bind(ref).exec();
    QList<ChangeLogEntry> result;
    while (rows.next()) {
        result.append(ChangeLogEntry{QDateTime::fromString(rows.text(0), Qt::ISODateWithMs), rows.text(1), rows.text(2),
                                     rows.text(3), rows.text(4), rows.text(5), rows.text(6)});
    }
    return result;
}

} // namespace spotlight
