// Two windows (two Catalogue objects on one file, as two processes would be) changing the same
// exhibits: a change made against what is no longer there is refused, never applied blindly.
#include "Error.h"
#include "TestSupport.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Ref = QStringLiteral("waltham-forest-mockingbird");

} // namespace

TEST_CASE("A save against an exhibit changed elsewhere is refused, saying who changed what", "[shared][conflict]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path(), Catalogue::UndoHistory::Kept);

    const Exhibit openInB = windowB->requireExhibit(Ref); // B's editor opens first
    Exhibit inA = windowA->requireExhibit(Ref);
    inA.title = QStringLiteral("Mockingbird, renamed in A");
    windowA->curation().updateExhibit(inA);

    Exhibit fromB = openInB;
    fromB.summary = QStringLiteral("A summary written in B");
    try {
        windowB->curation().updateExhibit(fromB);
        FAIL("a stale save was applied");
    } catch (const ConflictError& error) {
        REQUIRE(error.conflicts().size() == 1);
        const Conflict& conflict = error.conflicts().first();
        CHECK(conflict.ref == Ref);
        CHECK(conflict.fields == QStringList{QStringLiteral("title")});
        CHECK_FALSE(conflict.changedBy.isEmpty());
        REQUIRE(conflict.current.has_value());
        CHECK(conflict.current->title == QStringLiteral("Mockingbird, renamed in A"));
        CHECK(error.message().contains(Ref));
    }
    CHECK(windowB->requireExhibit(Ref).title == QStringLiteral("Mockingbird, renamed in A"));
    CHECK(windowB->requireExhibit(Ref).summary == openInB.summary);
    CHECK_FALSE(windowB->undoStack()->canUndo());

    // Overwriting on purpose means saving against the version now stored.
    fromB.version = windowB->requireExhibit(Ref).version;
    windowB->curation().updateExhibit(fromB);
    CHECK(windowA->requireExhibit(Ref).summary == QStringLiteral("A summary written in B"));
}

TEST_CASE("Bulk changes from a stale list are refused, and without a list they apply to what is there",
          "[shared][conflict]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    const QString other = QStringLiteral("camden-safeguarding-performance-app");
    const ExpectedVersions listInA{{Ref, windowA->requireExhibit(Ref).version},
                                   {other, windowA->requireExhibit(other).version}};

    windowB->curation().addTags({other}, {QStringLiteral("from-b")});
    CHECK_THROWS_AS(windowA->curation().addTags({Ref, other}, {QStringLiteral("from-a")}, listInA), ConflictError);
    CHECK_THROWS_WITH(windowA->curation().setStatus({Ref, other}, CurationStatus::Withdrawn, listInA),
                      Catch::Contains(other.toStdString()));
    CHECK_THROWS_AS(windowA->curation().removeExhibits({Ref, other}, listInA), ConflictError);
    CHECK(windowB->requireExhibit(Ref).tags.count(QStringLiteral("from-a")) == 0);
    CHECK(windowB->requireExhibit(other).status != CurationStatus::Withdrawn);

    CHECK(windowA->curation().addTags({Ref, other}, {QStringLiteral("from-a")}) == 2);
    CHECK(windowB->requireExhibit(other).tags.contains(QStringLiteral("from-b")));
}

TEST_CASE("Undo refuses to put back a state that another window has changed since", "[shared][undo]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QUndoStack* stack = windowA->undoStack();
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);

    Exhibit inA = windowA->requireExhibit(Ref);
    inA.title = QStringLiteral("Title from A");
    windowA->curation().updateExhibit(inA);
    Exhibit inB = windowB->requireExhibit(Ref);
    inB.title = QStringLiteral("Title from B");
    windowB->curation().updateExhibit(inB);

    REQUIRE(stack->canUndo());
    stack->undo();
    REQUIRE(failures.count() == 1);
    CHECK(failures.first().first().toString().contains(Ref));
    CHECK(windowA->requireExhibit(Ref).title == QStringLiteral("Title from B"));
    // The step that could not be undone is gone: nothing claims it was undone or can be redone.
    CHECK_FALSE(stack->canUndo());
    CHECK_FALSE(stack->canRedo());
}

TEST_CASE("Undo of a tagging after the tag was renamed in another window is refused, not half-done", "[shared][undo]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);

    windowA->curation().addTags({Ref}, {QStringLiteral("pilot")});
    windowB->curation().renameTag(QStringLiteral("pilot"), QStringLiteral("pilot-scheme"));
    windowA->undoStack()->undo();
    CHECK(failures.count() == 1);
    const Exhibit stored = windowA->requireExhibit(Ref);
    CHECK(stored.tags.contains(QStringLiteral("pilot-scheme")));
    CHECK_FALSE(stored.tags.contains(QStringLiteral("pilot")));
    CHECK(windowA->check() == QStringList{});
}

TEST_CASE("Undo and redo go through when nothing changed in between", "[shared][undo]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);
    const QString before = windowA->requireExhibit(Ref).title;

    Exhibit inA = windowA->requireExhibit(Ref);
    inA.title = QStringLiteral("Title from A");
    windowA->curation().updateExhibit(inA);
    windowB->curation().addTags({QStringLiteral("camden-safeguarding-performance-app")}, {QStringLiteral("elsewhere")});
    windowA->undoStack()->undo();
    CHECK(windowB->requireExhibit(Ref).title == before);
    windowA->undoStack()->redo();
    CHECK(windowB->requireExhibit(Ref).title == QStringLiteral("Title from A"));
    CHECK(failures.isEmpty());
}

TEST_CASE("A catalogue notices what other connections changed, and only that", "[shared][live]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QList<CatalogueChange> seen;
    QObject::connect(windowA.get(), &Catalogue::changed, [&seen](const CatalogueChange& change) { seen << change; });

    windowA->pollForChanges();
    CHECK(seen.isEmpty()); // nothing happened elsewhere

    windowA->curation().addTags({Ref}, {QStringLiteral("own-change")});
    REQUIRE(seen.size() == 1);
    CHECK_FALSE(seen.first().elsewhere);
    CHECK(seen.first().refs == QStringList{Ref});
    windowA->pollForChanges();
    CHECK(seen.size() == 1); // its own commits are not news

    const QString other = QStringLiteral("camden-safeguarding-performance-app");
    windowB->curation().addTags({other}, {QStringLiteral("from-b")});
    windowA->pollForChanges();
    REQUIRE(seen.size() == 2);
    CHECK(seen.last().elsewhere);
    CHECK(seen.last().touches(CatalogueChange::Exhibits));
    CHECK(seen.last().touches(CatalogueChange::Tags));
    CHECK(seen.last().refs.contains(other));
    CHECK_FALSE(seen.last().refs.contains(QStringLiteral("merton-autism-mainstream-classrooms")));

    windowB->curation().renameTag(QStringLiteral("from-b"), QStringLiteral("from-b-renamed"));
    windowA->pollForChanges();
    REQUIRE(seen.size() == 3);
    CHECK(seen.last().touches(CatalogueChange::Tags));
    CHECK(seen.last().refs.isEmpty()); // any exhibit may carry the tag

    windowB->curation().saveSearch(SavedSearch{QStringLiteral("Mine"), QStringLiteral("tag:send")});
    windowA->pollForChanges();
    REQUIRE(seen.size() == 4);
    CHECK(seen.last().touches(CatalogueChange::SavedSearches));
}

TEST_CASE("A window on a team catalogue hears each change as it commits, naming the exhibits it changed",
          "[shared][live][server]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    windowA->listenForChanges();
    auto windowB = Catalogue::open(windowA->path());
    QList<CatalogueChange> seen;
    QObject::connect(windowA.get(), &Catalogue::changed, [&seen](const CatalogueChange& change) { seen << change; });
    auto heard = [&seen](qsizetype count) { return QTest::qWaitFor([&] { return seen.size() >= count; }, 5000); };

    const QString other = QStringLiteral("camden-safeguarding-performance-app");
    windowB->curation().addTags({other}, {QStringLiteral("from-b")});
    REQUIRE(heard(1));
    CHECK(seen.last().elsewhere);
    CHECK(seen.last().touches(CatalogueChange::Exhibits));
    CHECK(seen.last().touches(CatalogueChange::Tags));
    CHECK(seen.last().refs == QStringList{other});

    // Its own commits are said once, by the write path, and the server's echo of them is not news.
    windowA->curation().addTags({Ref}, {QStringLiteral("own-change")});
    REQUIRE(seen.size() == 2);
    CHECK_FALSE(seen.last().elsewhere);
    QTest::qWait(300);
    CHECK(seen.size() == 2);

    // A renamed tag names the exhibits that carry it, and only those.
    windowB->curation().renameTag(QStringLiteral("from-b"), QStringLiteral("from-b-renamed"));
    REQUIRE(heard(3));
    CHECK(seen.last().touches(CatalogueChange::Tags));
    CHECK(seen.last().refs == QStringList{other});

    windowB->curation().saveSearch(SavedSearch{QStringLiteral("Mine"), QStringLiteral("tag:send")});
    REQUIRE(heard(4));
    CHECK(seen.last().touches(CatalogueChange::SavedSearches));
    CHECK_FALSE(seen.last().touches(CatalogueChange::Exhibits));

    // A deleted exhibit has no ref to name: the change is about the list as a whole.
    windowB->curation().removeExhibits({other});
    REQUIRE(heard(5));
    CHECK(seen.last().touches(CatalogueChange::Exhibits));
    CHECK_FALSE(seen.last().refs.contains(Ref));
}

TEST_CASE("A window whose connection to the server drops says so, connects again and hears changes again",
          "[shared][live][server]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    windowA->listenForChanges();
    QList<CatalogueChange> seen;
    QObject::connect(windowA.get(), &Catalogue::changed, [&seen](const CatalogueChange& change) { seen << change; });

    {
        // What a restarted server or a dropped network does to every connection but this one.
        auto administrator = Database::open(windowA->path(), Database::OpenMode::MustExist);
        administrator->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                           "current_database() AND pid <> pg_backend_pid()"));
    }
    QString lost;
    REQUIRE(QTest::qWaitFor(
        [&] {
            try {
                windowA->pollForChanges();
            } catch (const Error& error) {
                CHECK(error.kind() == Error::Kind::ConnectionLost);
                lost = error.message();
            }
            return !lost.isEmpty();
        },
        5000));
    CHECK(lost.contains(windowA->name()));
    CHECK_THROWS_AS(windowA->curation().addTags({Ref}, {QStringLiteral("unsent")}), Error);

    windowA->reconnect();
    REQUIRE_FALSE(seen.isEmpty());
    CHECK(seen.last().kinds == CatalogueChange::Everything); // what others did meanwhile went unannounced
    windowA->curation().addTags({Ref}, {QStringLiteral("sent-again")});
    CHECK(windowA->requireExhibit(Ref).tags.contains(QStringLiteral("sent-again")));
    CHECK_FALSE(windowA->requireExhibit(Ref).tags.contains(QStringLiteral("unsent")));

    auto windowB = Catalogue::open(windowA->path());
    const qsizetype before = seen.size();
    windowB->curation().addTags({QStringLiteral("camden-safeguarding-performance-app")}, {QStringLiteral("after")});
    REQUIRE(QTest::qWaitFor([&] { return seen.size() > before; }, 5000));
    CHECK(seen.last().elsewhere);
}
