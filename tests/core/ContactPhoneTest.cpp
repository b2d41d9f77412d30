#include "TestSupport.h"
#include "check/PrivacyCheck.h"
#include "domain/ExhibitRules.h"
#include "publishing/BookletPublisher.h"
#include "publishing/JsonPublisher.h"
#include "publishing/PublicView.h"
#include "publishing/WebShowcase.h"

#include <QDirIterator>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Mockingbird = QStringLiteral("waltham-forest-mockingbird");

void setPhone(Catalogue& catalogue, const QString& phone, bool published)
{
    Exhibit exhibit = catalogue.requireExhibit(Mockingbird);
    exhibit.contact.phone = phone;
    exhibit.contact.phonePublic = published;
    catalogue.curation().updateExhibit(exhibit);
}

QString bookletText(const Catalogue& catalogue, const Scratch& scratch)
{
    const QString pdf = scratch.path(QStringLiteral("booklet.pdf"));
    const BookletResult result =
        BookletPublisher(catalogue).write(QStringLiteral("borough:\"waltham forest\""), {}, pdf);
    QString text;
    for (int page = 1; page <= result.pages; ++page) {
        text += pdfPageText(pdf, page);
    }
    return text;
}

QString showcaseText(const Catalogue& catalogue, const Scratch& scratch)
{
    const QString site = scratch.path(QStringLiteral("site"));
    WebShowcaseOptions options;
    options.contactEmail = QStringLiteral("spotlight@liia.example");
    options.includeUnrecognised = true;
    options.booklet = false;
    WebShowcasePublisher(catalogue).publish(QStringLiteral("borough:\"waltham forest\""), options, site);
    QString text;
    for (QDirIterator it(site, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        text += QString::fromUtf8(readFile(it.next()));
    }
    return text;
}

} // namespace

TEST_CASE("A contact's phone number is checked as people write them", "[phone]")
{
    for (const char* good : {"020 7946 0000", "+44 (0)20 7946 0000", "07700-900123", "0207.946.0000"}) {
        CHECK(ExhibitRules::isValidPhone(QLatin1String(good)));
    }
    for (const char* bad : {"call Sam", "0207", "020 7946 0000 ext", "++44 20 7946 0000", "1234567890123456"}) {
        CHECK_FALSE(ExhibitRules::isValidPhone(QLatin1String(bad)));
    }
    CHECK(ExhibitRules::phoneDigits(QStringLiteral("+44 (0)20 7946 0000")) == QStringLiteral("02079460000"));
    CHECK(ExhibitRules::phoneDigits(QStringLiteral("+44 20 7946 0000")) == QStringLiteral("02079460000"));
    CHECK(ExhibitRules::isPublishableLink(ExhibitRules::phoneLink(QStringLiteral("+44 20 7946 0000"))));

    Exhibit exhibit;
    exhibit.title = QStringLiteral("A made-up project");
    exhibit.leadAuthority = QStringLiteral("Camden");
    exhibit.contact.phone = QStringLiteral("ring the office");
    const QList<ExhibitRules::Problem> problems = ExhibitRules::check(exhibit);
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().field == QStringLiteral("contact_phone"));
    CHECK(problems.first().message.contains(QStringLiteral("not a phone number")));
}

TEST_CASE("A contact's phone goes out in CSV and JSON and comes back in", "[phone][import]")
{
    Scratch scratch;
    auto seeded = makeCatalogue(scratch);
    setPhone(*seeded, QStringLiteral("+44 20 7946 0000"), true);
    CHECK(seeded->requireExhibit(Mockingbird).contact.phone == QStringLiteral("+44 20 7946 0000"));

    const QByteArray csv = csvOf(*seeded);
    CHECK(csv.left(csv.indexOf('\n')).endsWith("evidence_level,contact_phone\r"));
    CHECK(csv.contains(",'+44 20 7946 0000\r\n")); // a leading + would start a spreadsheet formula
    auto fromCsv = makeCatalogue(scratch, QStringLiteral("from-csv.sqlite"), true);
    const ImportPlan csvPlan =
        fromCsv->planImport(scratch.write(QStringLiteral("exhibits.csv"), csv), ImportOptions{false, true});
    REQUIRE(csvPlan.problems() == QStringList{});
    fromCsv->curation().applyImport(csvPlan);
    const Exhibit viaCsv = fromCsv->requireExhibit(Mockingbird);
    CHECK(viaCsv.contact.phone == QStringLiteral("+44 20 7946 0000"));
    CHECK_FALSE(viaCsv.contact.phonePublic); // consent, like the email's, is not in the spreadsheet

    const QByteArray json = JsonPublisher(*seeded).write();
    CHECK(json.contains("\"phone\": \"+44 20 7946 0000\""));
    CHECK(json.contains("\"phone_public\": true"));
    auto fromJson = makeCatalogue(scratch, QStringLiteral("from-json.sqlite"), true);
    const ImportPlan jsonPlan =
        fromJson->planImport(scratch.write(QStringLiteral("exhibits.json"), json), ImportOptions{false, true});
    REQUIRE(jsonPlan.problems() == QStringList{});
    fromJson->curation().applyImport(jsonPlan);
    const Exhibit viaJson = fromJson->requireExhibit(Mockingbird);
    CHECK(viaJson.contact.phone == QStringLiteral("+44 20 7946 0000"));
    CHECK(viaJson.contact.phonePublic);
    CHECK(JsonPublisher(*fromJson).write() == json);

    // A bad number in a file is a problem on its row, as a bad email is.
    QByteArray bad = csv;
    bad.replace(",'+44 20 7946 0000\r\n", ",phone Sam\r\n");
    auto refused = makeCatalogue(scratch, QStringLiteral("refused.sqlite"), true);
    const ImportPlan badPlan =
        refused->planImport(scratch.write(QStringLiteral("bad.csv"), bad), ImportOptions{false, true});
    CHECK(badPlan.problems().join(QLatin1Char('\n')).contains(QStringLiteral("not a phone number")));
}

TEST_CASE("A contact's phone is published only when they agreed, like their email", "[phone][booklet][web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    setPhone(*catalogue, QStringLiteral("020 7946 0123"), false);
    CHECK(PublicView::of(catalogue->requireExhibit(Mockingbird)).contact.phone.isEmpty());
    CHECK_FALSE(bookletText(*catalogue, scratch).contains(QStringLiteral("7946 0123")));
    CHECK_FALSE(showcaseText(*catalogue, scratch).contains(QStringLiteral("7946 0123")));

    setPhone(*catalogue, QStringLiteral("020 7946 0123"), true);
    CHECK(PublicView::of(catalogue->requireExhibit(Mockingbird)).contact.phone == QStringLiteral("020 7946 0123"));
    CHECK(bookletText(*catalogue, scratch).contains(QStringLiteral("020 7946 0123")));
    const QString site = showcaseText(*catalogue, scratch);
    CHECK(site.contains(QStringLiteral("<a href=\"tel:02079460123\">020 7946 0123</a>")));
}

TEST_CASE("The contact's own phone is not a privacy finding, and anyone else's is", "[phone][privacy]")
{
    Exhibit exhibit;
    exhibit.ref = QStringLiteral("made-up");
    exhibit.title = QStringLiteral("A made-up project");
    exhibit.contact = Contact{QStringLiteral("Sophie Example"), QStringLiteral("Service manager"),
                              QStringLiteral("sophie.example@council.example")};
    exhibit.contact.phone = QStringLiteral("020 7946 0000");
    exhibit.summary = QStringLiteral("Call the team on 020 7946 0000, or from abroad on +44 20 7946 0000.");
    exhibit.description = QStringLiteral("A carer left her mobile, 07700 900123, with the school.");
    QStringList seen;
    for (const PrivacyFinding& finding : PrivacyCheck().scan(exhibit)) {
        seen << finding.field + QStringLiteral(": ") + finding.kind + QStringLiteral(": ") + finding.match;
    }
    CHECK(seen == QStringList{QStringLiteral("description: phone number: 07700 900123")});
}
