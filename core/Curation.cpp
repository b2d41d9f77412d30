// The write path's changes to exhibits and tags, and the write step, undo and redo they share. Its
// changes to editions, categories, saved searches and privacy decisions are in CurationEditions.cpp.
#include "Curation.h"

#include "Error.h"
#include "domain/ExhibitDiff.h"
#include "domain/StatusWorkflow.h"
#include "intake/Importer.h"
#include "storage/Database.h"
#include "storage/Stores.h"
#include "storage/Transaction.h"

#include <QFileInfo>
#include <QUndoStack>

namespace spotlight {
namespace {

// Whether `stored` is what a step expects to find: the same exhibit, field for field, or both none.
bool sameState(const std::optional<Exhibit>& stored, const std::optional<Exhibit>& expected)
{
    return bool(stored) == bool(expected) && (!stored || changedFields(*stored, *expected).isEmpty());
}

bool sameTags(const QList<Tag>& a, const QList<Tag>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Tag& x, const Tag& y) { return x.name == y.name && x.colour == y.colour; });
}

} // namespace

Curation::Curation(const Database& database, Stores& stores, const SearchEngine& search, UndoHistory undo)
    : m_database(database)
    , m_stores(stores)
    , m_search(search)
    , m_undoStack(undo == UndoHistory::Kept ? std::make_unique<QUndoStack>() : nullptr)
    , m_recording(undo == UndoHistory::Recorded)
{}

Curation::~Curation()
{
    m_undoStack.reset(); // its commands refer to this write path
}

void Curation::setAuthor(const QString& name)
{
    m_stores.changeLog.setAuthor(name);
}

QString Curation::author() const
{
    return m_stores.changeLog.author();
}

void Curation::write(const Write& what, const std::function<void()>& body)
{
    // Everything a step records for undo is read inside the transaction, so no other writer comes
    // between it and the change.
    Transaction transaction(m_database);
    requireUnchanged(what.expected);
    const bool undoable = (m_undoStack || m_recording) && what.notUndoable.isEmpty();
    CurationStep step = undoable ? snapshot(what) : CurationStep{};
    body();
    if (undoable) {
        QStringList refs;
        for (const CurationStep::ExhibitState& state : step.exhibits) {
            refs << state.ref;
        }
        QHash<QString, Exhibit> after;
        for (const Exhibit& exhibit : m_stores.exhibits.load(m_stores.exhibits.idsOf(refs).values())) {
            after.insert(exhibit.ref, exhibit);
        }
        for (CurationStep::ExhibitState& state : step.exhibits) {
            if (after.contains(state.ref)) {
                state.after = after.value(state.ref);
            }
        }
        step.tagsAfter = m_stores.tags.families(step.tagNames);
        if (step.editionTables) {
            step.editionsAfter = m_stores.editions.rows();
        }
        if (step.savedSearches) {
            step.searchesAfter = m_stores.savedSearches.all();
        }
        for (CurationStep::PrivacyDecision& decision : step.privacyDecisions) {
            decision.after = m_stores.privacyReviews.decision(decision.exhibitRef, decision.findingKey);
        }
    }
    transaction.commit();
    if (m_recording) {
        m_recorded = RecordedStep{what.text, std::move(step), what.notUndoable};
    } else if (undoable) {
        m_undoStack->push(new CurationCommand(*this, what.text, std::move(step)));
    } else if (!what.notUndoable.isEmpty()) {
        clearUndoHistory(what.notUndoable);
    }
    Q_EMIT changed({what.kinds, what.refs});
}

CurationStep Curation::snapshot(const Write& what) const
{
    CurationStep step;
    if (what.editionTables) {
        step.editionTables = true;
        step.editionsBefore = m_stores.editions.rows();
    }
    if (what.savedSearches) {
        step.savedSearches = true;
        step.searchesBefore = m_stores.savedSearches.all();
    }
    if (what.privacyDecision) {
        const auto& [ref, key] = *what.privacyDecision;
        step.privacyDecisions.append({ref, key, m_stores.privacyReviews.decision(ref, key), std::nullopt});
    }
    QList<qint64> ids = m_stores.exhibits.idsOf(what.refs).values();
    if (!what.tagFamilies.isEmpty()) {
        step.tagNames = what.tagFamilies;
        step.tagsBefore = m_stores.tags.families(step.tagNames);
        QStringList names;
        for (const Tag& tag : step.tagsBefore) {
            names << tag.name;
        }
        if (what.kinds.testFlag(CatalogueChange::Exhibits)) { // a colour alone changes no exhibit
            ids << m_stores.tags.carriers(names);
        }
    }
    QSet<QString> seen;
    for (const Exhibit& exhibit : m_stores.exhibits.load(ids)) {
        if (!seen.contains(exhibit.ref)) {
            seen.insert(exhibit.ref);
            step.exhibits.append({exhibit.ref, exhibit, std::nullopt});
        }
    }
    for (const QString& ref : what.refs) {
        if (!seen.contains(ref)) { // a new exhibit: none before
            seen.insert(ref);
            step.exhibits.append({ref, std::nullopt, std::nullopt});
        }
    }
    return step;
}

void Curation::requireUnchanged(const ExpectedVersions& expected) const
{
    if (expected.isEmpty()) {
        return;
    }
    const QHash<QString, qint64> stored = m_stores.exhibits.versions(expected.keys());
    QList<Conflict> conflicts;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (stored.value(it.key(), -1) == it.value()) {
            continue;
        }
        Conflict conflict{it.key(), m_stores.exhibits.byRef(it.key()), {}, {}, {}};
        // The newest recorded change: who made it, when, and the fields it touched.
        const QList<ChangeLogEntry> history = m_stores.changeLog.forExhibit(it.key());
        if (!history.isEmpty()) {
            conflict.changedBy = history.first().who;
            conflict.changedAt = history.first().at;
            for (const ChangeLogEntry& entry : history) {
                if (entry.who != conflict.changedBy || entry.at.secsTo(conflict.changedAt) > 1) {
                    break;
                }
                if (!entry.field.isEmpty() && !conflict.fields.contains(entry.field)) {
                    conflict.fields.prepend(entry.field);
                }
            }
        }
        conflicts << conflict;
    }
    if (!conflicts.isEmpty()) {
        std::sort(conflicts.begin(), conflicts.end(),
                  [](const Conflict& a, const Conflict& b) { return a.ref < b.ref; });
        throw ConflictError(conflicts);
    }
}

bool Curation::restore(const CurationStep& step, bool forward, const QString& what)
{
    const QString action = forward ? QStringLiteral("redo") : QStringLiteral("undo");
    QStringList refs;
    try {
        Transaction transaction(m_database);
        // Everything must still be as the step left it (or, for a redo, as its undo left it):
        // otherwise someone changed it since, and writing the old state back would undo their change.
        QStringList changedSince;
        for (const CurationStep::ExhibitState& state : step.exhibits) {
            refs << state.ref;
            if (!sameState(m_stores.exhibits.byRef(state.ref), forward ? state.before : state.after)) {
                changedSince << QStringLiteral("\"%1\"").arg(state.ref);
            }
        }
        if (!sameTags(m_stores.tags.families(step.tagNames), forward ? step.tagsBefore : step.tagsAfter)) {
            changedSince << tr("the tags %1").arg(step.tagNames.join(QStringLiteral(", ")));
        }
        if (step.editionTables && m_stores.editions.rows() != (forward ? step.editionsBefore : step.editionsAfter)) {
            changedSince << tr("the editions and categories");
        }
        if (step.savedSearches &&
            m_stores.savedSearches.all() != (forward ? step.searchesBefore : step.searchesAfter)) {
            changedSince << tr("the saved searches");
        }
        for (const CurationStep::PrivacyDecision& decision : step.privacyDecisions) {
            if (m_stores.privacyReviews.decision(decision.exhibitRef, decision.findingKey) !=
                (forward ? decision.before : decision.after)) {
                changedSince << tr("the decision on a finding in \"%1\"").arg(decision.exhibitRef);
            }
        }
        if (!changedSince.isEmpty()) {
            throw Error(tr("Cannot %1 \"%2\": %3 changed since, here or elsewhere, so it was left as it is and taken "
                           "off the undo list.")
                            .arg(action, what, changedSince.mid(0, 5).join(QStringLiteral(", "))));
        }
        if (step.savedSearches) {
            const QList<SavedSearch>& target = forward ? step.searchesAfter : step.searchesBefore;
            for (const SavedSearch& search : m_stores.savedSearches.all()) {
                if (std::none_of(target.begin(), target.end(),
                                 [&search](const SavedSearch& kept) { return kept.name == search.name; })) {
                    m_stores.savedSearches.remove(search.name);
                }
            }
            for (const SavedSearch& search : target) {
                m_stores.savedSearches.save(search);
            }
        }
        for (const CurationStep::PrivacyDecision& decision : step.privacyDecisions) {
            m_stores.privacyReviews.restore(decision.exhibitRef, decision.findingKey,
                                            forward ? decision.after : decision.before);
            m_stores.changeLog.record({{}, {}, decision.exhibitRef, action, QStringLiteral("privacy"), {}, what});
        }
        // Exhibits name their edition and categories: the editions and categories they go back to
        // come first (an import redone brings its editions before its exhibits, an edition merge
        // undone its old edition), and those they leave go last (an import undone takes its exhibits
        // out before the editions they are in).
        const EditionStore::Rows& editionRows = forward ? step.editionsAfter : step.editionsBefore;
        if (step.editionTables) {
            m_stores.editions.restoreKeptRows(editionRows);
        }
        for (const CurationStep::ExhibitState& state : step.exhibits) {
            const std::optional<Exhibit>& target = forward ? state.after : state.before;
            const std::optional<Exhibit>& leaving = forward ? state.before : state.after;
            const std::optional<qint64> id = m_stores.exhibits.idOf(state.ref);
            if (target && id) {
                m_stores.exhibits.replace(*id, *target);
            } else if (target) {
                m_stores.exhibits.insert(*target);
            } else if (id) {
                m_stores.exhibits.remove(*id);
            }
            m_stores.changeLog.record({{}, {}, state.ref, action, {}, {}, what});
            if (target && leaving) {
                recordChanges(*leaving, *target, action);
            }
        }
        if (step.editionTables) {
            m_stores.editions.removeRowsNotIn(editionRows);
            m_stores.changeLog.record({{}, {}, {}, action, QStringLiteral("edition"), {}, what});
        }
        // Tags the step brought into being go once nothing carries them; those it removed or
        // recoloured come back as they were.
        const QList<Tag>& targetTags = forward ? step.tagsAfter : step.tagsBefore;
        for (const Tag& tag : m_stores.tags.families(step.tagNames)) {
            if (std::none_of(targetTags.begin(), targetTags.end(),
                             [&tag](const Tag& target) { return target.name == tag.name; })) {
                m_stores.tags.removeIfUnused(tag.name);
            }
        }
        for (const Tag& tag : targetTags) {
            m_stores.tags.setColour(tag.name, tag.colour);
        }
        if (!step.tagNames.isEmpty()) {
            m_stores.changeLog.record({{}, {}, {}, action, QStringLiteral("tag"), {}, what});
        }
        transaction.commit();
    } catch (const Error& error) {
        Q_EMIT writeFailed(error.message());
        return false;
    }
    CatalogueChange change{CatalogueChange::Exhibits | CatalogueChange::Tags, refs};
    if (!step.tagNames.isEmpty() || step.editionTables) {
        change.refs.clear();
    }
    if (step.editionTables) {
        change.kinds |= CatalogueChange::Editions | CatalogueChange::Categories;
    }
    if (step.savedSearches) {
        change.kinds |= CatalogueChange::SavedSearches;
    }
    if (!step.privacyDecisions.isEmpty()) {
        change.kinds |= CatalogueChange::PrivacyReviews;
    }
    Q_EMIT changed(change);
    return true;
}

void Curation::clearUndoHistory(const QString& why)
{
    if (!m_undoStack || m_undoStack->count() == 0) {
        return;
    }
    m_undoStack->clear();
    Q_EMIT undoHistoryCleared(why + QLatin1Char(' ') + tr("Earlier changes can no longer be undone."));
}

void Curation::recordChanges(const Exhibit& before, const Exhibit& after, const QString& action)
{
    for (const FieldChange& change : changedFields(before, after)) {
        m_stores.changeLog.record({{}, {}, after.ref, action, change.field, change.before, change.after});
    }
}

void Curation::requireFreeStand(const Exhibit& exhibit) const
{
    if (exhibit.standNumber.isEmpty()) {
        return;
    }
    const QString holder = m_stores.exhibits.refAtStand(exhibit.edition, exhibit.standNumber);
    if (!holder.isEmpty() && holder != exhibit.ref) {
        throw Error(QStringLiteral("Stand %1 is already \"%2\"'s at this edition; choose another stand.")
                        .arg(exhibit.standNumber, holder));
    }
}

std::optional<Curation::RecordedStep> Curation::takeRecordedStep()
{
    return std::exchange(m_recorded, std::nullopt);
}

void Curation::adopt(const RecordedStep& recorded)
{
    if (!recorded.notUndoable.isEmpty()) {
        clearUndoHistory(recorded.notUndoable);
    } else if (m_undoStack) {
        m_undoStack->push(new CurationCommand(*this, recorded.text, recorded.step));
    }
}

void Curation::applyImport(const ImportPlan& plan, const ImportProgress& progress)
{
    QStringList refs;
    for (const ImportRow& row : plan.rows) {
        if (row.decision != ImportDecision::Skip) {
            refs << row.exhibit.ref;
        }
    }
    // An import may bring editions, categories, tag colours and saved searches too.
    const auto kinds = CatalogueChange::Exhibits | CatalogueChange::Tags | CatalogueChange::Editions |
                       CatalogueChange::Categories | CatalogueChange::SavedSearches;
    const QString files =
        plan.files.size() == 1 ? QFileInfo(plan.files.first()).fileName() : tr("%1 files").arg(plan.files.size());
    Write what{tr("Import %1").arg(files), refs, {}, kinds};
    what.editionTables = true;
    what.savedSearches = true;
    for (const Tag& tag : plan.tagColours) {
        if (!normaliseTagName(tag.name).isEmpty()) {
            what.tagFamilies << normaliseTagName(tag.name);
        }
    }
    if (refs.size() > UndoableImportLimit) {
        // Too big to hold every exhibit twice for undo. A backup is the way back from an import this size.
        what.refs.clear();
        what.notUndoable =
            tr("The import of %n exhibit(s) cannot be undone; use a backup to go back.", nullptr, int(refs.size()));
    }
    write(what, [&] { Importer::apply(m_stores, plan, progress); });
}

void Curation::addExhibit(const Exhibit& exhibit)
{
    write({tr("Add \"%1\"").arg(exhibit.title), {exhibit.ref}, {}, CatalogueChange::Exhibits | CatalogueChange::Tags},
          [&] {
              m_stores.exhibits.insert(exhibit);
              m_stores.changeLog.record({{}, {}, exhibit.ref, QStringLiteral("create"), {}, {}, exhibit.title});
          });
}

void Curation::updateExhibit(const Exhibit& exhibit)
{
    const qint64 id = m_stores.exhibits.requireId(exhibit.ref);
    const Exhibit before = m_stores.exhibits.requireByRef(exhibit.ref);
    if (before.status != exhibit.status) {
        Exhibit moving = exhibit;
        moving.status = before.status;
        if (const auto refused = StatusWorkflow::refusal(moving, exhibit.status)) {
            throw Error(*refused + QLatin1Char('.'));
        }
    }
    requireFreeStand(exhibit);
    Exhibit edited = exhibit;
    edited.updated = QDateTime::currentDateTimeUtc();
    const ExpectedVersions expected =
        exhibit.version > 0 ? ExpectedVersions{{exhibit.ref, exhibit.version}} : ExpectedVersions{};
    write({tr("Edit \"%1\"").arg(exhibit.title),
           {exhibit.ref},
           expected,
           CatalogueChange::Exhibits | CatalogueChange::Tags},
          [&] {
              m_stores.exhibits.replace(id, edited);
              recordChanges(before, edited, QStringLiteral("update"));
          });
}

void Curation::removeExhibit(const QString& ref)
{
    removeExhibits({ref});
}

void Curation::removeExhibits(const QStringList& refs, const ExpectedVersions& expected)
{
    m_stores.exhibits.requireIdsOf(refs);
    const QString text = refs.size() == 1 ? tr("Delete \"%1\"").arg(refs.first())
                                          : tr("Delete %n exhibit(s)", nullptr, int(refs.size()));
    // The exhibits that resubmit a deleted one lose their link (ON DELETE SET NULL): they are part
    // of the step, so that undo links them again, and their versions move on, so that an editor
    // still holding the link cannot save it back.
    QList<std::pair<QString, QString>> unlinked; // (resubmission, the deleted exhibit it named)
    QStringList touched = refs;
    for (const QString& ref : refs) {
        for (const ExhibitMention& later : m_stores.exhibits.resubmissionsOf(ref)) {
            if (!refs.contains(later.ref)) {
                unlinked.append({later.ref, ref});
                touched << later.ref;
            }
        }
    }
    write({text, touched, expected, CatalogueChange::Exhibits | CatalogueChange::Tags}, [&] {
        for (const QString& ref : refs) {
            m_stores.exhibits.remove(m_stores.exhibits.requireId(ref));
            m_stores.changeLog.record({{}, {}, ref, QStringLiteral("delete"), {}, {}, {}});
        }
        for (const auto& [later, earlier] : unlinked) {
            m_stores.exhibits.touch(m_stores.exhibits.requireId(later));
            m_stores.changeLog.record(
                {{}, {}, later, QStringLiteral("update"), QStringLiteral("resubmission_of"), earlier, {}});
        }
    });
}

QStringList Curation::setStatus(const QStringList& refs, CurationStatus status, const ExpectedVersions& expected)
{
    const QHash<QString, qint64> ids = m_stores.exhibits.requireIdsOf(refs);
    QHash<QString, CurationStatus> from;
    QStringList moving;
    QStringList refusals;
    for (const Exhibit& exhibit : m_stores.exhibits.load(ids.values())) {
        if (const auto refused = StatusWorkflow::refusal(exhibit, status)) {
            refusals << *refused;
        } else {
            moving << exhibit.ref;
            from.insert(exhibit.ref, exhibit.status);
        }
    }
    if (moving.isEmpty()) {
        return refusals;
    }
    const QString text = tr("Set %n exhibit(s) to %1", nullptr, int(moving.size())).arg(statusLabel(status));
    write({text, moving, expected, CatalogueChange::Exhibits}, [&] {
        for (const QString& ref : moving) {
            m_stores.exhibits.setStatus(ids.value(ref), status);
            m_stores.changeLog.record({{},
                                       {},
                                       ref,
                                       QStringLiteral("status"),
                                       QStringLiteral("status"),
                                       statusKey(from.value(ref)),
                                       statusKey(status)});
        }
    });
    return refusals;
}

void Curation::addReview(const QString& ref, const Review& review)
{
    addReviews({ref}, review);
}

void Curation::addReviews(const QStringList& refs, const Review& review, const ExpectedVersions& expected)
{
    if (review.panel.trimmed().isEmpty()) {
        throw Error(QStringLiteral("A review needs the panel or sponsoring group that gave it."));
    }
    if (!review.date.isValid()) {
        throw Error(QStringLiteral("A review needs the date of the panel, as YYYY-MM-DD."));
    }
    QList<std::pair<Exhibit, Exhibit>> reviewed; // before, after
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& ref : refs) {
        const Exhibit before = m_stores.exhibits.requireByRef(ref);
        Exhibit after = before;
        after.reviews << review;
        after.updated = now;
        reviewed << std::pair{before, after};
    }
    const QString text = refs.size() == 1 ? tr("Record a review of \"%1\"").arg(reviewed.value(0).first.title)
                                          : tr("Record a review of %n exhibit(s)", nullptr, int(refs.size()));
    write({text, refs, expected, CatalogueChange::Exhibits}, [&] {
        for (const auto& [before, after] : reviewed) {
            m_stores.exhibits.replace(m_stores.exhibits.requireId(after.ref), after);
            recordChanges(before, after, QStringLiteral("update"));
        }
    });
}

QStringList Curation::assignStands(const QStringList& refs, int first, const ExpectedVersions& expected)
{
    QList<std::pair<Exhibit, Exhibit>> numbered; // before, after
    QStringList stands;
    QStringList changing;
    // Per edition, the lowest number that may still be free: numbers only ever fill up from there.
    QHash<QString, int> nextFree;
    for (const QString& ref : refs) {
        const Exhibit before = m_stores.exhibits.requireByRef(ref);
        if (!before.standNumber.isEmpty()) {
            // A stand already given is printed on cards and told to the team: it stays.
            stands << before.standNumber;
            continue;
        }
        Exhibit after = before;
        if (!nextFree.contains(before.edition)) {
            nextFree.insert(before.edition, std::max(first, 1));
        }
        int& next = nextFree[before.edition];
        do {
            after.standNumber = QString::number(next++);
        } while (!m_stores.exhibits.refAtStand(after.edition, after.standNumber).isEmpty());
        numbered << std::pair{before, after};
        stands << after.standNumber;
        changing << ref;
    }
    if (changing.isEmpty()) {
        return stands;
    }
    write({tr("Number %n stand(s)", nullptr, int(changing.size())), changing, expected, CatalogueChange::Exhibits},
          [&] {
              for (const auto& [before, after] : numbered) {
                  m_stores.exhibits.replace(m_stores.exhibits.requireId(after.ref), after);
                  recordChanges(before, after, QStringLiteral("update"));
              }
          });
    return stands;
}

int Curation::addTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected)
{
    return changeTags(refs, tags, true, expected);
}

int Curation::removeTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected)
{
    return changeTags(refs, tags, false, expected);
}

int Curation::changeTags(const QStringList& refs, const QStringList& tags, bool add, const ExpectedVersions& expected)
{
    const QString list = tags.join(QStringLiteral(", "));
    const QString text =
        add ? tr("Tag %n exhibit(s)", nullptr, int(refs.size())) : tr("Untag %n exhibit(s)", nullptr, int(refs.size()));
    int changed = 0;
    write({text, refs, expected, CatalogueChange::Exhibits | CatalogueChange::Tags}, [&] {
        const QHash<QString, qint64> ids = m_stores.exhibits.requireIdsOf(refs);
        // Adding a tag re-indexes each exhibit through per-row triggers at about twice the cost of
        // taking them all out of the index and putting them back in two statements (14 s against
        // 8 s on 20,000 exhibits); removing one costs less row by row (7 s against 9 s).
        std::optional<ExhibitStore::DeferredIndexing> reindexing;
        if (add) {
            reindexing.emplace(m_stores.exhibits, ids.values());
        }
        const QHash<qint64, int> counts = m_stores.tags.change(ids.values(), tags, add);
        if (reindexing) {
            reindexing->finish();
        }
        m_stores.exhibits.touch(counts.keys());
        for (const QString& ref : refs) {
            const int count = counts.value(ids.value(ref));
            if (count > 0) {
                m_stores.changeLog.record({{},
                                           {},
                                           ref,
                                           add ? QStringLiteral("tag") : QStringLiteral("untag"),
                                           QStringLiteral("tags"),
                                           add ? QString() : list,
                                           add ? list : QString()});
            }
            changed += count;
        }
    });
    return changed;
}

int Curation::renameTag(const QString& from, const QString& to)
{
    Write what{
        tr("Rename the tag \"%1\" to \"%2\"").arg(from, to), {}, {}, CatalogueChange::Exhibits | CatalogueChange::Tags};
    what.tagFamilies = {normaliseTagName(from), normaliseTagName(to)};
    int renamed = 0;
    write(what, [&] {
        renamed = m_stores.tags.rename(from, to);
        m_stores.changeLog.record({{}, {}, {}, QStringLiteral("rename-tag"), QStringLiteral("tag"), from, to});
    });
    return renamed;
}

int Curation::mergeTags(const QStringList& from, const QString& into)
{
    Write what{tr("Merge tags into \"%1\"").arg(into), {}, {}, CatalogueChange::Exhibits | CatalogueChange::Tags};
    what.tagFamilies << normaliseTagName(into);
    for (const QString& name : from) {
        what.tagFamilies << normaliseTagName(name);
    }
    int affected = 0;
    write(what, [&] {
        affected = m_stores.tags.merge(from, into);
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("merge-tags"), QStringLiteral("tag"), from.join(QStringLiteral(", ")), into});
    });
    return affected;
}

void Curation::setTagColour(const QString& tag, const QString& colour)
{
    Write what{tr("Colour the tag \"%1\"").arg(tag), {}, {}, CatalogueChange::Tags};
    what.tagFamilies = {normaliseTagName(tag)};
    write(what, [&] { m_stores.tags.setColour(tag, colour); });
}

} // namespace spotlight
