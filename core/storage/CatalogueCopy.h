#pragma once

#include <QString>

#include <functional>

namespace spotlight {

class Database;

// Moves a whole catalogue from one database to another, SQLite or PostgreSQL in either direction:
// every row of every table, ids, versions, history and timestamps as they are, read from one
// consistent snapshot and written in one transaction. What each backend derives for itself (the
// search index, the search change log) is rebuilt by the target's own triggers.
namespace CatalogueCopy {

// `to` must be at the same catalogue format and hold nothing yet. `progress`, if given, hears the
// name of each table as it starts.
void copy(const Database& from, const Database& to, const std::function<void(const QString&)>& progress = {});

} // namespace CatalogueCopy
} // namespace spotlight
