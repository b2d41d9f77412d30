#pragma once

#include "Database.h"

#include <optional>
#include <utility>

struct sqlite3;

namespace spotlight {

// A catalogue file: foreign keys on, WAL, a busy timeout and a synchronous mode that survives a
// killed process.
class SqliteDatabase final : public Database
{
public:
    static std::unique_ptr<Database> open(const QString& path, OpenMode mode, int busyTimeoutMs);

    // SQLite's own handle under Qt's driver, for bulk reads where Qt Sql's per-row QVariants cost
    // more than the query (a 100,000-row export). Owned by the connection.
    sqlite3* handle() const;

    int schemaVersion() const override;
    void setSchemaVersion(int version) const override;
    bool isBlank() const override;
    qint64 dataVersion() const override;
    bool inTransaction() const override;
    void beginWrite() const override;
    QString name() const override;
    void copyTo(const QString& target) const override;
    // Empty while the write-ahead log this connection opened is still the file at PATH-wal; else
    // what happened to it. Another program that deletes or replaces the WAL takes every change not
    // yet copied into the catalogue file with it, and SQLite cannot tell: this can.
    QString walProblem() const override;
    [[noreturn]] void fail(const QSqlError& error, const QString& doing) const override;

private:
    SqliteDatabase(QString path, QString connectionName, bool readOnly);
    void startWriting(bool blank);
    bool looksLikeSqlite() const;
    void checkIsOurs() const;

    // The device and inode of PATH-wal as this connection found it, when it writes through a WAL.
    std::optional<std::pair<quint64, quint64>> m_wal;
};

} // namespace spotlight
