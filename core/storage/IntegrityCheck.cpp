#include "IntegrityCheck.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/Query.h"
#include "storage/Schema.h"

namespace spotlight::IntegrityCheck {
namespace {

// SQLite's own checks of the file, its foreign keys and FTS5's index.
QStringList fileProblems(const Database& database)
{
    QStringList problems;
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
    return problems;
}

// A server keeps its own pages and foreign keys whole; what can drift is what triggers derive: each
// exhibit's searchable text and its search vector.
QStringList serverProblems(const Database& database)
{
    QStringList problems;
    Query textless(database, QStringLiteral("SELECT ref FROM exhibit WHERE id NOT IN (SELECT exhibit_id FROM "
                                            "exhibit_text)"));
    textless.exec();
    while (textless.next()) {
        problems << QStringLiteral("Exhibit \"%1\" has lost its text").arg(textless.text(0));
    }
    if (database.scalar(QStringLiteral("SELECT count(*) FROM exhibit_text WHERE indexed = 0")).toLongLong() > 0) {
        problems << QStringLiteral("Some exhibits are marked as waiting to be indexed");
    }
    Query stale(database,
                QStringLiteral("SELECT e.ref FROM exhibit e JOIN exhibit_text t ON t.exhibit_id = e.id WHERE "
                               "t.authorities_text <> %1 OR t.tags_text <> %2 OR t.search_vector <> "
                               "spotlight_document(e.title, t.summary, t.tags_text, t.authorities_text, t.description)")
                    .arg(Schema::authoritiesTextOf(database.sql(), QStringLiteral("e.id")),
                         Schema::tagsTextOf(database.sql(), QStringLiteral("e.id"))));
    stale.exec();
    while (stale.next()) {
        problems << QStringLiteral("The search index does not match exhibit \"%1\"").arg(stale.text(0));
    }
    return problems;
}

} // namespace

QStringList run(const Database& database)
{
    QStringList problems;
    if (const QString wal = database.walProblem(); !wal.isEmpty()) {
        problems << wal;
    }
    if (database.sql().isPostgres()) {
        problems << serverProblems(database);
    } else {
        problems << fileProblems(database);
    }
    Query leadless(database, QStringLiteral("SELECT ref FROM exhibit WHERE id NOT IN "
                                            "(SELECT exhibit_id FROM exhibit_authority WHERE role = 'lead')"));
    leadless.exec();
    while (leadless.next()) {
        problems << QStringLiteral("Exhibit \"%1\" has no lead authority").arg(leadless.text(0));
    }
    Query levels(database,
                 QStringLiteral("SELECT ref FROM exhibit e WHERE evidence_level <> %1")
                     .arg(database.sql().greatest(
                         QStringLiteral("declared_level"),
                         QStringLiteral("(SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = e.id)"))));
    levels.exec();
    while (levels.next()) {
        problems
            << QStringLiteral("Exhibit \"%1\" has an evidence level out of step with its evidence").arg(levels.text(0));
    }
    return problems;
}

} // namespace spotlight::IntegrityCheck
