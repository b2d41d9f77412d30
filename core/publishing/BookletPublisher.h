#pragma once

#include "io/Booklet.h"

namespace spotlight {

class Catalogue;

// The PDF booklet of a catalogue's exhibits, as the public sees them (PublicView): no reviews,
// status or curators' tags, and only the emails contacts agreed to publish. Without a subtitle, a
// booklet whose exhibits share one edition is subtitled with its event. Reads only.
class BookletPublisher
{
public:
    explicit BookletPublisher(const Catalogue& catalogue);

    BookletResult write(const QString& query, const BookletOptions& options, const QString& path,
                        const Booklet::Progress& progress = {}) const;
    BookletResult write(const QList<Exhibit>& exhibits, const BookletOptions& options, const QString& path,
                        const Booklet::Progress& progress = {}) const;
    // Draws onto a printer or a print preview what write() puts in the file.
    BookletResult paint(const QList<Exhibit>& exhibits, BookletOptions options, QPagedPaintDevice& device) const;
    // `options` with the subtitle filled in as write() does.
    BookletOptions withEditionSubtitle(const QList<Exhibit>& exhibits, BookletOptions options) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
