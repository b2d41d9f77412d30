// Two windows (two Catalogue objects on one file, as two processes would be) changing the same
// exhibits: a change made against what is no longer there is refused, never applied blindly.
#include "TestSupport.h"

#include <QSignalSpy>
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
