#include "SqliteDatabase.h"

#include "Error.h"
#include "Migrations.h"
#include "Query.h"
#include "io/SafeFile.h"

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

std::unique_ptr<Database> SqliteDatabase::open(const QString& path, OpenMode mode, int busyTimeoutMs)
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
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path, connectionName, readOnly));
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

SqliteDatabase::SqliteDatabase(QString path, QString connectionName, bool readOnly)
    : Database(std::move(path), std::move(connectionName), readOnly, SqlBackend::Sqlite)
{}

void SqliteDatabase::startWriting(bool blank)
{
    // WAL lets readers go on while one writer writes; FULL makes every commit durable.
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (blank) {
        exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId));
    }
    // A read makes SQLite open the WAL (creating it if need be), which it then keeps open.
    scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    m_wal = fileIdentity(path() + QStringLiteral("-wal"));
}

QString SqliteDatabase::walProblem() const
{
    if (!m_wal) {
        return {};
    }
    const auto now = fileIdentity(path() + QStringLiteral("-wal"));
    if (now == m_wal) {
        return {};
    }
    return QStringLiteral("The write-ahead log %1-wal was %2 while Spotlight had the catalogue open. Changes saved "
                          "since SQLite last copied them into the catalogue file may be lost; close every window and "
                          "check what you see against your last backup.")
        .arg(path(), now ? QStringLiteral("replaced by another file") : QStringLiteral("deleted"));
}

bool SqliteDatabase::looksLikeSqlite() const
{
    // The header is read through SQLite's own descriptor. Opening the file a second time and closing
    // it would drop every POSIX lock this process holds on it, so the other connections here (the
    // search worker's, an export's) would lose theirs and another process could delete the WAL under
    // them ("How To Corrupt An SQLite Database File", 2.2).
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods) {
        throw Error(QStringLiteral("Cannot read the catalogue %1.").arg(path()));
    }
    sqlite3_int64 size = 0;
    if (file->pMethods->xFileSize(file, &size) != SQLITE_OK) {
        throw Error(QStringLiteral("Cannot read the catalogue %1: its size is unknown.").arg(path()));
    }
    if (size == 0) {
        return true;
    }
    char header[16] = {};
    const int read = file->pMethods->xRead(file, header, sizeof header, 0);
    if (read != SQLITE_OK && read != SQLITE_IOERR_SHORT_READ) {
        throw Error(QStringLiteral("Cannot read the catalogue %1 (error %2).").arg(path()).arg(read));
    }
    return std::memcmp(header, "SQLite format 3\0", sizeof header) == 0;
}

void SqliteDatabase::checkIsOurs() const
{
    // The first real read of the file: damage shows up here as an Error naming it.
    const qint64 applicationId = scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
    if (applicationId == ApplicationId) {
        return;
    }
    if (applicationId != 0 || !isBlank()) {
        throw Error(QStringLiteral("%1 is an SQLite database of another program, not a Spotlight catalogue. "
                                   "Spotlight has not changed it.")
                        .arg(path()));
    }
}

sqlite3* SqliteDatabase::handle() const
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        throw Error(QStringLiteral("%1: the SQLite driver gives no handle.").arg(path()));
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

qint64 SqliteDatabase::dataVersion() const
{
    return scalar(QStringLiteral("PRAGMA data_version")).toLongLong();
}

bool SqliteDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(handle()) == 0;
}

void SqliteDatabase::beginWrite() const
{
    // IMMEDIATE takes the write lock now, waiting up to the busy timeout for another writer, rather
    // than failing at the first write with a lock it cannot upgrade.
    exec(QStringLiteral("BEGIN IMMEDIATE"));
}

int SqliteDatabase::schemaVersion() const
{
    return scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

void SqliteDatabase::setSchemaVersion(int version) const
{
    exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

bool SqliteDatabase::isBlank() const
{
    return scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")).toInt() == 0;
}

QString SqliteDatabase::name() const
{
    return QFileInfo(path()).completeBaseName();
}

void SqliteDatabase::copyTo(const QString& target) const
{
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(path()).absoluteFilePath()) {
        throw Error(QStringLiteral("A backup cannot overwrite the catalogue itself (%1).").arg(target));
    }
    requireReplaceableFile(target);
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    finishStatements();
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

void SqliteDatabase::fail(const QSqlError& error, const QString& doing) const
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
                        .arg(path()));
    case ReadOnly:
        throw Error(
            QStringLiteral("%1 is read-only, so this change cannot be saved. Nothing was changed.").arg(path()));
    case Corrupt:
    case NotADatabase:
        throw Error(QStringLiteral("%1 is damaged (%2). Spotlight has not changed it; restore it from a backup, "
                                   "or see what `spotlight-cli --db %1 check` reports.")
                        .arg(path(), detail),
                    Error::Kind::Damaged);
    case Full:
        throw Error(QStringLiteral("The disk holding %1 is full. Nothing was changed; free some space and try "
                                   "again.")
                        .arg(path()));
    case CantOpen:
        throw Error(QStringLiteral("Cannot open the catalogue %1 (%2).").arg(path(), detail));
    case IoError:
        throw Error(QStringLiteral("Reading or writing %1 failed (%2). Nothing was changed.").arg(path(), detail));
    default:
        throw Error(QStringLiteral("%1: %2 failed: %3").arg(path(), doing, detail));
    }
}

} // namespace spotlight
