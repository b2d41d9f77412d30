#pragma once

#include "Catalogue.h"

#include <QByteArray>
#include <QString>

namespace spotlight::cli::Output {

// A plain-text table of exhibits for a terminal, with a count line under it.
QString exhibitTable(const ExhibitPage& page, int offset);
// One exhibit in full, for `show`.
QString exhibitText(const Exhibit& exhibit);
QString facetsText(const Facets& facets);
QJsonObject facetsJson(const Facets& facets);
QByteArray json(const QJsonObject& object);

} // namespace spotlight::cli::Output
