#include "TestSupport.h"
#include "domain/ExhibitDiff.h"
#include "io/JsonCodec.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// Everything a person could see of an exhibit, for comparing states exactly.
QByteArray stateOf(const Catalogue& catalogue, const QString& ref)
{
    const auto exhibit = catalogue.exhibit(ref);
    return exhibit ? QJsonDocument(JsonCodec::toJson(*exhibit, true)).toJson() : QByteArray("absent");
}

} // namespace

TEST_CASE("Every change to exhibits can be undone and redone exactly", "[undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    QUndoStack* stack = catalogue->undoStack();
    const QString ref = QStringLiteral("merton-autism-mainstream-classrooms");
    const QByteArray original = stateOf(*catalogue, ref);

    Exhibit edited = *catalogue->exhibit(ref);
    edited.title = QStringLiteral("Autism in mainstream classrooms");
    edited.evidence.append(Evidence{
        EvidenceKind::CaseStudy, QStringLiteral("A made-up case study"), {}, 2, QDate(2025, 1, 5), {}, {}, {}});
    catalogue->curation().updateExhibit(edited);
    const QByteArray afterEdit = stateOf(*catalogue, ref);
    CHECK(afterEdit != original);
    CHECK(catalogue->exhibit(ref)->evidenceLevel == 2);

    catalogue->curation().addTags({ref, QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("pilot")});
    catalogue->curation().setStatus({ref}, CurationStatus::Archived);
    catalogue->curation().removeExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(stack->count() == 4);
    CHECK(stack->undoText() == QStringLiteral("Delete \"waltham-forest-mockingbird\""));

    stack->undo(); // the delete
    CHECK(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->tags.contains(QStringLiteral("pilot")));
    stack->undo(); // the status
    CHECK(catalogue->exhibit(ref)->status == CurationStatus::Showcased);
    stack->undo(); // the tags, on both
    CHECK_FALSE(
        catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->tags.contains(QStringLiteral("pilot")));
    CHECK(stateOf(*catalogue, ref) == afterEdit);
    stack->undo(); // the edit
    CHECK(stateOf(*catalogue, ref) == original);
    CHECK(catalogue->search(QStringLiteral("pilot"), 10).total == 0); // the search index followed
    CHECK(catalogue->check().isEmpty());

    stack->redo();
    CHECK(stateOf(*catalogue, ref) == afterEdit);
    stack->redo();
    stack->redo();
    stack->redo();
    CHECK_FALSE(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(catalogue->exhibit(ref)->status == CurationStatus::Archived);
    CHECK(catalogue->check().isEmpty());
    // Undo and redo are recorded in the history too.
    CHECK(catalogue->history(ref).first().action == QStringLiteral("redo"));
}

TEST_CASE("A change that fails is not put on the undo stack", "[undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit broken = *catalogue->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    broken.leadAuthority = QStringLiteral("Atlantis");
    CHECK_THROWS(catalogue->curation().updateExhibit(broken));
    CHECK(catalogue->undoStack()->count() == 0);
}

TEST_CASE("Renaming, merging and colouring tags are undone whole, and redone", "[undo][tags]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Curation& curation = catalogue->curation();
    QUndoStack* stack = catalogue->undoStack();
    auto tagNames = [&catalogue] {
        QStringList names;
        for (const Tag& tag : catalogue->tags()) {
            names << tag.name + QLatin1Char('=') + tag.colour;
        }
        return names;
    };
    const QString ref = QStringLiteral("merton-autism-mainstream-classrooms");
    curation.setTagColour(QStringLiteral("send"), QStringLiteral("teal"));
    const QStringList tagsBefore = tagNames();
    const QByteArray exhibitBefore = stateOf(*catalogue, ref);

    curation.renameTag(QStringLiteral("send"), QStringLiteral("special-needs"));
    REQUIRE(catalogue->requireExhibit(ref).tags.contains(QStringLiteral("special-needs/autism")));
    const QStringList tagsRenamed = tagNames();
    stack->undo();
    CHECK(tagNames() == tagsBefore); // the old names and colour are back, the new ones gone
    CHECK(stateOf(*catalogue, ref) == exhibitBefore);
    stack->redo();
    CHECK(tagNames() == tagsRenamed);
    stack->undo();

    curation.mergeTags({QStringLiteral("send/autism")}, QStringLiteral("autism"));
    CHECK_FALSE(catalogue->requireExhibit(ref).tags.contains(QStringLiteral("send/autism")));
    stack->undo();
    CHECK(tagNames() == tagsBefore);
    CHECK(stateOf(*catalogue, ref) == exhibitBefore);

    curation.setTagColour(QStringLiteral("send"), QStringLiteral("#ff0000"));
    stack->undo();
    CHECK(tagNames() == tagsBefore);
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("Undo of a tag rename is refused when another window changed those tags since", "[undo][tags][shared]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);

    windowA->curation().renameTag(QStringLiteral("send"), QStringLiteral("special-needs"));
    windowB->curation().addTags({QStringLiteral("waltham-forest-mockingbird")}, {QStringLiteral("special-needs")});
    windowA->undoStack()->undo();
    CHECK(failures.count() == 1);
    CHECK(windowA->requireExhibit(QStringLiteral("waltham-forest-mockingbird"))
              .tags.contains(QStringLiteral("special-needs")));
    CHECK_FALSE(windowA->undoStack()->canRedo());
    CHECK(windowA->check() == QStringList{});
}

TEST_CASE("Edition and category changes are undone and redone, exhibits following", "[undo][editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Curation& curation = catalogue->curation();
    QUndoStack* stack = catalogue->undoStack();
    const QString ref = QStringLiteral("merton-autism-mainstream-classrooms");
    const Exhibit exhibitBefore = catalogue->requireExhibit(ref);
    const QList<Edition> editionsBefore = catalogue->editions();
    const QList<Category> categoriesBefore = catalogue->categories();

    Edition edition = editionsBefore.first();
    const QString oldName = edition.name;
    edition.name = QStringLiteral("Practice Spotlight 2025 (first cycle)");
    curation.saveEdition(oldName, edition);
    REQUIRE(catalogue->requireExhibit(ref).edition == edition.name);
    Category category = catalogue->categories(edition.name).first();
    const QString oldCategory = category.name;
    category.name = QStringLiteral("Renamed category");
    curation.saveCategory(oldCategory, category);
    curation.saveCategory({}, Category{edition.name, QStringLiteral("A new category"), {}, {}});

    stack->undo(); // the new category
    stack->undo(); // the category rename
    stack->undo(); // the edition rename
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->categories() == categoriesBefore);
    // The same exhibit, field for field; only its update time and version moved on.
    CHECK(changedFields(catalogue->requireExhibit(ref), exhibitBefore).isEmpty());
    stack->redo();
    CHECK(catalogue->requireExhibit(ref).edition == edition.name);
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("Undo of an edition change is refused once another window changed the editions", "[undo][editions][shared]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);
    Edition edition = windowA->editions().first();
    const QString oldName = edition.name;
    edition.venue = QStringLiteral("Guildhall, Great Hall");
    windowA->curation().saveEdition(oldName, edition);
    Edition elsewhere = windowB->editions().first();
    elsewhere.event = QStringLiteral("Summit, renamed elsewhere");
    windowB->curation().saveEdition(elsewhere.name, elsewhere);

    windowA->undoStack()->undo();
    CHECK(failures.count() == 1);
    CHECK(windowA->editions().first().event == QStringLiteral("Summit, renamed elsewhere"));
    CHECK(windowA->editions().first().venue == QStringLiteral("Guildhall, Great Hall"));
}

TEST_CASE("Saved searches and privacy decisions are undone and redone", "[undo][privacy]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Curation& curation = catalogue->curation();
    QUndoStack* stack = catalogue->undoStack();

    curation.saveSearch(SavedSearch{QStringLiteral("SEND"), QStringLiteral("tag:send")});
    curation.saveSearch(SavedSearch{QStringLiteral("SEND"), QStringLiteral("tag:send level:>=2")});
    stack->undo();
    REQUIRE(catalogue->savedSearch(QStringLiteral("SEND")).has_value());
    CHECK(catalogue->savedSearch(QStringLiteral("SEND"))->query == QStringLiteral("tag:send"));
    stack->undo();
    CHECK_FALSE(catalogue->savedSearch(QStringLiteral("SEND")).has_value());
    stack->redo();
    CHECK(catalogue->savedSearch(QStringLiteral("SEND")).has_value());

    const QString ref = QStringLiteral("waltham-forest-mockingbird");
    Exhibit exhibit = catalogue->requireExhibit(ref);
    exhibit.description += QStringLiteral("\n\nJamie, aged 14, told us what changed.");
    curation.updateExhibit(exhibit);
    const QList<PrivacyFinding> findings = catalogue->privacyFindings(QStringLiteral("mockingbird"));
    REQUIRE_FALSE(findings.isEmpty());
    curation.markPrivacyReviewed(findings.first(), QStringLiteral("A pseudonym agreed with the family"));
    CHECK(catalogue->privacyFindings(QStringLiteral("mockingbird")).first().reviewed);
    stack->undo();
    CHECK_FALSE(catalogue->privacyFindings(QStringLiteral("mockingbird")).first().reviewed);
    stack->redo();
    CHECK(catalogue->privacyFindings(QStringLiteral("mockingbird")).first().reviewed);
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("Undo of a new category is refused once another window put an exhibit in it", "[undo][editions][shared]")
{
    Scratch scratch;
    auto windowA = makeCatalogue(scratch);
    auto windowB = Catalogue::open(windowA->path());
    QSignalSpy failures(&windowA->curation(), &Curation::writeFailed);
    const QString edition = windowA->editions().first().name;
    windowA->curation().saveCategory({}, Category{edition, QStringLiteral("Youth justice"), {}, {}});
    Exhibit moved = windowB->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    moved.categories << QStringLiteral("Youth justice");
    windowB->curation().updateExhibit(moved);

    windowA->undoStack()->undo();
    CHECK(failures.count() == 1);
    CHECK(windowA->requireExhibit(moved.ref).categories.contains(QStringLiteral("Youth justice")));
    CHECK(windowA->check() == QStringList{});
}

TEST_CASE("Undo of an import takes back the editions and categories it brought", "[undo][import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<Edition> editionsBefore = catalogue->editions();
    const QString file =
        scratch.write(QStringLiteral("new.csv"),
                      "ref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,description,"
                      "contact_name,contact_role,contact_email,evidence_level\n"
                      "new-one,A new project,Hackney,,Practice Spotlight 2026,Youth justice,,draft,Summary.,,,,,0\n");
    const ImportPlan plan = catalogue->planImport(file, ImportOptions{false, true});
    REQUIRE(plan.problems() == QStringList{});
    catalogue->curation().applyImport(plan);
    REQUIRE(catalogue->editions().size() == editionsBefore.size() + 1);
    catalogue->undoStack()->undo();
    CHECK(catalogue->editions() == editionsBefore);
    CHECK_FALSE(catalogue->exhibit(QStringLiteral("new-one")).has_value());
    catalogue->undoStack()->redo();
    CHECK(catalogue->requireExhibit(QStringLiteral("new-one")).edition == QStringLiteral("Practice Spotlight 2026"));
    CHECK(catalogue->check() == QStringList{});
}
