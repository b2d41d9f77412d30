#pragma once

#include "domain/Coverage.h"

#include <QByteArray>
#include <QString>

namespace spotlight {

// The coverage of an edition as a curator takes it away: a CSV for a spreadsheet, or a one-page
// landscape PDF whose cells are shaded by count, as the map shades authorities, with the
// authorities that sent nothing named beneath. Coverage holds counts only: nothing curator-only.
namespace CoverageReport {

QByteArray csv(const Coverage& coverage);
// The table as HTML, for the PDF and for anything else that renders rich text.
QString html(const Coverage& coverage);
void writePdf(const Coverage& coverage, const QString& path);
// "17 of 33 authorities lead no submission: Barnet, ..., Islington (a partner in 1), ...".
QString silentInWords(const Coverage& coverage);

} // namespace CoverageReport
} // namespace spotlight
