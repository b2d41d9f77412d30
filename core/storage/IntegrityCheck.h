#pragma once

#include <QStringList>

namespace spotlight {

class Database;

// SQLite's integrity and foreign-key checks, FTS5's own check of the search index, and the
// catalogue's invariants (every exhibit has a lead authority and an evidence level in step with its
// evidence). Returns the problems found; empty when the catalogue is sound.
namespace IntegrityCheck {

QStringList run(const Database& database);

} // namespace IntegrityCheck
} // namespace spotlight
