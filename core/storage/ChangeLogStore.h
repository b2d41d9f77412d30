#pragma once

#include "domain/ChangeLogEntry.h"

#include <QList>

namespace spotlight {

class Database;

// Who changed what, when, with the values before and after. Entries are only ever added.
class ChangeLogStore
{
public:
    explicit ChangeLogStore(const Database& database);

    // Records the entry; its time defaults to now and its author to the current user.
    void record(ChangeLogEntry entry);
    QList<ChangeLogEntry> forExhibit(const QString& ref) const;
    // The id of the newest entry, or 0.
    qint64 lastId() const;
    // The entries after `id`, oldest first, without their values; `newest` becomes the id of the
    // last one read (or stays as it was when there are none).
    QList<ChangeLogEntry> after(qint64 id, qint64& newest) const;

    // The name recorded as the author of changes: set by the write path, else the OS user name.
    void setAuthor(const QString& name);
    QString author() const;

private:
    static QString systemUser();

    const Database& m_database;
    QString m_author;
    QString m_systemUser;
};

} // namespace spotlight
