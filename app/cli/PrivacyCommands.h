#pragma once

#include "Catalogue.h"
#include "publishing/PublicationGate.h"

namespace spotlight::cli {

// Before anything is published from the command line: Error when an exhibit matching `query` has
// privacy findings no curator has reviewed, unless `allowUnreviewed` (--allow-unreviewed).
void requirePrivacyReviewed(const Catalogue& catalogue, const QString& query, bool allowUnreviewed);
// The same for just `exhibits`, which `query` chose: those a command will publish.
void requirePrivacyReviewed(const Catalogue& catalogue, const QList<Exhibit>& exhibits, const QString& query,
                            bool allowUnreviewed);
// Error, saying which exhibits and what to do, unless `verdict` is clear.
void requireClear(const PublicationGate::Verdict& verdict, const QString& query);

} // namespace spotlight::cli
