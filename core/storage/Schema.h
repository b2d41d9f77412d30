#pragma once

#include <QString>

namespace spotlight {

class Database;
class SqlDialect;

// The SQL of each schema version, applied by Migrations inside a transaction.
namespace Schema {

void createVersion1(const Database& database);
// Editions gain the signatory of their letters of recognition; curators' decisions on privacy
// findings are kept.
void upgradeToVersion2(const Database& database);
// Every exhibit carries a version, raised by each change to it, so that a save made against an
// older version is refused instead of silently undoing someone else's change.
void upgradeToVersion3(const Database& database);
// Every change to an exhibit's searchable text is logged by the exhibit's id, so that an index held
// in memory (TextIndex) can catch up with changes made by any connection without reading
// everything again.
void upgradeToVersion4(const Database& database);
// A contact's email is published (booklet, web showcase) only when the contact agreed to it; the
// exhibits already held say no until a curator records that they did.
void upgradeToVersion5(const Database& database);
void upgradeToVersion6(const Database& database);
// A contact's phone number, published on the same terms as their email: only once they agreed.
void upgradeToVersion7(const Database& database);
// Each exhibit's privacy findings kept beside it (PrivacyScanStore), so that the publication gate
// reads them rather than scanning every text again.
void upgradeToVersion8(const Database& database);
// Sponsoring panels: each edition's criteria, each category's reviewers, and their scores of each
// exhibit. The editions already held start with the standard criteria.
void upgradeToVersion9(const Database& database);
// The standard criteria as the JSON the edition table holds; both backends' upgrades give it.
QString standardCriteriaJson();

// SQL expressions for the text that full-text search indexes for an exhibit's authorities and
// tags, given an SQL expression for the exhibit's id. The triggers and ExhibitStore share them.
QString authoritiesTextOf(const SqlDialect& sql, const QString& exhibitId);
QString tagsTextOf(const SqlDialect& sql, const QString& exhibitId);

} // namespace Schema
} // namespace spotlight
