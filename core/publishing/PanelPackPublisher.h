#pragma once

#include "domain/Category.h"

#include <QString>
#include <QStringList>

namespace spotlight {

class Catalogue;

// The packs sponsoring panels meet with (PanelPackPdf): one PDF per panel, holding its category's
// submissions as the public would read them (PublicView: no reviews, status or curators' tags) and
// a scoring sheet for each. Reads only.
class PanelPackPublisher
{
public:
    explicit PanelPackPublisher(const Catalogue& catalogue);

    // The pack of one panel at `path`; returns its pages. Error when its category has no exhibits.
    int write(const Category& panel, const QString& path) const;
    // A pack per category of `edition` (the current one when empty) that has exhibits, each written to
    // DIRECTORY/panel-pack-NAME.pdf; returns the files written. Error when no category has exhibits.
    QStringList writeAll(const QString& edition, const QString& directory) const;
    // The file name writeAll() gives a panel's pack: "panel-pack-impact-for-children-with-send.pdf".
    static QString fileNameFor(const Category& panel);

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
