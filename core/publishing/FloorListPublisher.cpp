#include "FloorListPublisher.h"

#include "Catalogue.h"
#include "Error.h"
#include "PublicView.h"
#include "io/FloorListPdf.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace spotlight {

FloorListPublisher::FloorListPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

QList<Exhibit> FloorListPublisher::standing(const QString& query) const
{
    QList<Exhibit> standing;
    for (const Exhibit& exhibit : m_catalogue.exhibits(query)) {
        if (!exhibit.standNumber.isEmpty()) {
            standing << exhibit;
        }
    }
    auto standKey = [](const QString& stand) {
        bool numbered = false;
        const int number = stand.toInt(&numbered);
        return std::tuple{!numbered, numbered ? number : 0, stand};
    };
    std::stable_sort(standing.begin(), standing.end(), [&standKey](const Exhibit& a, const Exhibit& b) {
        return standKey(a.standNumber) < standKey(b.standNumber);
    });
    return standing;
}

QList<Exhibit> FloorListPublisher::published(const QString& query) const
{
    const QList<Exhibit> exhibits = standing(query);
    if (exhibits.isEmpty()) {
        throw Error(query.isEmpty() ? QStringLiteral("No exhibit has a stand yet; number the stands first.")
                                    : QStringLiteral("No exhibit matching \"%1\" has a stand yet; number the stands "
                                                     "first.")
                                          .arg(query));
    }
    return PublicView::of(exhibits);
}

QString FloorListPublisher::eventOf(const QList<Exhibit>& exhibits) const
{
    QSet<QString> editionNames;
    for (const Exhibit& exhibit : exhibits) {
        editionNames.insert(exhibit.edition);
    }
    for (const Edition& edition : m_catalogue.editions()) {
        if (editionNames == QSet<QString>{edition.name}) {
            return edition.event.isEmpty() ? edition.name : edition.event;
        }
    }
    return {};
}

int FloorListPublisher::writeList(const QString& query, const QString& path) const
{
    const QList<Exhibit> exhibits = published(query);
    const QString event = eventOf(exhibits);
    return FloorListPdf::writeList(
        exhibits, event.isEmpty() ? QStringLiteral("Floor list") : event + QStringLiteral(": floor list"), path);
}

int FloorListPublisher::writeCards(const QString& query, const QString& path) const
{
    const QList<Exhibit> exhibits = published(query);
    return FloorListPdf::writeCards(exhibits, eventOf(exhibits), path);
}

} // namespace spotlight
