#pragma once

#include "intake/Importer.h"

namespace spotlight::bench {

// A deterministic catalogue of `count` made-up exhibits with children's-services vocabulary: the
// same count and seed always give the same exhibits. It comes as an import plan so that it goes in
// through the importer's own write path, in one transaction.
// With `varied`, some exhibits also carry what real submissions hold and layouts trip over: very
// long titles and words, accented names, and Arabic and Hebrew text.
ImportPlan generateCatalogue(int count, quint32 seed = 2025, bool varied = false);

} // namespace spotlight::bench
