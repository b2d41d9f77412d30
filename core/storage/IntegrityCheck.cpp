#include "IntegrityCheck.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/Query.h"

namespace spotlight::IntegrityCheck {

QStringList run(const Database& database)
{
    QStringList problems;
    if (const QString wal = database.walProblem(); !wal.isEmpty()) {
        problems << wal;
    }
    Query integrity(database, QStringLiteral("PRAGMA integrity_check"));
    integrity.exec();
    while (integrity.next()) {
        if (integrity.text(0) != QLatin1String("ok")) {
            problems << QStringLiteral("SQLite integrity check: %1").arg(integrity.text(0));
        }
    }
    Query foreignKeys(database, QStringLiteral("PRAGMA foreign_key_check"));
    foreignKeys.exec();
    while (foreignKeys.next()) {
        problems << QStringLiteral("A row of %1 refers to a missing row of %2")
                        .arg(foreignKeys.text(0), foreignKeys.text(2));
    }
    if (!database.isReadOnly()) {
        // FTS5's own check is spelt as an INSERT, so it needs a writable file; it changes nothing.
        try {
            database.exec(QStringLiteral("INSERT INTO exhibit_fts(exhibit_fts, rank) VALUES ('integrity-check', 1)"));
        } catch (const Error& error) {
            problems << QStringLiteral("The search index does not match the exhibits: %1").arg(error.message());
        }
    }
    if (database.scalar(QStringLiteral("SELECT count(*) FROM exhibit_text WHERE indexed = 0")).toLongLong() > 0) {
        problems << QStringLiteral("Some exhibits are missing from the search index");
    }
    Query leadless(database, QStringLiteral("SELECT ref FROM exhibit WHERE id NOT IN "
                                            "(SELECT exhibit_id FROM exhibit_authority WHERE role = 'lead')"));
    leadless.exec();
    while (leadless.next()) {
        problems << QStringLiteral("Exhibit \"%1\" has no lead authority").arg(leadless.text(0));
    }
    Query levels(database, QStringLiteral("SELECT ref FROM exhibit e WHERE evidence_level <> max(declared_level, "
                                          "(SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = e.id))"));
    levels.exec();
    while (levels.next()) {
        problems
            << QStringLiteral("Exhibit \"%1\" has an evidence level out of step with its evidence").arg(levels.text(0));
    }
    return problems;
}

} // namespace spotlight::IntegrityCheck
