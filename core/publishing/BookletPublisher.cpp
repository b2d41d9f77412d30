#include "BookletPublisher.h"

#include "Catalogue.h"
#include "PublicView.h"

#include <QSet>

namespace spotlight {

BookletPublisher::BookletPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

BookletResult BookletPublisher::write(const QString& query, const BookletOptions& options, const QString& path,
                                      const Booklet::Progress& progress) const
{
    return write(m_catalogue.exhibits(query), options, path, progress);
}

BookletResult BookletPublisher::write(const QList<Exhibit>& exhibits, const BookletOptions& options,
                                      const QString& path, const Booklet::Progress& progress) const
{
    return Booklet::write(PublicView::of(exhibits), withEditionSubtitle(exhibits, options), path, progress);
}

BookletResult BookletPublisher::paint(const QList<Exhibit>& exhibits, BookletOptions options,
                                      QPagedPaintDevice& device) const
{
    options = withEditionSubtitle(exhibits, options);
    return Booklet::paint(PublicView::of(exhibits), options, device, options.title);
}

BookletOptions BookletPublisher::withEditionSubtitle(const QList<Exhibit>& exhibits, BookletOptions options) const
{
    if (!options.subtitle.isEmpty()) {
        return options;
    }
    QSet<QString> editionNames;
    for (const Exhibit& exhibit : exhibits) {
        editionNames.insert(exhibit.edition);
    }
    for (const Edition& edition : m_catalogue.editions()) {
        if (editionNames == QSet<QString>{edition.name}) {
            options.subtitle = edition.event.isEmpty() ? edition.name : edition.event;
        }
    }
    return options;
}

} // namespace spotlight
