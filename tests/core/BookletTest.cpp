// Reads booklets back with poppler's pdfinfo and pdftotext, as a reader's PDF viewer would see them.
#include "TestSupport.h"
#include "publishing/BookletPublisher.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace spotlight;
using namespace spotlight::test;

namespace {

QString oneLine(QString text)
{
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" ")).trimmed();
}

} // namespace

TEST_CASE("The seed booklet has real page numbers, footers and metadata", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString pdf = scratch.path(QStringLiteral("seed.pdf"));
    const BookletResult result = BookletPublisher(*catalogue).write(QString(), BookletOptions{}, pdf);

    CHECK(pdfInfo(pdf, QStringLiteral("Pages")).toInt() == result.pages);
    CHECK(pdfInfo(pdf, QStringLiteral("Title")) ==
          QStringLiteral("Practice Spotlight: London Children's Services Summit 2025"));
    CHECK(pdfInfo(pdf, QStringLiteral("Creator")).contains(QStringLiteral("Spotlight")));
    CHECK(pdfInfo(pdf, QStringLiteral("Page size")).startsWith(QStringLiteral("595 x 842")));
    REQUIRE(result.startPages.size() == 17);

    for (int page = 1; page <= result.pages; ++page) {
        INFO("page " << page);
        CHECK(pdfPageText(pdf, page).contains(QStringLiteral("page %1 of %2").arg(page).arg(result.pages)));
    }
    const QString cover = oneLine(pdfPageText(pdf, 1));
    CHECK(cover.contains(QStringLiteral("17 exhibits from 16 London authorities")));

    // Every exhibit starts where the booklet says, and the contents give that page.
    QString contents;
    for (int page = 2; page < result.startPages.value(QStringLiteral("barking-dagenham-culturally-sensitive-therapy"));
         ++page) {
        contents += pdfPageText(pdf, page, true);
    }
    for (const Exhibit& exhibit : catalogue->exhibits()) {
        INFO(exhibit.title.toStdString());
        const int start = result.startPages.value(exhibit.ref);
        CHECK(oneLine(pdfPageText(pdf, start)).contains(oneLine(exhibit.title)));
        if (exhibit.title.size() < 60) { // long titles wrap in the contents
            const QRegularExpression entry(
                QStringLiteral("%1[ \\t]+(\\d+)[ \\t]*$").arg(QRegularExpression::escape(exhibit.title)),
                QRegularExpression::MultilineOption);
            CHECK(entry.match(contents).captured(1).toInt() == start);
        }
    }
    // A partner authority points to the page of its exhibit.
    const int biBorough = result.startPages.value(QStringLiteral("bi-borough-anti-racist-practice-disproportionality"));
    bool pointed = false;
    for (int page = 2; page <= result.pages; ++page) {
        const QString text = oneLine(pdfPageText(pdf, page));
        if (text.contains(QStringLiteral("Exhibits with Kensington and Chelsea as a partner"))) {
            pointed = text.contains(QStringLiteral("see page %1").arg(biBorough));
        }
    }
    CHECK(pointed);
    // The index of tags, at the end, gives pages too, under the tags' readable names; the last page
    // points to the accessible version.
    const QString index = oneLine(pdfPageText(pdf, result.pages - 1) + pdfPageText(pdf, result.pages));
    CHECK(index.contains(QStringLiteral("Index of tags")));
    CHECK(index.contains(QStringLiteral("Fostering: mockingbird %1")
                             .arg(result.startPages.value(QStringLiteral("waltham-forest-mockingbird")))));
    CHECK(oneLine(pdfPageText(pdf, result.pages))
              .contains(QStringLiteral("web showcase, which is its accessible version")));
    CHECK(readFile(pdf).contains("/Lang <FEFF0065006E002D00470042>")); // en-GB
}

TEST_CASE("A booklet prints what the public may see, and nothing curators keep for themselves", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit exhibit = catalogue->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    exhibit.reviews << Review{QStringLiteral("North panel"), QDate(2025, 3, 1), QStringLiteral("A. Reviewer"),
                              QStringLiteral("Feedback only the panel sees"), QStringLiteral("Highly commended")};
    exhibit.tags << QStringLiteral("internal/shortlist");
    exhibit.contact = Contact{QStringLiteral("Sam Carer"), QStringLiteral("Team manager"),
                              QStringLiteral("sam.carer@council.example"), false};
    exhibit.standNumber = QStringLiteral("14");
    exhibit.declaredLevel = 2;
    catalogue->curation().updateExhibit(exhibit);
    const QString pdf = scratch.path(QStringLiteral("public.pdf"));
    BookletOptions options;
    options.webShowcase = QStringLiteral("https://liia.example/spotlight");
    const BookletResult result =
        BookletPublisher(*catalogue).write(QStringLiteral("borough:\"waltham forest\""), options, pdf);

    QString text;
    for (int page = 1; page <= result.pages; ++page) {
        text += oneLine(pdfPageText(pdf, page)) + QLatin1Char(' ');
    }
    CHECK(text.contains(QStringLiteral("Stand 14")));
    CHECK(text.contains(QStringLiteral("Evidence level 2 of 5 Data showing positive change")));
    CHECK(text.contains(QStringLiteral("Sam Carer, Team manager")));
    CHECK(text.contains(QStringLiteral("https://liia.example/spotlight")));
    CHECK_FALSE(text.contains(QStringLiteral("sam.carer@council.example")));
    CHECK_FALSE(text.contains(QStringLiteral("Feedback only the panel sees")));
    CHECK_FALSE(text.contains(QStringLiteral("shortlist"), Qt::CaseInsensitive));
    CHECK_FALSE(text.contains(QStringLiteral("Showcased")));

    // With the contact's agreement, the email is printed, as a live link.
    exhibit = catalogue->requireExhibit(exhibit.ref);
    exhibit.contact.emailPublic = true;
    catalogue->curation().updateExhibit(exhibit);
    BookletPublisher(*catalogue).write(QStringLiteral("borough:\"waltham forest\""), options, pdf);
    CHECK(readFile(pdf).contains("(mailto:sam.carer@council.example)"));
}

TEST_CASE("Booklets come in US Letter and other groupings", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    BookletOptions options;
    options.pageSize = QPageSize::Letter;
    options.grouping = BookletOptions::Grouping::Category;
    options.title = QStringLiteral("Racial equity");
    options.subtitle = QStringLiteral("A selection");
    const QString pdf = scratch.path(QStringLiteral("letter.pdf"));
    const BookletResult result = BookletPublisher(*catalogue).write(QStringLiteral("category:racial"), options, pdf);
    CHECK(pdfInfo(pdf, QStringLiteral("Page size")).startsWith(QStringLiteral("612 x 792")));
    CHECK(pdfInfo(pdf, QStringLiteral("Title")) == QStringLiteral("Racial equity: A selection"));
    CHECK(result.startPages.size() == 3);
    CHECK(oneLine(pdfPageText(pdf, 1)).contains(QStringLiteral("3 exhibits from 4 London authorities")));

    options.grouping = BookletOptions::Grouping::None;
    const BookletResult flat =
        BookletPublisher(*catalogue).write(QString(), options, scratch.path(QStringLiteral("flat.pdf")));
    CHECK(flat.pages == 1 + 1 + 17 + 1); // cover, contents, one page each, index
}

TEST_CASE("Without a subtitle, a booklet of one edition is subtitled with its event", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<Exhibit> seed = catalogue->exhibits(QString());
    CHECK(BookletPublisher(*catalogue).withEditionSubtitle(seed, {}).subtitle ==
          QStringLiteral("London Children's Services Summit 2025"));
    CHECK(BookletPublisher(*catalogue).withEditionSubtitle(seed.mid(0, 2), {}).subtitle ==
          QStringLiteral("London Children's Services Summit 2025"));

    BookletOptions chosen;
    chosen.subtitle = QStringLiteral("A selection");
    CHECK(BookletPublisher(*catalogue).withEditionSubtitle(seed, chosen).subtitle == QStringLiteral("A selection"));

    Exhibit other = seed.first();
    other.edition = QStringLiteral("2026");
    CHECK(BookletPublisher(*catalogue).withEditionSubtitle({seed.last(), other}, {}).subtitle.isEmpty());
}

TEST_CASE("A preview of the first pages states the whole booklet's numbers on its cover", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    BookletOptions options;
    options.coverExhibits = 17;
    options.coverAuthorities = 18;
    const QString pdf = scratch.path(QStringLiteral("preview.pdf"));
    Booklet::write(catalogue->search(QString(), 3).exhibits, options, pdf);
    CHECK(oneLine(pdfPageText(pdf, 1)).contains(QStringLiteral("17 exhibits from 18 London authorities")));
}

TEST_CASE("A booklet of thousands of exhibits is complete", "[booklet][slow]")
{
    QList<Exhibit> exhibits;
    const QStringList authorities{QStringLiteral("Camden"), QStringLiteral("Hackney"), QStringLiteral("Sutton")};
    for (int i = 1; i <= 3000; ++i) {
        Exhibit exhibit;
        exhibit.ref = QStringLiteral("x%1").arg(i);
        exhibit.title = QStringLiteral("Made-up exhibit number %1").arg(i);
        exhibit.leadAuthority = authorities.at(i % 3);
        exhibit.summary = QStringLiteral("A short made-up summary for testing the layout of long booklets.");
        exhibit.tags = {QStringLiteral("tag-%1").arg(i % 20)};
        exhibits << exhibit;
    }
    Scratch scratch;
    const QString pdf = scratch.path(QStringLiteral("long.pdf"));
    const BookletResult result = Booklet::write(exhibits, BookletOptions{}, pdf);
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")).toInt() == result.pages);
    CHECK(result.pages > 3000);
    const int last = result.startPages.value(QStringLiteral("x2999")); // Sutton's last, by title
    CHECK(oneLine(pdfPageText(pdf, last)).contains(QStringLiteral("Made-up exhibit number 2999")));
}

TEST_CASE("A cancelled or failed booklet leaves an earlier file untouched", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString pdf = scratch.write(QStringLiteral("earlier.pdf"), "an earlier file");
    int calls = 0;
    CHECK_THROWS_WITH(
        BookletPublisher(*catalogue).write(QString(), BookletOptions{}, pdf, [&](int, int) { return ++calls < 5; }),
        Catch::Contains("cancelled"));
    CHECK(readFile(pdf) == "an earlier file");
    CHECK_THROWS_WITH(BookletPublisher(*catalogue)
                          .write(QString(), BookletOptions{}, scratch.path(QStringLiteral("no/such/dir/x.pdf"))),
                      Catch::Contains("Cannot write"));
    CHECK_THROWS_WITH(BookletPublisher(*catalogue).write(QStringLiteral("borough:bexley"), BookletOptions{}, pdf),
                      Catch::Contains("no exhibits"));
    CHECK(readFile(pdf) == "an earlier file");
}

TEST_CASE("A booklet carries its metadata, and SOURCE_DATE_EPOCH makes it reproducible", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString first = scratch.path(QStringLiteral("first.pdf"));
    const QString second = scratch.path(QStringLiteral("second.pdf"));
    qputenv("SOURCE_DATE_EPOCH", "1740787200"); // 2025-03-01 00:00 UTC
    BookletPublisher(*catalogue).write(QString(), BookletOptions{}, first);
    QTest::qSleep(1100); // a clock-stamped file would now differ
    BookletPublisher(*catalogue).write(QString(), BookletOptions{}, second);
    qunsetenv("SOURCE_DATE_EPOCH");
    CHECK(readFile(first) == readFile(second));
    CHECK(pdfInfo(first, QStringLiteral("Author")) == QStringLiteral("London Innovation and Improvement Alliance"));
    CHECK(pdfInfo(first, QStringLiteral("Subject")) ==
          QStringLiteral("Practice Spotlight showcase: 17 exhibits from 16 London authorities"));
    CHECK(pdfInfo(first, QStringLiteral("Creator")).startsWith(QStringLiteral("Spotlight")));
    CHECK(pdfInfo(first, QStringLiteral("CreationDate")).contains(QStringLiteral("2025")));
    CHECK(oneLine(pdfPageText(first, 1)).contains(QStringLiteral("1 March 2025")));
    // The appended update keeps the file whole: every page is still there and readable.
    CHECK(pdfInfo(first, QStringLiteral("Pages")).toInt() == 21);
}

TEST_CASE("A PDF/A-1b booklet declares itself and keeps its metadata in step", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    BookletOptions options;
    options.pdfA = true;
    const QString pdf = scratch.path(QStringLiteral("archive.pdf"));
    BookletPublisher(*catalogue).write(QStringLiteral("borough:hackney"), options, pdf);
    const QByteArray bytes = readFile(pdf);
    CHECK(bytes.contains("/OutputIntents"));
    const QString xmp = runTool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf});
    CHECK(xmp.contains(QStringLiteral("<pdfaid:part>1</pdfaid:part>")));
    CHECK(xmp.contains(QStringLiteral("<pdfaid:conformance>B</pdfaid:conformance>")));
    CHECK(xmp.contains(pdfInfo(pdf, QStringLiteral("Author"))));
    CHECK(xmp.contains(pdfInfo(pdf, QStringLiteral("Subject"))));
    // Every trailer carries the file identifier, the appended one included.
    CHECK(bytes.count("/ID [") == 2);
}

TEST_CASE("A compact booklet lets short exhibits share pages, and still says where each starts", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    BookletOptions options;
    const QString spacious = scratch.path(QStringLiteral("spacious.pdf"));
    const BookletResult full = BookletPublisher(*catalogue).write(QString(), options, spacious);
    options.compact = true;
    options.grouping = BookletOptions::Grouping::Category;
    const QString compact = scratch.path(QStringLiteral("compact.pdf"));
    const BookletResult result = BookletPublisher(*catalogue).write(QString(), options, compact);

    CHECK(result.pages < full.pages - 5);
    CHECK(pdfInfo(compact, QStringLiteral("Pages")).toInt() == result.pages);
    QSet<int> startPages;
    for (const Exhibit& exhibit : catalogue->exhibits()) {
        INFO(exhibit.title.toStdString());
        const int start = result.startPages.value(exhibit.ref);
        startPages.insert(start);
        CHECK(oneLine(pdfPageText(compact, start)).contains(oneLine(exhibit.title)));
    }
    CHECK(startPages.size() < result.startPages.size()); // some share a page
}

TEST_CASE("The contents are live links to their pages, and each section is a bookmark", "[booklet]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString pdf = scratch.path(QStringLiteral("links.pdf"));
    const BookletResult result = BookletPublisher(*catalogue).write(QString(), BookletOptions{}, pdf);
    // poppler's pdftohtml reads links and the outline back as a reader's viewer does.
    const QString xml = runTool(QStringLiteral("pdftohtml"), {QStringLiteral("-xml"), QStringLiteral("-stdout"),
                                                              QStringLiteral("-i"), QStringLiteral("-q"), pdf});

    // Every page number printed in the contents links to that page.
    const QRegularExpression numberLink(QStringLiteral("<a href=\"[^\"#]*#(\\d+)\">(?:<b>)?(\\d+)(?:</b>)?</a>"));
    int links = 0;
    for (const QRegularExpressionMatch& match : numberLink.globalMatch(xml)) {
        CHECK(match.captured(1) == match.captured(2));
        ++links;
    }
    CHECK(links == 17 + 16); // each exhibit and each authority's section
    const QString mockingbird = QStringLiteral("#%1\">Mockingbird Service</a>")
                                    .arg(result.startPages.value(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(xml.contains(mockingbird));

    CHECK(xml.contains(QStringLiteral("<item page=\"2\">Contents</item>")));
    CHECK(xml.contains(QStringLiteral("<item page=\"%1\">Waltham Forest</item>")
                           .arg(result.startPages.value(QStringLiteral("waltham-forest-mockingbird")))));
    CHECK(xml.count(QStringLiteral("<item page=")) == 16 + 2); // sections, contents and the index
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")).toInt() == result.pages);
}
