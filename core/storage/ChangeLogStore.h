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
    // The entries after `id`, oldest first, without their values.
    QList<ChangeLogEntry> after(qint64 id) const;

    // The name recorded as the author of changes: set by the write path, else the OS user name.
    void setAuthor(const QString& name);
    QString author() const;

private:
    const Database& m_database;
    QString m_author;
};

} // namespace spotlight
