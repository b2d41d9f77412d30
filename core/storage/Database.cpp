#include "Database.h"

#include "Error.h"
#include "Migrations.h"
#include "Query.h"
#include "io/SafeFile.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <sqlite3.h>
#include <sys/stat.h>

namespace spotlight {
namespace {

// "SPOT": marks a SQLite file as a Spotlight catalogue rather than some other program's database.
constexpr qint64 ApplicationId = 0x53504f54;

// SQLite's primary result codes, as Qt reports them in QSqlError::nativeErrorCode().
enum SqliteCode
{
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    NotADatabase = 26,
};

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("spotlight-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The device and inode of the file at `path`, or nothing when there is none.
std::optional<std::pair<quint64, quint64>> fileIdentity(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
        return std::nullopt;
    }
    return std::pair<quint64, quint64>(status.st_dev, status.st_ino);
}

bool hasWritePermission(const QFileInfo& info)
{
    // The permission bits, not access(2): a file marked read-only stays read-only even for root.
    return info.isWritable() && (info.permissions() & QFileDevice::WriteOwner);
}

} // namespace

std::unique_ptr<Database> Database::open(const QString& path, OpenMode mode, int busyTimeoutMs)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (mode == OpenMode::MustExist) {
            throw Error(QStringLiteral("Catalogue file not found: %1. Create one with `spotlight-cli --db %1 init`, "
                                       "or check the path.")
                            .arg(path));
        }
        if (!QDir().mkpath(info.absolutePath())) {
            throw Error(QStringLiteral("Cannot create the folder %1 for the catalogue.").arg(info.absolutePath()));
        }
    } else if (info.isDir()) {
        throw Error(QStringLiteral("%1 is a folder, not a catalogue file.").arg(path));
    }

    // A catalogue in a folder that cannot be written is read-only too: SQLite could not create the
    // -wal and -shm files beside it, and would fail every command, searches included.
    const bool readOnly =
        info.exists() && (!hasWritePermission(info) || !hasWritePermission(QFileInfo(info.absolutePath())));
    const QString connectionName = uniqueConnectionName();
    std::unique_ptr<Database> database(new Database(path, connectionName, readOnly));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        if (readOnly && !QFileInfo::exists(path + QStringLiteral("-wal"))) {
            // Nobody writes a read-only file, and with no WAL everything is in the file itself:
            // read it as immutable, so that SQLite creates no -shm (or -wal) beside it either.
            connection.setDatabaseName(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                                       QStringLiteral("?immutable=1"));
            connection.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        } else {
            connection.setDatabaseName(path);
            if (readOnly) {
                connection.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            }
        }
        if (!connection.open()) {
            database->fail(connection.lastError(), QStringLiteral("opening"));
        }
    }
    if (!database->looksLikeSqlite()) {
        throw Error(QStringLiteral("%1 is not a Spotlight catalogue: it is not an SQLite database. "
                                   "Spotlight has not changed it.")
                        .arg(path));
    }
    // Nothing is written until the file is known to be a catalogue, or a new one.
    database->exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs));
    database->exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // A large import touches index pages all over the file; SQLite's 2 MB default cache thrashes.
    database->exec(QStringLiteral("PRAGMA cache_size = -131072"));
    database->exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    database->checkIsOurs();
    // Before WAL mode is switched on, which rewrites the header of a file in another journal mode.
    Migrations::refuseNewer(*database);
    const bool blank = database->isBlank();
    if (mode == OpenMode::MustExist && blank) {
        throw Error(
            QStringLiteral("%1 holds no catalogue yet. Create one with `spotlight-cli --db %1 init`.").arg(path));
    }
    if (!readOnly) {
        database->startWriting(blank);
    }
    Migrations::bringUpToDate(*database);
    return database;
}

Database::Database(QString path, QString connectionName, bool readOnly)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_readOnly(readOnly)
{}

Database::~Database()
{
    m_statements.clear(); // statements go before their connection
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::startWriting(bool blank)
{
    // WAL lets readers go on while one writer writes; FULL makes every commit durable.
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (blank) {
        exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId));
    }
    // A read makes SQLite open the WAL (creating it if need be), which it then keeps open.
    scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    m_wal = fileIdentity(m_path + QStringLiteral("-wal"));
}

QString Database::walProblem() const
{
    if (!m_wal) {
        return {};
    }
    const auto now = fileIdentity(m_path + QStringLiteral("-wal"));
    if (now == m_wal) {
        return {};
    }
    return QStringLiteral("The write-ahead log %1-wal was %2 while Spotlight had the catalogue open. Changes saved "
                          "since SQLite last copied them into the catalogue file may be lost; close every window and "
                          "check what you see against your last backup.")
        .arg(m_path, now ? QStringLiteral("replaced by another file") : QStringLiteral("deleted"));
}

bool Database::looksLikeSqlite() const
{
    // The header is read through SQLite's own descriptor. Opening the file a second time and closing
    // it would drop every POSIX lock this process holds on it, so the other connections here (the
    // search worker's, an export's) would lose theirs and another process could delete the WAL under
    // them ("How To Corrupt An SQLite Database File", 2.2).
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods) {
        throw Error(QStringLiteral("Cannot read the catalogue %1.").arg(m_path));
    }
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK) {
        throw Error(QStringLiteral("Cannot read the catalogue %1: its size is unknown.").arg(m_path));
    }
    if (size == 0) {
        return true;
    }
    char header[16] = {};
    const int read = file->pMethods->xRead(file, header, sizeof header, 0);
    if (read != SQLITE_OK && read != SQLITE_IOERR_SHORT_READ) {
        throw Error(QStringLiteral("Cannot read the catalogue %1 (error %2).").arg(m_path).arg(read));
    }
    return std::memcmp(header, "SQLite format 3\0", sizeof header) == 0;
}

void Database::checkIsOurs() const
{
    // The first real read of the file: damage shows up here as an Error naming it.
    const qint64 applicationId = scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
    if (applicationId == ApplicationId) {
        return;
    }
    if (applicationId != 0 || !isBlank()) {
        throw Error(QStringLiteral("%1 is an SQLite database of another program, not a Spotlight catalogue. "
                                   "Spotlight has not changed it.")
                        .arg(m_path));
    }
}

sqlite3* Database::handle() const
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        throw Error(QStringLiteral("%1: the SQLite driver gives no handle.").arg(m_path));
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

qint64 Database::dataVersion() const
{
    return scalar(QStringLiteral("PRAGMA data_version")).toLongLong();
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(handle()) == 0;
}

int Database::schemaVersion() const
{
    return scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

bool Database::isBlank() const
{
    return scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")).toInt() == 0;
}

Query& Database::statement(const QString& sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        found = m_statements.emplace(sql, std::make_unique<Query>(*this, sql)).first;
    }
    found->second->reset(); // a caller that failed half-way through binding left it mid-way
    return *found->second;
}

void Database::exec(const QString& sql) const
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        fail(query.lastError(), QStringLiteral("running a query"));
    }
}

QVariant Database::scalar(const QString& sql) const
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        fail(query.lastError(), QStringLiteral("reading"));
    }
    return query.next() ? query.value(0) : QVariant();
}

void Database::copyTo(const QString& target) const
{
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath()) {
        throw Error(QStringLiteral("A backup cannot overwrite the catalogue itself (%1).").arg(target));
    }
    requireReplaceableFile(target);
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    for (const auto& [sql, statement] : m_statements) {
        statement->finish();
    }
    try {
        Query(*this, QStringLiteral("VACUUM INTO ?")).bind(partial).exec();
    } catch (const Error& error) {
        QFile::remove(partial);
        // SQLite names the catalogue in what it reports, though the disk that filled is the copy's.
        throw Error(QStringLiteral("Could not write the copy %1 (%2). The catalogue is unchanged.")
                        .arg(target, writeFailure(partial, error.message())));
    }
    // rename(2) replaces an earlier copy in one step: there is always a whole copy at `target`.
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(partial);
        throw Error(QStringLiteral("Could not write the copy %1: it cannot be replaced.").arg(target));
    }
}

void Database::requireWritable() const
{
    if (m_readOnly) {
        throw Error(QStringLiteral("%1 is read-only, so this change cannot be saved. Nothing was changed; "
                                   "copy the catalogue or ask for write access to edit it.")
                        .arg(m_path));
    }
}

void Database::fail(const QSqlError& error, const QString& doing) const
{
    bool known = false;
    const int code = error.nativeErrorCode().toInt(&known);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // An extended code (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED...) carries its primary code in
    // its low byte.
    switch (known ? code & 0xff : -1) {
    case Busy:
    case Locked:
        throw Error(QStringLiteral("%1 is locked by another program that is using it. Nothing was changed; "
                                   "try again when it has finished.")
                        .arg(m_path));
    case ReadOnly:
        throw Error(
            QStringLiteral("%1 is read-only, so this change cannot be saved. Nothing was changed.").arg(m_path));
    case Corrupt:
    case NotADatabase:
        throw Error(QStringLiteral("%1 is damaged (%2). Spotlight has not changed it; restore it from a backup, "
                                   "or see what `spotlight-cli --db %1 check` reports.")
                        .arg(m_path, detail),
                    Error::Kind::Damaged);
    case Full:
        throw Error(QStringLiteral("The disk holding %1 is full. Nothing was changed; free some space and try "
                                   "again.")
                        .arg(m_path));
    case CantOpen:
        throw Error(QStringLiteral("Cannot open the catalogue %1 (%2).").arg(m_path, detail));
    case IoError:
        throw Error(QStringLiteral("Reading or writing %1 failed (%2). Nothing was changed.").arg(m_path, detail));
    default:
        throw Error(QStringLiteral("%1: %2 failed: %3").arg(m_path, doing, detail));
    }
}

} // namespace spotlight
