#include "ShowcasePages.h"

#include "Html.h"
#include "domain/EvidenceKind.h"
#include "domain/ExhibitRules.h"
#include "domain/Tag.h"
#include "domain/TextFold.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/ExhibitDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextDocument>
#include <QUrl>

#include <numeric>

namespace spotlight::showcase {
namespace {

using Html::escape;

const QString Organisation = QStringLiteral("London Innovation and Improvement Alliance");

// One page of the site. `path` is relative to the root; every link on it is made relative to it,
// so the site works from any folder and from file://.
class Page
{
public:
    Page(const Site& site, const QString& path)
        : m_site(site)
        , m_path(path)
        , m_up(path.contains(QLatin1Char('/')) ? QStringLiteral("../") : QString())
    {}

    // A link from this page to a page given relative to the root.
    QString href(const QString& path) const { return escape(m_up + path); }
    QString link(const QString& path, const QString& text, const QString& attributes = {}) const
    {
        return QStringLiteral("<a href=\"%1\"%2>%3</a>").arg(href(path), attributes, escape(text));
    }

    // The whole document: `crumbs` are the pages above this one, as (path, text), ending with
    // this page's own name; `scripts` go at the end of the body.
    QByteArray document(const QString& title, const QList<std::pair<QString, QString>>& crumbs, const QString& body,
                        const QString& scripts = {}) const
    {
        QString html;
        html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html += QStringLiteral("<title>%1</title>\n")
                    .arg(escape(title == m_site.options.title ? title
                                                              : title + QStringLiteral(" - ") + m_site.options.title));
        html += QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">\n</head>\n<body>\n")
                    .arg(href(QStringLiteral("assets/showcase.css")));
        html += QStringLiteral("<a class=\"skip\" href=\"#main\">Skip to main content</a>\n");
        html += QStringLiteral("<header class=\"site-header\">\n<div class=\"wrap\">\n");
        html += link(QStringLiteral("index.html"), m_site.options.title, QStringLiteral(" class=\"brand\""));
        html += QStringLiteral("\n<nav aria-label=\"Site\">\n<ul>\n");
        const QList<std::pair<QString, QString>> sections{
            {QStringLiteral("exhibits/index.html"), QStringLiteral("All exhibits")},
            {QStringLiteral("authority/index.html"), QStringLiteral("Authorities")},
            {QStringLiteral("category/index.html"), QStringLiteral("Categories")},
            {QStringLiteral("tag/index.html"), QStringLiteral("Tags")},
            {QStringLiteral("level/index.html"), QStringLiteral("Evidence levels")},
        };
        for (const auto& [path, text] : sections) {
            html += QStringLiteral("<li>%1</li>\n").arg(link(path, text));
        }
        html += QStringLiteral("</ul>\n</nav>\n</div>\n</header>\n<div class=\"wrap\">\n");
        if (crumbs.size() > 1) {
            html += QStringLiteral("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n");
            for (qsizetype i = 0; i < crumbs.size(); ++i) {
                html += i + 1 < crumbs.size()
                            ? QStringLiteral("<li>%1</li>\n").arg(link(crumbs.at(i).first, crumbs.at(i).second))
                            : QStringLiteral("<li aria-current=\"page\" dir=\"auto\">%1</li>\n")
                                  .arg(escape(crumbs.at(i).second));
            }
            html += QStringLiteral("</ol>\n</nav>\n");
        }
        html += QStringLiteral("<main id=\"main\" tabindex=\"-1\">\n") + body + QStringLiteral("</main>\n</div>\n");
        html += QStringLiteral("<footer class=\"site-footer\">\n<div class=\"wrap\">\n<ul>\n");
        html += QStringLiteral("<li>%1</li>\n")
                    .arg(link(QStringLiteral("accessibility.html"), QStringLiteral("Accessibility statement")));
        html += QStringLiteral("<li>%1</li>\n")
                    .arg(link(QStringLiteral("index.html#downloads"), QStringLiteral("Downloads")));
        html += QStringLiteral("</ul>\n<p>Published by the %1 for the Association of London Directors of Children's "
                               "Services.</p>\n</div>\n</footer>\n")
                    .arg(Organisation);
        html += scripts;
        html += QStringLiteral("</body>\n</html>\n");
        return html.toUtf8();
    }

    // A folder's index page: its heading over `body`, one step below home.
    QByteArray indexDocument(const QString& title, const QString& body) const
    {
        return document(title, {{QStringLiteral("index.html"), QStringLiteral("Home")}, {m_path, title}},
                        QStringLiteral("<h1>%1</h1>\n").arg(escape(title)) + body);
    }

    // A line of a list of counts: "Hackney (3)", the name a link to its page.
    QString countItem(const QString& path, const QString& text, qsizetype count) const
    {
        return QStringLiteral("<li>%1 <span class=\"muted\">(%2)</span></li>\n")
            .arg(link(path, text), QString::number(count));
    }

private:
    const Site& m_site;
    QString m_path;
    QString m_up;
};

QString authoritiesLine(const Page& page, const Site& site, const Exhibit& exhibit)
{
    auto linked = [&](const QString& name) {
        const QString path = site.authorityPaths.value(name);
        return path.isEmpty() ? escape(name) : page.link(path, name);
    };
    QString line = QStringLiteral("Led by ") + linked(exhibit.leadAuthority);
    if (!exhibit.partnerAuthorities.isEmpty()) {
        QStringList partners;
        for (const QString& partner : exhibit.partnerAuthorities) {
            partners << linked(partner);
        }
        line += QStringLiteral(", with ") + (partners.size() == 1
                                                 ? partners.first()
                                                 : partners.mid(0, partners.size() - 1).join(QStringLiteral(", ")) +
                                                       QStringLiteral(" and ") + partners.last());
    }
    return line;
}

QString levelText(int level)
{
    return QStringLiteral("Level %1 of %2: %3").arg(level).arg(MaxEvidenceLevel).arg(evidenceLevelLabel(level));
}

// An exhibit in a list: its title as a link, its authorities and its summary.
QString exhibitCard(const Page& page, const Site& site, int index, int heading)
{
    const Exhibit& exhibit = site.exhibits.at(index);
    QString html = QStringLiteral("<li>\n<h%1 dir=\"auto\">%2</h%1>\n")
                       .arg(heading)
                       .arg(page.link(site.exhibitPaths.at(index), exhibit.title));
    html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(authoritiesLine(page, site, exhibit));
    if (!exhibit.summary.isEmpty()) {
        html += QStringLiteral("<p dir=\"auto\">%1</p>\n").arg(escape(exhibit.summary));
    }
    return html + QStringLiteral("</li>\n");
}

QString contactHtml(const Exhibit& exhibit)
{
    QStringList parts;
    if (!exhibit.contact.name.isEmpty()) {
        parts << QStringLiteral("<span dir=\"auto\">%1</span>").arg(escape(exhibit.contact.name));
    }
    if (!exhibit.contact.role.isEmpty()) {
        parts << QStringLiteral("<span dir=\"auto\">%1</span>").arg(escape(exhibit.contact.role));
    }
    if (!exhibit.contact.email.isEmpty()) {
        parts << QStringLiteral("<a href=\"mailto:%1\">%2</a>")
                     .arg(escape(QString::fromUtf8(QUrl::toPercentEncoding(exhibit.contact.email, "@.+-_"))),
                          escape(exhibit.contact.email));
    }
    if (!exhibit.contact.phone.isEmpty()) {
        parts << QStringLiteral("<a href=\"%1\">%2</a>")
                     .arg(escape(ExhibitRules::phoneLink(exhibit.contact.phone)), escape(exhibit.contact.phone));
    }
    return parts.join(QStringLiteral(", "));
}

// The pages of a long list, ExhibitsPerPage to a page, each with links to the others.
QString pageLinks(const Page& page, const QString& first, int current, int count)
{
    if (count <= 1) {
        return {};
    }
    QString html = QStringLiteral("<nav class=\"pages\" aria-label=\"Pages of this list\">\n<ul>\n");
    if (current > 1) {
        html +=
            QStringLiteral("<li>%1</li>\n").arg(page.link(pagedPath(first, current - 1), QStringLiteral("Previous")));
    }
    int previous = 0;
    for (int n = 1; n <= count; ++n) {
        // The first, the last, and those near this one; a gap stands for the rest.
        if (n != 1 && n != count && std::abs(n - current) > 2) {
            continue;
        }
        if (n > previous + 1) {
            html += QStringLiteral("<li aria-hidden=\"true\">&hellip;</li>\n");
        }
        html +=
            n == current
                ? QStringLiteral("<li><span aria-current=\"page\">Page %1</span></li>\n").arg(n)
                : QStringLiteral("<li>%1</li>\n").arg(page.link(pagedPath(first, n), QStringLiteral("Page %1").arg(n)));
        previous = n;
    }
    if (current < count) {
        html += QStringLiteral("<li>%1</li>\n").arg(page.link(pagedPath(first, current + 1), QStringLiteral("Next")));
    }
    return html + QStringLiteral("</ul>\n</nav>\n");
}

// A page, or pages, listing exhibits under an introduction. `item` writes one exhibit at the given
// heading level.
void writeList(SiteWriter& writer, const Site& site, const QString& first, const QString& title,
               const QList<std::pair<QString, QString>>& crumbs,
               const std::function<QString(const Page&)>& introduction, const QList<int>& exhibits,
               const std::function<QString(const Page&, int, int)>& item)
{
    const int pages = pageCountFor(exhibits.size());
    for (int n = 1; n <= pages; ++n) {
        const QString path = pagedPath(first, n);
        const Page page(site, path);
        QString body = QStringLiteral("<h1 dir=\"auto\">%1</h1>\n").arg(escape(title)) + introduction(page);
        body += QStringLiteral("<h2>%1</h2>\n")
                    .arg(exhibits.isEmpty()
                             ? QStringLiteral("No exhibits yet")
                             : plural(exhibits.size(), QStringLiteral("exhibit"), QStringLiteral("exhibits")));
        if (pages > 1) {
            body +=
                QStringLiteral("<p>Page %1 of %2, exhibits %3 to %4 in title order.</p>\n")
                    .arg(n)
                    .arg(pages)
                    .arg((n - 1) * WebShowcasePublisher::ExhibitsPerPage + 1)
                    .arg(std::min<qsizetype>(exhibits.size(), qsizetype(n) * WebShowcasePublisher::ExhibitsPerPage));
        }
        if (!exhibits.isEmpty()) {
            body += QStringLiteral("<ul class=\"cards\">\n");
            const auto slice =
                exhibits.mid((n - 1) * WebShowcasePublisher::ExhibitsPerPage, WebShowcasePublisher::ExhibitsPerPage);
            for (const int index : slice) {
                body += item(page, index, 3);
            }
            body += QStringLiteral("</ul>\n");
        }
        body += pageLinks(page, first, n, pages);
        QList<std::pair<QString, QString>> trail = crumbs;
        if (n > 1) {
            trail.last().first = first;
            trail << std::pair{path, QStringLiteral("Page %1").arg(n)};
        }
        writer.page(path, page.document(n > 1 ? QStringLiteral("%1, page %2").arg(title, QString::number(n)) : title,
                                        trail, body));
    }
}

// London as a grid of squares, one per authority, each a link saying its name and its number of
// exhibits; the numbers are printed, so nothing is told by colour alone.
QString mapFigure(const Page& page, const Site& site, const QString& current = {})
{
    constexpr int Tile = 64;
    constexpr int Gap = 4;
    int rows = 0;
    int columns = 0;
    QList<const Authority*> tiles;
    for (const Authority& authority : site.authorities) {
        rows = std::max(rows, authority.tileRow + 1);
        columns = std::max(columns, authority.tileColumn + 1);
        tiles << &authority;
    }
    // Reading order, row by row, is the tab order.
    std::sort(tiles.begin(), tiles.end(), [](const Authority* a, const Authority* b) {
        return std::pair{a->tileRow, a->tileColumn} < std::pair{b->tileRow, b->tileColumn};
    });
    QString svg = QStringLiteral("<figure class=\"map\">\n<svg viewBox=\"0 0 %1 %2\" role=\"group\" "
                                 "aria-labelledby=\"map-caption\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                      .arg(columns * Tile)
                      .arg(rows * Tile);
    for (const Authority* authority : tiles) {
        const qsizetype count = site.byAuthority.value(authority->name).size();
        const bool here = authority->name == current;
        // The name includes what the square shows (WCAG 2.5.3): "Enfield (ENF): 1 exhibit".
        QString label = QStringLiteral("%1 (%2): %3")
                            .arg(authority->name, authority->abbreviation,
                                 plural(count, QStringLiteral("exhibit"), QStringLiteral("exhibits")));
        QStringList classes;
        if (count > 0) {
            classes << QStringLiteral("has-exhibits");
        }
        if (here) {
            classes << QStringLiteral("current");
            label += QStringLiteral(" (this page)");
        }
        const int x = authority->tileColumn * Tile;
        const int y = authority->tileRow * Tile;
        svg += QStringLiteral("<a href=\"%1\" aria-label=\"%2\"%3%4>")
                   .arg(page.href(site.authorityPaths.value(authority->name)), escape(label),
                        classes.isEmpty() ? QString()
                                          : QStringLiteral(" class=\"%1\"").arg(classes.join(QLatin1Char(' '))),
                        here ? QStringLiteral(" aria-current=\"page\"") : QString());
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" rx=\"4\"/>")
                   .arg(x + Gap / 2)
                   .arg(y + Gap / 2)
                   .arg(Tile - Gap);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" aria-hidden=\"true\">%3</text>")
                   .arg(x + Tile / 2)
                   .arg(y + 26)
                   .arg(escape(authority->abbreviation));
        svg += QStringLiteral("<text class=\"count\" x=\"%1\" y=\"%2\" aria-hidden=\"true\">%3</text></a>\n")
                   .arg(x + Tile / 2)
                   .arg(y + 46)
                   .arg(count);
    }
    svg += QStringLiteral("</svg>\n<figcaption id=\"map-caption\">Map of London's %1 authorities: each square is an "
                          "authority with its number of exhibits, and links to its page. The same as a list: %2."
                          "</figcaption>\n</figure>\n")
               .arg(site.authorities.size())
               .arg(page.link(QStringLiteral("authority/index.html"), QStringLiteral("all authorities")));
    return svg;
}

QByteArray exhibitPage(const Site& site, int index)
{
    const Exhibit& exhibit = site.exhibits.at(index);
    const QString path = site.exhibitPaths.at(index);
    const Page page(site, path);
    QString body = QStringLiteral("<h1 dir=\"auto\">%1</h1>\n").arg(escape(exhibit.title));
    body += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(authoritiesLine(page, site, exhibit));

    QString facts;
    auto fact = [&facts](const QString& term, const QString& html) {
        facts += QStringLiteral("<dt>%1</dt>\n<dd>%2</dd>\n").arg(term, html);
    };
    if (!exhibit.categories.isEmpty()) {
        QStringList links;
        for (const QString& category : exhibit.categories) {
            const int at = site.categoryIndex.value(categoryKey(exhibit.edition, category), -1);
            links << (at < 0 ? escape(category) : page.link(site.categories.at(at).path, category));
        }
        fact(exhibit.categories.size() == 1 ? QStringLiteral("Category") : QStringLiteral("Categories"),
             links.join(QStringLiteral(", ")));
    }
    if (!exhibit.edition.isEmpty()) {
        fact(QStringLiteral("Edition"), escape(exhibit.edition));
    }
    if (!exhibit.standNumber.isEmpty()) {
        fact(QStringLiteral("Stand"), escape(exhibit.standNumber));
    }
    fact(QStringLiteral("Evidence"),
         page.link(QStringLiteral("level/%1.html").arg(exhibit.evidenceLevel), levelText(exhibit.evidenceLevel)) +
             QStringLiteral("<br><span class=\"muted\">%1</span>")
                 .arg(escape(evidenceLevelExplanation(exhibit.evidenceLevel))));
    if (!exhibit.targetGroups.isEmpty()) {
        fact(QStringLiteral("Who it is for"), escape(exhibit.targetGroups.join(QStringLiteral(", "))));
    }
    if (!exhibit.ageRange.isEmpty()) {
        fact(QStringLiteral("Ages"), escape(exhibit.ageRange));
    }
    body += QStringLiteral("<dl class=\"facts\">\n%1</dl>\n").arg(facts);

    if (!exhibit.summary.isEmpty()) {
        body += QStringLiteral("<p class=\"lede\" dir=\"auto\">%1</p>\n").arg(escape(exhibit.summary));
    }
    if (!exhibit.description.trimmed().isEmpty()) {
        body += QStringLiteral("<h2>About the project</h2>\n") + Html::fromMarkdown(exhibit.description, 2);
    }
    if (!exhibit.evidence.isEmpty()) {
        body += QStringLiteral("<h2>Evidence</h2>\n<ul class=\"evidence\">\n");
        for (const Evidence& item : exhibit.evidence) {
            const QString title =
                ExhibitRules::isPublishableLink(item.sourceUrl)
                    ? QStringLiteral("<a href=\"%1\">%2</a>").arg(escape(item.sourceUrl), escape(item.title))
                    : escape(item.title);
            QStringList about{evidenceKindLabel(item.kind), QStringLiteral("level %1").arg(item.level)};
            if (item.date.isValid()) {
                about << ExhibitDocument::longDate(item.date);
            }
            body += QStringLiteral("<li><span dir=\"auto\">%1</span><br><span class=\"muted\">%2</span>%3</li>\n")
                        .arg(title, escape(about.join(QStringLiteral(", "))),
                             item.summary.isEmpty()
                                 ? QString()
                                 : QStringLiteral("<br><span dir=\"auto\">%1</span>").arg(escape(item.summary)));
        }
        body += QStringLiteral("</ul>\n");
    }
    if (!exhibit.partnerOrganisations.isEmpty()) {
        body += QStringLiteral("<h2>Partner organisations</h2>\n<ul>\n");
        for (const QString& partner : exhibit.partnerOrganisations) {
            body += QStringLiteral("<li dir=\"auto\">%1</li>\n").arg(escape(partner));
        }
        body += QStringLiteral("</ul>\n");
    }
    if (!exhibit.contact.isEmpty()) {
        body += QStringLiteral("<h2>Key contact</h2>\n<p>%1</p>\n").arg(contactHtml(exhibit));
    }
    if (!exhibit.links.isEmpty()) {
        body += QStringLiteral("<h2>Links</h2>\n<ul>\n");
        for (const QString& address : exhibit.links) {
            body += ExhibitRules::isPublishableLink(address)
                        ? QStringLiteral("<li><a href=\"%1\">%1</a></li>\n").arg(escape(address))
                        : QStringLiteral("<li>%1</li>\n").arg(escape(address));
        }
        body += QStringLiteral("</ul>\n");
    }
    if (!exhibit.tags.isEmpty()) {
        body += QStringLiteral("<h2>Tags</h2>\n<ul class=\"tags\">\n");
        for (const QString& tag : exhibit.tags) {
            body += QStringLiteral("<li>%1</li>\n").arg(page.link(site.tagPaths.value(tag), tagDisplayName(tag)));
        }
        body += QStringLiteral("</ul>\n");
    }
    const QString lead = site.authorityPaths.value(exhibit.leadAuthority);
    QList<std::pair<QString, QString>> crumbs{{QStringLiteral("index.html"), QStringLiteral("Home")}};
    if (!lead.isEmpty()) {
        crumbs << std::pair{lead, exhibit.leadAuthority};
    }
    crumbs << std::pair{path, exhibit.title};
    return page.document(exhibit.title, crumbs, body);
}

// The category pages keep the shape of LIIA's own: for each project, the authority and project,
// its summary, and its key contact.
QString categoryItem(const Page& page, const Site& site, int index, int heading)
{
    const Exhibit& exhibit = site.exhibits.at(index);
    QString html = QStringLiteral("<li>\n<h%1 dir=\"auto\">%2</h%1>\n")
                       .arg(heading)
                       .arg(page.link(site.exhibitPaths.at(index),
                                      exhibit.leadAuthority + QStringLiteral(" \u2013 ") + exhibit.title));
    if (!exhibit.partnerAuthorities.isEmpty()) {
        html += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(authoritiesLine(page, site, exhibit));
    }
    html += QStringLiteral("<h%1>Summary of project</h%1>\n<p dir=\"auto\">%2</p>\n")
                .arg(heading + 1)
                .arg(exhibit.summary.isEmpty() ? QStringLiteral("No summary yet.") : escape(exhibit.summary));
    if (!exhibit.contact.isEmpty()) {
        html += QStringLiteral("<h%1>Key contact</h%1>\n<p>%2</p>\n").arg(heading + 1).arg(contactHtml(exhibit));
    }
    return html + QStringLiteral("</li>\n");
}

QString searchForm(const Site& site)
{
    auto select = [](const QString& id, const QString& label, const QString& any, const QStringList& values,
                     const QStringList& labels) {
        QString html = QStringLiteral("<div>\n<label for=\"%1\">%2</label>\n<select id=\"%1\">\n"
                                      "<option value=\"\">%3</option>\n")
                           .arg(id, label, any);
        for (qsizetype i = 0; i < values.size(); ++i) {
            html +=
                QStringLiteral("<option value=\"%1\">%2</option>\n").arg(escape(values.at(i)), escape(labels.at(i)));
        }
        return html + QStringLiteral("</select>\n</div>\n");
    };
    QStringList authorityValues;
    QStringList authorityNames;
    for (int i = 0; i < site.authorities.size(); ++i) {
        if (site.byAuthority.contains(site.authorities.at(i).name)) {
            authorityValues << QString::number(i);
            authorityNames << site.authorities.at(i).name;
        }
    }
    QStringList categoryValues;
    QStringList categoryNames;
    for (int i = 0; i < site.categories.size(); ++i) {
        categoryValues << QString::number(i);
        categoryNames << (site.editions.size() > 1
                              ? QStringLiteral("%1 (%2)").arg(site.categories.at(i).category.name,
                                                              site.categories.at(i).category.edition)
                              : site.categories.at(i).category.name);
    }
    QStringList tagValues;
    QStringList tagNames;
    int t = 0;
    for (auto it = site.byTag.constBegin(); it != site.byTag.constEnd(); ++it, ++t) {
        tagValues << QString::number(t);
        tagNames << tagDisplayName(it.key());
    }
    QStringList levelValues;
    QStringList levelNames;
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        levelValues << QString::number(level);
        levelNames << levelText(level);
    }
    QString html =
        QStringLiteral("<form id=\"search\" class=\"search\" role=\"search\" aria-label=\"Exhibits\" hidden>\n"
                       "<label for=\"search-words\">Words to look for</label>\n"
                       "<input id=\"search-words\" type=\"search\" autocomplete=\"off\" "
                       "aria-describedby=\"search-hint\">\n"
                       "<p id=\"search-hint\" class=\"muted\">Titles, summaries, authorities, categories, "
                       "tags and descriptions; the start of a word is enough.</p>\n<div class=\"filters\">\n");
    html += select(QStringLiteral("filter-authority"), QStringLiteral("Authority"), QStringLiteral("Any authority"),
                   authorityValues, authorityNames);
    html += select(QStringLiteral("filter-category"), QStringLiteral("Category"), QStringLiteral("Any category"),
                   categoryValues, categoryNames);
    html += select(QStringLiteral("filter-tag"), QStringLiteral("Tag"), QStringLiteral("Any tag"), tagValues, tagNames);
    html += select(QStringLiteral("filter-level"), QStringLiteral("Evidence level"), QStringLiteral("Any level"),
                   levelValues, levelNames);
    html += QStringLiteral("</div>\n<button type=\"reset\">Clear</button>\n</form>\n"
                           "<p id=\"result-count\" class=\"result-count\" role=\"status\" aria-live=\"polite\"></p>\n"
                           "<ul id=\"results\" class=\"cards\"></ul>\n");
    return html;
}

// The index the home page's script searches: short keys, because it holds every exhibit.
QByteArray searchIndex(const Site& site)
{
    QHash<QString, int> authorityAt;
    QJsonArray authorities;
    for (int i = 0; i < site.authorities.size(); ++i) {
        authorityAt.insert(site.authorities.at(i).name, i);
        authorities.append(site.authorities.at(i).name);
    }
    QJsonArray categories;
    for (const CategoryEntry& entry : site.categories) {
        categories.append(entry.category.name);
    }
    QHash<QString, int> tagAt;
    QJsonArray tags;
    for (auto it = site.byTag.constBegin(); it != site.byTag.constEnd(); ++it) {
        tagAt.insert(it.key(), int(tags.size()));
        tags.append(tagDisplayName(it.key()));
    }
    QJsonArray exhibits;
    QTextDocument plain;
    for (int i = 0; i < site.exhibits.size(); ++i) {
        const Exhibit& exhibit = site.exhibits.at(i);
        QJsonArray a;
        for (const QString& authority : exhibit.authorities()) {
            if (const auto at = authorityAt.constFind(authority); at != authorityAt.constEnd()) {
                a.append(*at);
            }
        }
        QJsonArray c;
        for (const QString& category : exhibit.categories) {
            if (const int at = site.categoryIndex.value(categoryKey(exhibit.edition, category), -1); at >= 0) {
                c.append(at);
            }
        }
        QJsonArray g;
        for (const QString& tag : exhibit.tags) {
            g.append(tagAt.value(tag));
        }
        plain.setMarkdown(exhibit.description, ExhibitDocument::PublishedMarkdown);
        exhibits.append(QJsonObject{
            {QStringLiteral("u"), site.exhibitPaths.at(i)},
            {QStringLiteral("t"), exhibit.title},
            {QStringLiteral("s"), exhibit.summary},
            {QStringLiteral("a"), a},
            {QStringLiteral("c"), c},
            {QStringLiteral("g"), g},
            {QStringLiteral("l"), exhibit.evidenceLevel},
            {QStringLiteral("d"), plain.toPlainText().simplified().left(1000)},
        });
    }
    const QJsonObject index{
        {QStringLiteral("authorities"), authorities},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("exhibits"), exhibits},
    };
    // "</" cannot end the script early when the file is read as a script.
    return "window.SHOWCASE_INDEX = " + QJsonDocument(index).toJson(QJsonDocument::Compact).replace("</", "<\\/") +
           ";\n";
}

QByteArray homePage(const Site& site)
{
    const Page page(site, QStringLiteral("index.html"));
    QString body = QStringLiteral("<h1 dir=\"auto\">%1</h1>\n").arg(escape(site.options.title));
    if (!site.options.introduction.trimmed().isEmpty()) {
        body += Html::fromMarkdown(site.options.introduction, 1);
    }
    int authoritiesWithExhibits = 0;
    for (const Authority& authority : site.authorities) {
        authoritiesWithExhibits += site.byAuthority.contains(authority.name) ? 1 : 0;
    }
    body += QStringLiteral("<p class=\"lede\">%1 from %2, in %3.</p>\n")
                .arg(plural(site.exhibits.size(), QStringLiteral("exhibit"), QStringLiteral("exhibits")),
                     plural(authoritiesWithExhibits, QStringLiteral("London authority"),
                            QStringLiteral("London authorities")),
                     plural(site.categories.size(), QStringLiteral("category"), QStringLiteral("categories")));

    body += QStringLiteral("<h2>Find an exhibit</h2>\n");
    body += searchForm(site);
    body += QStringLiteral("<p>Browse %1, or by %2, %3, %4 or %5.</p>\n")
                .arg(page.link(QStringLiteral("exhibits/index.html"), QStringLiteral("all exhibits")),
                     page.link(QStringLiteral("authority/index.html"), QStringLiteral("authority")),
                     page.link(QStringLiteral("category/index.html"), QStringLiteral("category")),
                     page.link(QStringLiteral("tag/index.html"), QStringLiteral("tag")),
                     page.link(QStringLiteral("level/index.html"), QStringLiteral("evidence level")));

    body += QStringLiteral("<h2>Categories</h2>\n");
    for (const Edition& edition : site.editions) {
        if (site.editions.size() > 1) {
            body += QStringLiteral("<h3 dir=\"auto\">%1</h3>\n").arg(escape(edition.name));
        }
        body += QStringLiteral("<ul class=\"counts\">\n");
        for (const CategoryEntry& entry : site.categories) {
            if (entry.category.edition == edition.name) {
                body += page.countItem(entry.path, entry.category.name, entry.exhibits.size());
            }
        }
        body += QStringLiteral("</ul>\n");
    }

    body += QStringLiteral("<h2>Map of London</h2>\n") + mapFigure(page, site);

    body += QStringLiteral("<h2 id=\"downloads\">Downloads</h2>\n<ul>\n");
    body +=
        QStringLiteral("<li>%1 (CSV, for spreadsheets)</li>\n")
            .arg(page.link(QStringLiteral("downloads/showcase.csv"), QStringLiteral("Every exhibit in this showcase")));
    if (site.booklet) {
        body += QStringLiteral("<li>%1 (PDF). The PDF is not accessible to every reader: these web pages are its "
                               "accessible version.</li>\n")
                    .arg(page.link(QStringLiteral("downloads/showcase.pdf"), QStringLiteral("The printable booklet")));
    } else {
        body +=
            QStringLiteral("<li>The printable booklet is made for up to %1 exhibits; use the CSV for a showcase "
                           "this large.</li>\n")
                .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(WebShowcasePublisher::BookletLimit));
    }
    body += QStringLiteral("</ul>\n");
    return page.document(site.options.title, {}, body,
                         QStringLiteral("<script src=\"assets/search-index.js\"></script>\n"
                                        "<script src=\"assets/showcase.js\"></script>\n"));
}

QByteArray authoritiesPage(const Site& site)
{
    const Page page(site, QStringLiteral("authority/index.html"));
    QString body = QStringLiteral("<p>London's %1 authorities and how many exhibits each leads or joins as a "
                                  "partner.</p>\n")
                       .arg(site.authorities.size());
    body += mapFigure(page, site);
    body += QStringLiteral("<ul class=\"counts\">\n");
    for (const Authority& authority : site.authorities) {
        body += page.countItem(site.authorityPaths.value(authority.name), authority.name,
                               site.byAuthority.value(authority.name).size());
    }
    body += QStringLiteral("</ul>\n");
    return page.indexDocument(QStringLiteral("Authorities"), body);
}

QByteArray categoriesPage(const Site& site)
{
    const Page page(site, QStringLiteral("category/index.html"));
    QString body;
    if (site.editions.isEmpty()) {
        body += QStringLiteral("<p>No exhibit in this showcase belongs to an edition's category.</p>\n");
    }
    for (const Edition& edition : site.editions) {
        body += QStringLiteral("<h2 dir=\"auto\">%1</h2>\n").arg(escape(edition.name));
        if (!edition.event.isEmpty()) {
            body += QStringLiteral("<p dir=\"auto\">%1</p>\n").arg(escape(edition.event));
        }
        body += QStringLiteral("<ul class=\"cards\">\n");
        for (const CategoryEntry& entry : site.categories) {
            if (entry.category.edition != edition.name) {
                continue;
            }
            body += QStringLiteral("<li>\n<h3 dir=\"auto\">%1</h3>\n<p class=\"meta\">%2%3</p>\n</li>\n")
                        .arg(page.link(entry.path, entry.category.name),
                             plural(entry.exhibits.size(), QStringLiteral("exhibit"), QStringLiteral("exhibits")),
                             entry.category.sponsor.isEmpty()
                                 ? QString()
                                 : QStringLiteral("; sponsored by %1").arg(escape(entry.category.sponsor)));
        }
        body += QStringLiteral("</ul>\n");
    }
    return page.indexDocument(QStringLiteral("Categories"), body);
}

QByteArray tagsPage(const Site& site)
{
    const Page page(site, QStringLiteral("tag/index.html"));
    QString body;
    if (site.byTag.isEmpty()) {
        body += QStringLiteral("<p>No exhibit in this showcase is tagged.</p>\n");
    } else {
        body += QStringLiteral("<ul class=\"counts\">\n");
        for (auto it = site.byTag.constBegin(); it != site.byTag.constEnd(); ++it) {
            body += page.countItem(site.tagPaths.value(it.key()), tagDisplayName(it.key()), it->size());
        }
        body += QStringLiteral("</ul>\n");
    }
    return page.indexDocument(QStringLiteral("Tags"), body);
}

QByteArray levelsPage(const Site& site)
{
    const Page page(site, QStringLiteral("level/index.html"));
    QString body =
        QStringLiteral("<p>Each exhibit's evidence is placed on the Nesta "
                       "Standards of Evidence, from level 1, a clear account of what is done and why, to "
                       "level 5, delivered at scale by others with the same results.</p>\n<ul class=\"cards\">\n");
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        body +=
            QStringLiteral("<li>\n<h2>%1</h2>\n<p>%2</p>\n<p class=\"meta\">%3</p>\n</li>\n")
                .arg(page.link(QStringLiteral("level/%1.html").arg(level), levelText(level)),
                     escape(evidenceLevelExplanation(level)),
                     plural(site.byLevel.value(level).size(), QStringLiteral("exhibit"), QStringLiteral("exhibits")));
    }
    body += QStringLiteral("</ul>\n");
    return page.indexDocument(QStringLiteral("Evidence levels"), body);
}

// A draft of the statement regulation 7 of the Public Sector Bodies Accessibility Regulations 2018
// requires, for LIIA to review before the site goes live.
QByteArray statementPage(const Site& site)
{
    const Page page(site, QStringLiteral("accessibility.html"));
    const QString email = escape(site.options.contactEmail);
    const QString mail = QStringLiteral("<a href=\"mailto:%1\">%1</a>").arg(email);
    const QString date = ExhibitDocument::longDate(site.date);
    QString body =
        QStringLiteral(
            "<p class=\"panel\"><strong>Draft.</strong> Spotlight wrote this statement with the showcase on %1. "
            "Review it, and test the site as you publish it, before the statement goes live.</p>\n"
            "<p>This statement applies to %2, the web showcase of Practice Spotlight, run by the %3. We want as "
            "many people as possible to be able to use it. You should be able to:</p>\n<ul>\n"
            "<li>change colours, contrast levels and fonts using your browser or device settings</li>\n"
            "<li>zoom in up to 400% without the text spilling off the screen</li>\n"
            "<li>navigate the whole site using just a keyboard</li>\n"
            "<li>navigate the site using speech recognition software</li>\n"
            "<li>listen to the whole site using a screen reader</li>\n"
            "<li>use every list and filter with JavaScript turned off</li>\n</ul>\n"
            "<p>The web pages are the accessible version of the printable booklet.</p>\n")
            .arg(date, escape(site.options.title), Organisation);
    body +=
        QStringLiteral("<h2>How accessible this website is</h2>\n"
                       "<p>We know some parts of this website are not fully accessible:</p>\n<ul>\n"
                       "<li>the printable booklet (PDF) is not tagged for screen readers and has no document "
                       "structure; its content is all on these web pages</li>\n"
                       "<li>the exhibits' descriptions, summaries and links are written by the authorities that "
                       "submitted them, and linked documents on other websites may not be accessible</li>\n</ul>\n");
    body += QStringLiteral("<h2>Feedback and contact information</h2>\n"
                           "<p>If you need information on this website in a different format, such as accessible PDF, "
                           "large print, easy read, audio recording or braille, email %1. We will consider your "
                           "request and get back to you within 10 working days.</p>\n")
                .arg(mail);
    body += QStringLiteral("<h2>Reporting accessibility problems with this website</h2>\n"
                           "<p>We are always looking to improve the accessibility of this website. If you find any "
                           "problems not listed on this page or think we are not meeting accessibility "
                           "requirements, email %1.</p>\n")
                .arg(mail);
    body += QStringLiteral("<h2>Enforcement procedure</h2>\n"
                           "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
                           "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
                           "(the &ldquo;accessibility regulations&rdquo;). If you are not happy with how we respond to "
                           "your complaint, contact the Equality Advisory and Support Service (EASS).</p>\n");
    body += QStringLiteral("<h2>Technical information about this website's accessibility</h2>\n"
                           "<p>The %1 is committed to making its website accessible, in accordance with the Public "
                           "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
                           "2018.</p>\n<h3>Compliance status</h3>\n"
                           "<p>This website is partially compliant with the Web Content Accessibility Guidelines "
                           "version 2.2 AA standard, due to the non-compliances listed below.</p>\n"
                           "<h3>Non-accessible content</h3>\n<h4>Non-compliance with the accessibility "
                           "regulations</h4>\n<p>The printable booklet (PDF) is not tagged, so a screen reader cannot "
                           "follow its headings, lists and reading order. This fails WCAG 2.2 success criterion 1.3.1 "
                           "(Info and Relationships). Everything in the booklet is on these web pages, which are its "
                           "accessible version.</p>\n<h4>Disproportionate burden</h4>\n<p>We are not claiming "
                           "disproportionate burden for any content.</p>\n")
                .arg(Organisation);
    body += QStringLiteral("<h2>How we tested this website</h2>\n"
                           "<p>Spotlight, the program that writes this showcase, is tested by checking every kind of "
                           "page it writes against the WCAG 2.0, 2.1 and 2.2 A and AA rules that axe-core tests, at a "
                           "width of 320 pixels, and with the keyboard alone. People with disabilities have not yet "
                           "tested it.</p>\n"
                           "<h2>Preparation of this accessibility statement</h2>\n"
                           "<p>This statement was prepared on %1.</p>\n")
                .arg(date);
    return page.indexDocument(QStringLiteral("Accessibility statement"), body);
}

// The showcase's CSV: the catalogue's one layout without the workflow status, which is the
// curators' own.
QByteArray publicCsv(const QList<Exhibit>& exhibits)
{
    const qsizetype status = ExhibitCsv::columns().indexOf(QStringLiteral("status"));
    QStringList header = ExhibitCsv::columns();
    header.removeAt(status);
    QList<QStringList> records{header};
    for (const Exhibit& exhibit : exhibits) {
        QStringList record = ExhibitCsv::toRecord(exhibit);
        record.removeAt(status);
        records << record;
    }
    return Csv::write(records, true);
}

QByteArray resource(const QString& name)
{
    QFile file(QStringLiteral(":/web/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("The showcase's %1 is missing from this build.").arg(name));
    }
    return file.readAll();
}

} // namespace

void writeSite(SiteWriter& writer, const Site& site)
{
    writer.file(WebShowcasePublisher::markerFileName(),
                QByteArrayLiteral("A web showcase written by Spotlight. Publishing again replaces this folder.\n"));
    writer.file(QStringLiteral("assets/showcase.css"), resource(QStringLiteral("showcase.css")));
    writer.file(QStringLiteral("assets/showcase.js"), resource(QStringLiteral("showcase.js")));
    writer.file(QStringLiteral("assets/search-index.js"), searchIndex(site));
    writer.file(QStringLiteral("downloads/showcase.csv"), publicCsv(site.exhibits));

    writer.page(QStringLiteral("index.html"), homePage(site));
    writer.page(QStringLiteral("accessibility.html"), statementPage(site));
    for (int i = 0; i < site.exhibits.size(); ++i) {
        writer.page(site.exhibitPaths.at(i), exhibitPage(site, i));
    }
    const std::pair<QString, QString> home{QStringLiteral("index.html"), QStringLiteral("Home")};
    auto none = [](const Page&) { return QString(); };
    auto card = [&site](const Page& page, int index, int heading) { return exhibitCard(page, site, index, heading); };

    QList<int> everything(site.exhibits.size());
    std::iota(everything.begin(), everything.end(), 0);
    writeList(writer, site, exhibitsPage(1), QStringLiteral("All exhibits"),
              {home, {exhibitsPage(1), QStringLiteral("All exhibits")}}, none, everything, card);

    writer.page(QStringLiteral("authority/index.html"), authoritiesPage(site));
    const std::pair<QString, QString> authorities{QStringLiteral("authority/index.html"),
                                                  QStringLiteral("Authorities")};
    for (const Authority& authority : site.authorities) {
        const QString path = site.authorityPaths.value(authority.name);
        writeList(
            writer, site, path, authority.name, {home, authorities, {path, authority.name}},
            [&](const Page& page) {
                return QStringLiteral("<p>Exhibits %1 leads or joins as a partner.</p>\n").arg(escape(authority.name)) +
                       mapFigure(page, site, authority.name);
            },
            site.byAuthority.value(authority.name), card);
    }

    writer.page(QStringLiteral("category/index.html"), categoriesPage(site));
    const std::pair<QString, QString> categories{QStringLiteral("category/index.html"), QStringLiteral("Categories")};
    for (const CategoryEntry& entry : site.categories) {
        // Categories of the same name in several editions are told apart by their edition.
        const QString name = site.editions.size() > 1
                                 ? QStringLiteral("%1 (%2)").arg(entry.category.name, entry.category.edition)
                                 : entry.category.name;
        const Edition* edition = nullptr;
        for (const Edition& candidate : site.editions) {
            edition = candidate.name == entry.category.edition ? &candidate : edition;
        }
        writeList(
            writer, site, entry.path, name, {home, categories, {entry.path, name}},
            [&](const Page&) {
                QString html =
                    QStringLiteral("<p class=\"meta\" dir=\"auto\">%1</p>\n").arg(escape(entry.category.edition));
                if (!entry.category.sponsor.isEmpty()) {
                    html += QStringLiteral("<p>Sponsored by <span dir=\"auto\">%1</span>.</p>\n")
                                .arg(escape(entry.category.sponsor));
                }
                // The panel's own introduction to its category, or else the edition's.
                if (!entry.category.description.trimmed().isEmpty()) {
                    html += QStringLiteral("<div class=\"panel\">\n<h2>From the panel</h2>\n%1</div>\n")
                                .arg(Html::fromMarkdown(entry.category.description, 2));
                } else if (edition && !edition->description.trimmed().isEmpty()) {
                    html += QStringLiteral("<div class=\"panel\">\n<h2 dir=\"auto\">About %1</h2>\n%2</div>\n")
                                .arg(escape(edition->name), Html::fromMarkdown(edition->description, 2));
                }
                return html;
            },
            entry.exhibits,
            [&site](const Page& page, int index, int heading) { return categoryItem(page, site, index, heading); });
    }

    writer.page(QStringLiteral("tag/index.html"), tagsPage(site));
    const std::pair<QString, QString> tags{QStringLiteral("tag/index.html"), QStringLiteral("Tags")};
    for (auto it = site.byTag.constBegin(); it != site.byTag.constEnd(); ++it) {
        const QString path = site.tagPaths.value(it.key());
        const QString name = tagDisplayName(it.key());
        writeList(writer, site, path, name, {home, tags, {path, name}}, none, it.value(), card);
    }

    writer.page(QStringLiteral("level/index.html"), levelsPage(site));
    const std::pair<QString, QString> levels{QStringLiteral("level/index.html"), QStringLiteral("Evidence levels")};
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        const QString path = QStringLiteral("level/%1.html").arg(level);
        writeList(
            writer, site, path, levelText(level), {home, levels, {path, QStringLiteral("Level %1").arg(level)}},
            [level](const Page&) { return QStringLiteral("<p>%1</p>\n").arg(escape(evidenceLevelExplanation(level))); },
            site.byLevel.value(level), card);
    }
}

} // namespace spotlight::showcase
