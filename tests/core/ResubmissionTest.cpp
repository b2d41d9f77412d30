// A project submitted again in a later edition: a new exhibit linked to the earlier one, which its
// own edition keeps exactly as it was.
#include "Error.h"
#include "TestSupport.h"
#include "io/JsonCodec.h"
#include "publishing/JsonPublisher.h"

#include <QJsonDocument>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QByteArray Header =
    "ref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,description,"
    "contact_name,contact_role,contact_email,evidence_level\n";
const QString Earlier = QStringLiteral("hackney-racial-equity-inclusion-service");
const QString Edition2025 = QStringLiteral("Practice Spotlight 2025");
const QString Edition2026 = QStringLiteral("Practice Spotlight 2026");

// The seed catalogue (its exhibits in 2025) with a 2026 edition, now the current one.
std::unique_ptr<Catalogue> withNextEdition(const Scratch& scratch, const QString& name = QStringLiteral("c.sqlite"))
{
    auto catalogue = makeCatalogue(scratch, name);
    Edition next;
    next.name = Edition2026;
    next.year = 2026;
    catalogue->curation().saveEdition({}, next);
    catalogue->curation().saveCategory({}, Category{Edition2026, QStringLiteral("Racial equity"), {}, {}});
    return catalogue;
}

QByteArray jsonOf(const Catalogue& catalogue, const QString& ref)
{
    return QJsonDocument(JsonCodec::toJson(catalogue.requireExhibit(ref), true)).toJson();
}

// A spreadsheet row in the template's columns; a blank edition is the current one.
QByteArray row(const QString& ref, const QString& title, const QString& edition = {})
{
    return QStringLiteral("%1,%2,Hackney,,%3,Racial equity,,submitted,Changed summary,Changed description,,,,0\n")
        .arg(ref, title, edition)
        .toUtf8();
}

// The one exhibit with this ref's link, or the one that resubmits it; empty when there is none.
QString resubmittedBy(const Catalogue& catalogue, const QString& ref)
{
    const QList<ExhibitMention> later = catalogue.resubmissionsOf(ref);
    return later.size() == 1 ? later.first().ref : QString();
}

} // namespace

TEST_CASE("A row with last year's ref adds a new exhibit linked to it, even with --update", "[import][resubmit]")
{
    Scratch scratch;
    auto catalogue = withNextEdition(scratch);
    const QByteArray before = jsonOf(*catalogue, Earlier);
    const qsizetype in2025 = catalogue->refsIn(Edition2025).size();
    REQUIRE(in2025 == 17);

    const QString file =
        scratch.write(QStringLiteral("hackney.csv"), Header + row(Earlier, QStringLiteral("Racial Equity in 2026")));
    const ImportPlan plan = catalogue->planImport(file, ImportOptions{true, false});
    REQUIRE(plan.problems() == QStringList{});
    REQUIRE(plan.rows.size() == 1);
    const ImportRow& planned = plan.rows.first();
    CHECK(planned.decision == ImportDecision::Resubmit);
    CHECK(plan.creates() == 1);
    CHECK(plan.updates() == 0);
    CHECK(plan.skips() == 0);
    CHECK(planned.exhibit.resubmissionOf == Earlier);
    CHECK(planned.exhibit.edition == Edition2026);
    CHECK(planned.exhibit.ref == QStringLiteral("racial-equity-in-2026"));
    CHECK(planned.resolved.contains(QStringLiteral("ref: \"hackney-racial-equity-inclusion-service\" was submitted "
                                                   "before, in Practice Spotlight 2025; added as a new exhibit "
                                                   "linked to it")));
    catalogue->curation().applyImport(plan);

    CHECK(jsonOf(*catalogue, Earlier) == before);
    CHECK(catalogue->refsIn(Edition2025).size() == in2025);
    const Exhibit added = catalogue->requireExhibit(planned.exhibit.ref);
    CHECK(added.edition == Edition2026);
    CHECK(added.title == QStringLiteral("Racial Equity in 2026"));
    CHECK(added.status == CurationStatus::Submitted);
    CHECK(added.resubmissionOf == Earlier);
    CHECK(catalogue->refsIn(Edition2026) == QStringList{added.ref});

    // Both sides can be shown.
    const QList<ExhibitMention> later = catalogue->resubmissionsOf(Earlier);
    REQUIRE(later.size() == 1);
    CHECK(later.first() == ExhibitMention{added.ref, added.title, Edition2026, 2026});
    CHECK(catalogue->mention(Earlier)->when() == QStringLiteral("2025"));
    CHECK(catalogue->resubmissionsOf(added.ref).isEmpty());

    // The change log says which exhibit it submits again.
    const QList<ChangeLogEntry> history = catalogue->history(added.ref);
    CHECK(std::any_of(history.begin(), history.end(), [](const ChangeLogEntry& entry) {
        return entry.field == QLatin1String("resubmission_of") && entry.after == Earlier;
    }));
    CHECK(catalogue->check() == QStringList{});

    SECTION("Undoing the import removes the new exhibit and its link; redo brings both back")
    {
        catalogue->undoStack()->undo();
        CHECK_FALSE(catalogue->exhibit(added.ref));
        CHECK(catalogue->resubmissionsOf(Earlier).isEmpty());
        CHECK(jsonOf(*catalogue, Earlier) == before);
        catalogue->undoStack()->redo();
        CHECK(catalogue->requireExhibit(added.ref).resubmissionOf == Earlier);
        CHECK(resubmittedBy(*catalogue, Earlier) == added.ref);
    }
    SECTION("Editing either exhibit keeps the link")
    {
        Exhibit edited = catalogue->requireExhibit(added.ref);
        edited.summary = QStringLiteral("Edited in the window");
        catalogue->curation().updateExhibit(edited);
        CHECK(catalogue->requireExhibit(added.ref).resubmissionOf == Earlier);
        Exhibit earlier = catalogue->requireExhibit(Earlier);
        earlier.summary = QStringLiteral("A correction to the 2025 exhibit");
        catalogue->curation().updateExhibit(earlier); // written again under the same id
        CHECK(resubmittedBy(*catalogue, Earlier) == added.ref);
        CHECK(catalogue->check() == QStringList{});
    }
    SECTION("Deleting the earlier exhibit leaves the later one unlinked; undo links it again")
    {
        const qint64 version = catalogue->requireExhibit(added.ref).version;
        catalogue->curation().removeExhibit(Earlier);
        const Exhibit unlinked = catalogue->requireExhibit(added.ref);
        CHECK(unlinked.resubmissionOf.isEmpty());
        CHECK(unlinked.version > version); // an editor still holding the link is refused
        CHECK(catalogue->check() == QStringList{});
        catalogue->undoStack()->undo();
        CHECK(jsonOf(*catalogue, Earlier) == before);
        CHECK(catalogue->requireExhibit(added.ref).resubmissionOf == Earlier);
        CHECK(catalogue->check() == QStringList{});
    }
}

TEST_CASE("Update stays within one edition", "[import][resubmit]")
{
    Scratch scratch;
    auto catalogue = withNextEdition(scratch);

    SECTION("A row of the exhibit's own edition updates it")
    {
        const QString file = scratch.write(QStringLiteral("same.csv"),
                                           Header + row(Earlier, QStringLiteral("Retitled"), QStringLiteral("2025")));
        const ImportPlan plan = catalogue->planImport(file, ImportOptions{true, false});
        REQUIRE(plan.problems() == QStringList{});
        CHECK(plan.rows.first().decision == ImportDecision::Update);
        catalogue->curation().applyImport(plan);
        CHECK(catalogue->requireExhibit(Earlier).title == QStringLiteral("Retitled"));
        CHECK(catalogue->requireExhibit(Earlier).edition == Edition2025);
    }
    SECTION("A row of an earlier edition than the exhibit's is a problem, not a link backwards")
    {
        Exhibit in2026 = catalogue->requireExhibit(Earlier);
        in2026.ref = QStringLiteral("hackney-2026");
        in2026.edition = Edition2026;
        in2026.standNumber.clear();
        catalogue->curation().addExhibit(in2026);
        const QString file = scratch.write(QStringLiteral("back.csv"),
                                           Header + row(in2026.ref, QStringLiteral("Back"), QStringLiteral("2025")));
        const ImportPlan plan = catalogue->planImport(file, ImportOptions{true, false});
        CHECK(plan.problems() ==
              QStringList{QStringLiteral("%1:2: ref: \"hackney-2026\" is an exhibit of Practice Spotlight 2026, a "
                                         "later edition than Practice Spotlight 2025; clear the ref to add this row "
                                         "as a new exhibit")
                              .arg(file)});
    }
    SECTION("A similar title from last year may be added as a resubmission, never as an update")
    {
        const QString file = scratch.write(QStringLiteral("similar.csv"),
                                           Header + row({}, QStringLiteral("Racial Equity & Inclusion Service")));
        ImportPlan plan = catalogue->planImport(file, {});
        REQUIRE(plan.problems() == QStringList{});
        const ImportRow& planned = plan.rows.first();
        CHECK(planned.decision == ImportDecision::Create);
        CHECK(planned.exhibit.resubmissionOf.isEmpty());
        const auto duplicate =
            std::find_if(planned.duplicates.begin(), planned.duplicates.end(),
                         [](const PossibleDuplicate& d) { return d.inCatalogue() && d.ref == Earlier; });
        REQUIRE(duplicate != planned.duplicates.end());
        CHECK(duplicate->otherEdition);
        CHECK(duplicate->when() == QStringLiteral("2025"));

        CHECK_THROWS_WITH(
            plan.decide(0, ImportDecision::Update, Earlier),
            Catch::Contains("belongs to Practice Spotlight 2025, and an update stays within one edition"));
        CHECK(plan.rows.first().decision == ImportDecision::Create);
        CHECK_THROWS_WITH(plan.decide(0, ImportDecision::Resubmit, QStringLiteral("no-such-exhibit")),
                          Catch::Contains("resubmission of an exhibit of another edition"));

        const QByteArray before = jsonOf(*catalogue, Earlier);
        plan.decide(0, ImportDecision::Resubmit, Earlier);
        CHECK(plan.rows.first().decision == ImportDecision::Resubmit);
        CHECK(plan.creates() == 1);
        const QString ref = plan.rows.first().exhibit.ref;
        CHECK(ref != Earlier);

        SECTION("and changing its mind takes the link away again")
        {
            plan.decide(0, ImportDecision::Create);
            CHECK(plan.rows.first().exhibit.resubmissionOf.isEmpty());
        }
        SECTION("and the import adds it linked")
        {
            catalogue->curation().applyImport(plan);
            CHECK(catalogue->requireExhibit(ref).resubmissionOf == Earlier);
            CHECK(catalogue->requireExhibit(ref).edition == Edition2026);
            CHECK(resubmittedBy(*catalogue, Earlier) == ref);
            CHECK(jsonOf(*catalogue, Earlier) == before);
        }
    }
}

TEST_CASE("A resubmission whose earlier exhibit was deleted after planning imports nothing", "[import][resubmit]")
{
    Scratch scratch;
    auto catalogue = withNextEdition(scratch);
    const QString file =
        scratch.write(QStringLiteral("hackney.csv"), Header + row(Earlier, QStringLiteral("Racial Equity in 2026")));
    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.isValid());
    catalogue->curation().removeExhibit(Earlier);
    CHECK_THROWS_WITH(catalogue->curation().applyImport(plan), Catch::Contains("was deleted after"));
    CHECK(catalogue->refsIn(Edition2026).isEmpty());
}

TEST_CASE("JSON carries the link: export then import keeps it, and an unknown one is left out with a note",
          "[import][resubmit]")
{
    Scratch scratch;
    auto catalogue = withNextEdition(scratch);
    const QString file =
        scratch.write(QStringLiteral("hackney.csv"), Header + row(Earlier, QStringLiteral("Racial Equity in 2026")));
    catalogue->curation().applyImport(catalogue->planImport(file, {}));

    const QByteArray first = JsonPublisher(*catalogue).write();
    CHECK(first.contains("\"resubmission_of\": \"hackney-racial-equity-inclusion-service\""));
    auto empty = makeCatalogue(scratch, QStringLiteral("empty.sqlite"), true);
    const ImportPlan plan = empty->planImport(scratch.write(QStringLiteral("all.json"), first), {});
    REQUIRE(plan.problems() == QStringList{});
    empty->curation().applyImport(plan);
    CHECK(JsonPublisher(*empty).write() == first);
    CHECK(empty->requireExhibit(QStringLiteral("racial-equity-in-2026")).resubmissionOf == Earlier);
    CHECK(empty->check() == QStringList{});

    // Only the 2026 exhibit, into a catalogue that lacks the one it names.
    auto other = makeCatalogue(scratch, QStringLiteral("other.sqlite"), true);
    const QByteArray only2026 = JsonPublisher(*catalogue).write(QStringLiteral("edition:2026"));
    const ImportPlan partial = other->planImport(scratch.write(QStringLiteral("2026.json"), only2026), {});
    REQUIRE(partial.problems() == QStringList{});
    REQUIRE(partial.rows.size() == 1);
    CHECK(partial.rows.first().exhibit.resubmissionOf.isEmpty());
    CHECK(partial.rows.first().resolved.contains(
        QStringLiteral("resubmission_of: no exhibit \"hackney-racial-equity-inclusion-service\" is in the catalogue "
                       "or the files read; the link to it was left out")));
    other->curation().applyImport(partial);
    CHECK(other->requireExhibit(QStringLiteral("racial-equity-in-2026")).resubmissionOf.isEmpty());
}
