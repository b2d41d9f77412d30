#pragma once

#include "Catalogue.h"

namespace spotlight::cli {

// Before anything is published from the command line: Error when an exhibit matching `query` has
// privacy findings no curator has reviewed, unless `allowUnreviewed` (--allow-unreviewed).
void requirePrivacyReviewed(const Catalogue& catalogue, const QString& query, bool allowUnreviewed);

} // namespace spotlight::cli
