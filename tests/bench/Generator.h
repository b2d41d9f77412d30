#pragma once

#include "intake/Importer.h"

namespace spotlight::bench {

// A deterministic catalogue of `count` made-up exhibits with children's-services vocabulary: the
// same count and seed always give the same exhibits. It comes as an import plan so that it goes in
// through the importer's own write path, in one transaction.
ImportPlan generateCatalogue(int count, quint32 seed = 2025);

} // namespace spotlight::bench
