#include "../bench/Generator.h"
#include "TestSupport.h"
#include "io/SafeFile.h"
#include "publishing/JsonPublisher.h"
#include "publishing/PublicationGate.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// A seeded catalogue, closed, so that its file can be damaged.
QString closedCatalogue(const Scratch& scratch, const QString& name)
{
    makeCatalogue(scratch, name);
    return scratch.path(name);
}

// Whether opening or checking `path` reports it as damaged; an error must name the file.
bool reportsDamage(const QString& path)
{
    try {
        auto catalogue = Catalogue::open(path);
        const bool reported = !catalogue->check().isEmpty();
        catalogue->exhibits(); // may throw too; must not crash
        return reported;
    } catch (const Error& error) {
        CHECK(error.message().contains(path));
        return true;
    }
}

} // namespace

TEST_CASE("A missing catalogue gets a message naming the file", "[storage][errors]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("nowhere.sqlite"));
    CHECK_THROWS_WITH(Catalogue::open(path), Catch::Contains("not found") && Catch::Contains(path.toStdString()));
    CHECK_FALSE(QFile::exists(path)); // opening never creates it
}

TEST_CASE("Files that are not catalogues are refused and left as they were", "[storage][errors]")
{
    Scratch scratch;
    QByteArray noise(64 * 1024, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i) {
        noise[i] = char((i * 7919 + 13) % 251);
    }
    struct Case
    {
        const char* name;
        QByteArray bytes;
        const char* expected;
    };
    const QList<Case> cases{
        {"noise.sqlite", noise, "not an SQLite database"},
        {"text.sqlite", "ref,title\n", "not an SQLite database"},
        {"empty.sqlite", "", "holds no catalogue"},
        {"header-only.sqlite", QByteArray("SQLite format 3\0", 16) + noise, "damaged"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const QString path = scratch.write(QLatin1String(c.name), c.bytes);
        CHECK_THROWS_WITH(Catalogue::open(path), Catch::Contains(c.expected) && Catch::Contains(path.toStdString()));
        CHECK(readFile(path) == c.bytes);
    }
}

TEST_CASE("Another program's SQLite database is not taken for a catalogue", "[storage][errors]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        REQUIRE(other.open());
        QSqlQuery(other).exec(QStringLiteral("CREATE TABLE accounts (id INTEGER, balance REAL)"));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = readFile(path);
    CHECK_THROWS_WITH(Catalogue::open(path), Catch::Contains("another program"));
    CHECK(readFile(path) == before);
}

TEST_CASE("A catalogue damaged inside is reported, never repaired by overwriting", "[storage][errors]")
{
    Scratch scratch;
    const QString path = closedCatalogue(scratch, QStringLiteral("damaged.sqlite"));
    QByteArray bytes = readFile(path);
    REQUIRE(bytes.size() > 8 * 4096);
    for (qsizetype i = 2 * 4096; i < bytes.size(); i += 3) {
        bytes[i] = char(0xA5);
    }
    scratch.write(QStringLiteral("damaged.sqlite"), bytes);
    CHECK(reportsDamage(path));
    CHECK(readFile(path) == bytes);
}

TEST_CASE("A truncated catalogue is reported", "[storage][errors]")
{
    Scratch scratch;
    const QString path = closedCatalogue(scratch, QStringLiteral("cut.sqlite"));
    const QByteArray half = readFile(path).left(3 * 4096);
    scratch.write(QStringLiteral("cut.sqlite"), half);
    CHECK(reportsDamage(path));
    CHECK(readFile(path) == half);
}

TEST_CASE("A read-only catalogue can be searched but refuses changes", "[storage][errors]")
{
    Scratch scratch;
    const QString path = closedCatalogue(scratch, QStringLiteral("readonly.sqlite"));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    const QByteArray before = readFile(path);
    {
        auto catalogue = Catalogue::open(path);
        CHECK(catalogue->isReadOnly());
        CHECK(catalogue->search(QStringLiteral("mockingbird"), 10).total == 1);
        CHECK(catalogue->facets().authorities.size() == 16);
        CHECK(catalogue->check().isEmpty());
        // The gate scans what it cannot keep.
        CHECK(PublicationGate::check(*catalogue, catalogue->matchingIds({})).clear());
        CHECK_THROWS_WITH(
            catalogue->curation().addTags({QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("x")}),
            Catch::Contains("read-only") && Catch::Contains(path.toStdString()));
    }
    CHECK(readFile(path) == before);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("A catalogue in a folder that cannot be written is searched read-only, and nothing is left behind",
          "[storage][errors][reliability]")
{
    Scratch scratch;
    const QString path = closedCatalogue(scratch, QStringLiteral("shelf/readonly.sqlite"));
    const QString folder = QFileInfo(path).absolutePath();
    const QByteArray before = readFile(path);
    const QStringList files = QDir(folder).entryList(QDir::Files);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    {
        auto catalogue = Catalogue::open(path);
        CHECK(catalogue->isReadOnly());
        CHECK(catalogue->search(QStringLiteral("mockingbird"), 10).total == 1);
        CHECK(catalogue->check().isEmpty());
        // The gate scans what it cannot keep.
        CHECK(PublicationGate::check(*catalogue, catalogue->matchingIds({})).clear());
        CHECK_THROWS_WITH(
            catalogue->curation().addTags({QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("x")}),
            Catch::Contains("read-only"));
    }
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    CHECK(readFile(path) == before);
    // Not even as root, who could create them: no -wal or -shm is left beside a read-only file.
    CHECK(QDir(folder).entryList(QDir::Files) == files);

    QFile::setPermissions(path, QFileDevice::ReadOwner);
    {
        auto catalogue = Catalogue::open(path);
        CHECK(catalogue->search(QStringLiteral("mockingbird"), 10).total == 1);
    }
    CHECK(QDir(folder).entryList(QDir::Files) == files);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("A catalogue locked by another writer gives a clear message", "[storage][errors]")
{
    Scratch scratch;
    const QString path = closedCatalogue(scratch, QStringLiteral("locked.sqlite"));
    auto holder = Database::open(path, Database::OpenMode::MustExist);
    holder->exec(QStringLiteral("BEGIN IMMEDIATE"));
    auto waiting = Database::open(path, Database::OpenMode::MustExist, 100);
    CHECK_THROWS_WITH(Transaction(*waiting),
                      Catch::Contains("locked by another program") && Catch::Contains(path.toStdString()));
    holder->exec(QStringLiteral("ROLLBACK"));
    Transaction now(*waiting); // free again
    now.commit();
}

TEST_CASE("A write that fails part-way leaves the catalogue exactly as it was", "[storage][transactions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray before = JsonPublisher(*catalogue).write();

    // The first ref is fine; the second does not exist, so neither may be tagged.
    CHECK_THROWS_WITH(
        catalogue->curation().addTags({QStringLiteral("waltham-forest-mockingbird"), QStringLiteral("no-such-ref")},
                                      {QStringLiteral("new-tag")}),
        Catch::Contains("no-such-ref"));
    // Replacing an exhibit with one that names an unknown authority must not lose the original.
    Exhibit broken = *catalogue->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    broken.partnerAuthorities = {QStringLiteral("Atlantis")};
    CHECK_THROWS_WITH(catalogue->curation().updateExhibit(broken), Catch::Contains("Atlantis"));
    Exhibit duplicate = broken;
    duplicate.partnerAuthorities.clear();
    CHECK_THROWS_WITH(catalogue->curation().addExhibit(duplicate), Catch::Contains("already exists"));

    CHECK(JsonPublisher(*catalogue).write() == before);
    CHECK(catalogue->check().isEmpty());
}

// A disk that fills in the middle of a write, injected without a small disk: the catalogue's own
// connection, found in Qt's registry of connections, is capped at the pages the file has
// (SQLite's max_page_count), so the next page any write needs fails as a full disk does.
TEST_CASE("A disk that fills during a write, injected, gives a clear message and changes nothing",
          "[storage][errors][file]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch, QStringLiteral("catalogue.sqlite"), true);
    const QByteArray before = JsonPublisher(*catalogue).write();
    int capped = 0;
    for (const QString& name : QSqlDatabase::connectionNames()) {
        QSqlDatabase connection = QSqlDatabase::database(name, false);
        if (connection.isOpen() && connection.databaseName() == catalogue->path()) {
            QSqlQuery query(connection);
            REQUIRE(query.exec(QStringLiteral("PRAGMA max_page_count = 1"))); // SQLite keeps the size it has
            ++capped;
        }
    }
    REQUIRE(capped > 0);

    CHECK_THROWS_WITH(catalogue->curation().applyImport(bench::generateCatalogue(300)),
                      Catch::Contains("is full") && Catch::Contains(catalogue->path().toStdString()) &&
                          Catch::Contains("Nothing was changed"));
    // Reading still works, and nothing of the import is there.
    CHECK(JsonPublisher(*catalogue).write() == before);
    CHECK(catalogue->check().isEmpty());
}

TEST_CASE("Backups are consistent copies and never overwrite the catalogue", "[storage]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString copy = scratch.path(QStringLiteral("copy.sqlite"));
    catalogue->backup(copy);
    CHECK_FALSE(QFile::exists(copy + QStringLiteral(".partial")));
    auto restored = Catalogue::open(copy);
    CHECK(JsonPublisher(*restored).write() == JsonPublisher(*catalogue).write());
    if (!onServer()) {
        CHECK_THROWS_WITH(catalogue->backup(catalogue->path()), Catch::Contains("cannot overwrite"));
    }
}

TEST_CASE("Outputs are never written through a symbolic link or onto a folder", "[storage][errors][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString precious = scratch.write(QStringLiteral("precious.txt"), "keep me");
    const QString link = scratch.path(QStringLiteral("export.csv"));
    REQUIRE(QFile::link(precious, link));
    const QString dangling = scratch.path(QStringLiteral("dangling.json"));
    const QString nowhere = scratch.path(QStringLiteral("made-by-the-link.json"));
    REQUIRE(QFile::link(nowhere, dangling));
    const QString folder = scratch.path(QStringLiteral("a-folder"));
    REQUIRE(QDir().mkpath(folder));

    for (const QString& path : {link, dangling}) {
        INFO(path.toStdString());
        CHECK_THROWS_WITH(writeFileAtomically(path, QByteArray("new")),
                          Catch::Contains("symbolic link") && Catch::Contains("nothing was written"));
        CHECK_THROWS_WITH(catalogue->backup(path), Catch::Contains("symbolic link"));
    }
    CHECK_THROWS_WITH(writeFileAtomically(folder, QByteArray("new")), Catch::Contains("is a folder"));
    CHECK_THROWS_WITH(catalogue->backup(folder), Catch::Contains("is a folder"));
    CHECK(readFile(precious) == "keep me");
    CHECK_FALSE(QFileInfo::exists(nowhere));
    CHECK(QFileInfo(link).isSymLink());
    CHECK(QDir(folder).isEmpty());

    // A backup replaces an earlier one whole, and is a catalogue that opens.
    const QString copy = scratch.write(QStringLiteral("copy.sqlite"), "an older copy");
    catalogue->backup(copy);
    CHECK(Catalogue::open(copy)->summary().exhibits == 17);
    CHECK_FALSE(QFileInfo::exists(copy + QStringLiteral(".partial")));
}

TEST_CASE("A write-ahead log deleted or replaced under an open catalogue is reported", "[storage][errors][reliability]")
{
    Scratch scratch;
    for (const bool replace : {false, true}) {
        INFO((replace ? "replaced" : "deleted"));
        const QString name = replace ? QStringLiteral("replaced.sqlite") : QStringLiteral("deleted.sqlite");
        auto catalogue = makeCatalogue(scratch, name);
        const QString wal = scratch.path(name) + QStringLiteral("-wal");
        QStringList reported;
        QObject::connect(catalogue.get(), &Catalogue::storageDamaged,
                         [&reported](const QString& problem) { reported << problem; });
        catalogue->pollForChanges();
        CHECK(catalogue->check().isEmpty());
        CHECK(reported.isEmpty());

        // Committed, but still only in the WAL: what another program's delete takes with it.
        catalogue->curation().addTags({QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("in-the-wal")});
        REQUIRE(QFile::remove(wal));
        if (replace) {
            scratch.write(QFileInfo(wal).fileName(), QByteArray());
        }
        const QStringList problems = catalogue->check();
        REQUIRE(problems.size() >= 1);
        CHECK_THAT(problems.first().toStdString(), Catch::Contains(replace ? "replaced" : "deleted") &&
                                                       Catch::Contains("may be lost") &&
                                                       Catch::Contains(wal.toStdString()));
        catalogue->pollForChanges();
        catalogue->pollForChanges();
        CHECK(reported.size() == 1); // once, not every second
    }
}
