#include "PostgresDatabase.h"

#include "CatalogueCopy.h"
#include "Error.h"
#include "Migrations.h"
#include "Query.h"
#include "SqliteDatabase.h"
#include "io/SafeFile.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <libpq-fe.h>

namespace spotlight {
namespace {

constexpr const char* Application = "london.liia.Spotlight";
// The advisory lock a writer holds for its transaction: "SPOT".
constexpr qint64 WriterLock = 0x53504f54;
// How long a writer waits for another's transaction before giving up with a clear message.
constexpr int WriterWaitSeconds = 30;

// libpq's own handle on the connection, or null when there is none.
PGconn* libpqConnection(const QSqlDatabase& connection)
{
    const QVariant handle = connection.driver()->handle();
    // Qt 6 names the type by its struct ("pg_conn*"); Qt's documentation, by its typedef.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)) {
        return nullptr;
    }
    return *static_cast<PGconn* const*>(handle.constData());
}

void ignoreNotice(void*, const char*) {}

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// libpq's message without its "FATAL:" and "connection to server ... failed:" framing.
QString reasonOf(const QSqlError& error)
{
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    text = text.trimmed();
    for (const QString& noise : {QStringLiteral("FATAL:"), QStringLiteral("ERROR:")}) {
        text.replace(noise, QString());
    }
    return text.simplified();
}

// What a failed connection means, in words a curator can act on.
[[noreturn]] void failToConnect(const ServerAddress& server, const QSqlError& error)
{
    const QString reason = reasonOf(error);
    const QString where = server.describe();
    const QString user = server.user.isEmpty() ? QStringLiteral("your user name") : server.user;
    auto has = [&reason](const char* words) { return reason.contains(QLatin1String(words), Qt::CaseInsensitive); };
    if (has("no password supplied")) {
        throw Error(QStringLiteral("The server for %1 asks for a password for %2, and none was found. Add a line "
                                   "\"host:port:database:user:password\" to ~/.pgpass (readable by you alone), or "
                                   "connect from the window, which asks for it.")
                        .arg(where, user),
                    Error::Kind::PasswordNeeded);
    }
    if (has("password authentication failed")) {
        throw Error(QStringLiteral("The server for %1 refused the password for %2. Check the password in "
                                   "~/.pgpass, or ask the server's administrator.")
                        .arg(where, user),
                    Error::Kind::PasswordNeeded);
    }
    if (has("could not translate host name")) {
        throw Error(QStringLiteral("Cannot find the server %1: no computer has that name. Check the address.")
                        .arg(server.host));
    }
    if (has("does not exist") && has("database")) {
        throw Error(QStringLiteral("The server has no database %1. Create the team catalogue with "
                                   "`spotlight-cli --db %2 server init`, or check the name.")
                        .arg(server.database, server.toString()));
    }
    if (has("does not exist") && has("role")) {
        throw Error(
            QStringLiteral("The server for %1 has no user %2. Ask its administrator to create one.").arg(where, user));
    }
    if (has("no pg_hba.conf entry") && has("no encryption")) {
        throw Error(QStringLiteral("The server for %1 accepts only encrypted (TLS) connections from here. Add "
                                   "?sslmode=require to the address.")
                        .arg(where));
    }
    if (has("server does not support SSL")) {
        throw Error(QStringLiteral("The address asks for an encrypted (TLS) connection, and the server for %1 "
                                   "does not offer one. Ask its administrator to turn TLS on, or change sslmode.")
                        .arg(where));
    }
    if (has("Connection refused") || has("No such file or directory") || has("timeout expired") ||
        has("could not connect")) {
        throw Error(QStringLiteral("No PostgreSQL server answers for %1 (%2). Check that it is running and that "
                                   "the host and port are right.")
                        .arg(where, reason));
    }
    throw Error(QStringLiteral("Cannot connect to %1: %2").arg(where, reason));
}

// The channel the schema's triggers notify on (PostgresSchema).
const QString ChangesChannel = QStringLiteral("spotlight_changed");

// Passwords typed into this process, by server, user and database; never written anywhere.
struct RememberedPasswords
{
    QMutex mutex;
    QHash<QString, QString> byServer;

    static QString keyOf(const ServerAddress& server)
    {
        return QStringLiteral("%1@%2:%3/%4").arg(server.user, server.host).arg(server.port).arg(server.database);
    }
};

RememberedPasswords& rememberedPasswords()
{
    static RememberedPasswords passwords;
    return passwords;
}

QString rememberedPassword(const ServerAddress& server)
{
    RememberedPasswords& passwords = rememberedPasswords();
    const QMutexLocker lock(&passwords.mutex);
    return passwords.byServer.value(RememberedPasswords::keyOf(server));
}

bool connectTo(QSqlDatabase& connection, const ServerAddress& server, const QString& databaseName)
{
    connection.setDatabaseName(databaseName);
    connection.setHostName(server.host);
    if (server.port > 0) {
        connection.setPort(server.port);
    }
    connection.setUserName(server.user);
    connection.setPassword(rememberedPassword(server));
    QStringList extra{QStringLiteral("application_name=Spotlight")};
    if (server.option(QStringLiteral("connect_timeout")).isEmpty()) {
        extra << QStringLiteral("connect_timeout=10");
    }
    connection.setConnectOptions(server.connectOptions(extra));
    return connection.open();
}

void createDatabase(const ServerAddress& server)
{
    const QString name = QStringLiteral("spotlight-create-%1").arg(quintptr(&server));
    {
        QSqlDatabase maintenance = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!connectTo(maintenance, server, QStringLiteral("postgres"))) {
            const QSqlError error = maintenance.lastError();
            maintenance = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            failToConnect(server, error);
        }
        // template0 with a UTF-8 character type, so that searching folds and splits every script's
        // letters the same way whatever the server's default locale.
        QSqlQuery create(maintenance);
        const bool made = create.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' "
                                                     "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
                                          .arg(quoted(server.database)));
        const QSqlError error = create.lastError();
        create = QSqlQuery();
        maintenance.close();
        maintenance = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        if (!made) {
            throw Error(QStringLiteral("Cannot create the database %1 on the server: %2. Ask its administrator to "
                                       "create it (owned by you), then run `server init` again.")
                            .arg(server.database, reasonOf(error)));
        }
    }
}

} // namespace

std::unique_ptr<Database> PostgresDatabase::open(const QString& address, OpenMode mode)
{
    ServerAddress server = ServerAddress::parse(address);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        throw Error(QStringLiteral("This Spotlight cannot reach a PostgreSQL server: Qt's PostgreSQL driver is "
                                   "missing. Install the package libqt6sql6-psql."));
    }
    const QString connectionName = uniqueConnectionName();
    std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(server, connectionName));
    bool created = false;
    for (;;) {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (connectTo(connection, server, server.database)) {
            break;
        }
        const QSqlError error = connection.lastError();
        const QString reason = reasonOf(error);
        const bool missing =
            reason.contains(QLatin1String("does not exist")) && reason.contains(QLatin1String("database"));
        connection = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        if (!missing || mode != OpenMode::CreateIfMissing || created) {
            failToConnect(server, error);
        }
        createDatabase(server);
        created = true;
    }
    database->prepareSession();
    database->checkIsOurs();
    Migrations::refuseNewer(*database);
    const bool blank = database->isBlank();
    if (mode == OpenMode::MustExist && blank) {
        throw Error(QStringLiteral("The %1 holds no catalogue yet. Create one with `spotlight-cli --db %2 server "
                                   "init`.")
                        .arg(server.describe(), server.toString()));
    }
    database->setReadOnly(!database->mayWrite());
    Migrations::bringUpToDate(*database);
    return database;
}

void PostgresDatabase::rememberPassword(const QString& address, const QString& password)
{
    RememberedPasswords& passwords = rememberedPasswords();
    const QMutexLocker lock(&passwords.mutex);
    passwords.byServer.insert(RememberedPasswords::keyOf(ServerAddress::parse(address)), password);
}

void PostgresDatabase::prepareSession() const
{
    // Notices ("relation already exists, skipping") are not for a curator's terminal, nor is the
    // server's last word when it ends the connection ("FATAL: terminating connection due to
    // administrator command"), which libpq would print there itself: the Error that follows says it.
    exec(QStringLiteral("SET client_min_messages = warning"));
    if (PGconn* connection = libpqConnection(this->connection())) {
        PQsetNoticeProcessor(connection, &ignoreNotice, nullptr);
    }
    exec(QStringLiteral("SET lock_timeout = '%1s'").arg(WriterWaitSeconds));
}

bool PostgresDatabase::listenForChanges(std::function<void(const QString&)> changed)
{
    const bool first = !m_changedElsewhere;
    m_changedElsewhere = std::move(changed);
    if (first) {
        // The driver outlives every reconnection of this named connection, so one connect does.
        QSqlDriver* driver = connection().driver();
        QObject::connect(
            driver, &QSqlDriver::notification, driver,
            [this](const QString& channel, QSqlDriver::NotificationSource source, const QVariant& payload) {
                // Our own changes were announced when they were written.
                if (channel == ChangesChannel && source == QSqlDriver::OtherSource) {
                    m_changedElsewhere(payload.toString());
                }
            });
    }
    subscribe();
    return true;
}

void PostgresDatabase::subscribe() const
{
    if (!connection().driver()->subscribeToNotification(ChangesChannel)) {
        fail(connection().driver()->lastError(), QStringLiteral("listening for other curators' changes"));
    }
}

void PostgresDatabase::reconnect()
{
    forgetStatements();
    QSqlDatabase connection = this->connection();
    connection.close();
    if (!connection.open()) {
        failToConnect(m_server, connection.lastError());
    }
    prepareSession();
    if (m_changedElsewhere) {
        subscribe();
    }
}

PostgresDatabase::PostgresDatabase(ServerAddress server, QString connectionName)
    : Database(server.toString(), std::move(connectionName), false, SqlBackend::Postgres)
    , m_server(std::move(server))
{}

QString PostgresDatabase::role() const
{
    return scalar(QStringLiteral("SELECT session_user")).toString();
}

QString PostgresDatabase::curatorsRole() const
{
    return m_server.database + QStringLiteral("_curators");
}

QString PostgresDatabase::viewersRole() const
{
    return m_server.database + QStringLiteral("_viewers");
}

void PostgresDatabase::grantRoles() const
{
    for (const QString& group : {curatorsRole(), viewersRole()}) {
        const bool exists = Query(*this, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"))
                                .bind(group)
                                .singleInteger()
                                .value_or(0) > 0;
        if (!exists) {
            exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoted(group)));
        }
    }
    const QString curators = quoted(curatorsRole());
    const QString viewers = quoted(viewersRole());
    exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3").arg(quoted(m_server.database), curators, viewers));
    exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1, %2").arg(curators, viewers));
    exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(viewers));
    exec(QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(curators));
    // The schema's own record is the owner's to change.
    exec(QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON spotlight_catalogue FROM %1").arg(curators));
}

void PostgresDatabase::checkIsOurs() const
{
    // PostgreSQL plans a whole statement first, so the table is looked for before it is read.
    const QString application =
        hasCatalogueTable()
            ? scalar(QStringLiteral("SELECT value FROM spotlight_catalogue WHERE key = 'application'")).toString()
            : QString();
    if (application == QLatin1String(Application) || isBlank()) {
        return;
    }
    throw Error(QStringLiteral("The %1 belongs to another program: it holds tables, but not a Spotlight "
                               "catalogue. Spotlight has not changed it; check the database name.")
                    .arg(m_server.describe()));
}

bool PostgresDatabase::hasCatalogueTable() const
{
    return !scalar(QStringLiteral("SELECT to_regclass('spotlight_catalogue')")).isNull();
}

bool PostgresDatabase::mayWrite() const
{
    if (isBlank()) {
        return scalar(QStringLiteral("SELECT has_schema_privilege('public', 'CREATE')")).toBool();
    }
    return scalar(QStringLiteral("SELECT has_table_privilege('exhibit', 'INSERT')")).toBool();
}

int PostgresDatabase::schemaVersion() const
{
    if (!hasCatalogueTable()) {
        return 0;
    }
    return scalar(QStringLiteral("SELECT coalesce((SELECT CAST(value AS integer) FROM spotlight_catalogue WHERE key = "
                                 "'format'), 0)"))
        .toInt();
}

void PostgresDatabase::setSchemaVersion(int version) const
{
    Query(*this, QStringLiteral("INSERT INTO spotlight_catalogue (key, value) VALUES ('format', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"))
        .bind(QString::number(version))
        .exec();
}

bool PostgresDatabase::isBlank() const
{
    return scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt() == 0;
}

qint64 PostgresDatabase::dataVersion() const
{
    return committedVersion() - m_ownChanges;
}

qint64 PostgresDatabase::committedVersion() const
{
    // Before the first migration has made the table, nothing has changed. Once there, it stays:
    // each write asks for the version twice, and need not ask after the table as well.
    if (!m_stateTableExists) {
        m_stateTableExists = !scalar(QStringLiteral("SELECT to_regclass('spotlight_state')")).isNull();
        if (!m_stateTableExists) {
            return 0;
        }
    }
    return scalar(QStringLiteral("SELECT data_version FROM spotlight_state")).toLongLong();
}

bool PostgresDatabase::inTransaction() const
{
    PGconn* connection = libpqConnection(this->connection());
    if (!connection) {
        return false;
    }
    const PGTransactionStatusType status = PQtransactionStatus(connection);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

void PostgresDatabase::beginWrite() const
{
    // Taking turns works only if each statement after the lock sees the turn before it. Under
    // REPEATABLE READ or SERIALIZABLE (a server's or database's default may be either) the snapshot
    // would be taken by the lock statement itself, before the wait, and every writer that waited
    // would fail with a serialization error on rows the one before it changed.
    exec(QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"));
    try {
        exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(WriterLock));
        // Holding the lock, no other writer moves the version until this transaction ends.
        m_versionAtBegin = committedVersion();
    } catch (const Error&) {
        QSqlQuery rollback(connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

void PostgresDatabase::beginSnapshot() const
{
    // READ COMMITTED would let each statement see a later state than the one before it.
    exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
}

void PostgresDatabase::commitWrite() const
{
    const qint64 versionAtEnd = committedVersion();
    exec(QStringLiteral("COMMIT"));
    m_ownChanges += versionAtEnd - m_versionAtBegin;
}

void PostgresDatabase::copyTo(const QString& target) const
{
    // A backup of a team catalogue is a catalogue file: one snapshot of the server, openable anywhere
    // and copied back with `spotlight-cli copy`.
    requireReplaceableFile(target);
    const QString partial = target + QStringLiteral(".partial");
    for (const char* suffix : {"", "-wal", "-shm"}) {
        QFile::remove(partial + QLatin1String(suffix));
    }
    try {
        {
            const auto file = SqliteDatabase::open(partial, OpenMode::CreateIfMissing, DefaultBusyTimeoutMs);
            CatalogueCopy::copy(*this, *file);
            file->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        QFile::remove(partial + QStringLiteral("-wal"));
        QFile::remove(partial + QStringLiteral("-shm"));
        if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
            throw Error(QStringLiteral("Could not write the copy %1: it cannot be replaced.").arg(target));
        }
    } catch (const Error& error) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            QFile::remove(partial + QLatin1String(suffix));
        }
        throw Error(QStringLiteral("Could not back up %1 to %2 (%3). The catalogue is unchanged.")
                        .arg(m_server.describe(), target, writeFailure(partial, error.message())));
    }
}

QString PostgresDatabase::readOnlyMessage() const
{
    // Also what the server says (42501) to a role that opened the catalogue with more rights than
    // it writes with: the same cause, the same advice.
    return QStringLiteral("You may read the team catalogue (%1) but not change it: the role %2 is not one of its "
                          "curators. Nothing was changed; ask whoever runs the server to grant you %3.")
        .arg(m_server.describe(), m_server.user.isEmpty() ? QStringLiteral("you logged in as") : m_server.user,
             curatorsRole());
}

void PostgresDatabase::fail(const QSqlError& error, const QString& doing) const
{
    const QString state = error.nativeErrorCode();
    const QString reason = reasonOf(error);
    const QString where = m_server.describe();
    if (state == QLatin1String("42501")) {
        throw Error(readOnlyMessage());
    }
    if (state == QLatin1String("55P03")) {
        throw Error(QStringLiteral("Another curator's change to the team catalogue (%1) has taken longer than %2 "
                                   "seconds. Nothing was changed; try again in a moment.")
                        .arg(where)
                        .arg(WriterWaitSeconds));
    }
    if (state == QLatin1String("40001") || state == QLatin1String("40P01")) {
        throw Error(QStringLiteral("The team catalogue (%1) was busy with another curator's change. Nothing was "
                                   "changed; try again.")
                        .arg(where));
    }
    if (state == QLatin1String("53100")) {
        throw Error(QStringLiteral("The server's disk holding %1 is full. Nothing was changed; tell the server's "
                                   "administrator.")
                        .arg(where));
    }
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) ||
        error.type() == QSqlError::ConnectionError || !connection().isOpen() ||
        reason.contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive) ||
        reason.contains(QLatin1String("no connection to the server"), Qt::CaseInsensitive)) {
        throw Error(QStringLiteral("The connection to the team catalogue (%1) was lost while %2. What was not "
                                   "saved before is not saved; try again when the server answers.")
                        .arg(where, doing),
                    Error::Kind::ConnectionLost);
    }
    throw Error(QStringLiteral("%1: %2 failed: %3").arg(where, doing, reason));
}

} // namespace spotlight
