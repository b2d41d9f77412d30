#include "Migrations.h"

#include "Database.h"
#include "Error.h"
#include "PostgresSchema.h"
#include "Schema.h"
#include "Transaction.h"

#include <QFileInfo>

#include <array>
#include <limits>

namespace spotlight {
namespace {

constexpr std::array migrations{
    Migration{1, "the first catalogue schema", &Schema::createVersion1},
    Migration{2, "letter signatories and privacy reviews", &Schema::upgradeToVersion2},
    Migration{3, "a version on every exhibit", &Schema::upgradeToVersion3},
    Migration{4, "a log of changes to the searchable text", &Schema::upgradeToVersion4},
    Migration{5, "consent to publish a contact's email", &Schema::upgradeToVersion5},
    Migration{6, "resubmissions linked to the exhibit they submit again", &Schema::upgradeToVersion6,
              &PostgresSchema::createVersion6},
    // The same SQL serves both: two plain columns.
    Migration{7, "a contact's phone number and consent to publish it", &Schema::upgradeToVersion7,
              &Schema::upgradeToVersion7},
    Migration{8, "privacy findings kept beside each exhibit", &Schema::upgradeToVersion8,
              &PostgresSchema::upgradeToVersion8},
    Migration{9, "sponsoring panels: criteria, reviewers and their scores", &Schema::upgradeToVersion9,
              &PostgresSchema::upgradeToVersion9},
};

// Server catalogues begin at the first step that has a server form.
int firstOnServer(std::span<const Migration> steps)
{
    for (const Migration& step : steps) {
        if (step.applyOnServer) {
            return step.version;
        }
    }
    return std::numeric_limits<int>::max();
}

} // namespace

std::span<const Migration> Migrations::all()
{
    return migrations;
}

int Migrations::latestVersion()
{
    return migrations.back().version;
}

void Migrations::bringUpToDate(const Database& database)
{
    bringUpToDate(database, all());
}

QString Migrations::backupPathFor(const QString& catalogue, int fromVersion)
{
    const QString base = QStringLiteral("%1.schema-v%2.bak").arg(catalogue).arg(fromVersion);
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        candidate = QStringLiteral("%1.%2").arg(base).arg(n);
    }
    return candidate;
}

void Migrations::refuseNewer(const Database& database, int latest)
{
    const int current = database.schemaVersion();
    if (current > latest) {
        throw Error(QStringLiteral("%1 was written by a newer version of Spotlight (catalogue format %2; this "
                                   "version reads up to %3). Open it with a newer Spotlight; it has not been changed.")
                        .arg(database.path())
                        .arg(current)
                        .arg(latest));
    }
}

void Migrations::bringUpToDate(const Database& database, std::span<const Migration> steps)
{
    const int current = database.schemaVersion();
    const int latest = steps.empty() ? 0 : steps.back().version;
    refuseNewer(database, latest);
    if (current == latest) {
        return;
    }
    if (database.isReadOnly()) {
        throw Error(QStringLiteral("%1 uses an older catalogue format (%2) and is read-only, so it cannot be "
                                   "upgraded to format %3. Copy it somewhere writable and open the copy.")
                        .arg(database.path())
                        .arg(current)
                        .arg(latest));
    }
    const bool onServer = database.backend() == SqlBackend::Postgres;
    // A file is copied first; a server's database is its administrator's to back up, and each step
    // there is one transaction, DDL included.
    if (current > 0 && !onServer) {
        database.copyTo(backupPathFor(database.path(), current));
    }
    for (const Migration& step : steps) {
        if (step.version <= current || (onServer && step.version < firstOnServer(steps))) {
            continue;
        }
        const auto apply = onServer ? step.applyOnServer : step.apply;
        if (!apply) {
            throw Error(QStringLiteral("Catalogue format %1 has no step for a PostgreSQL server.").arg(step.version));
        }
        try {
            Transaction transaction(database);
            apply(database);
            database.setSchemaVersion(step.version);
            transaction.commit();
        } catch (const Error& error) {
            throw Error(QStringLiteral("Upgrading %1 to catalogue format %2 (%3) failed, and it was left at "
                                       "format %4: %5")
                            .arg(database.path())
                            .arg(step.version)
                            .arg(QString::fromLatin1(step.summary))
                            .arg(database.schemaVersion())
                            .arg(error.message()));
        }
    }
}

} // namespace spotlight
