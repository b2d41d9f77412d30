#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QString>

namespace spotlight {

class Catalogue;

// What the live event prints: the floor list and a stand card per exhibit, of the exhibits matching
// a query that have a stand, in stand order. The PDFs show exhibits as the public sees them
// (PublicView): no reviews, status or tags, and a contact's email or phone only where they agreed.
// Reads only.
class FloorListPublisher
{
public:
    explicit FloorListPublisher(const Catalogue& catalogue);

    // The exhibits matching `query` that have a stand: stand 2 before stand 10, numbered stands
    // before named ones such as "Foyer". As stored, curators' data and all.
    QList<Exhibit> standing(const QString& query = {}) const;
    // The floor list as an A4 PDF; returns its pages. Error when no exhibit matching `query` has a stand.
    int writeList(const QString& query, const QString& path) const;
    // One A5 card per exhibit; returns the cards written. Error as for writeList().
    int writeCards(const QString& query, const QString& path) const;

private:
    QList<Exhibit> published(const QString& query) const;
    // The event the exhibits share ("London Children's Services Summit 2025"), else empty.
    QString eventOf(const QList<Exhibit>& exhibits) const;

    const Catalogue& m_catalogue;
};

} // namespace spotlight
