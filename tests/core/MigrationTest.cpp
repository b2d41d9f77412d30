#include "TestSupport.h"
#include "publishing/JsonPublisher.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Schema.h"

#include <QFile>
#include <QFileInfo>

#include <vector>

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
    REQUIRE(database->schemaVersion() == Migrations::latestVersion());

    // Today's steps, then two more: one that works and one that fails half-way.
    std::vector<Migration> steps(Migrations::all().begin(), Migrations::all().end());
    const int latest = Migrations::latestVersion();
    steps.push_back(Migration{latest + 1, "notes", &addNotesTable});
    steps.push_back(Migration{latest + 2, "a step that fails", &failHalfWay});
    CHECK_THROWS_WITH(Migrations::bringUpToDate(*database, steps),
                      Catch::Contains(QStringLiteral("format %1").arg(latest + 2).toStdString()) &&
                          Catch::Contains(QStringLiteral("left at format %1").arg(latest + 1).toStdString()));
    CHECK(database->schemaVersion() == latest + 1);
    CHECK(database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'note'")).toInt() == 1);
    CHECK(database->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")).toInt() == 0);

    // The backup holds the catalogue as it was before the upgrade began.
    const QString backup = Migrations::backupPathFor(path, latest);
    CHECK(backup == path + QStringLiteral(".schema-v%1.bak.2").arg(latest)); // .schema-v<latest>.bak is taken
    const QString taken = path + QStringLiteral(".schema-v%1.bak").arg(latest);
    REQUIRE(QFileInfo::exists(taken));
    auto copy = Database::open(taken, Database::OpenMode::MustExist);
    CHECK(copy->schemaVersion() == latest);
}

// Each format is the next without what the next one's upgrade adds.
static void downgradeToFormat8(const Database& database)
{
    database.exec(QStringLiteral("DROP TABLE panel_score"));
    database.exec(QStringLiteral("ALTER TABLE category DROP COLUMN reviewers"));
    database.exec(QStringLiteral("ALTER TABLE edition DROP COLUMN criteria"));
    database.exec(QStringLiteral("PRAGMA user_version = 8"));
}

static void downgradeToFormat7(const Database& database)
{
    downgradeToFormat8(database);
    database.exec(QStringLiteral("DROP TABLE privacy_scan"));
    database.exec(QStringLiteral("PRAGMA user_version = 7"));
}

static void downgradeToFormat6(const Database& database)
{
    downgradeToFormat7(database);
    database.exec(QStringLiteral("ALTER TABLE exhibit DROP COLUMN contact_phone_public"));
    database.exec(QStringLiteral("ALTER TABLE exhibit DROP COLUMN contact_phone"));
    database.exec(QStringLiteral("PRAGMA user_version = 6"));
}

static void downgradeToFormat5(const Database& database)
{
    downgradeToFormat6(database);
    database.exec(QStringLiteral("DROP INDEX exhibit_resubmissions"));
    database.exec(QStringLiteral("ALTER TABLE exhibit DROP COLUMN resubmission_of"));
    database.exec(QStringLiteral("PRAGMA user_version = 5"));
}

static void downgradeToFormat4(const Database& database)
{
    downgradeToFormat5(database);
    database.exec(QStringLiteral("ALTER TABLE exhibit DROP COLUMN contact_email_public"));
    database.exec(QStringLiteral("PRAGMA user_version = 4"));
}

static void downgradeToFormat3(const Database& database)
{
    downgradeToFormat4(database);
    database.exec(QStringLiteral("DROP TABLE search_change")); // and its triggers
    for (const char* trigger : {"search_change_on_text_insert", "search_change_on_text_update",
                                "search_change_on_title", "search_change_on_delete"}) {
        database.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger)));
    }
    database.exec(QStringLiteral("PRAGMA user_version = 3"));
}

static void downgradeToFormat2(const Database& database)
{
    downgradeToFormat3(database);
    database.exec(QStringLiteral("ALTER TABLE exhibit DROP COLUMN version"));
    database.exec(QStringLiteral("PRAGMA user_version = 2"));
}

static void downgradeToFormat1(const Database& database)
{
    downgradeToFormat2(database);
    database.exec(QStringLiteral("DROP TABLE privacy_review"));
    database.exec(QStringLiteral("ALTER TABLE edition DROP COLUMN signatory_name"));
    database.exec(QStringLiteral("ALTER TABLE edition DROP COLUMN signatory_role"));
    database.exec(QStringLiteral("PRAGMA user_version = 1"));
}

// The seed catalogue taken back to format `from` and opened again: it must come back with the same
// exhibits, after a backup of the old file.
static std::unique_ptr<Catalogue> upgradedFrom(const Scratch& scratch, int from, void (*downgrade)(const Database&))
{
    const QString name = QStringLiteral("v%1.sqlite").arg(from);
    const QString path = scratch.path(name);
    QByteArray before;
    {
        auto catalogue = makeCatalogue(scratch, name);
        before = JsonPublisher(*catalogue).write();
    }
    downgrade(*Database::open(path, Database::OpenMode::MustExist));
    auto upgraded = Catalogue::open(path);
    CHECK(JsonPublisher(*upgraded).write() == before);
    CHECK(QFileInfo::exists(path + QStringLiteral(".schema-v%1.bak").arg(from)));
    return upgraded;
}

TEST_CASE("A format 8 catalogue is upgraded to format 9, its editions scored on the standard criteria", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 8, &downgradeToFormat8);
    CHECK(upgraded->editions().first().criteria == Panel::standardCriteria());
    CHECK(upgraded->categories().first().reviewers.isEmpty());
    CHECK(upgraded->requireExhibit(QStringLiteral("waltham-forest-mockingbird")).scores.isEmpty());
}

TEST_CASE("A format 7 catalogue is upgraded to format 8, its privacy findings scanned once and then kept",
          "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 7, &downgradeToFormat7);
    const QList<qint64> ids = upgraded->matchingIds({});
    CHECK(upgraded->privacyFindingsOf(ids).isEmpty()); // the seed is published text
    const auto kept = Database::open(scratch.path(QStringLiteral("v7.sqlite")), Database::OpenMode::MustExist);
    CHECK(kept->scalar(QStringLiteral("SELECT count(*) FROM privacy_scan")).toInt() == ids.size());
    CHECK(upgraded->check() == QStringList{});
}

TEST_CASE("A format 6 catalogue is upgraded to format 7, no contact's phone published until agreed", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 6, &downgradeToFormat6);
    Exhibit exhibit = upgraded->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(exhibit.contact.phone.isEmpty());
    CHECK_FALSE(exhibit.contact.phonePublic);
    exhibit.contact.phone = QStringLiteral("020 7946 0000");
    exhibit.contact.phonePublic = true;
    upgraded->curation().updateExhibit(exhibit);
    const Exhibit stored = upgraded->requireExhibit(exhibit.ref);
    CHECK(stored.contact.phone == QStringLiteral("020 7946 0000"));
    CHECK(stored.contact.phonePublic);
    CHECK(upgraded->check() == QStringList{});
}

TEST_CASE("A format 5 catalogue is upgraded to format 6, where a resubmission links to its earlier exhibit",
          "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 5, &downgradeToFormat5);
    const QString earlier = QStringLiteral("waltham-forest-mockingbird");
    CHECK(upgraded->requireExhibit(earlier).resubmissionOf.isEmpty());
    Edition next;
    next.name = QStringLiteral("Practice Spotlight 2026");
    next.year = 2026;
    upgraded->curation().saveEdition({}, next);
    Exhibit again = upgraded->requireExhibit(earlier);
    again.ref = QStringLiteral("waltham-forest-mockingbird-2026");
    again.edition = QStringLiteral("Practice Spotlight 2026");
    again.categories.clear();
    again.standNumber.clear();
    again.resubmissionOf = earlier;
    upgraded->curation().addExhibit(again);
    CHECK(upgraded->requireExhibit(again.ref).resubmissionOf == earlier);
    REQUIRE(upgraded->resubmissionsOf(earlier).size() == 1);
    CHECK(upgraded->resubmissionsOf(earlier).first().ref == again.ref);
    CHECK(upgraded->check() == QStringList{});
}

TEST_CASE("A format 4 catalogue is upgraded to format 5, no contact's email published until agreed", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 4, &downgradeToFormat4);
    Exhibit exhibit = upgraded->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK_FALSE(exhibit.contact.emailPublic);
    exhibit.contact.emailPublic = true;
    upgraded->curation().updateExhibit(exhibit);
    CHECK(upgraded->requireExhibit(exhibit.ref).contact.emailPublic);
    CHECK(upgraded->check() == QStringList{});
}

TEST_CASE("A format 3 catalogue is upgraded to format 4, and its window searches from memory", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 3, &downgradeToFormat3);
    upgraded->keepSearchIndexInMemory();
    upgraded->waitForSearchIndex();
    CHECK(upgraded->search(QStringLiteral("mockingbird"), 5).total == 1);
    CHECK(upgraded->searchesAnsweredInMemory() == 1);
    Exhibit exhibit = upgraded->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    exhibit.title = QStringLiteral("Kingfisher, upgraded");
    upgraded->curation().updateExhibit(exhibit);
    CHECK(upgraded->search(QStringLiteral("kingfisher"), 5).total == 1);
    CHECK(upgraded->searchesAnsweredInMemory() == 2);
}

TEST_CASE("A format 2 catalogue is upgraded to the latest format, every exhibit at its first version", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 2, &downgradeToFormat2);
    Exhibit exhibit = upgraded->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(exhibit.version == 1);
    exhibit.title = QStringLiteral("Mockingbird, upgraded");
    upgraded->curation().updateExhibit(exhibit);
    CHECK(upgraded->requireExhibit(exhibit.ref).version == 2);
    CHECK(upgraded->check() == QStringList{});
}

TEST_CASE("A format 1 catalogue is upgraded to the latest format with its exhibits intact", "[migrations]")
{
    Scratch scratch;
    auto upgraded = upgradedFrom(scratch, 1, &downgradeToFormat1);
    Edition edition = upgraded->editions().first();
    edition.signatoryName = QStringLiteral("A. Director");
    upgraded->curation().saveEdition(edition.name, edition);
    CHECK(upgraded->editions().first().signatoryName == QStringLiteral("A. Director"));
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
        // A newer Spotlight may not use WAL: switching this one to it would rewrite the header.
        database->exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    REQUIRE_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    const QByteArray before = readFile(path);
    CHECK_THROWS_WITH(Catalogue::open(path), Catch::Contains("newer version of Spotlight") &&
                                                 Catch::Contains("format 99") && Catch::Contains(path.toStdString()));
    CHECK(readFile(path) == before);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
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
    std::vector<Migration> steps(Migrations::all().begin(), Migrations::all().end());
    steps.push_back(Migration{Migrations::latestVersion() + 1, "notes", &addNotesTable});
    CHECK_THROWS_WITH(Migrations::bringUpToDate(*database, steps), Catch::Contains("read-only"));
    CHECK(database->schemaVersion() == Migrations::latestVersion());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
