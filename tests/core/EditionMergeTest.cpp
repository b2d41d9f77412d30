#include "TestSupport.h"
#include "domain/ExhibitDiff.h"

#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Stray = QStringLiteral("2026");
const QString Target = QStringLiteral("Practice Spotlight 2026");
const QString Send = QStringLiteral("Impact for children with SEND");

Exhibit exhibitIn(const QString& ref, const QString& edition, const QStringList& categories, const QString& stand)
{
    Exhibit exhibit;
    exhibit.ref = ref;
    exhibit.title = QStringLiteral("Project %1").arg(ref);
    exhibit.leadAuthority = QStringLiteral("Hackney");
    exhibit.edition = edition;
    exhibit.categories = categories;
    exhibit.standNumber = stand;
    return exhibit;
}

// A stray edition "2026" an import made, with a category that is the target's under another case
// and one the target lacks; three exhibits in it, one at a stand the target's own exhibit holds.
void addStrayEdition(Catalogue& catalogue)
{
    Curation& curation = catalogue.curation();
    Edition target;
    target.name = Target;
    target.year = 2026;
    curation.saveEdition({}, target);
    curation.saveCategory({}, Category{Target, Send, QStringLiteral("London SEND Steering Group"), {}});
    curation.saveCategory({}, Category{Target, QStringLiteral("Racial equity"), {}, {}});
    Edition stray;
    stray.name = Stray;
    stray.year = 2026;
    curation.saveEdition({}, stray);
    curation.saveCategory({}, Category{Stray, QStringLiteral("impact for children with send"), {}, {}});
    curation.saveCategory({}, Category{Stray, QStringLiteral("Youth justice"), QStringLiteral("YJB London"), {}});
    curation.addExhibit(
        exhibitIn(QStringLiteral("kept-one"), Target, {QStringLiteral("Racial equity")}, QStringLiteral("1")));
    curation.addExhibit(exhibitIn(QStringLiteral("stray-one"), Stray, {QStringLiteral("impact for children with send")},
                                  QStringLiteral("1")));
    curation.addExhibit(
        exhibitIn(QStringLiteral("stray-two"), Stray, {QStringLiteral("Youth justice")}, QStringLiteral("2")));
    curation.addExhibit(exhibitIn(QStringLiteral("stray-three"), Stray,
                                  {QStringLiteral("Youth justice"), QStringLiteral("impact for children with send")},
                                  {}));
}

const QStringList StrayRefs{QStringLiteral("stray-one"), QStringLiteral("stray-three"), QStringLiteral("stray-two")};

QStringList editionNames(const Catalogue& catalogue)
{
    QStringList names;
    for (const Edition& edition : catalogue.editions()) {
        names << edition.name;
    }
    return names;
}

QStringList categoryNames(const Catalogue& catalogue, const QString& edition)
{
    QStringList names;
    for (const Category& category : catalogue.categories(edition)) {
        names << category.name;
    }
    return names;
}

} // namespace

TEST_CASE("An empty edition is removed with its categories, and comes back on undo", "[editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<Edition> editionsBefore = catalogue->editions();
    const QList<Category> categoriesBefore = catalogue->categories();
    Edition empty;
    empty.name = Stray;
    empty.year = 2026;
    catalogue->curation().saveEdition({}, empty);
    catalogue->curation().saveCategory({}, Category{Stray, QStringLiteral("SEND"), {}, {}});
    const QList<Edition> editionsWith = catalogue->editions();
    const QList<Category> categoriesWith = catalogue->categories();
    REQUIRE(catalogue->currentEdition()->name == Stray);

    QList<CatalogueChange> changes;
    QObject::connect(catalogue.get(), &Catalogue::changed,
                     [&changes](const CatalogueChange& change) { changes << change; });
    catalogue->curation().removeEdition(Stray);
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->categories() == categoriesBefore);
    CHECK(catalogue->currentEdition()->name == QStringLiteral("Practice Spotlight 2025"));
    REQUIRE(changes.count() == 1);
    CHECK(changes.first().touches(CatalogueChange::Editions));

    catalogue->undoStack()->undo();
    CHECK(catalogue->editions() == editionsWith);
    CHECK(catalogue->categories() == categoriesWith);
    catalogue->undoStack()->redo();
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->check() == QStringList{});

    CHECK_THROWS_WITH(catalogue->curation().removeEdition(QStringLiteral("No such edition")),
                      Catch::Contains("There is no edition called \"No such edition\""));
}

TEST_CASE("An edition that has exhibits is not removed, and the refusal says how many and what to do", "[editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    addStrayEdition(*catalogue);
    const int steps = catalogue->undoStack()->count();
    CHECK_THROWS_WITH(catalogue->curation().removeEdition(Stray),
                      Catch::Contains("\"2026\" still has 3 exhibits") && Catch::Contains("merge it into another"));
    CHECK(editionNames(*catalogue).contains(Stray));
    CHECK(catalogue->refsIn(Stray) == StrayRefs);
    CHECK(catalogue->undoStack()->count() == steps);
}

TEST_CASE("Merging an edition moves its exhibits and categories as one step, undone and redone exactly",
          "[editions][undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    addStrayEdition(*catalogue);
    QUndoStack* stack = catalogue->undoStack();
    const QList<Edition> editionsBefore = catalogue->editions();
    const QList<Category> categoriesBefore = catalogue->categories();
    QHash<QString, Exhibit> before;
    for (const QString& ref : StrayRefs + QStringList{QStringLiteral("kept-one")}) {
        before.insert(ref, catalogue->requireExhibit(ref));
    }
    const int steps = stack->count();

    QStringList cleared;
    QList<CatalogueChange> changes;
    QObject::connect(catalogue.get(), &Catalogue::changed,
                     [&changes](const CatalogueChange& change) { changes << change; });
    // Names are matched whatever their case, as everywhere else.
    CHECK(catalogue->curation().mergeEdition(Stray, QStringLiteral("practice spotlight 2026"), &cleared) == 3);
    CHECK(cleared == QStringList{QStringLiteral("stray-one")});
    CHECK(stack->count() == steps + 1);
    CHECK(stack->undoText() == QStringLiteral("Merge the edition \"2026\" into \"Practice Spotlight 2026\""));
    REQUIRE(changes.count() == 1);
    const CatalogueChange change = changes.first();
    CHECK(change.touches(CatalogueChange::Editions));
    CHECK(change.touches(CatalogueChange::Categories));
    CHECK(change.touches(CatalogueChange::Exhibits));

    CHECK_FALSE(editionNames(*catalogue).contains(Stray));
    // The matching category is the target's own; the other moved across with its sponsor.
    CHECK(categoryNames(*catalogue, Target) ==
          QStringList{Send, QStringLiteral("Racial equity"), QStringLiteral("Youth justice")});
    CHECK(catalogue->categories(Target).last().sponsor == QStringLiteral("YJB London"));
    CHECK(catalogue->refsIn(Target) == QStringList{QStringLiteral("kept-one")} + StrayRefs);
    const Exhibit one = catalogue->requireExhibit(QStringLiteral("stray-one"));
    CHECK(one.edition == Target);
    CHECK(one.categories == QStringList{Send});
    CHECK(one.standNumber.isEmpty()); // stand 1 is kept-one's
    const Exhibit two = catalogue->requireExhibit(QStringLiteral("stray-two"));
    CHECK(two.standNumber == QStringLiteral("2"));
    CHECK(two.categories == QStringList{QStringLiteral("Youth justice")});
    CHECK(catalogue->requireExhibit(QStringLiteral("stray-three")).categories.size() == 2);
    CHECK(catalogue->requireExhibit(QStringLiteral("kept-one")).standNumber == QStringLiteral("1"));
    CHECK(catalogue->refsIn(Target, QStringLiteral("youth justice")) ==
          QStringList{QStringLiteral("stray-three"), QStringLiteral("stray-two")});
    for (const QString& ref : StrayRefs) {
        INFO(ref.toStdString());
        CHECK(catalogue->requireExhibit(ref).version > before.value(ref).version);
        const QList<ChangeLogEntry> history = catalogue->history(ref);
        CHECK(std::any_of(history.begin(), history.end(), [](const ChangeLogEntry& entry) {
            return entry.action == QLatin1String("merge-edition") && entry.field == QLatin1String("edition") &&
                   entry.before == QLatin1String("2026") && entry.after == QLatin1String("Practice Spotlight 2026");
        }));
    }
    CHECK(catalogue->check() == QStringList{});
    QHash<QString, Exhibit> merged;
    for (const QString& ref : StrayRefs) {
        merged.insert(ref, catalogue->requireExhibit(ref));
    }

    stack->undo();
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->categories() == categoriesBefore);
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        INFO(it.key().toStdString());
        const Exhibit now = catalogue->requireExhibit(it.key());
        // Field for field as it was; the version goes on rising, so a save made against the merged
        // state is still recognised as stale.
        CHECK(changedFields(it.value(), now).isEmpty());
        CHECK(now.edition == it.value().edition);
        CHECK(now.categories == it.value().categories);
        CHECK(now.standNumber == it.value().standNumber);
        if (it.key() != QLatin1String("kept-one")) {
            CHECK(now.version > merged.value(it.key()).version);
        } else {
            CHECK(now.version == it.value().version);
        }
    }
    CHECK(catalogue->refsIn(Stray) == StrayRefs);
    CHECK(catalogue->check() == QStringList{});

    stack->redo();
    CHECK_FALSE(editionNames(*catalogue).contains(Stray));
    CHECK(categoryNames(*catalogue, Target) ==
          QStringList{Send, QStringLiteral("Racial equity"), QStringLiteral("Youth justice")});
    for (const QString& ref : StrayRefs) {
        INFO(ref.toStdString());
        CHECK(changedFields(merged.value(ref), catalogue->requireExhibit(ref)).isEmpty());
    }
    CHECK(catalogue->check() == QStringList{});
    stack->undo();
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->categories() == categoriesBefore);
}

TEST_CASE("An edition is not merged into itself or into one that does not exist", "[editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    addStrayEdition(*catalogue);
    const int steps = catalogue->undoStack()->count();
    CHECK_THROWS_WITH(catalogue->curation().mergeEdition(Stray, Stray),
                      Catch::Contains("cannot be merged into itself"));
    CHECK_THROWS_WITH(catalogue->curation().mergeEdition(Target, QStringLiteral("PRACTICE SPOTLIGHT 2026")),
                      Catch::Contains("cannot be merged into itself"));
    CHECK_THROWS_WITH(catalogue->curation().mergeEdition(Stray, QStringLiteral("2027")),
                      Catch::Contains("There is no edition called \"2027\""));
    CHECK_THROWS_WITH(catalogue->curation().mergeEdition(QStringLiteral("2027"), Target),
                      Catch::Contains("There is no edition called \"2027\""));
    CHECK(catalogue->undoStack()->count() == steps);
    CHECK(catalogue->refsIn(Stray) == StrayRefs);
}

TEST_CASE("Merging a category moves its exhibits and removes it, as one step that undo takes back", "[editions][undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    addStrayEdition(*catalogue);
    QUndoStack* stack = catalogue->undoStack();
    const QList<Category> categoriesBefore = catalogue->categories();
    const Exhibit threeBefore = catalogue->requireExhibit(QStringLiteral("stray-three"));
    const Category youth{Stray, QStringLiteral("Youth justice"), {}, {}};

    CHECK_THROWS_WITH(catalogue->curation().removeCategory(youth),
                      Catch::Contains("2 exhibits are in \"Youth justice\"") && Catch::Contains("merge the category"));
    CHECK_THROWS_WITH(catalogue->curation().mergeCategory(youth, QStringLiteral("youth JUSTICE")),
                      Catch::Contains("cannot be merged into itself"));
    CHECK_THROWS_WITH(catalogue->curation().mergeCategory(youth, QStringLiteral("Racial equity")),
                      Catch::Contains("2026 has no category called \"Racial equity\""));

    CHECK(catalogue->curation().mergeCategory(youth, QStringLiteral("Impact for children with send")) == 2);
    CHECK(stack->undoText() ==
          QStringLiteral("Merge the category \"Youth justice\" into \"impact for children with send\""));
    CHECK(categoryNames(*catalogue, Stray) == QStringList{QStringLiteral("impact for children with send")});
    CHECK(catalogue->requireExhibit(QStringLiteral("stray-two")).categories ==
          QStringList{QStringLiteral("impact for children with send")});
    // Already in both: in the one now, once.
    CHECK(catalogue->requireExhibit(QStringLiteral("stray-three")).categories ==
          QStringList{QStringLiteral("impact for children with send")});
    CHECK(catalogue->refsIn(Stray, QStringLiteral("impact for children with send")) == StrayRefs);
    const QList<ChangeLogEntry> history = catalogue->history(QStringLiteral("stray-two"));
    CHECK(history.first().action == QStringLiteral("merge-category"));
    CHECK(catalogue->check() == QStringList{});

    stack->undo();
    CHECK(catalogue->categories() == categoriesBefore);
    CHECK(changedFields(threeBefore, catalogue->requireExhibit(QStringLiteral("stray-three"))).isEmpty());
    CHECK(catalogue->requireExhibit(QStringLiteral("stray-two")).categories ==
          QStringList{QStringLiteral("Youth justice")});
    stack->redo();
    CHECK(categoryNames(*catalogue, Stray) == QStringList{QStringLiteral("impact for children with send")});
    CHECK(catalogue->check() == QStringList{});

    // An empty category goes at once.
    catalogue->curation().saveCategory({}, Category{Stray, QStringLiteral("SEND"), {}, {}});
    catalogue->curation().removeCategory(Category{Stray, QStringLiteral("send"), {}, {}});
    CHECK(categoryNames(*catalogue, Stray) == QStringList{QStringLiteral("impact for children with send")});
}
