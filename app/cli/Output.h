#pragma once

#include "Catalogue.h"

#include <QByteArray>
#include <QString>

namespace spotlight::cli::Output {

// A plain-text table of exhibits for a terminal, with a count line under it.
QString exhibitTable(const ExhibitPage& page, int offset);
// One exhibit in full, for `show`, with the exhibit it submits again and those that submit it again.
QString exhibitText(const Exhibit& exhibit, const std::optional<ExhibitMention>& earlier = std::nullopt,
                    const QList<ExhibitMention>& later = {});
QString facetsText(const Facets& facets);
QJsonObject facetsJson(const Facets& facets);
QByteArray json(const QJsonObject& object);

} // namespace spotlight::cli::Output
