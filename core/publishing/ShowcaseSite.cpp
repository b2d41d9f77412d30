#include "ShowcaseSite.h"

#include "Catalogue.h"
#include "domain/TextFold.h"
#include "io/PdfDocumentInfo.h"

#include <QLocale>
#include <QSet>

namespace spotlight::showcase {
namespace {

// Unique file names from names people chose: slugs, with a number added on a clash. "index" is
// each folder's list of the others.
class FileNames
{
public:
    FileNames() { m_taken.insert(QStringLiteral("index")); }

    QString take(const QString& name)
    {
        QString slug = slugify(name);
        if (slug.isEmpty()) {
            slug = QStringLiteral("page");
        }
        QString unique = slug;
        for (int n = 2; m_taken.contains(unique); ++n) {
            unique = QStringLiteral("%1-%2").arg(slug).arg(n);
        }
        m_taken.insert(unique);
        return unique;
    }

private:
    QSet<QString> m_taken;
};

} // namespace

QString exhibitsPage(int page)
{
    return page <= 1 ? QStringLiteral("exhibits/index.html") : QStringLiteral("exhibits/page-%1.html").arg(page);
}

QString pagedPath(const QString& first, int page)
{
    if (page <= 1) {
        return first;
    }
    if (first == exhibitsPage(1)) {
        return exhibitsPage(page);
    }
    return first.chopped(5) + QStringLiteral(".page-%1.html").arg(page);
}

QString plural(qsizetype count, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(count),
                                       count == 1 ? one : many);
}

int pageCountFor(qsizetype exhibits)
{
    return std::max(
        1, int((exhibits + WebShowcasePublisher::ExhibitsPerPage - 1) / WebShowcasePublisher::ExhibitsPerPage));
}

QString categoryKey(const QString& edition, const QString& name)
{
    return edition + QLatin1Char('\n') + name;
}

Site siteFor(const Catalogue& catalogue, QList<Exhibit> exhibits, const WebShowcaseOptions& options)
{
    Site site;
    site.options = options;
    const QDateTime epoch = sourceDateEpoch();
    site.date = (epoch.isValid() ? epoch : QDateTime::currentDateTimeUtc()).date();
    std::stable_sort(exhibits.begin(), exhibits.end(), [](const Exhibit& a, const Exhibit& b) {
        const QString left = titleSortKey(a.title);
        const QString right = titleSortKey(b.title);
        return left != right ? left < right : a.ref < b.ref;
    });
    site.exhibits = exhibits;
    site.authorities = catalogue.authorities();
    std::sort(site.authorities.begin(), site.authorities.end(),
              [](const Authority& a, const Authority& b) { return titleSortKey(a.name) < titleSortKey(b.name); });

    FileNames exhibitNames;
    FileNames authorityNames;
    FileNames categoryNames;
    FileNames tagNames;
    for (const Authority& authority : site.authorities) {
        site.authorityPaths.insert(authority.name,
                                   QStringLiteral("authority/%1.html").arg(authorityNames.take(authority.name)));
    }
    QSet<QString> editionNames;
    for (int i = 0; i < site.exhibits.size(); ++i) {
        const Exhibit& exhibit = site.exhibits.at(i);
        site.exhibitPaths << QStringLiteral("exhibit/%1.html").arg(exhibitNames.take(exhibit.ref));
        for (const QString& authority : exhibit.authorities()) {
            site.byAuthority[authority] << i;
        }
        for (const QString& tag : exhibit.tags) {
            site.byTag[tag] << i;
        }
        site.byLevel[exhibit.evidenceLevel] << i;
        if (!exhibit.edition.isEmpty()) {
            editionNames.insert(exhibit.edition);
        }
    }
    for (const Edition& edition : catalogue.editions()) {
        if (!editionNames.contains(edition.name)) {
            continue;
        }
        site.editions << edition;
        for (const Category& category : catalogue.categories(edition.name)) {
            site.categoryIndex.insert(categoryKey(edition.name, category.name), int(site.categories.size()));
            site.categories << CategoryEntry{
                category,
                QStringLiteral("category/%1.html")
                    .arg(categoryNames.take(edition.name + QLatin1Char(' ') + category.name)),
                {}};
        }
    }
    for (int i = 0; i < site.exhibits.size(); ++i) {
        const Exhibit& exhibit = site.exhibits.at(i);
        for (const QString& category : exhibit.categories) {
            if (const auto found = site.categoryIndex.constFind(categoryKey(exhibit.edition, category));
                found != site.categoryIndex.constEnd()) {
                site.categories[*found].exhibits << i;
            }
        }
    }
    for (auto it = site.byTag.constBegin(); it != site.byTag.constEnd(); ++it) {
        QString name = it.key();
        site.tagPaths.insert(
            it.key(),
            QStringLiteral("tag/%1.html").arg(tagNames.take(name.replace(QLatin1Char('/'), QLatin1Char('-')))));
    }
    return site;
}

int pagesToWrite(const Site& site)
{
    int pages = 2 + int(site.exhibits.size()) + pageCountFor(site.exhibits.size()) + 4;
    for (const Authority& authority : site.authorities) {
        pages += pageCountFor(site.byAuthority.value(authority.name).size());
    }
    for (const CategoryEntry& entry : site.categories) {
        pages += pageCountFor(entry.exhibits.size());
    }
    for (const QList<int>& tagged : site.byTag) {
        pages += pageCountFor(tagged.size());
    }
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        pages += pageCountFor(site.byLevel.value(level).size());
    }
    return pages;
}

} // namespace spotlight::showcase
