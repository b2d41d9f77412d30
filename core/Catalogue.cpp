#include "Catalogue.h"

#include "Error.h"
#include "domain/ExhibitDiff.h"
#include "domain/StatusWorkflow.h"
#include "io/CsvExport.h"
#include "io/JsonCodec.h"
#include "io/Seed.h"
#include "storage/Database.h"
#include "storage/Query.h"
#include "storage/Stores.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QUndoStack>

namespace spotlight {

QString Catalogue::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("catalogue.sqlite"));
}

Catalogue::Catalogue(std::unique_ptr<Database> database)
    : m_database(std::move(database))
    , m_stores(std::make_unique<Stores>(*m_database))
    , m_search(std::make_unique<SearchEngine>(*m_database, m_stores->authorities))
    , m_undoStack(std::make_unique<QUndoStack>())
    , m_seenDataVersion(m_database->dataVersion())
    , m_seenChangeLogId(m_stores->changeLog.lastId())
{}

Catalogue::~Catalogue()
{
    m_undoStack.reset(); // its commands refer to this catalogue
    // The stores and their prepared statements go before the connection they use.
    m_search.reset();
    m_stores.reset();
}

std::unique_ptr<Catalogue> Catalogue::open(const QString& path)
{
    return std::unique_ptr<Catalogue>(new Catalogue(Database::open(path, Database::OpenMode::MustExist)));
}

std::unique_ptr<Catalogue> Catalogue::openDefault()
{
    const QString path = defaultPath();
    if (!QFileInfo::exists(path)) {
        return create(path, false);
    }
    return open(path);
}

std::unique_ptr<Catalogue> Catalogue::create(const QString& path, bool empty)
{
    const bool existed = QFileInfo::exists(path);
    try {
        auto database = Database::open(path, Database::OpenMode::CreateIfMissing);
        std::unique_ptr<Catalogue> catalogue(new Catalogue(std::move(database)));
        if (catalogue->m_stores->exhibits.count() > 0 || !catalogue->m_stores->authorities.all().isEmpty()) {
            throw Error(QStringLiteral("%1 already holds a catalogue; it has not been changed.").arg(path));
        }
        Transaction transaction(*catalogue->m_database);
        Seed::loadAuthorities(*catalogue->m_stores);
        if (!empty) {
            Seed::loadPracticeSpotlight2025(*catalogue->m_stores);
        }
        transaction.commit();
        return catalogue;
    } catch (const Error&) {
        // A catalogue that could not be completed must not be left behind looking like one.
        if (!existed) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                QFile::remove(path + QLatin1String(suffix));
            }
        }
        throw;
    }
}

QString Catalogue::path() const
{
    return m_database->path();
}

bool Catalogue::isReadOnly() const
{
    return m_database->isReadOnly();
}

ExhibitPage Catalogue::search(const QString& query, int limit, int offset) const
{
    const SearchPage page = m_search->search(query, limit, offset);
    return ExhibitPage{m_stores->exhibits.load(page.ids), page.total, page.ranked};
}

QList<Exhibit> Catalogue::exhibits(const QString& query) const
{
    return m_stores->exhibits.load(m_search->matchingIds(query));
}

QList<qint64> Catalogue::matchingIds(const QString& query, SortOrder order) const
{
    return m_search->matchingIds(query, order);
}

QList<Exhibit> Catalogue::exhibitsWithIds(const QList<qint64>& ids) const
{
    return m_stores->exhibits.load(ids);
}

std::optional<Exhibit> Catalogue::exhibit(const QString& ref) const
{
    return m_stores->exhibits.byRef(ref);
}

QString Catalogue::uniqueRefFor(const QString& title) const
{
    return m_stores->exhibits.uniqueRefFor(title);
}

Facets Catalogue::facets(const QString& query) const
{
    return m_search->facets(query);
}

QStringList Catalogue::queryPlan(const QString& query) const
{
    return m_search->queryPlan(query);
}

CatalogueSummary Catalogue::summary() const
{
    CatalogueSummary summary;
    summary.exhibits = m_stores->exhibits.count();
    summary.authoritiesWithExhibits =
        m_database->scalar(QStringLiteral("SELECT count(DISTINCT authority_id) FROM exhibit_authority")).toLongLong();
    summary.authorities = int(m_stores->authorities.all().size());
    summary.editions = int(m_stores->editions.editions().size());
    summary.categories = int(m_stores->editions.categories().size());
    summary.tags = int(m_stores->tags.all().size());
    return summary;
}

QList<Authority> Catalogue::authorities() const
{
    return m_stores->authorities.all();
}

QList<Edition> Catalogue::editions() const
{
    return m_stores->editions.editions();
}

QList<Category> Catalogue::categories(const QString& edition) const
{
    return m_stores->editions.categories(edition);
}

QList<Tag> Catalogue::tags() const
{
    return m_stores->tags.all();
}

QHash<QString, QString> Catalogue::tagColours() const
{
    return m_stores->tags.colours();
}

QList<SavedSearch> Catalogue::savedSearches() const
{
    return m_stores->savedSearches.all();
}

std::optional<SavedSearch> Catalogue::savedSearch(const QString& name) const
{
    return m_stores->savedSearches.byName(name);
}

QList<ChangeLogEntry> Catalogue::history(const QString& ref) const
{
    return m_stores->changeLog.forExhibit(ref);
}

ImportPlan Catalogue::planImport(const QString& file, const ImportOptions& options) const
{
    return Importer(*m_stores).plan(file, options);
}

void Catalogue::applyImport(const ImportPlan& plan)
{
    QStringList refs;
    for (const ImportRow& row : plan.rows) {
        if (row.decision != ImportDecision::Skip) {
            refs << row.exhibit.ref;
        }
    }
    if (refs.size() <= UndoableImportLimit) {
        changeUndoably(tr("Import %1").arg(QFileInfo(plan.file).fileName()), refs, {},
                       [&] { Importer::apply(*m_stores, plan); });
    } else {
        // Too big to hold every exhibit twice for undo: the stack is cleared, as its earlier steps
        // may no longer apply. A backup is the way back from an import this size.
        Transaction transaction(*m_database);
        Importer::apply(*m_stores, plan);
        transaction.commit();
        clearUndoHistory(
            tr("The import of %n exhibit(s) cannot be undone; use a backup to go back.", nullptr, int(refs.size())));
        Q_EMIT changed({CatalogueChange::Exhibits | CatalogueChange::Tags, {}});
    }
    // An import may bring editions, categories, tag colours and saved searches too.
    Q_EMIT changed({CatalogueChange::Editions | CatalogueChange::Categories | CatalogueChange::Tags |
                        CatalogueChange::SavedSearches,
                    {}});
}

Exhibit Catalogue::requireExhibit(const QString& ref) const
{
    if (std::optional<Exhibit> found = m_stores->exhibits.byRef(ref)) {
        return *found;
    }
    throw Error(QStringLiteral("No exhibit has the ref \"%1\".").arg(ref));
}

qint64 Catalogue::requireId(const QString& ref) const
{
    const auto id = m_stores->exhibits.idOf(ref);
    if (!id) {
        throw Error(QStringLiteral("No exhibit has the ref \"%1\".").arg(ref));
    }
    return *id;
}

void Catalogue::changeUndoably(const QString& text, const QStringList& refs, const ExpectedVersions& expected,
                               const std::function<void()>& write)
{
    // The states before are read inside the transaction, so no other writer comes between them and
    // the change.
    Transaction transaction(*m_database);
    requireUnchanged(expected);
    QList<ExhibitChangeCommand::Change> changes;
    for (const QString& ref : refs) {
        changes.append({ref, m_stores->exhibits.byRef(ref), std::nullopt});
    }
    write();
    for (ExhibitChangeCommand::Change& change : changes) {
        change.after = m_stores->exhibits.byRef(change.ref);
    }
    transaction.commit();
    m_undoStack->push(new ExhibitChangeCommand(*this, text, changes));
    Q_EMIT changed({CatalogueChange::Exhibits | CatalogueChange::Tags, refs});
}

void Catalogue::requireUnchanged(const ExpectedVersions& expected) const
{
    if (expected.isEmpty()) {
        return;
    }
    const QHash<QString, qint64> stored = m_stores->exhibits.versions(expected.keys());
    QList<Conflict> conflicts;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (stored.value(it.key(), -1) == it.value()) {
            continue;
        }
        Conflict conflict{it.key(), m_stores->exhibits.byRef(it.key()), {}, {}, {}};
        // The newest recorded change: who made it, when, and the fields it touched.
        const QList<ChangeLogEntry> history = m_stores->changeLog.forExhibit(it.key());
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

bool Catalogue::restoreStates(const QList<ExhibitChangeCommand::Change>& changes, bool after, const QString& what)
{
    const QString action = after ? QStringLiteral("redo") : QStringLiteral("undo");
    try {
        Transaction transaction(*m_database);
        // Each exhibit must still be as this step left it (or, for a redo, as its undo left it):
        // otherwise someone changed it since, and writing the old state back would undo their change.
        QStringList changedSince;
        for (const ExhibitChangeCommand::Change& change : changes) {
            const std::optional<Exhibit>& expected = after ? change.before : change.after;
            const std::optional<Exhibit> stored = m_stores->exhibits.byRef(change.ref);
            if (bool(stored) != bool(expected) || (stored && !changedFields(*stored, *expected).isEmpty())) {
                changedSince << change.ref;
            }
        }
        if (!changedSince.isEmpty()) {
            throw Error(QStringLiteral("Cannot %1 \"%2\": %3 changed since, here or elsewhere, so it was left as it "
                                       "is and taken off the undo list.")
                            .arg(action, what, changedSince.mid(0, 5).join(QStringLiteral(", "))));
        }
        for (const ExhibitChangeCommand::Change& change : changes) {
            const std::optional<Exhibit>& state = after ? change.after : change.before;
            const std::optional<Exhibit>& leaving = after ? change.before : change.after;
            const std::optional<qint64> id = m_stores->exhibits.idOf(change.ref);
            if (state && id) {
                m_stores->exhibits.replace(*id, *state);
            } else if (state) {
                m_stores->exhibits.insert(*state);
            } else if (id) {
                m_stores->exhibits.remove(*id);
            }
            m_stores->changeLog.record({{}, {}, change.ref, action, {}, {}, what});
            if (state && leaving) {
                recordChanges(*leaving, *state, action);
            }
        }
        transaction.commit();
    } catch (const Error& error) {
        Q_EMIT writeFailed(error.message());
        return false;
    }
    QStringList refs;
    for (const ExhibitChangeCommand::Change& change : changes) {
        refs << change.ref;
    }
    Q_EMIT changed({CatalogueChange::Exhibits | CatalogueChange::Tags, refs});
    return true;
}

void Catalogue::clearUndoHistory(const QString& why)
{
    if (m_undoStack->count() == 0) {
        return;
    }
    m_undoStack->clear();
    Q_EMIT undoHistoryCleared(why + QLatin1Char(' ') + tr("Earlier changes can no longer be undone."));
}

void Catalogue::pollForChanges()
{
    // The log's end is read before data_version: when no other connection has committed by then,
    // every entry up to it is this catalogue's own and is no news.
    const qint64 lastId = m_stores->changeLog.lastId();
    const qint64 dataVersion = m_database->dataVersion();
    if (dataVersion == m_seenDataVersion) {
        m_seenChangeLogId = lastId;
        return;
    }
    m_seenDataVersion = dataVersion;
    const QList<ChangeLogEntry> entries = m_stores->changeLog.after(m_seenChangeLogId);
    m_seenChangeLogId = m_stores->changeLog.lastId();
    CatalogueChange change;
    change.elsewhere = true;
    for (const ChangeLogEntry& entry : entries) {
        if (entry.action == QLatin1String("rename-tag") || entry.action == QLatin1String("merge-tags")) {
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Tags;
            change.refs.clear(); // any exhibit may carry the tag
        } else if (entry.action == QLatin1String("edition") || entry.action.endsWith(QLatin1String("category"))) {
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Editions | CatalogueChange::Categories;
            change.refs.clear();
        } else if (entry.action == QLatin1String("privacy-reviewed")) {
            change.kinds |= CatalogueChange::PrivacyReviews;
        } else if (!entry.exhibitRef.isEmpty()) {
            if (!change.touches(CatalogueChange::Exhibits) || !change.refs.isEmpty()) {
                change.refs << entry.exhibitRef;
            }
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Tags;
        }
    }
    if (entries.isEmpty()) {
        // Tag colours and saved searches are not in the change log.
        change.kinds = CatalogueChange::Tags | CatalogueChange::SavedSearches;
    }
    change.refs.removeDuplicates();
    Q_EMIT changed(change);
}

void Catalogue::addExhibit(const Exhibit& exhibit)
{
    changeUndoably(tr("Add \"%1\"").arg(exhibit.title), {exhibit.ref}, {}, [&] {
        m_stores->exhibits.insert(exhibit);
        m_stores->changeLog.record({{}, {}, exhibit.ref, QStringLiteral("create"), {}, {}, exhibit.title});
    });
}

void Catalogue::updateExhibit(const Exhibit& exhibit)
{
    const qint64 id = requireId(exhibit.ref);
    const Exhibit before = requireExhibit(exhibit.ref);
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
    changeUndoably(tr("Edit \"%1\"").arg(exhibit.title), {exhibit.ref}, expected, [&] {
        m_stores->exhibits.replace(id, edited);
        recordChanges(before, edited, QStringLiteral("update"));
    });
}

void Catalogue::recordChanges(const Exhibit& before, const Exhibit& after, const QString& action)
{
    for (const FieldChange& change : changedFields(before, after)) {
        m_stores->changeLog.record({{}, {}, after.ref, action, change.field, change.before, change.after});
    }
}

void Catalogue::requireFreeStand(const Exhibit& exhibit) const
{
    if (exhibit.standNumber.isEmpty()) {
        return;
    }
    const QString holder = m_stores->exhibits.refAtStand(exhibit.edition, exhibit.standNumber);
    if (!holder.isEmpty() && holder != exhibit.ref) {
        throw Error(QStringLiteral("Stand %1 is already \"%2\"'s at this edition; choose another stand.")
                        .arg(exhibit.standNumber, holder));
    }
}

void Catalogue::removeExhibit(const QString& ref)
{
    removeExhibits({ref});
}

void Catalogue::removeExhibits(const QStringList& refs, const ExpectedVersions& expected)
{
    for (const QString& ref : refs) {
        requireId(ref);
    }
    const QString text = refs.size() == 1 ? tr("Delete \"%1\"").arg(refs.first())
                                          : tr("Delete %n exhibit(s)", nullptr, int(refs.size()));
    changeUndoably(text, refs, expected, [&] {
        for (const QString& ref : refs) {
            m_stores->exhibits.remove(requireId(ref));
            m_stores->changeLog.record({{}, {}, ref, QStringLiteral("delete"), {}, {}, {}});
        }
    });
}

QStringList Catalogue::setStatus(const QStringList& refs, CurationStatus status, const ExpectedVersions& expected)
{
    QStringList moving;
    QStringList refusals;
    for (const QString& ref : refs) {
        if (const auto refused = StatusWorkflow::refusal(requireExhibit(ref), status)) {
            refusals << *refused;
        } else {
            moving << ref;
        }
    }
    if (moving.isEmpty()) {
        return refusals;
    }
    changeUndoably(
        tr("Set %n exhibit(s) to %1", nullptr, int(moving.size())).arg(statusLabel(status)), moving, expected, [&] {
            for (const QString& ref : moving) {
                const QString before = statusKey(m_stores->exhibits.byRef(ref)->status);
                m_stores->exhibits.setStatus(requireId(ref), status);
                m_stores->changeLog.record(
                    {{}, {}, ref, QStringLiteral("status"), QStringLiteral("status"), before, statusKey(status)});
            }
        });
    return refusals;
}

void Catalogue::addReview(const QString& ref, const Review& review)
{
    if (review.panel.trimmed().isEmpty()) {
        throw Error(QStringLiteral("A review needs the panel or sponsoring group that gave it."));
    }
    if (!review.date.isValid()) {
        throw Error(QStringLiteral("A review needs the date of the panel, as YYYY-MM-DD."));
    }
    Exhibit reviewed = requireExhibit(ref);
    reviewed.reviews << review;
    updateExhibit(reviewed);
}

QStringList Catalogue::assignStands(const QStringList& refs, int first, const ExpectedVersions& expected)
{
    QList<std::pair<Exhibit, Exhibit>> numbered; // before, after
    QStringList stands;
    int next = first;
    for (const QString& ref : refs) {
        const Exhibit before = requireExhibit(ref);
        Exhibit after = before;
        do {
            after.standNumber = QString::number(next++);
        } while (!m_stores->exhibits.refAtStand(after.edition, after.standNumber).isEmpty());
        numbered << std::pair{before, after};
        stands << after.standNumber;
    }
    changeUndoably(tr("Number %n stand(s)", nullptr, int(refs.size())), refs, expected, [&] {
        for (const auto& [before, after] : numbered) {
            m_stores->exhibits.replace(requireId(after.ref), after);
            recordChanges(before, after, QStringLiteral("update"));
        }
    });
    return stands;
}

int Catalogue::addTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected)
{
    return changeTags(refs, tags, true, expected);
}

int Catalogue::removeTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected)
{
    return changeTags(refs, tags, false, expected);
}

int Catalogue::changeTags(const QStringList& refs, const QStringList& tags, bool add, const ExpectedVersions& expected)
{
    const QString list = tags.join(QStringLiteral(", "));
    int changed = 0;
    changeUndoably(add ? tr("Tag %n exhibit(s)", nullptr, int(refs.size()))
                       : tr("Untag %n exhibit(s)", nullptr, int(refs.size())),
                   refs, expected, [&] {
                       for (const QString& ref : refs) {
                           const qint64 id = requireId(ref);
                           const int count = add ? m_stores->tags.add(id, tags) : m_stores->tags.remove(id, tags);
                           if (count > 0) {
                               m_stores->exhibits.touch(id);
                               m_stores->changeLog.record({{},
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

int Catalogue::renameTag(const QString& from, const QString& to)
{
    Transaction transaction(*m_database);
    const int renamed = m_stores->tags.rename(from, to);
    m_stores->changeLog.record({{}, {}, {}, QStringLiteral("rename-tag"), QStringLiteral("tag"), from, to});
    transaction.commit();
    clearUndoHistory(tr("Renaming a tag cannot be undone yet."));
    Q_EMIT changed({CatalogueChange::Exhibits | CatalogueChange::Tags, {}});
    return renamed;
}

int Catalogue::mergeTags(const QStringList& from, const QString& into)
{
    Transaction transaction(*m_database);
    const int affected = m_stores->tags.merge(from, into);
    m_stores->changeLog.record(
        {{}, {}, {}, QStringLiteral("merge-tags"), QStringLiteral("tag"), from.join(QStringLiteral(", ")), into});
    transaction.commit();
    clearUndoHistory(tr("Merging tags cannot be undone yet."));
    Q_EMIT changed({CatalogueChange::Exhibits | CatalogueChange::Tags, {}});
    return affected;
}

void Catalogue::setTagColour(const QString& tag, const QString& colour)
{
    Transaction transaction(*m_database);
    m_stores->tags.setColour(tag, colour);
    transaction.commit();
    Q_EMIT changed({CatalogueChange::Tags, {}});
}

void Catalogue::saveSearch(const SavedSearch& search)
{
    if (search.name.trimmed().isEmpty()) {
        throw Error(QStringLiteral("A saved search needs a name."));
    }
    m_search->search(search.query, 1); // refuse a query that cannot run
    Transaction transaction(*m_database);
    m_stores->savedSearches.save(search);
    transaction.commit();
    Q_EMIT changed({CatalogueChange::SavedSearches, {}});
}

bool Catalogue::removeSearch(const QString& name)
{
    Transaction transaction(*m_database);
    const bool removed = m_stores->savedSearches.remove(name);
    transaction.commit();
    Q_EMIT changed({CatalogueChange::SavedSearches, {}});
    return removed;
}

void Catalogue::exportCsv(const QString& query, QIODevice& out) const
{
    exportCsv(m_search->matchingIds(query), out);
}

void Catalogue::exportCsv(const QList<qint64>& ids, QIODevice& out) const
{
    CsvExport::write(*m_database, ids, out);
}

QByteArray Catalogue::exportJson(const QString& query) const
{
    return exportJson(exhibits(query));
}

QByteArray Catalogue::exportJson(const QList<Exhibit>& chosen) const
{
    CatalogueDocument document;
    document.editions = editions();
    document.categories = categories();
    document.tags = tags();
    document.savedSearches = savedSearches();
    document.exhibits = chosen;
    return JsonCodec::write(document);
}

BookletResult Catalogue::exportBooklet(const QString& query, const BookletOptions& options, const QString& path,
                                       const Booklet::Progress& progress) const
{
    return exportBooklet(exhibits(query), options, path, progress);
}

BookletResult Catalogue::exportBooklet(const QList<Exhibit>& chosen, const BookletOptions& options, const QString& path,
                                       const Booklet::Progress& progress) const
{
    return Booklet::write(chosen, withEditionSubtitle(chosen, options), path, progress);
}

BookletOptions Catalogue::withEditionSubtitle(const QList<Exhibit>& chosen, BookletOptions options) const
{
    if (!options.subtitle.isEmpty()) {
        return options;
    }
    QSet<QString> editionNames;
    for (const Exhibit& exhibit : chosen) {
        editionNames.insert(exhibit.edition);
    }
    for (const Edition& edition : editions()) {
        if (editionNames == QSet<QString>{edition.name}) {
            options.subtitle = edition.event.isEmpty() ? edition.name : edition.event;
        }
    }
    return options;
}

QStringList Catalogue::check() const
{
    QStringList problems;
    Query integrity(*m_database, QStringLiteral("PRAGMA integrity_check"));
    integrity.exec();
    while (integrity.next()) {
        if (integrity.text(0) != QLatin1String("ok")) {
            problems << QStringLiteral("SQLite integrity check: %1").arg(integrity.text(0));
        }
    }
    Query foreignKeys(*m_database, QStringLiteral("PRAGMA foreign_key_check"));
    foreignKeys.exec();
    while (foreignKeys.next()) {
        problems << QStringLiteral("A row of %1 refers to a missing row of %2")
                        .arg(foreignKeys.text(0), foreignKeys.text(2));
    }
    if (!isReadOnly()) {
        // FTS5's own check is spelt as an INSERT, so it needs a writable file; it changes nothing.
        try {
            m_database->exec(
                QStringLiteral("INSERT INTO exhibit_fts(exhibit_fts, rank) VALUES ('integrity-check', 1)"));
        } catch (const Error& error) {
            problems << QStringLiteral("The search index does not match the exhibits: %1").arg(error.message());
        }
    }
    if (m_database->scalar(QStringLiteral("SELECT count(*) FROM exhibit_text WHERE indexed = 0")).toLongLong() > 0) {
        problems << QStringLiteral("Some exhibits are missing from the search index");
    }
    Query leadless(*m_database, QStringLiteral("SELECT ref FROM exhibit WHERE id NOT IN "
                                               "(SELECT exhibit_id FROM exhibit_authority WHERE role = 'lead')"));
    leadless.exec();
    while (leadless.next()) {
        problems << QStringLiteral("Exhibit \"%1\" has no lead authority").arg(leadless.text(0));
    }
    Query levels(*m_database,
                 QStringLiteral("SELECT ref FROM exhibit e WHERE evidence_level <> max(declared_level, "
                                "(SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = e.id))"));
    levels.exec();
    while (levels.next()) {
        problems
            << QStringLiteral("Exhibit \"%1\" has an evidence level out of step with its evidence").arg(levels.text(0));
    }
    return problems;
}

void Catalogue::backup(const QString& target) const
{
    m_database->copyTo(target);
}

} // namespace spotlight
