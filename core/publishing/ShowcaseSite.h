#pragma once

#include "WebShowcase.h"
#include "domain/Authority.h"
#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace spotlight {

class Catalogue;

// The web showcase's model: its exhibits in title order, who and what links to them, and where
// each page lives. ShowcasePages makes the pages from it; WebShowcasePublisher puts them in place.
namespace showcase {

// Where the list of all exhibits lives, page by page.
QString exhibitsPage(int page);
// A list page's further pages sit beside its first: "tag/care.html", "tag/care.page-2.html". A
// slug never holds a '.', so no name chosen for a page can be one of these.
QString pagedPath(const QString& first, int page);
// How many pages a list of this many exhibits takes.
int pageCountFor(qsizetype exhibits);
// "1 exhibit", "1,024 exhibits".
QString plural(qsizetype count, const QString& one, const QString& many);

struct CategoryEntry
{
    Category category;
    QString path;
    QList<int> exhibits;
};

// Everything the pages are made from, worked out once: the exhibits in title order, and who and
// what links to them.
struct Site
{
    WebShowcaseOptions options;
    QList<Exhibit> exhibits;
    QList<Authority> authorities; // all of London's, in name order
    QList<Edition> editions;      // those the exhibits belong to
    QDate date;
    bool booklet = false;

    QStringList exhibitPaths;               // by exhibit index
    QHash<QString, QString> authorityPaths; // by name
    QHash<QString, QList<int>> byAuthority; // lead or partner
    QList<CategoryEntry> categories;        // edition order, then name
    QHash<QString, int> categoryIndex;      // categoryKey() -> index in categories
    QMap<QString, QList<int>> byTag;        // tag name -> exhibits
    QHash<QString, QString> tagPaths;       // by name
    QMap<int, QList<int>> byLevel;          // level -> exhibits
};

QString categoryKey(const QString& edition, const QString& name);
Site siteFor(const Catalogue& catalogue, QList<Exhibit> exhibits, const WebShowcaseOptions& options);
// The HTML pages the site will have, for progress.
int pagesToWrite(const Site& site);

} // namespace showcase
} // namespace spotlight
