// Letters of Recognition, read back with pdftotext and pdfinfo.
#include "io/Letter.h"

#include "Error.h"
#include "TestSupport.h"
#include "publishing/LetterPublisher.h"

#include <QDir>
#include <QRegularExpression>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Ref = QStringLiteral("waltham-forest-mockingbird");

QString oneLine(QString text)
{
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" ")).trimmed();
}

// The seed edition with a signatory, and a reviewed exhibit with a contact.
std::unique_ptr<Catalogue> reviewedCatalogue(const Scratch& scratch, const QString& feedback)
{
    auto catalogue = makeCatalogue(scratch);
    Edition edition = catalogue->editions().first();
    edition.signatoryName = QStringLiteral("A. Director");
    edition.signatoryRole = QStringLiteral("Chair of a made-up board");
    catalogue->curation().saveEdition(edition.name, edition);
    Exhibit exhibit = *catalogue->exhibit(Ref);
    exhibit.contact = Contact{QStringLiteral("Sam Example"), QStringLiteral("Fostering service manager"),
                              QStringLiteral("sam@example.org")};
    exhibit.reviews << Review{QStringLiteral("Pan-London Placements Commissioning Panel"), QDate(2025, 2, 3),
                              QStringLiteral("A. Reviewer"), feedback, QStringLiteral("Highly commended")};
    catalogue->curation().updateExhibit(exhibit);
    return catalogue;
}

} // namespace

TEST_CASE("A letter carries its merge fields, its signatory and fits on one A4 page", "[letters]")
{
    Scratch scratch;
    auto catalogue = reviewedCatalogue(scratch, QStringLiteral("The constellation model is clearly described.\n\n"
                                                               "Show how placement stability changed <over time>."));
    const QString folder = scratch.path(QStringLiteral("letters"));
    const QStringList skipped = LetterPublisher(*catalogue).write(catalogue->exhibits(), folder);
    CHECK(skipped.size() == 16); // every other seed exhibit has no review yet
    CHECK(QDir(folder).entryList(QDir::Files) == QStringList{Ref + QStringLiteral(".pdf")});

    const QString pdf = QDir(folder).filePath(Ref + QStringLiteral(".pdf"));
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")) == QStringLiteral("1"));
    CHECK(pdfInfo(pdf, QStringLiteral("Page size")).startsWith(QStringLiteral("595 x 842")));
    CHECK(pdfInfo(pdf, QStringLiteral("Title")) == QStringLiteral("Letter of Recognition: Mockingbird Service"));
    const QString text = oneLine(pdfPageText(pdf, 1));
    for (const QString& expected :
         {QStringLiteral("Sam Example Fostering service manager Waltham Forest"),
          QStringLiteral("Letter of Recognition: Mockingbird Service"),
          QStringLiteral("Practice Spotlight 2025 · Complex needs and placements"), QStringLiteral("Dear Sam Example,"),
          QStringLiteral("read closely by the Pan-London Placements Commissioning Panel"),
          QStringLiteral("recognised: Highly commended."),
          QStringLiteral("The constellation model is clearly described."),
          QStringLiteral("Show how placement stability changed <over time>."),
          QStringLiteral("London Children's Services Summit 2025"),
          QStringLiteral("A. Director Chair of a made-up board")}) {
        INFO(expected.toStdString() << "\n in: " << text.toStdString());
        CHECK(text.contains(expected));
    }
}

TEST_CASE("Long feedback runs on to a second page rather than being cut", "[letters]")
{
    Scratch scratch;
    const QString paragraph =
        QStringLiteral("The panel read every part of the submission with care and wants to say so. ");
    auto catalogue = reviewedCatalogue(scratch, (paragraph.repeated(6) + QStringLiteral("\n\n")).repeated(8) +
                                                    QStringLiteral("The last sentence of the feedback."));
    const QString folder = scratch.path(QStringLiteral("letters"));
    LetterPublisher(*catalogue).write({*catalogue->exhibit(Ref)}, folder);
    const QString pdf = QDir(folder).filePath(Ref + QStringLiteral(".pdf"));
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")) == QStringLiteral("2"));
    CHECK(oneLine(pdfPageText(pdf, 2)).contains(QStringLiteral("A. Director")));
}

TEST_CASE("A custom letter template is checked for unknown merge fields", "[letters]")
{
    Scratch scratch;
    auto catalogue = reviewedCatalogue(scratch, QStringLiteral("Good."));
    const Exhibit exhibit = *catalogue->exhibit(Ref);
    CHECK(LetterPublisher(*catalogue).html(exhibit, QStringLiteral("<p>Dear {{team}}, {{ recognition }}</p>")) ==
          QStringLiteral("<p>Dear Sam Example, Highly commended</p>"));
    CHECK_THROWS_WITH(LetterPublisher(*catalogue).html(exhibit, QStringLiteral("<p>Dear {{teem}}</p>")),
                      Catch::Contains("do not know: teem") || Catch::Contains("does not know: teem"));
    CHECK_THROWS_WITH(
        LetterPublisher(*catalogue).write({exhibit}, scratch.path(QStringLiteral("x")), QStringLiteral("{{nope}}")),
        Catch::Contains("nope"));
    CHECK_FALSE(QFile::exists(scratch.path(QStringLiteral("x/") + Ref + QStringLiteral(".pdf"))));
}

TEST_CASE("A template names its letterhead from its own folder, and not from inside a comment", "[letters]")
{
    const QString folder = QStringLiteral("/templates");
    CHECK(Letter::letterheadPath({QStringLiteral("<meta name=\"letterhead\" content=\"head.png\"><p>x</p>"), folder}) ==
          QStringLiteral("/templates/head.png"));
    CHECK(Letter::letterheadPath({QStringLiteral("<META NAME='letterhead' CONTENT='/srv/liia.png'>"), folder}) ==
          QStringLiteral("/srv/liia.png"));
    CHECK(Letter::letterheadPath(
              {QStringLiteral("<!-- <meta name=\"letterhead\" content=\"head.png\"> --><p>x</p>"), folder})
              .isEmpty());
    CHECK(Letter::letterheadPath({Letter::defaultTemplate(), folder}).isEmpty());
    CHECK(Letter::readLetterhead({}).isNull());
    CHECK_THROWS_WITH(Letter::readLetterhead(QStringLiteral("/no/such/head.png")), Catch::Contains("does not exist"));
}
