#pragma once

#include "Database.h"
#include "ServerAddress.h"

namespace spotlight {

// A team catalogue in a PostgreSQL database. Writers take turns through an advisory lock held for
// their transaction (at READ COMMITTED, whatever the server's default), as SQLite's writers do
// through its write lock, so that two curators' changes never interleave, never deadlock and never
// fail to serialize; readers are never blocked. Who may write is the server's
// business: a role without the catalogue's curator grants opens it read-only.
class PostgresDatabase final : public Database
{
public:
    static std::unique_ptr<Database> open(const QString& address, OpenMode mode);
    // Keeps `password` in this process's memory, never on disk, for every later connection to
    // `address` (the window's, its search worker's, an export's, a reconnection): for a person who
    // typed it because libpq found none.
    static void rememberPassword(const QString& address, const QString& password);

    const ServerAddress& server() const { return m_server; }
    // The role this connection logged in as: what the history records as who made a change.
    QString role() const;

    // The roles a server administrator grants to people: "<database>_curators" change the catalogue,
    // "<database>_viewers" only read it.
    QString curatorsRole() const;
    QString viewersRole() const;
    // Creates both roles when missing and grants them what they may do on every table. Needs a role
    // that may create roles (the database's owner with CREATEROLE, or a superuser).
    void grantRoles() const;

    QString name() const override { return m_server.database; }
    QString describe() const override { return m_server.describe(); }
    int schemaVersion() const override;
    void setSchemaVersion(int version) const override;
    bool isBlank() const override;
    qint64 dataVersion() const override;
    bool inTransaction() const override;
    void beginWrite() const override;
    void commitWrite() const override;
    void beginSnapshot() const override;
    void copyTo(const QString& target) const override;
    QString readOnlyMessage() const override;
    [[noreturn]] void fail(const QSqlError& error, const QString& doing) const override;
    bool listenForChanges(std::function<void(const QString&)> changed) override;
    void reconnect() override;

private:
    PostgresDatabase(ServerAddress server, QString connectionName);
    // What every session sets after connecting.
    void prepareSession() const;
    void subscribe() const;
    void checkIsOurs() const;
    bool mayWrite() const;
    bool hasCatalogueTable() const;
    qint64 committedVersion() const;

    ServerAddress m_server;
    // How far this connection's own commits moved the data version, and where it stood when the
    // open write began: dataVersion() leaves them out, as SQLite's data_version does.
    mutable qint64 m_ownChanges = 0;
    mutable qint64 m_versionAtBegin = 0;
    mutable bool m_stateTableExists = false;
    std::function<void(const QString&)> m_changedElsewhere; // set while listening
};

} // namespace spotlight
