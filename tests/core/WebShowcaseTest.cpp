// The web showcase as files on disk: what pages there are, that every link inside it resolves, and
// that nothing curators keep for themselves reaches it. Its accessibility is checked in a browser
// by tests/web.
#include "publishing/WebShowcase.h"

#include "Error.h"
#include "TestSupport.h"
#include "publishing/Html.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace spotlight;
using namespace spotlight::test;

namespace {

WebShowcaseOptions withContact()
{
    WebShowcaseOptions options;
    options.contactEmail = QStringLiteral("spotlight@liia.example");
    return options;
}

// The seed's exhibits are all showcased, but tests change their statuses: publish them whatever.
WebShowcaseOptions everyExhibit()
{
    WebShowcaseOptions options = withContact();
    options.includeUnrecognised = true;
    return options;
}

// Every file of a site, by path relative to its root.
QMap<QString, QByteArray> filesOf(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path), readFile(path));
    }
    return files;
}

// Every page's text, and the booklet's, as one haystack to look for leaks in.
QString everythingReadable(const QString& root)
{
    QString text;
    const QMap<QString, QByteArray> files = filesOf(root);
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        text += it.key().endsWith(QLatin1String(".pdf"))
                    ? runTool(QStringLiteral("pdftotext"), {root + QLatin1Char('/') + it.key(), QStringLiteral("-")})
                    : QString::fromUtf8(it.value());
    }
    return text;
}

// Sets an exhibit's fields through the one write path.
void edit(Catalogue& catalogue, const QString& ref, const std::function<void(Exhibit&)>& change)
{
    Exhibit exhibit = catalogue.requireExhibit(ref);
    change(exhibit);
    catalogue.curation().updateExhibit(exhibit);
}

} // namespace

TEST_CASE("The seed catalogue publishes every kind of page, and every link in it resolves", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString site = scratch.path(QStringLiteral("site"));
    WebShowcaseOptions options = everyExhibit();
    const WebShowcaseResult result = WebShowcasePublisher(*catalogue).publish(QString(), options, site);

    CHECK(result.exhibits == 17);
    CHECK(result.booklet);
    const QMap<QString, QByteArray> files = filesOf(site);
    for (const char* path :
         {"index.html", "accessibility.html", "exhibits/index.html", "authority/index.html", "category/index.html",
          "tag/index.html", "level/index.html", "level/0.html", "level/5.html", "authority/hackney.html",
          "downloads/showcase.csv", "downloads/showcase.pdf", "assets/showcase.css", "assets/showcase.js",
          "assets/search-index.js", ".spotlight-showcase"}) {
        INFO(path);
        CHECK(files.contains(QString::fromLatin1(path)));
    }
    int exhibitPages = 0;
    int authorityPages = 0;
    int categoryPages = 0;
    int tagPages = 0;
    int htmlPages = 0;
    for (const QString& path : files.keys()) {
        exhibitPages += path.startsWith(QLatin1String("exhibit/")) ? 1 : 0;
        authorityPages += path.startsWith(QLatin1String("authority/")) ? 1 : 0;
        categoryPages += path.startsWith(QLatin1String("category/")) ? 1 : 0;
        tagPages += path.startsWith(QLatin1String("tag/")) ? 1 : 0;
        htmlPages += path.endsWith(QLatin1String(".html")) ? 1 : 0;
    }
    CHECK(exhibitPages == 17);
    CHECK(authorityPages == 34); // all 33 and their index
    CHECK(categoryPages == catalogue->categories().size() + 1);
    CHECK(tagPages == catalogue->tags().size() + 1);
    CHECK(htmlPages == result.pages);

    // Relative links only, each to a file in the site; nothing is fetched from outside it.
    const QRegularExpression reference(QStringLiteral("(href|src)=\"([^\"]*)\""));
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        if (!it.key().endsWith(QLatin1String(".html"))) {
            continue;
        }
        const QString html = QString::fromUtf8(it.value());
        INFO(it.key().toStdString());
        CHECK(html.startsWith(QLatin1String("<!DOCTYPE html>\n<html lang=\"en-GB\">")));
        CHECK(html.count(QLatin1String("<h1")) == 1);
        CHECK(html.contains(QLatin1String("<main id=\"main\"")));
        for (const QRegularExpressionMatch& match : reference.globalMatch(html)) {
            const QString target = match.captured(2);
            if (target.startsWith(QLatin1String("mailto:")) ||
                (match.captured(1) == QLatin1String("href") && target.startsWith(QLatin1String("https://")) &&
                 !html.contains(QStringLiteral("<link rel=\"stylesheet\" href=\"%1").arg(target)))) {
                continue; // an exhibit's own links and evidence sources, for readers to follow
            }
            INFO(target.toStdString());
            CHECK_FALSE(target.contains(QLatin1String("://")));
            CHECK_FALSE(target.startsWith(QLatin1Char('/')));
            const QString file = target.section(QLatin1Char('#'), 0, 0);
            if (!file.isEmpty()) {
                CHECK(QFileInfo::exists(QFileInfo(site + QLatin1Char('/') + it.key()).absolutePath() +
                                        QLatin1Char('/') + file));
            }
        }
    }
    CHECK_FALSE(QString::fromUtf8(files.value(QStringLiteral("assets/showcase.css"))).contains(QLatin1String("url(")));
}

TEST_CASE("Curators' own data never reaches the web showcase or its downloads", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString mockingbird = QStringLiteral("waltham-forest-mockingbird");
    edit(*catalogue, mockingbird, [](Exhibit& exhibit) {
        exhibit.status = CurationStatus::Recognised;
        exhibit.reviews << Review{QStringLiteral("North panel"), QDate(2025, 3, 1), QStringLiteral("A. Reviewer"),
                                  QStringLiteral("Feedback only the panel sees"), QStringLiteral("Highly commended")};
        exhibit.tags << QStringLiteral("internal/shortlist") << QStringLiteral("internal");
        exhibit.contact.email = QStringLiteral("private.person@council.example");
        exhibit.contact.emailPublic = false;
    });
    const QString other = catalogue->exhibits().at(3).ref == mockingbird ? catalogue->exhibits().at(4).ref
                                                                         : catalogue->exhibits().at(3).ref;
    edit(*catalogue, other, [](Exhibit& exhibit) {
        exhibit.status = CurationStatus::Showcased;
        exhibit.contact.email = QStringLiteral("agreed.person@council.example");
        exhibit.contact.emailPublic = true;
    });
    const QString site = scratch.path(QStringLiteral("site"));
    WebShowcaseOptions options = everyExhibit();
    WebShowcasePublisher(*catalogue).publish(QString(), options, site);

    const QString text = everythingReadable(site);
    CHECK(text.contains(QLatin1String("Practice Spotlight")));
    CHECK_FALSE(text.contains(QLatin1String("Feedback only the panel sees")));
    CHECK_FALSE(text.contains(QLatin1String("A. Reviewer")));
    CHECK_FALSE(text.contains(QLatin1String("shortlist"), Qt::CaseInsensitive));
    CHECK_FALSE(text.contains(QLatin1String("Internal"), Qt::CaseSensitive));
    CHECK_FALSE(text.contains(QLatin1String("private.person@council.example")));
    CHECK(text.contains(QLatin1String("mailto:agreed.person@council.example")));
    for (const QString& status : allStatusKeys()) {
        CHECK_FALSE(readFile(site + QStringLiteral("/exhibit/") + mockingbird + QStringLiteral(".html"))
                        .contains(statusLabel(*statusFromText(status)).toUtf8() + "<"));
    }
    const QByteArray csv = readFile(site + QStringLiteral("/downloads/showcase.csv"));
    CHECK(csv.startsWith("\xEF\xBB\xBFref,title,lead_authority,partner_authorities,edition,categories,tags,summary,"));
    CHECK_FALSE(csv.contains("status"));
}

TEST_CASE("Only recognised and showcased exhibits are published unless the others are asked for", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<Exhibit> all = catalogue->exhibits();
    const QString shown = all.at(0).ref;
    const QString drafted = all.at(1).ref;
    edit(*catalogue, shown, [](Exhibit& exhibit) { exhibit.status = CurationStatus::Showcased; });
    edit(*catalogue, drafted, [](Exhibit& exhibit) { exhibit.status = CurationStatus::Withdrawn; });
    const QString site = scratch.path(QStringLiteral("site"));
    const WebShowcaseResult result = WebShowcasePublisher(*catalogue).publish(QString(), withContact(), site);

    int published = 0;
    for (const Exhibit& exhibit : catalogue->exhibits()) {
        published +=
            exhibit.status == CurationStatus::Recognised || exhibit.status == CurationStatus::Showcased ? 1 : 0;
    }
    CHECK(result.exhibits == published);
    CHECK(QFileInfo::exists(site + QStringLiteral("/exhibit/") + shown + QStringLiteral(".html")));
    CHECK_FALSE(QFileInfo::exists(site + QStringLiteral("/exhibit/") + drafted + QStringLiteral(".html")));
    CHECK_FALSE(readFile(site + QStringLiteral("/assets/search-index.js")).contains(drafted.toUtf8()));
}

TEST_CASE("The same catalogue with SOURCE_DATE_EPOCH set publishes the same bytes", "[web]")
{
    qputenv("SOURCE_DATE_EPOCH", "1740000000");
    const auto unset = qScopeGuard([] { qunsetenv("SOURCE_DATE_EPOCH"); });
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    WebShowcaseOptions options = everyExhibit();
    WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("one")));
    WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("two")));
    const QMap<QString, QByteArray> one = filesOf(scratch.path(QStringLiteral("one")));
    const QMap<QString, QByteArray> two = filesOf(scratch.path(QStringLiteral("two")));
    CHECK(one.keys() == two.keys());
    for (auto it = one.constBegin(); it != one.constEnd(); ++it) {
        INFO(it.key().toStdString());
        CHECK(it.value() == two.value(it.key()));
    }
    CHECK(
        QString::fromUtf8(one.value(QStringLiteral("accessibility.html"))).contains(QLatin1String("19 February 2025")));
}

TEST_CASE("A refusal, a failure or a cancel leaves the earlier showcase whole", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    WebShowcaseOptions options = everyExhibit();
    const QString site = scratch.path(QStringLiteral("site"));
    WebShowcasePublisher(*catalogue).publish(QString(), options, site);
    const QMap<QString, QByteArray> before = filesOf(site);
    auto leftovers = [&scratch] {
        return QDir(scratch.path(QString()))
            .entryList({QStringLiteral(".site-publishing-*")}, QDir::AllEntries | QDir::Hidden);
    };

    SECTION("cancelled part way")
    {
        int calls = 0;
        CHECK_THROWS_WITH(WebShowcasePublisher(*catalogue)
                              .publish(QString(), options, site, [&calls](int, int) { return ++calls < 10; }),
                          Catch::Contains("cancelled"));
    }
    SECTION("cancelled while the booklet is drawn")
    {
        CHECK_THROWS_WITH(WebShowcasePublisher(*catalogue)
                              .publish(QString(), options, site, [](int done, int total) { return done < total - 5; }),
                          Catch::Contains("cancelled"));
    }
    SECTION("refused by the publication gate")
    {
        const QString ref = catalogue->exhibits().first().ref;
        edit(*catalogue, ref, [](Exhibit& exhibit) {
            exhibit.summary += QStringLiteral(" Call Jamie on 07700 900123, born 12/03/2015.");
        });
        CHECK_THROWS_WITH(WebShowcasePublisher(*catalogue).publish(QString(), options, site),
                          Catch::Contains("not been reviewed") && Catch::Contains(ref.toStdString()));
    }
    SECTION("without a contact for the accessibility statement")
    {
        WebShowcaseOptions noContact = options;
        noContact.contactEmail.clear();
        CHECK_THROWS_WITH(WebShowcasePublisher(*catalogue).publish(QString(), noContact, site),
                          Catch::Contains("accessibility statement needs an email"));
    }
    CHECK(filesOf(site) == before);
    CHECK(leftovers().isEmpty());
}

TEST_CASE("A folder that holds anything but an earlier showcase is never replaced", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    WebShowcaseOptions options = everyExhibit();
    QDir().mkpath(scratch.path(QStringLiteral("documents")));
    scratch.write(QStringLiteral("documents/notes.txt"), "mine");
    CHECK_THROWS_WITH(
        WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("documents"))),
        Catch::Contains("holds other files"));
    CHECK(readFile(scratch.path(QStringLiteral("documents/notes.txt"))) == "mine");
    CHECK_FALSE(QFileInfo::exists(scratch.path(QStringLiteral("documents/index.html"))));

    // An empty folder is fine, and so is publishing over the showcase it then holds.
    QDir().mkpath(scratch.path(QStringLiteral("empty")));
    WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("empty")));
    WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("empty")));
    CHECK(QFileInfo::exists(scratch.path(QStringLiteral("empty/index.html"))));
}

TEST_CASE("Markdown becomes clean HTML, with headings that follow on and no unsafe links", "[web]")
{
    const QString html =
        Html::fromMarkdown(QStringLiteral("# Aims\n\nWe **help** _families_ *and* carers.\n\n### Detail\n\n"
                                          "- one\n- two\n  - nested\n\n1. first\n2. second\n\n"
                                          "[ok](https://example.org) [bad](javascript:alert(1))\n\n"
                                          "<script>alert(1)</script>\n"),
                           2);
    INFO(html.toStdString());
    CHECK(html.contains(QLatin1String("<h3 dir=\"auto\">Aims</h3>")));
    CHECK(html.contains(QLatin1String("<h4 dir=\"auto\">Detail</h4>")));
    CHECK(html.contains(QLatin1String("<strong>help</strong>")));
    CHECK(html.contains(QLatin1String("<em>families</em>")));
    CHECK(html.contains(
        QLatin1String("<ul>\n<li><span dir=\"auto\">one</span></li>\n<li><span dir=\"auto\">two</span><ul>")));
    CHECK(html.contains(QLatin1String("<ol>")));
    CHECK(html.contains(QLatin1String("<a href=\"https://example.org\">ok</a>")));
    CHECK_FALSE(html.contains(QLatin1String("javascript")));
    CHECK_FALSE(html.contains(QLatin1String("<script")));
    CHECK(html.count(QLatin1String("<ul>")) == html.count(QLatin1String("</ul>")));
    CHECK(html.count(QLatin1String("<li>")) == html.count(QLatin1String("</li>")));
}

TEST_CASE("Hostile names and links are escaped or left as text, and no two pages share a file", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString ref = catalogue->exhibits().first().ref;
    edit(*catalogue, ref, [](Exhibit& exhibit) {
        exhibit.title = QStringLiteral("<script>alert(\"x\")</script> & 'quotes' %1");
        exhibit.tags << QStringLiteral("index") << QStringLiteral("care");
        exhibit.links = {QStringLiteral("javascript:alert(1)"), QStringLiteral("file:///etc/passwd")};
        exhibit.description = QStringLiteral("See [this](javascript:alert(2)) and [that](file://server/share).");
    });
    const QString site = scratch.path(QStringLiteral("site")) + QLatin1Char('/'); // a trailing slash too
    WebShowcaseOptions options = everyExhibit();
    WebShowcasePublisher(*catalogue).publish(QString(), options, site);

    // The pages and the booklet: every hostile string escaped or plain text. (The CSV and the search
    // index carry the text as data, which no browser runs.)
    const QMap<QString, QByteArray> files = filesOf(site);
    QByteArray everything;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        if (it.key().endsWith(QLatin1String(".html")) || it.key().endsWith(QLatin1String(".pdf"))) {
            everything += it.value();
        }
    }
    CHECK_FALSE(everything.contains("<script>alert"));
    CHECK(everything.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;"));
    CHECK_FALSE(everything.contains("href=\"javascript:"));
    CHECK_FALSE(everything.contains("/URI (javascript:"));
    CHECK(everything.contains("<li>javascript:alert(1)</li>")); // shown, not followed
    CHECK_FALSE(everything.contains("href=\"file:"));
    CHECK_FALSE(everything.contains("/URI (file:"));
    CHECK_FALSE(files.value(QStringLiteral("assets/search-index.js")).contains("</script"));
    CHECK(everything.contains("%1")); // the title's own text, not a filled-in placeholder
    // The tag "index" has a page of its own; the list of tags keeps its name.
    CHECK(QString::fromUtf8(files.value(QStringLiteral("tag/index.html"))).contains(QLatin1String("<h1>Tags</h1>")));
    CHECK(files.contains(QStringLiteral("tag/index-2.html")));
    CHECK(QFileInfo(site).permissions().testFlag(QFileDevice::ReadOther));
}

TEST_CASE("A symbolic link or a folder without write permission as the target gets a clear refusal", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    WebShowcaseOptions options = everyExhibit();
    QDir().mkpath(scratch.path(QStringLiteral("real")));
    REQUIRE(QFile::link(scratch.path(QStringLiteral("real")), scratch.path(QStringLiteral("link"))));
    CHECK_THROWS_WITH(
        WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("link"))),
        Catch::Contains("symbolic link") && Catch::Contains("Nothing was published"));
    CHECK(QDir(scratch.path(QStringLiteral("real"))).isEmpty());

    if (::geteuid() != 0) { // root writes anywhere
        QDir().mkpath(scratch.path(QStringLiteral("locked")));
        QFile::setPermissions(scratch.path(QStringLiteral("locked")), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        CHECK_THROWS_WITH(
            WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("locked/site"))),
            Catch::Contains("nothing was published"));
        QFile::setPermissions(scratch.path(QStringLiteral("locked")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
}

TEST_CASE("A build folder abandoned by a killed publish is cleared once it is an hour old", "[web]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    WebShowcaseOptions options = everyExhibit();
    const QString old = scratch.path(QStringLiteral(".site-publishing-abc123"));
    const QString recent = scratch.path(QStringLiteral(".site-publishing-def456"));
    QDir().mkpath(old + QStringLiteral("/exhibit"));
    QDir().mkpath(recent);
    const timespec twoHoursAgo{::time(nullptr) - 7200, 0};
    const timespec times[2] = {twoHoursAgo, twoHoursAgo};
    REQUIRE(::utimensat(AT_FDCWD, QFile::encodeName(old).constData(), times, 0) == 0);

    WebShowcasePublisher(*catalogue).publish(QString(), options, scratch.path(QStringLiteral("site")));
    CHECK_FALSE(QFileInfo::exists(old));
    CHECK(QFileInfo::exists(recent)); // perhaps another publish, still running
}
