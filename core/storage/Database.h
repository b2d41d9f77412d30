#pragma once

#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <map>
#include <memory>

class QSqlError;

namespace spotlight {

class Query;

// One open catalogue: a named Qt Sql connection to an SQLite file (SqliteDatabase) or to a team
// catalogue on a PostgreSQL server (PostgresDatabase), with what differs between the two behind
// this interface. The connection belongs to the thread that opened it.
//
// Opening never changes a catalogue it cannot read as a Spotlight catalogue: missing, corrupt,
// foreign, newer-schema, locked, read-only and unreachable ones each raise an Error that names the
// catalogue and the problem.
class Database
{
public:
    enum class OpenMode
    {
        MustExist,       // refuse a missing catalogue
        CreateIfMissing, // a missing one becomes an empty, current-schema catalogue
    };

    static constexpr int DefaultBusyTimeoutMs = 5000;

    // `location` is a file path, or a postgresql:// address of a team catalogue.
    static std::unique_ptr<Database> open(const QString& location, OpenMode mode,
                                          int busyTimeoutMs = DefaultBusyTimeoutMs);
    static bool isServerAddress(const QString& location);
    virtual ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The file path, or the server address without any password: what messages name.
    const QString& path() const { return m_path; }
    // What a title bar calls the catalogue: the file's name, or the database's.
    virtual QString name() const = 0;
    // Where it is, for a sentence: the file's path, or "database spotlight on db.example.org:5432".
    virtual QString describe() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    SqlBackend backend() const { return m_dialect.backend(); }
    const SqlDialect& sql() const { return m_dialect; }
    QSqlDatabase connection() const;

    virtual int schemaVersion() const = 0;
    virtual void setSchemaVersion(int version) const = 0;
    // True when the catalogue holds no tables yet: a new one.
    virtual bool isBlank() const = 0;

    // A prepared statement kept for the life of the connection, for hot paths that run the same SQL
    // thousands of times. Finish reading its rows before asking for the same SQL again.
    Query& statement(const QString& sql) const;

    // How many transactions this connection has committed: lets caches notice our own changes
    // (dataVersion() tells them about other connections').
    quint64 commitCount() const { return m_commits; }
    // Moves on whenever another connection, in this process or another, commits a change.
    virtual qint64 dataVersion() const = 0;
    void noteCommit() const { ++m_commits; }
    // True between BEGIN and COMMIT: what this connection reads may not be committed yet.
    virtual bool inTransaction() const = 0;
    // Starts a transaction that writes: one writer at a time, the others wait their turn.
    virtual void beginWrite() const = 0;
    // Starts a transaction that reads one consistent state of the whole catalogue; end it with
    // COMMIT.
    virtual void beginSnapshot() const { exec(QStringLiteral("BEGIN")); }
    // Commits what beginWrite() started.
    virtual void commitWrite() const { exec(QStringLiteral("COMMIT")); }

    // From now on, calls `changed` (on this connection's thread, from its event loop) when another
    // connection commits a change, with what the server announces it touched: a table's name, or
    // "exhibits " and their ids ("*" for very many). False when the backend announces nothing
    // (a file): then dataVersion() is what tells.
    virtual bool listenForChanges(std::function<void(const QString&)> changed);
    // Connects again after a lost connection, listening again if it was; Error when it cannot.
    // Statements prepared before are forgotten. A file never loses its connection.
    virtual void reconnect() {}

    void exec(const QString& sql) const;
    QVariant scalar(const QString& sql) const;

    // A consistent copy of the whole catalogue, written beside `target` and renamed into place,
    // so a failure leaves no half-written file.
    virtual void copyTo(const QString& target) const = 0;
    // Empty unless something outside the catalogue's own software took changes from under this
    // connection (a deleted write-ahead log); else what happened.
    virtual QString walProblem() const { return {}; }

    // Turns a driver error into an Error whose message names this catalogue and says what to do.
    [[noreturn]] virtual void fail(const QSqlError& error, const QString& doing) const = 0;
    // Raised before any write on a read-only catalogue.
    void requireWritable() const;
    // Why nothing can be changed here, and what to do about it.
    virtual QString readOnlyMessage() const;

protected:
    Database(QString path, QString connectionName, bool readOnly, SqlBackend backend);
    // Ends every cached statement's reading, so that none holds the catalogue busy.
    void finishStatements() const;
    // Drops every cached statement: they belong to a connection that is gone.
    void forgetStatements() const;
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    static QString uniqueConnectionName();

private:
    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    SqlDialect m_dialect;
    mutable std::map<QString, std::unique_ptr<Query>> m_statements;
    mutable quint64 m_commits = 0;
};

} // namespace spotlight
