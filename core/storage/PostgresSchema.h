#pragma once

namespace spotlight {

class Database;

// The SQL of each schema version on a PostgreSQL server, applied by Migrations inside a
// transaction. Server catalogues begin at format 6; the steps before it are SQLite's alone.
namespace PostgresSchema {

void createVersion6(const Database& database);
// The stored privacy findings, which the curators' and viewers' groups may use as they use the rest.
void upgradeToVersion8(const Database& database);
void upgradeToVersion9(const Database& database);

} // namespace PostgresSchema
} // namespace spotlight
