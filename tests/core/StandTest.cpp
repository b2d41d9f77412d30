// The live event's stands: numbering that keeps what was given, and the floor list and stand cards
// as printable PDFs.
#include "Error.h"
#include "TestSupport.h"
#include "publishing/FloorListPublisher.h"

#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Merton = QStringLiteral("merton-autism-mainstream-classrooms");
const QString Redbridge = QStringLiteral("redbridge-your-choice");
const QString Lambeth = QStringLiteral("lambeth-route-to-independence");
const QString Mockingbird = QStringLiteral("waltham-forest-mockingbird");
const QString Sutton = QStringLiteral("sutton-universal-parenting-support");

void setStand(Catalogue& catalogue, const QString& ref, const QString& stand)
{
    Exhibit exhibit = catalogue.requireExhibit(ref);
    exhibit.standNumber = stand;
    catalogue.curation().updateExhibit(exhibit);
}

QString standOf(const Catalogue& catalogue, const QString& ref)
{
    return catalogue.requireExhibit(ref).standNumber;
}

QString oneLine(const QString& text)
{
    return text.simplified();
}

} // namespace

TEST_CASE("Numbering keeps stands already given and fills from the lowest free number", "[stands]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    setStand(*catalogue, Mockingbird, QStringLiteral("2"));
    setStand(*catalogue, Redbridge, QStringLiteral("5"));
    QUndoStack& undo = *catalogue->undoStack();
    const int steps = undo.count();

    const QStringList refs{Merton, Mockingbird, Lambeth, Sutton, Redbridge};
    CHECK(catalogue->curation().assignStands(refs, 1) == QStringList{QStringLiteral("1"), QStringLiteral("2"),
                                                                     QStringLiteral("3"), QStringLiteral("4"),
                                                                     QStringLiteral("5")});
    CHECK(standOf(*catalogue, Mockingbird) == QStringLiteral("2"));
    CHECK(standOf(*catalogue, Redbridge) == QStringLiteral("5"));
    CHECK(standOf(*catalogue, Sutton) == QStringLiteral("4"));
    CHECK(undo.count() == steps + 1); // one step for the whole selection

    // A stand given up leaves a gap that the next exhibit numbered fills.
    setStand(*catalogue, Lambeth, QString());
    const QString next = QStringLiteral("camden-safeguarding-performance-app");
    CHECK(catalogue->curation().assignStands({next}, 1) == QStringList{QStringLiteral("3")});

    // Numbering exhibits that all have stands changes nothing and leaves no undo step.
    const int before = undo.count();
    CHECK(catalogue->curation().assignStands({Merton, Redbridge}, 1) ==
          QStringList{QStringLiteral("1"), QStringLiteral("5")});
    CHECK(undo.count() == before);

    // Undo takes the numbering back; the stands given before it stay.
    undo.undo();
    CHECK(standOf(*catalogue, next).isEmpty());
    CHECK(standOf(*catalogue, Redbridge) == QStringLiteral("5"));

    // From a higher first number, the lowest free ones from there: 4 is Sutton's, 5 Redbridge's.
    CHECK(catalogue->curation().assignStands({next, Lambeth}, 4) ==
          QStringList{QStringLiteral("6"), QStringLiteral("7")});
}

TEST_CASE("The floor list and the stand cards are PDFs without the curators' data", "[stands][pdf]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK_THROWS_WITH(FloorListPublisher(*catalogue).writeCards({}, scratch.path(QStringLiteral("none.pdf"))),
                      Catch::Contains("No exhibit has a stand yet"));

    Exhibit mockingbird = catalogue->requireExhibit(Mockingbird);
    mockingbird.standNumber = QStringLiteral("10");
    mockingbird.contact.email = QStringLiteral("private.person@council.example");
    mockingbird.contact.phone = QStringLiteral("020 7946 0555");
    mockingbird.tags << QStringLiteral("internal/shortlist");
    mockingbird.reviews << Review{QStringLiteral("North panel"), QDate(2025, 3, 1), QStringLiteral("A. Reviewer"),
                                  QStringLiteral("Feedback only the panel sees"), QStringLiteral("Commended")};
    catalogue->curation().updateExhibit(mockingbird);
    Exhibit merton = catalogue->requireExhibit(Merton);
    merton.standNumber = QStringLiteral("2");
    merton.contact.email = QStringLiteral("agreed.person@council.example");
    merton.contact.emailPublic = true;
    catalogue->curation().updateExhibit(merton);
    setStand(*catalogue, Redbridge, QStringLiteral("Foyer"));

    const QString list = scratch.path(QStringLiteral("floor.pdf"));
    CHECK(FloorListPublisher(*catalogue).writeList({}, list) == 1);
    CHECK(pdfInfo(list, QStringLiteral("Pages")) == QStringLiteral("1"));
    CHECK(pdfInfo(list, QStringLiteral("Page size")).startsWith(QStringLiteral("595 x 842 pts (A4)")));
    CHECK(pdfInfo(list, QStringLiteral("Title")).contains(QStringLiteral("floor list")));
    const QString listText = oneLine(pdfPageText(list, 1, true));
    CHECK(listText.contains(QStringLiteral("Stand Exhibit Authorities Contact")));
    const qsizetype two = listText.indexOf(merton.title.simplified().left(20));
    const qsizetype ten = listText.indexOf(mockingbird.title.simplified().left(20));
    const qsizetype foyer = listText.indexOf(QStringLiteral("Foyer"));
    CHECK((two >= 0 && two < ten && ten < foyer)); // 2 before 10, numbers before names
    CHECK(listText.contains(QStringLiteral("Waltham Forest")));
    CHECK(listText.contains(QStringLiteral("agreed.person@council.example")));
    CHECK_FALSE(listText.contains(QStringLiteral("private.person")));
    CHECK_FALSE(listText.contains(QStringLiteral("7946 0555")));
    CHECK_FALSE(listText.contains(QStringLiteral("Feedback only the panel sees")));
    CHECK_FALSE(listText.contains(QStringLiteral("Commended")));
    CHECK_FALSE(listText.contains(QStringLiteral("shortlist")));
    CHECK_FALSE(listText.contains(QStringLiteral("Showcased")));

    const QString cards = scratch.path(QStringLiteral("cards.pdf"));
    CHECK(FloorListPublisher(*catalogue).writeCards({}, cards) == 3);
    CHECK(pdfInfo(cards, QStringLiteral("Pages")) == QStringLiteral("3"));
    // A5, landscape: 210 by 148 mm, which Qt writes in whole points.
    CHECK(pdfInfo(cards, QStringLiteral("Page size")).startsWith(QStringLiteral("595 x 420 pts (A5)")));
    const QString first = oneLine(pdfPageText(cards, 1));
    CHECK(first.startsWith(QStringLiteral("Stand 2 ")));
    CHECK(first.contains(oneLine(merton.title)));
    CHECK(first.contains(QStringLiteral("Merton")));
    CHECK(first.contains(QStringLiteral("London Children's Services Summit 2025")));
    const QString second = oneLine(pdfPageText(cards, 2));
    CHECK(second.startsWith(QStringLiteral("Stand 10 ")));
    CHECK(second.contains(QStringLiteral("Waltham Forest")));
    CHECK(oneLine(pdfPageText(cards, 3)).startsWith(QStringLiteral("Stand Foyer ")));
    for (int page = 1; page <= 3; ++page) {
        const QString text = pdfPageText(cards, page);
        for (const char* curators : {"private.person", "agreed.person", "Feedback", "Commended", "shortlist"}) {
            CHECK_FALSE(text.contains(QLatin1String(curators)));
        }
    }

    // Cards for a search: only its exhibits with stands.
    CHECK(FloorListPublisher(*catalogue).writeCards(QStringLiteral("borough:merton"), cards) == 1);
}
