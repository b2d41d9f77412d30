// One catalogue used at once by this process (holding two connections, as the window does with its
// search worker) and by spotlight-cli processes that write and exit.
#include "CliRun.h"
#include "storage/Database.h"

#include <QFile>

using namespace spotlight;
using namespace spotlight::test;

TEST_CASE("Opening a second connection keeps the first one's locks, so other processes cannot remove the WAL",
          "[cli][shared][file]")
{
    Scratch scratch;
    const QString path = initialised(scratch, QStringLiteral("R.sqlite"));
    const QString wal = path + QStringLiteral("-wal");

    auto window = Catalogue::open(path);
    REQUIRE(window->exhibit(QStringLiteral("waltham-forest-mockingbird")).has_value());
    REQUIRE(posixLocksHeldOn(path) > 0);
    auto searchWorker = Database::open(path, Database::OpenMode::MustExist);
    CHECK(posixLocksHeldOn(path) > 0); // opening a file descriptor of our own and closing it would drop them
    REQUIRE(QFile::exists(wal));
    const quint64 walInode = inodeOf(wal);

    // Another process reads, writes and exits while this one stays open: it must not take itself for
    // the last user and checkpoint and delete the WAL.
    CHECK(cliOn(scratch, path, {QStringLiteral("summary")}).status == 0);
    REQUIRE(QFile::exists(wal));
    CHECK(inodeOf(wal) == walInode);

    window->curation().addTags({QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("from-window")});
    CHECK(cliOn(scratch, path,
                {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("camden-safeguarding-performance-app"),
                 QStringLiteral("from-cli")})
              .status == 0);
    REQUIRE(QFile::exists(wal));
    CHECK(inodeOf(wal) == walInode);

    // Every write is visible to every side.
    CHECK(window->exhibit(QStringLiteral("camden-safeguarding-performance-app"))
              ->tags.contains(QStringLiteral("from-cli")));
    const Run fromCli = cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("tag:from-window")});
    CHECK(fromCli.out.contains(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(window->check().isEmpty());

    searchWorker.reset();
    window.reset();
    const Run check = cliOn(scratch, path, {QStringLiteral("check")});
    CHECK(check.status == 0);
    CHECK(check.out.trimmed().endsWith(QStringLiteral(": ok")));
    const Run both = cliOn(scratch, path,
                           {QStringLiteral("search"), QStringLiteral("tag:from-window OR tag:from-cli"),
                            QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(both.out.contains(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(both.out.contains(QStringLiteral("camden-safeguarding-performance-app")));
}

TEST_CASE("The window's in-memory search index sees what command-line processes change, at once",
          "[cli][shared][index]")
{
    Scratch scratch;
    const QString path = initialised(scratch, QStringLiteral("R.sqlite"));
    auto window = Catalogue::open(path, Catalogue::UndoHistory::Kept);
    window->keepSearchIndexInMemory();
    window->waitForSearchIndex();
    REQUIRE(window->search(QStringLiteral("zebrafish"), 10).total == 0);
    const qint64 answered = window->searchesAnsweredInMemory();

    REQUIRE(cliOn(scratch, path,
                  {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("--query"), QStringLiteral("autism"),
                   QStringLiteral("zebrafish/pilots")})
                .status == 0);
    const qint64 tagged = window->search(QStringLiteral("autism"), 50).total;
    CHECK(tagged > 0);
    CHECK(window->search(QStringLiteral("zebra"), 50).total == tagged);

    REQUIRE(
        cliOn(scratch, path,
              {QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("zebrafish"), QStringLiteral("okapi")})
            .status == 0);
    CHECK(window->search(QStringLiteral("zebra"), 50).total == 0);
    CHECK(window->search(QStringLiteral("okap"), 50).total == tagged);
    CHECK(window->searchesAnsweredInMemory() == answered + 4);
}
