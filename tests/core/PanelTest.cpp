// Sponsoring panels: reviewers, scores against the edition's criteria, conflicts of interest, the
// review a panel agrees from its scores, and the pack it meets with.
#include "Error.h"
#include "TestSupport.h"
#include "publishing/LetterPublisher.h"
#include "publishing/PanelPackPublisher.h"
#include "publishing/PublicView.h"
#include "publishing/WebShowcase.h"
#include "storage/Database.h"

#include <QDir>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Send = QStringLiteral("Impact for children with SEND");
const QString Merton = QStringLiteral("merton-autism-mainstream-classrooms");
const QString Enfield = QStringLiteral("enfield-communication-advisory-support-service");

// The SEND panel with three reviewers, one of them from Merton.
Category sendPanel(Catalogue& catalogue)
{
    Category panel = catalogue.requirePanel(Send);
    panel.reviewers = {Reviewer{QStringLiteral("Ada Okafor"), QStringLiteral("Hackney")},
                       Reviewer{QStringLiteral("Ben Hale")},
                       Reviewer{QStringLiteral("Cara Merritt"), QStringLiteral("Merton")}};
    catalogue.curation().saveCategory(panel.name, panel);
    return catalogue.requirePanel(Send);
}

QList<PanelScore> scores(const QString& reviewer, int impact, int evidence, int transferability,
                         const QString& comment = {})
{
    return {PanelScore{reviewer, QStringLiteral("Impact"), impact, comment},
            PanelScore{reviewer, QStringLiteral("Evidence"), evidence},
            PanelScore{reviewer, QStringLiteral("Transferability"), transferability}};
}

PanelResult resultOf(Catalogue& catalogue, const QString& ref)
{
    return catalogue.panelReviews(catalogue.requirePanel(Send), {ref}).first().result;
}

} // namespace

TEST_CASE("A new edition is scored against the standard criteria, and a panel's reviewers are kept", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK(catalogue->editions().first().criteria ==
          QStringList{QStringLiteral("Impact"), QStringLiteral("Evidence"), QStringLiteral("Transferability")});
    const Category panel = sendPanel(*catalogue);
    REQUIRE(panel.reviewers.size() == 3);
    CHECK(panel.reviewers.at(2) == Reviewer{QStringLiteral("Cara Merritt"), QStringLiteral("Merton")});

    // Undo takes the reviewers back with the rest of the category.
    catalogue->undoStack()->undo();
    CHECK(catalogue->requirePanel(Send).reviewers.isEmpty());
    catalogue->undoStack()->redo();
    CHECK(catalogue->requirePanel(Send).reviewers == panel.reviewers);

    Edition edition = catalogue->editions().first();
    edition.criteria = {QStringLiteral("Impact"), QStringLiteral("Reach")};
    catalogue->curation().saveEdition(edition.name, edition);
    CHECK(catalogue->editions().first().criteria == edition.criteria);
}

TEST_CASE("A panel's scores make a result, and a reviewer from the exhibit's authority is a conflict", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    sendPanel(*catalogue);
    Curation& curation = catalogue->curation();
    curation.recordScores(Merton, QStringLiteral("Ada Okafor"),
                          scores(QStringLiteral("Ada Okafor"), 4, 3, 4, QStringLiteral("Clear gains in attendance")));
    curation.recordScores(Merton, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 3, 2, 4));

    // Cara is from Merton: refused, and nothing written.
    const qint64 version = catalogue->requireExhibit(Merton).version;
    CHECK_THROWS_WITH(
        curation.recordScores(Merton, QStringLiteral("Cara Merritt"), scores(QStringLiteral("Cara Merritt"), 1, 1, 1)),
        Catch::Contains("conflict of interest"));
    // Nor may someone off the panel, a criterion the edition lacks, or a score outside 1-4.
    CHECK_THROWS_WITH(
        curation.recordScores(Merton, QStringLiteral("Dee Nobody"), scores(QStringLiteral("Dee Nobody"), 2, 2, 2)),
        Catch::Contains("not on the panel"));
    CHECK_THROWS_WITH(curation.recordScores(Merton, QStringLiteral("Ben Hale"),
                                            {PanelScore{QStringLiteral("Ben Hale"), QStringLiteral("Charm"), 3}}),
                      Catch::Contains("not one of the edition's criteria"));
    CHECK_THROWS_WITH(curation.recordScores(Merton, QStringLiteral("Ben Hale"),
                                            {PanelScore{QStringLiteral("Ben Hale"), QStringLiteral("Impact"), 5}}),
                      Catch::Contains("scores run from 1 to 4"));
    CHECK(catalogue->requireExhibit(Merton).version == version);

    const PanelResult result = resultOf(*catalogue, Merton);
    CHECK(result.counted == QStringList{QStringLiteral("Ada Okafor"), QStringLiteral("Ben Hale")});
    CHECK(result.conflicted == QStringList{QStringLiteral("Cara Merritt")});
    CHECK(result.waitingFor.isEmpty());
    REQUIRE(result.criteria.size() == 3);
    CHECK(result.criteria.at(0).mean == Approx(3.5));
    CHECK(result.criteria.at(1).mean == Approx(2.5));
    CHECK(result.criteria.at(2).mean == Approx(4.0));
    CHECK(result.overall == Approx(10.0 / 3));
    CHECK(result.recognition() == QStringLiteral("Recognised practice"));
    CHECK(result.feedback().contains(QStringLiteral("Impact: 3.5 of 4.\n• Clear gains in attendance")));

    // Enfield has no conflict for Cara, and nobody has scored it yet.
    const PanelResult enfield = resultOf(*catalogue, Enfield);
    CHECK_FALSE(enfield.hasScores());
    CHECK(enfield.conflicted.isEmpty());
    CHECK(enfield.waitingFor.size() == 3);
    CHECK(enfield.recognition().isEmpty());
}

TEST_CASE("A reviewer's scores are changed one criterion at a time, undone, and kept beside others'", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    sendPanel(*catalogue);
    Curation& curation = catalogue->curation();
    curation.recordScores(Enfield, QStringLiteral("Ada Okafor"), scores(QStringLiteral("Ada Okafor"), 2, 2, 2));

    // A second window records Ben's scores at the same time; neither loses the other's.
    auto other = Catalogue::open(catalogueLocation(scratch, QStringLiteral("catalogue.sqlite")));
    other->curation().recordScores(Enfield, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 3, 3, 3));
    curation.recordScores(Enfield, QStringLiteral("Ada Okafor"),
                          {PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Impact"), 4}},
                          {QStringLiteral("Transferability")});
    const Exhibit scored = catalogue->requireExhibit(Enfield);
    CHECK(scored.scores.size() == 5);
    CHECK(scored.scores.contains(PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Impact"), 4}));
    CHECK(scored.scores.contains(PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Evidence"), 2}));
    CHECK(scored.scores.contains(PanelScore{QStringLiteral("Ben Hale"), QStringLiteral("Transferability"), 3}));
    CHECK(resultOf(*catalogue, Enfield).waitingFor ==
          QStringList{QStringLiteral("Ada Okafor"), QStringLiteral("Cara Merritt")});

    // The change log says what changed; undo puts Ada's earlier scores back and keeps Ben's.
    CHECK(catalogue->history(Enfield).first().field == QStringLiteral("panel_scores"));
    catalogue->undoStack()->undo();
    const Exhibit undone = catalogue->requireExhibit(Enfield);
    CHECK(undone.scores.contains(PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Impact"), 2}));
    CHECK(undone.scores.contains(PanelScore{QStringLiteral("Ada Okafor"), QStringLiteral("Transferability"), 2}));
    CHECK(undone.scores.contains(PanelScore{QStringLiteral("Ben Hale"), QStringLiteral("Impact"), 3}));
}

TEST_CASE("The agreed review replaces the panel's earlier one and is what the letter says", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Category panel = sendPanel(*catalogue);
    Curation& curation = catalogue->curation();
    Exhibit merton = catalogue->requireExhibit(Merton);
    merton.reviews = {Review{panel.sponsor, QDate(2025, 1, 10), QStringLiteral("A curator"),
                             QStringLiteral("Typed in before the panel met."), QStringLiteral("Commended")}};
    curation.updateExhibit(merton);
    curation.recordScores(Merton, QStringLiteral("Ada Okafor"),
                          scores(QStringLiteral("Ada Okafor"), 4, 4, 4, QStringLiteral("A model for other boroughs")));
    curation.recordScores(Merton, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 4, 3, 4));
    curation.recordScores(Enfield, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 1, 1, 2));

    // Both exhibits in one step, each from its own scores.
    QList<std::pair<QString, Review>> agreed;
    ExpectedVersions expected;
    for (const Catalogue::PanelReview& review : catalogue->panelReviews(panel)) {
        agreed.append({review.exhibit.ref, Panel::agreedReview(panel, review.result, QDate(2025, 2, 3))});
        expected.insert(review.exhibit.ref, review.exhibit.version);
    }
    REQUIRE(agreed.size() == 2);
    const int steps = catalogue->undoStack()->count();
    curation.recordAgreedReviews(agreed, expected);
    CHECK(catalogue->undoStack()->count() == steps + 1);

    const Exhibit reviewed = catalogue->requireExhibit(Merton);
    REQUIRE(reviewed.reviews.size() == 1);
    CHECK(reviewed.reviews.first().recognition == QStringLiteral("Exemplary practice"));
    CHECK(reviewed.reviews.first().reviewers == QStringLiteral("Ada Okafor, Ben Hale"));
    CHECK(reviewed.reviews.first().feedback.contains(QStringLiteral("A model for other boroughs")));
    CHECK(catalogue->requireExhibit(Enfield).reviews.first().recognition == QStringLiteral("Developing practice"));

    const QString letter = LetterPublisher(*catalogue).html(reviewed);
    CHECK(letter.contains(QStringLiteral("A model for other boroughs")));
    CHECK(letter.contains(QStringLiteral("Exemplary practice")));
    CHECK_FALSE(letter.contains(QStringLiteral("Typed in before the panel met.")));

    // Agreed against scores that have since changed: refused, nothing written.
    curation.recordScores(Merton, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 1, 1, 1));
    CHECK_THROWS_AS(curation.recordAgreedReviews(agreed, expected), ConflictError);
}

TEST_CASE("Scores and reviewers never reach a published form, and survive a copy", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    sendPanel(*catalogue);
    const QString secret = QStringLiteral("Private remark for the panel only");
    catalogue->curation().recordScores(Merton, QStringLiteral("Ada Okafor"),
                                       scores(QStringLiteral("Ada Okafor"), 3, 3, 3, secret));
    CHECK(PublicView::of(catalogue->requireExhibit(Merton)).scores.isEmpty());

    const QString site = scratch.path(QStringLiteral("site"));
    WebShowcaseOptions options;
    options.contactEmail = QStringLiteral("spotlight@liia.example");
    WebShowcasePublisher(*catalogue).publish(QString(), options, site);
    for (const QString& page : QDir(site).entryList({QStringLiteral("*.html")}, QDir::Files)) {
        CHECK_FALSE(QString::fromUtf8(readFile(QDir(site).filePath(page))).contains(secret));
    }

    if (onServer()) {
        return; // the copy to a file is tried on files
    }
    const QString copy = scratch.path(QStringLiteral("copy.sqlite"));
    Catalogue::copy(catalogueLocation(scratch, QStringLiteral("catalogue.sqlite")), copy);
    auto copied = Catalogue::open(copy);
    CHECK(copied->requireExhibit(Merton).scores == catalogue->requireExhibit(Merton).scores);
    CHECK(copied->requirePanel(Send).reviewers.size() == 3);
}

TEST_CASE("A panel pack holds its category's submissions, a scoring sheet each, and the conflicts", "[panels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Category panel = sendPanel(*catalogue);
    catalogue->curation().recordScores(Merton, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 3, 2, 4));
    const QString pdf = scratch.path(QStringLiteral("pack.pdf"));
    const int pages = PanelPackPublisher(*catalogue).write(panel, pdf);
    CHECK(pages >= 3); // a first page and at least a page per submission
    CHECK(pdfInfo(pdf, QStringLiteral("Title")) == QStringLiteral("Panel pack: %1, %2").arg(Send, panel.edition));

    QString text;
    for (int page = 1; page <= pages; ++page) {
        text += pdfPageText(pdf, page) + QLatin1Char('\n');
    }
    const QString first = pdfPageText(pdf, 1);
    CHECK(first.contains(QStringLiteral("Cara Merritt (Merton)")));
    CHECK(first.contains(QStringLiteral("Transferability")));
    CHECK(text.contains(catalogue->requireExhibit(Merton).title));
    CHECK(text.contains(catalogue->requireExhibit(Enfield).title));
    CHECK(text.contains(QStringLiteral("Conflict of interest: Cara Merritt is from Merton")));
    CHECK(text.contains(QStringLiteral("3 of 4")));
    CHECK(text.contains(QStringLiteral("page %1 of %1").arg(pages)));

    const QString folder = scratch.path(QStringLiteral("packs"));
    QDir().mkpath(folder);
    const QStringList written = PanelPackPublisher(*catalogue).writeAll({}, folder);
    CHECK(written.contains(QDir(folder).filePath(QStringLiteral("panel-pack-impact-for-children-with-send.pdf"))));
    CHECK(written.size() == 5); // every category of the seed edition has exhibits
}

TEST_CASE("A team catalogue at format 8 is upgraded to format 9 on its server", "[panels][server]")
{
    Scratch scratch;
    QString location;
    {
        auto catalogue = makeCatalogue(scratch);
        location = catalogue->path();
    }
    {
        auto database = Database::open(location, Database::OpenMode::MustExist);
        database->exec(QStringLiteral("DROP TABLE panel_score"));
        database->exec(QStringLiteral("ALTER TABLE category DROP COLUMN reviewers"));
        database->exec(QStringLiteral("ALTER TABLE edition DROP COLUMN criteria"));
        database->setSchemaVersion(8);
    }
    auto upgraded = Catalogue::open(location);
    CHECK(upgraded->editions().first().criteria == Panel::standardCriteria());
    const Category panel = sendPanel(*upgraded);
    upgraded->curation().recordScores(Merton, QStringLiteral("Ben Hale"), scores(QStringLiteral("Ben Hale"), 2, 3, 4));
    CHECK(upgraded->panelReviews(panel, {Merton}).first().result.overall == Approx(3.0));
}
