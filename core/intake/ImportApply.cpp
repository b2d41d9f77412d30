// Carrying out an import plan in one transaction, re-checking inside it what the plan assumed.
#include "Error.h"
#include "Importer.h"
#include "domain/ExhibitDiff.h"
#include "io/ExhibitCsv.h"
#include "storage/Stores.h"

#include <QSet>

namespace spotlight {

// The row's exhibit as written: a link to an exhibit that is neither in the catalogue nor added by
// the same import (its row skipped) is left out; a resubmission whose earlier exhibit was deleted
// since the plan was made is refused.
Exhibit Importer::withResubmissionLink(const Stores& stores, const ImportRow& row, const QSet<QString>& created)
{
    Exhibit exhibit = row.exhibit;
    const QString& earlier = exhibit.resubmissionOf;
    if (earlier.isEmpty() || created.contains(earlier) || stores.exhibits.idOf(earlier)) {
        return exhibit;
    }
    if (row.decision == ImportDecision::Resubmit) {
        throw Error(QStringLiteral("\"%1\" was deleted after %2 was read, so nothing was imported. Import the "
                                   "file again to see what it would do now.")
                        .arg(earlier, row.place.file));
    }
    exhibit.resubmissionOf.clear();
    return exhibit;
}

void Importer::apply(Stores& stores, const ImportPlan& plan, const ImportProgress& progress)
{
    if (!plan.isValid()) {
        throw Error(QStringLiteral("%1 has problems, so nothing was imported.").arg(plan.filesInWords()));
    }
    for (const Edition& edition : plan.editionsToCreate()) {
        stores.editions.insert(edition);
    }
    for (const Category& category : plan.categoriesToCreate()) {
        stores.editions.insert(category);
    }
    // Search indexing waits for the end: one statement indexes every new row (see Schema).
    ExhibitStore::DeferredIndexing deferred(stores.exhibits);
    QSet<QString> created;
    for (const ImportRow& row : plan.rows) {
        if (row.decision != ImportDecision::Skip && !row.update()) {
            created.insert(row.exhibit.ref);
        }
    }
    auto carryOn = [&](qsizetype done) {
        if (progress && !progress(done, plan.rows.size())) {
            throw Error(QStringLiteral("The import was cancelled; nothing was imported."));
        }
    };
    for (qsizetype done = 0; done < plan.rows.size(); ++done) {
        // Every 100 rows: often enough for a progress bar and a Cancel that answers at once.
        if (done % 100 == 0) {
            carryOn(done);
        }
        const ImportRow& row = plan.rows.at(done);
        if (row.decision == ImportDecision::Skip) {
            continue;
        }
        const Exhibit exhibit = withResubmissionLink(stores, row, created);
        // The plan was made outside this transaction: another window or process may have added or
        // deleted the same exhibit since.
        const std::optional<qint64> existingId = stores.exhibits.idOf(row.exhibit.ref);
        if (row.update() && !existingId) {
            throw Error(QStringLiteral("\"%1\" was deleted after %2 was read, so nothing was imported. Import the "
                                       "file again to see what it would do now.")
                            .arg(row.exhibit.ref, row.place.file));
        }
        if (!row.update() && existingId) {
            throw Error(QStringLiteral("\"%1\" was added by someone else after %2 was read, so nothing was imported. "
                                       "Import the file again to see what it would do now.")
                            .arg(row.exhibit.ref, row.place.file));
        }
        // Which file it came from, then (for an update) each field it changed.
        stores.changeLog.record(
            ChangeLogEntry{{},
                           {},
                           row.exhibit.ref,
                           row.update() ? QStringLiteral("import-update") : QStringLiteral("import"),
                           {},
                           {},
                           row.place.file});
        if (!exhibit.resubmissionOf.isEmpty() && !row.update()) {
            stores.changeLog.record({{},
                                     {},
                                     row.exhibit.ref,
                                     QStringLiteral("import"),
                                     QStringLiteral("resubmission_of"),
                                     {},
                                     exhibit.resubmissionOf});
        }
        if (row.update()) {
            const Exhibit existing = *stores.exhibits.byRef(row.exhibit.ref);
            const Exhibit updated =
                row.cells.isEmpty() ? exhibit : ExhibitCsv::overlay(existing, exhibit, row.cells.keys());
            stores.exhibits.replace(*existingId, updated);
            for (const FieldChange& change : changedFields(existing, updated)) {
                stores.changeLog.record({{},
                                         {},
                                         row.exhibit.ref,
                                         QStringLiteral("import-update"),
                                         change.field,
                                         change.before,
                                         change.after});
            }
        } else {
            stores.exhibits.insert(exhibit);
        }
    }
    carryOn(plan.rows.size());
    deferred.finish();
    for (const Tag& tag : plan.tagColours) {
        if (!normaliseTagName(tag.name).isEmpty()) {
            stores.tags.setColour(tag.name, tag.colour);
        }
    }
    for (const SavedSearch& search : plan.savedSearches) {
        stores.savedSearches.save(search);
    }
}

} // namespace spotlight
