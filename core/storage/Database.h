#pragma once

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>
#include <optional>

class QSqlError;
struct sqlite3;

namespace spotlight {

class Query;

// One open catalogue file: a named Qt Sql connection with foreign keys on, WAL, a busy timeout
// and a synchronous mode that survives a killed process. The connection belongs to the thread
// that opened it.
//
// Opening never changes a file it cannot read as a Spotlight catalogue: missing, corrupt, foreign,
// newer-schema, locked and read-only files each raise an Error that names the file and the problem.
class Database
{
public:
    enum class OpenMode
    {
        MustExist,       // refuse a missing file
        CreateIfMissing, // a missing file becomes an empty, current-schema catalogue
    };

    static constexpr int DefaultBusyTimeoutMs = 5000;

    static std::unique_ptr<Database> open(const QString& path, OpenMode mode, int busyTimeoutMs = DefaultBusyTimeoutMs);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    QSqlDatabase connection() const;
    // SQLite's own handle under Qt's driver, for bulk reads where Qt Sql's per-row QVariants cost
    // more than the query (a 100,000-row export). Owned by the connection.
    sqlite3* handle() const;

    int schemaVersion() const;
    // True when the file holds no tables yet: a new catalogue.
    bool isBlank() const;

    // A prepared statement kept for the life of the connection, for hot paths that run the same SQL
    // thousands of times. Finish reading its rows before asking for the same SQL again.
    Query& statement(const QString& sql) const;

    // How many transactions this connection has committed: lets caches notice our own changes
    // (PRAGMA data_version tells them about other connections').
    quint64 commitCount() const { return m_commits; }
    // Moves on whenever another connection, in this process or another, commits a change.
    qint64 dataVersion() const;
    void noteCommit() const { ++m_commits; }
    // True between BEGIN and COMMIT: what this connection reads may not be committed yet.
    bool inTransaction() const;

    void exec(const QString& sql) const;
    QVariant scalar(const QString& sql) const;

    // A consistent copy of the whole catalogue, written beside `target` and renamed into place,
    // so a failure leaves no half-written file.
    void copyTo(const QString& target) const;
    // Empty while the write-ahead log this connection opened is still the file at PATH-wal; else
    // what happened to it. Another program that deletes or replaces the WAL takes every change not
    // yet copied into the catalogue file with it, and SQLite cannot tell: this can.
    QString walProblem() const;

    // Turns a driver error into an Error whose message names this file and says what to do.
    [[noreturn]] void fail(const QSqlError& error, const QString& doing) const;
    // Raised before any write on a read-only catalogue.
    void requireWritable() const;

private:
    Database(QString path, QString connectionName, bool readOnly);
    void startWriting(bool blank);
    bool looksLikeSqlite() const;
    void checkIsOurs() const;

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    mutable std::map<QString, std::unique_ptr<Query>> m_statements;
    mutable quint64 m_commits = 0;
    // The device and inode of PATH-wal as this connection found it, when it writes through a WAL.
    std::optional<std::pair<quint64, quint64>> m_wal;
};

} // namespace spotlight
