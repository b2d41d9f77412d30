#include "PublicView.h"

#include "domain/Tag.h"

namespace spotlight::PublicView {

bool isPublished(CurationStatus status)
{
    return status == CurationStatus::Recognised || status == CurationStatus::Showcased;
}

Exhibit of(Exhibit exhibit)
{
    exhibit.reviews.clear();
    exhibit.scores.clear();
    exhibit.tags.removeIf(isCuratorsTag);
    if (!exhibit.contact.emailPublic) {
        exhibit.contact.email.clear();
    }
    if (!exhibit.contact.phonePublic) {
        exhibit.contact.phone.clear();
    }
    return exhibit;
}

QList<Exhibit> of(const QList<Exhibit>& exhibits)
{
    QList<Exhibit> published;
    published.reserve(exhibits.size());
    for (const Exhibit& exhibit : exhibits) {
        published << of(exhibit);
    }
    return published;
}

} // namespace spotlight::PublicView
