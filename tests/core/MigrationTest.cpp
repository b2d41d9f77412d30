#include "TestSupport.h"

#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Schema.h"

#include <QFile>
#include <QFileInfo>

using namespace spotlight;
using namespace spotlight::test;

namespace {

void addNotesTable(const Database& database)
{
    database.exec(QStringLiteral("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)"));
}

void failHalfWay(const Database& database)
{
    database.exec(QStringLiteral("CREATE TABLE half_done (id INTEGER)"));
    database.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
}

} // namespace

TEST_CASE("A new catalogue is created at the latest schema version", "[migrations]")
{
    Scratch scratch;
    auto database = Database::open(scratch.path(QStringLiteral("new.sqlite")), Database::OpenMode::CreateIfMissing);
    CHECK(database->schemaVersion() == Migrations::latestVersion());
    CHECK(database->scalar(QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(database->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    // A new file needs no backup.
    CHECK_FALSE(QFileInfo::exists(Migrations::backupPathFor(database->path(), 0)));
}

TEST_CASE("Upgrades run step by step, each in its own transaction, after a backup", "[migrations]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("old.sqlite"));
    auto database = Database::open(path, Database::OpenMode::CreateIfMissing);
    REQUIRE(database->schemaVersion() == 1);

    const Migration steps[] = {
        Migration{1, "the first catalogue schema", &Schema::createVersion1},
        Migration{2, "notes", &addNotesTable},
        Migration{3, "a step that fails", &failHalfWay},
    };
    CHECK_THROWS_WITH(Migrations::bringUpToDate(*database, steps),
                      Catch::Contains("format 3") && Catch::Contains("left at format 2"));
    CHECK(database->schemaVersion() == 2);
    CHECK(database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'note'")).toInt() == 1);
    CHECK(database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")).toInt() == 0);

    // The backup holds the catalogue as it was before the upgrade began.
    const QString backup = Migrations::backupPathFor(path, 1);
    CHECK(backup == path + QStringLiteral(".schema-v1.bak.2")); // .schema-v1.bak is taken
    const QString taken = path + QStringLiteral(".schema-v1.bak");
    REQUIRE(QFileInfo::exists(taken));
    auto copy = Database::open(taken, Database::OpenMode::MustExist);
    CHECK(copy->schemaVersion() == 1);
}

TEST_CASE("A catalogue from a newer version of Spotlight is refused and left untouched", "[migrations]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("future.sqlite"));
    {
        auto catalogue = makeCatalogue(scratch, QStringLiteral("future.sqlite"), true);
    }
    {
        auto database = Database::open(path, Database::OpenMode::MustExist);
        database->exec(QStringLiteral("PRAGMA user_version = 99"));
    }
    const QByteArray before = readFile(path);
    CHECK_THROWS_WITH(Catalogue::open(path), Catch::Contains("newer version of Spotlight") &&
                                                 Catch::Contains("format 99") && Catch::Contains(path.toStdString()));
    CHECK(readFile(path) == before);
}

TEST_CASE("An old catalogue that is read-only is not upgraded", "[migrations]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("old.sqlite"));
    {
        auto database = Database::open(path, Database::OpenMode::CreateIfMissing);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    auto database = Database::open(path, Database::OpenMode::MustExist);
    const Migration steps[] = {
        Migration{1, "the first catalogue schema", &Schema::createVersion1},
        Migration{2, "notes", &addNotesTable},
    };
    CHECK_THROWS_WITH(Migrations::bringUpToDate(*database, steps), Catch::Contains("read-only"));
    CHECK(database->schemaVersion() == 1);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
