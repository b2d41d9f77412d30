// The curator's workflow: status moves and their refusals, reviews, stands and the floor list,
// and the change history each of them leaves.
#include "Error.h"
#include "TestSupport.h"
#include "domain/StatusWorkflow.h"
#include "io/Csv.h"
#include "publishing/CsvPublisher.h"
#include "storage/ChangeLogStore.h"

#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

using enum CurationStatus;

const QString Ref = QStringLiteral("merton-autism-mainstream-classrooms");

Review panelReview()
{
    return Review{QStringLiteral("SEND sponsoring group"), QDate(2025, 2, 3),
                  QStringLiteral("A. Reviewer; B. Reviewer"), QStringLiteral("Clear account of the model."),
                  QStringLiteral("Commended")};
}

} // namespace

TEST_CASE("Every status move follows the workflow, and each refusal says why", "[workflow]")
{
    // The whole table: from each status (with everything a move can need), to each status.
    const QHash<CurationStatus, QList<CurationStatus>> allowed{
        {Draft, {Submitted, Withdrawn}},
        {Submitted, {Draft, InReview, Withdrawn}},
        {InReview, {Submitted, Recognised, Withdrawn}},
        {Recognised, {InReview, Showcased, Archived, Withdrawn}},
        {Showcased, {Recognised, Archived, Withdrawn}},
        {Archived, {Recognised}},
        {Withdrawn, {Draft}},
    };
    Exhibit complete;
    complete.ref = QStringLiteral("x");
    complete.summary = QStringLiteral("A summary");
    complete.contact.email = QStringLiteral("team@example.org");
    complete.reviews << panelReview();
    for (const QString& fromKey : allStatusKeys()) {
        complete.status = *statusFromText(fromKey);
        CHECK(StatusWorkflow::nextStatuses(complete) == allowed.value(complete.status));
        for (const QString& toKey : allStatusKeys()) {
            const CurationStatus to = *statusFromText(toKey);
            INFO(fromKey.toStdString() << " -> " << toKey.toStdString());
            const auto refusal = StatusWorkflow::refusal(complete, to);
            CHECK(refusal.has_value() == !allowed.value(complete.status).contains(to));
            if (refusal && to != complete.status) {
                CHECK(refusal->contains(QStringLiteral("it can go to")));
            }
        }
    }

    SECTION("a submission needs a summary and a contact")
    {
        Exhibit draft = complete;
        draft.status = Draft;
        draft.summary.clear();
        CHECK(StatusWorkflow::refusal(draft, Submitted)->contains(QStringLiteral("no summary")));
        draft.summary = QStringLiteral("A summary");
        draft.contact.email.clear();
        CHECK(StatusWorkflow::refusal(draft, Submitted)->contains(QStringLiteral("no key contact email")));
        CHECK(StatusWorkflow::nextStatuses(draft) == QList<CurationStatus>{Withdrawn});
    }
    SECTION("recognition needs a recorded review")
    {
        Exhibit inReview = complete;
        inReview.status = InReview;
        inReview.reviews.clear();
        CHECK(StatusWorkflow::refusal(inReview, Recognised)->contains(QStringLiteral("record the review first")));
    }
    SECTION("a move to the same status is refused as already done")
    {
        CHECK(StatusWorkflow::refusal(complete, complete.status)->contains(QStringLiteral("already")));
    }
}

TEST_CASE("A bulk status change moves what it may, as one step, and reports the rest", "[workflow]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString other = QStringLiteral("waltham-forest-mockingbird");
    catalogue->curation().setStatus({other}, Withdrawn);
    const int steps = catalogue->undoStack()->count();

    // Showcased -> archived is allowed; withdrawn -> archived is not.
    const QStringList refusals = catalogue->curation().setStatus({Ref, other}, Archived);
    REQUIRE(refusals.size() == 1);
    CHECK(refusals.first().contains(other));
    CHECK(refusals.first().contains(QStringLiteral("from withdrawn it can go to draft")));
    CHECK(catalogue->exhibit(Ref)->status == Archived);
    CHECK(catalogue->exhibit(other)->status == Withdrawn);
    CHECK(catalogue->undoStack()->count() == steps + 1);

    // The editor's path refuses the same moves.
    Exhibit edited = *catalogue->exhibit(other);
    edited.status = Showcased;
    CHECK_THROWS_WITH(catalogue->curation().updateExhibit(edited),
                      Catch::Contains("cannot move from withdrawn to showcased"));
    CHECK(catalogue->exhibit(other)->status == Withdrawn);
}

TEST_CASE("Reviews are recorded, several per exhibit, and open the way to recognition", "[workflow]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().setStatus({Ref}, Archived);
    CHECK(catalogue->curation().setStatus({Ref}, Recognised).first().contains(QStringLiteral("no panel review")));

    catalogue->curation().addReview(Ref, panelReview());
    Review second = panelReview();
    second.panel = QStringLiteral("Health sponsoring group");
    second.recognition = QStringLiteral("Highly commended");
    catalogue->curation().addReview(Ref, second);
    REQUIRE(catalogue->exhibit(Ref)->reviews.size() == 2);
    CHECK(catalogue->exhibit(Ref)->reviews.first() == panelReview());
    CHECK(catalogue->curation().setStatus({Ref}, Recognised).isEmpty());

    Review undated = panelReview();
    undated.date = {};
    CHECK_THROWS_WITH(catalogue->curation().addReview(Ref, undated), Catch::Contains("needs the date"));
    Review anonymous = panelReview();
    anonymous.panel.clear();
    CHECK_THROWS_WITH(catalogue->curation().addReview(Ref, anonymous), Catch::Contains("needs the panel"));
    CHECK_THROWS_WITH(catalogue->curation().addReview(QStringLiteral("no-such-exhibit"), panelReview()),
                      Catch::Contains("No exhibit has the ref \"no-such-exhibit\""));
    CHECK_THROWS_WITH(catalogue->curation().setStatus({QStringLiteral("no-such-exhibit")}, Archived),
                      Catch::Contains("No exhibit has the ref"));
}

TEST_CASE("History records who changed which field, from what to what, and undoing it", "[workflow][history]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().setAuthor(QStringLiteral("Curator Example"));
    Exhibit edited = *catalogue->exhibit(Ref);
    const QString oldTitle = edited.title;
    edited.title = QStringLiteral("Autism in mainstream classrooms");
    edited.contact.email = QStringLiteral("send@merton.example");
    edited.categories = QStringList{QStringLiteral("Impact for children with SEND"), QStringLiteral("Racial equity")};
    catalogue->curation().updateExhibit(edited);
    catalogue->undoStack()->undo();

    const QList<ChangeLogEntry> history = catalogue->history(Ref); // newest first
    catalogue->curation().setAuthor({});
    auto find = [&history](const QString& action, const QString& field) {
        for (const ChangeLogEntry& entry : history) {
            if (entry.action == action && entry.field == field) {
                return entry;
            }
        }
        FAIL("no " << action.toStdString() << " of " << field.toStdString());
        return ChangeLogEntry{};
    };
    // On a server the role that logged in is recorded too: the server vouches for it.
    const QString who = onServer() ? QStringLiteral("Curator Example (%1)").arg(qEnvironmentVariable("PGUSER"))
                                   : QStringLiteral("Curator Example");
    const ChangeLogEntry title = find(QStringLiteral("update"), QStringLiteral("title"));
    CHECK(title.before == oldTitle);
    CHECK(title.after == QStringLiteral("Autism in mainstream classrooms"));
    CHECK(title.who == who);
    CHECK(title.at.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    CHECK(find(QStringLiteral("update"), QStringLiteral("contact_email")).after ==
          QStringLiteral("send@merton.example"));
    CHECK(find(QStringLiteral("update"), QStringLiteral("categories")).after ==
          QStringLiteral("Impact for children with SEND; Racial equity"));
    // The undo is recorded as a change of its own, field by field.
    CHECK(find(QStringLiteral("undo"), QString()).who == who);
    const ChangeLogEntry undoneTitle = find(QStringLiteral("undo"), QStringLiteral("title"));
    CHECK(undoneTitle.before == QStringLiteral("Autism in mainstream classrooms"));
    CHECK(undoneTitle.after == oldTitle);
    CHECK(catalogue->exhibit(Ref)->title == oldTitle);
}

TEST_CASE("Stands are numbered without clashes, and the floor list is in stand order", "[workflow][stands]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit taken = *catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"));
    taken.standNumber = QStringLiteral("2");
    catalogue->curation().updateExhibit(taken);

    const QStringList refs{Ref, QStringLiteral("redbridge-your-choice"),
                           QStringLiteral("lambeth-route-to-independence")};
    CHECK(catalogue->curation().assignStands(refs, 1) ==
          QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4")});

    Exhibit clash = *catalogue->exhibit(Ref);
    clash.standNumber = QStringLiteral("3");
    CHECK_THROWS_WITH(catalogue->curation().updateExhibit(clash),
                      Catch::Contains("Stand 3 is already \"redbridge-your-choice\"'s"));

    Exhibit tenth = *catalogue->exhibit(QStringLiteral("sutton-universal-parenting-support"));
    tenth.standNumber = QStringLiteral("10");
    catalogue->curation().updateExhibit(tenth);
    const CsvDocument floor = Csv::parse(CsvPublisher(*catalogue).floorList());
    REQUIRE(floor.records.size() == 6);
    CHECK(floor.records.first().fields ==
          QStringList{QStringLiteral("stand"), QStringLiteral("title"), QStringLiteral("lead_authority"),
                      QStringLiteral("partner_authorities"), QStringLiteral("contact_name"),
                      QStringLiteral("contact_role"), QStringLiteral("contact_email")});
    QStringList stands;
    for (const CsvRecord& record : floor.records.mid(1)) {
        stands << record.fields.first();
    }
    CHECK(stands == QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                QStringLiteral("10")});
    CHECK(floor.records.at(2).fields.at(2) == QStringLiteral("Waltham Forest"));
}

TEST_CASE("Editions and categories are created, renamed and archived, and exhibits follow", "[workflow][editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString first = QStringLiteral("Practice Spotlight 2025");
    CHECK(catalogue->currentEdition()->name == first);

    Edition next;
    next.name = QStringLiteral("Practice Spotlight 2026");
    next.year = 2026;
    next.venue = QStringLiteral("A made-up venue");
    next.signatoryName = QStringLiteral("A. Director");
    next.signatoryRole = QStringLiteral("Chair, made-up board");
    catalogue->curation().saveEdition({}, next);
    CHECK_THROWS_WITH(catalogue->curation().saveEdition({}, next), Catch::Contains("already an edition"));
    CHECK(catalogue->currentEdition()->name == next.name);
    catalogue->curation().saveCategory(
        {}, Category{next.name, QStringLiteral("Early help"), QStringLiteral("A sponsor"), {}});
    CHECK_THROWS_WITH(catalogue->curation().saveCategory({}, Category{next.name, QStringLiteral("early help"), {}, {}}),
                      Catch::Contains("already has a category"));

    // Archiving keeps the exhibits searchable and hands "current" to the next edition.
    catalogue->curation().setEditionArchived(next.name, true);
    CHECK(catalogue->currentEdition()->name == first);
    catalogue->curation().setEditionArchived(first, true);
    CHECK_FALSE(catalogue->currentEdition().has_value());
    CHECK(catalogue->search(QStringLiteral("edition:2025"), 50).total == 17);
    CHECK(catalogue->search(QStringLiteral("mockingbird"), 50).total == 1);

    // Renaming a category or an edition carries its exhibits.
    const Category racial = catalogue->categories(first).first();
    const qint64 inRacial = catalogue->search(QStringLiteral("category:\"Racial equity\""), 50).total;
    Category renamed = racial;
    renamed.name = QStringLiteral("Racial equity and inclusion");
    catalogue->curation().saveCategory(racial.name, renamed);
    CHECK(catalogue->search(QStringLiteral("category:\"Racial equity and inclusion\""), 50).total == inRacial);
    CHECK_THROWS_WITH(catalogue->curation().removeCategory(renamed),
                      Catch::Contains("exhibits are in \"Racial equity and inclusion\"") &&
                          Catch::Contains("merge the category into another one"));

    Edition edition = catalogue->editions().last();
    edition.name = QStringLiteral("Practice Spotlight 2025 (first cycle)");
    catalogue->curation().saveEdition(first, edition);
    CHECK(catalogue->exhibit(Ref)->edition == edition.name);

    // Moving an exhibit to another category, or giving it several.
    Exhibit moved = *catalogue->exhibit(Ref);
    moved.categories = QStringList{renamed.name, catalogue->categories(edition.name).last().name};
    catalogue->curation().updateExhibit(moved);
    CHECK(catalogue->exhibit(Ref)->categories.size() == 2);

    Edition broken = next;
    broken.name = QStringLiteral("Backwards");
    broken.startsOn = QDate(2026, 3, 2);
    broken.endsOn = QDate(2026, 3, 1);
    CHECK_THROWS_WITH(catalogue->curation().saveEdition({}, broken), Catch::Contains("ends before it starts"));
}
