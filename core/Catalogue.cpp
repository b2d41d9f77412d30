#include "Catalogue.h"

#include "Error.h"
#include "domain/ExhibitDiff.h"
#include "domain/StatusWorkflow.h"
#include "intake/Seed.h"
#include "storage/CatalogueCopy.h"
#include "storage/CsvExport.h"
#include "storage/Database.h"
#include "storage/IntegrityCheck.h"
#include "storage/PostgresDatabase.h"
#include "storage/Stores.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace spotlight {

QString Catalogue::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("catalogue.sqlite"));
}

Catalogue::Catalogue(std::unique_ptr<Database> database, Curation::UndoHistory undo)
    : m_database(std::move(database))
    , m_stores(std::make_unique<Stores>(*m_database))
    , m_search(std::make_unique<SearchEngine>(*m_database, m_stores->authorities))
    , m_curation(std::make_unique<Curation>(*m_database, *m_stores, *m_search, undo))
    , m_seenChangeLogId(m_stores->changeLog.lastId())
    , m_seenDataVersion(m_database->dataVersion())
{
    connect(m_curation.get(), &Curation::changed, this, &Catalogue::changed);
}

QUndoStack* Catalogue::undoStack() const
{
    return m_curation->undoStack();
}

Catalogue::~Catalogue()
{
    m_curation.reset(); // its undo commands refer to the stores
    // The stores and their prepared statements go before the connection they use.
    m_search.reset();
    m_stores.reset();
}

std::unique_ptr<Catalogue> Catalogue::open(const QString& path, UndoHistory undo)
{
    return std::unique_ptr<Catalogue>(new Catalogue(Database::open(path, Database::OpenMode::MustExist), undo));
}

std::unique_ptr<Catalogue> Catalogue::openDefault(UndoHistory undo)
{
    const QString path = defaultPath();
    if (!QFileInfo::exists(path)) {
        return create(path, false, undo);
    }
    return open(path, undo);
}

std::unique_ptr<Catalogue> Catalogue::create(const QString& path, bool empty, UndoHistory undo)
{
    const bool existed = QFileInfo::exists(path);
    try {
        auto database = Database::open(path, Database::OpenMode::CreateIfMissing);
        std::unique_ptr<Catalogue> catalogue(new Catalogue(std::move(database), undo));
        if (catalogue->m_stores->exhibits.count() > 0 || !catalogue->m_stores->authorities.all().isEmpty()) {
            throw Error(QStringLiteral("%1 already holds a catalogue; it has not been changed.").arg(path));
        }
        Transaction transaction(*catalogue->m_database);
        Seed::loadAuthorities(*catalogue->m_stores);
        if (!empty) {
            Seed::loadPracticeSpotlight2025(*catalogue->m_stores);
        }
        transaction.commit();
        catalogue->m_seenChangeLogId = catalogue->m_stores->changeLog.lastId(); // the seed is no news
        return catalogue;
    } catch (const Error&) {
        // A catalogue that could not be completed must not be left behind looking like one.
        if (!existed && !Database::isServerAddress(path)) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                QFile::remove(path + QLatin1String(suffix));
            }
        }
        throw;
    }
}

void Catalogue::copy(const QString& from, const QString& to, const std::function<void(const QString&)>& progress)
{
    const bool toFile = !Database::isServerAddress(to);
    if (toFile && QFileInfo(to).size() > 0) {
        throw Error(
            QStringLiteral("%1 already exists; a copy never overwrites a file. Choose a new file name.").arg(to));
    }
    const auto source = Database::open(from, Database::OpenMode::MustExist);
    try {
        const auto target = Database::open(to, Database::OpenMode::CreateIfMissing);
        CatalogueCopy::copy(*source, *target, progress);
    } catch (const Error&) {
        if (toFile) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                QFile::remove(to + QLatin1String(suffix));
            }
        }
        throw;
    }
}

Catalogue::ServerSetUp Catalogue::setUpServer(const QString& address, bool empty)
{
    if (!Database::isServerAddress(address)) {
        throw Error(QStringLiteral("%1 is not a server address: `server init` prepares a team catalogue at "
                                   "postgresql://user@host:port/database.")
                        .arg(address));
    }
    ServerSetUp setUp;
    {
        const auto database = Database::open(address, Database::OpenMode::CreateIfMissing);
        const Stores stores(*database);
        setUp.created = stores.exhibits.count() == 0 && stores.authorities.all().isEmpty();
    }
    setUp.catalogue = setUp.created ? create(address, empty) : open(address);
    const auto& server = dynamic_cast<const PostgresDatabase&>(*setUp.catalogue->m_database);
    server.grantRoles();
    setUp.curatorsRole = server.curatorsRole();
    setUp.viewersRole = server.viewersRole();
    return setUp;
}

QString Catalogue::path() const
{
    return m_database->path();
}

QString Catalogue::name() const
{
    return m_database->name();
}

QString Catalogue::describe() const
{
    return m_database->describe();
}

bool Catalogue::isOnServer() const
{
    return m_database->backend() == SqlBackend::Postgres;
}

bool Catalogue::isServerAddress(const QString& location)
{
    return Database::isServerAddress(location);
}

bool Catalogue::isReadOnly() const
{
    return m_database->isReadOnly();
}

void Catalogue::rememberServerPassword(const QString& address, const QString& password)
{
    PostgresDatabase::rememberPassword(address, password);
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

NoMatchExplanation Catalogue::explainNoMatches(const QString& query) const
{
    return NoMatchExplanation::of(query, [this](const QString& variant) { return m_search->search(variant, 0).total; });
}

QList<Exhibit> Catalogue::exhibitsWithIds(const QList<qint64>& ids) const
{
    return m_stores->exhibits.load(ids);
}

QStringList Catalogue::refs(const QString& query) const
{
    return m_stores->exhibits.refsOf(m_search->matchingIds(query));
}

std::optional<Exhibit> Catalogue::exhibit(const QString& ref) const
{
    return m_stores->exhibits.byRef(ref);
}

std::optional<qint64> Catalogue::exhibitId(const QString& ref) const
{
    return m_stores->exhibits.idOf(ref);
}

std::optional<ExhibitMention> Catalogue::mention(const QString& ref) const
{
    return m_stores->exhibits.mentionOf(ref);
}

QList<ExhibitMention> Catalogue::resubmissionsOf(const QString& ref) const
{
    return m_stores->exhibits.resubmissionsOf(ref);
}

QString Catalogue::uniqueRefFor(const QString& title) const
{
    return m_stores->exhibits.uniqueRefFor(title);
}

Facets Catalogue::facets(const QString& query) const
{
    return m_search->facets(query);
}

Facets Catalogue::facetsOf(const QList<qint64>& matching) const
{
    return m_search->facetsOf(matching);
}

QStringList Catalogue::queryPlan(const QString& query) const
{
    return m_search->queryPlan(query);
}

void Catalogue::keepSearchIndexInMemory()
{
    m_search->keepTextIndexInMemory();
}

void Catalogue::waitForSearchIndex()
{
    m_search->waitForTextIndex();
}

qint64 Catalogue::searchesAnsweredInMemory() const
{
    return m_search->searchesAnsweredInMemory();
}

qsizetype Catalogue::searchIndexBytes() const
{
    return m_search->textIndexBytes();
}

CatalogueSummary Catalogue::summary() const
{
    CatalogueSummary summary;
    summary.exhibits = m_stores->exhibits.count();
    summary.authoritiesWithExhibits = m_stores->exhibits.authoritiesWithExhibits();
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

std::optional<Authority> Catalogue::authorityCalled(const QString& typed) const
{
    const std::optional<qint64> id = m_stores->authorities.resolve(typed);
    return id ? std::optional<Authority>(m_stores->authorities.byId(*id)) : std::nullopt;
}

QList<Edition> Catalogue::editions() const
{
    return m_stores->editions.editions();
}

QList<Category> Catalogue::categories(const QString& edition) const
{
    return m_stores->editions.categories(edition);
}

QStringList Catalogue::refsIn(const QString& edition, const QString& category) const
{
    return m_stores->exhibits.refsIn(edition, category);
}

Coverage Catalogue::coverage(const QString& edition) const
{
    Coverage coverage;
    coverage.edition = requireEdition(edition).name;
    for (const Category& category : categories(coverage.edition)) {
        coverage.categories << category.name;
    }
    for (const Authority& authority : authorities()) {
        coverage.rows.append({authority.name, QList<int>(coverage.categories.size(), 0)});
    }
    std::sort(coverage.rows.begin(), coverage.rows.end(),
              [](const Coverage::Row& a, const Coverage::Row& b) { return a.authority < b.authority; });
    QHash<QString, qsizetype> rowOf;
    for (qsizetype i = 0; i < coverage.rows.size(); ++i) {
        rowOf.insert(coverage.rows.at(i).authority, i);
    }
    for (const auto& [authority, category, count] : m_stores->exhibits.leadCountsByCategory(coverage.edition)) {
        Coverage::Row& row = coverage.rows[rowOf.value(authority)];
        const qsizetype column = coverage.categories.indexOf(category);
        if (column >= 0) {
            row.byCategory[column] = count;
        } else {
            row.uncategorised += count;
        }
    }
    for (const auto& [authority, role, count] : m_stores->exhibits.countsByRole(coverage.edition)) {
        Coverage::Row& row = coverage.rows[rowOf.value(authority)];
        (role == QLatin1String("lead") ? row.led : row.partnered) = count;
    }
    return coverage;
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

ImportPlan Catalogue::planImport(const QStringList& files, const ImportOptions& options) const
{
    return Importer(*m_stores).plan(files, options);
}

Exhibit Catalogue::requireExhibit(const QString& ref) const
{
    return m_stores->exhibits.requireByRef(ref);
}

void Catalogue::pollForChanges()
{
    if (!m_damageReported) {
        if (const QString problem = m_database->walProblem(); !problem.isEmpty()) {
            m_damageReported = true;
            Q_EMIT storageDamaged(problem);
        }
    }
    if (m_listening) {
        m_database->dataVersion(); // the server announces changes; this asks whether it still answers
        return;
    }
    // data_version moves only when another connection commits; the log then says what it changed.
    // Entries of this catalogue's own since the last look come along too, which costs a refresh of
    // rows already fresh but never misses another's.
    const qint64 dataVersion = m_database->dataVersion();
    if (dataVersion == m_seenDataVersion) {
        return;
    }
    m_seenDataVersion = dataVersion;
    const QList<ChangeLogEntry> entries = m_stores->changeLog.after(m_seenChangeLogId, m_seenChangeLogId);
    CatalogueChange change;
    change.elsewhere = true;
    for (const ChangeLogEntry& entry : entries) {
        if (entry.action == QLatin1String("rename-tag") || entry.action == QLatin1String("merge-tags")) {
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Tags;
            change.refs.clear(); // any exhibit may carry the tag
        } else if (entry.action.endsWith(QLatin1String("edition")) ||
                   entry.action.endsWith(QLatin1String("category"))) {
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Editions | CatalogueChange::Categories;
            change.refs.clear();
        } else if (entry.action == QLatin1String("privacy-reviewed")) {
            change.kinds |= CatalogueChange::PrivacyReviews;
        } else if (!entry.exhibitRef.isEmpty()) {
            if (!change.touches(CatalogueChange::Exhibits) || !change.refs.isEmpty()) {
                change.refs << entry.exhibitRef;
            }
            change.kinds |= CatalogueChange::Exhibits | CatalogueChange::Tags;
            if (entry.action.startsWith(QLatin1String("import"))) {
                change.kinds |= CatalogueChange::Editions | CatalogueChange::Categories;
            }
        } else {
            // A catalogue-wide step, such as undoing a change to tags or editions: anything may have moved.
            change.kinds = CatalogueChange::Everything;
            change.refs.clear();
        }
    }
    // Tag colours, saved searches and privacy decisions are not all in the change log by exhibit.
    change.kinds |= CatalogueChange::Tags | CatalogueChange::SavedSearches | CatalogueChange::PrivacyReviews;
    change.refs.removeDuplicates();
    Q_EMIT changed(change);
}

void Catalogue::listenForChanges()
{
    m_listening = m_database->listenForChanges([this](const QString& announcement) { noteAnnounced(announcement); });
}

void Catalogue::noteAnnounced(const QString& announcement)
{
    const QString table = announcement.section(QLatin1Char(' '), 0, 0);
    if (table == QLatin1String("exhibits")) {
        m_announcedKinds |= CatalogueChange::Exhibits;
        const QString ids = announcement.section(QLatin1Char(' '), 1);
        if (ids == QLatin1String("*")) {
            m_announcedAllExhibits = true;
        }
        for (const QString& id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            m_announcedIds.insert(id.toLongLong());
        }
        // An import announces thousands: reading each one's ref would cost more than a refresh.
        constexpr qsizetype MostRefreshedOneByOne = 500;
        if (m_announcedAllExhibits || m_announcedIds.size() > MostRefreshedOneByOne) {
            m_announcedAllExhibits = true;
            m_announcedIds.clear();
        }
    } else if (table == QLatin1String("tag") || table == QLatin1String("exhibit_tag")) {
        m_announcedKinds |= CatalogueChange::Tags;
    } else if (table == QLatin1String("edition") || table == QLatin1String("category") ||
               table == QLatin1String("exhibit_category")) {
        m_announcedKinds |= CatalogueChange::Editions | CatalogueChange::Categories;
    } else if (table == QLatin1String("saved_search")) {
        m_announcedKinds |= CatalogueChange::SavedSearches;
    } else if (table == QLatin1String("privacy_review")) {
        m_announcedKinds |= CatalogueChange::PrivacyReviews;
    } else if (table == QLatin1String("authority") || table == QLatin1String("authority_key")) {
        m_announcedKinds = CatalogueChange::Everything;
        m_announcedAllExhibits = true;
    }
    // One transaction's announcements arrive together: they make one change.
    if (!m_announcementPending) {
        m_announcementPending = true;
        QTimer::singleShot(0, this, &Catalogue::deliverAnnounced);
    }
}

void Catalogue::deliverAnnounced()
{
    CatalogueChange change;
    change.elsewhere = true;
    change.kinds = m_announcedKinds;
    if (!m_announcedAllExhibits && !m_announcedIds.isEmpty()) {
        // Deleted exhibits have no ref left: the search that runs again drops them. Unread refs
        // (the server gone again) leave the change about every exhibit.
        try {
            change.refs = m_stores->exhibits.refsOf(m_announcedIds.values());
        } catch (const Error&) {
            change.refs.clear();
        }
    }
    m_announcementPending = false;
    m_announcedKinds = {};
    m_announcedIds.clear();
    m_announcedAllExhibits = false;
    if (change.kinds) {
        Q_EMIT changed(change);
    }
}

void Catalogue::reconnect()
{
    m_database->reconnect();
    m_seenDataVersion = m_database->dataVersion();
    CatalogueChange change;
    change.kinds = CatalogueChange::Everything;
    change.elsewhere = true;
    Q_EMIT changed(change);
}

void Catalogue::streamCsv(const QList<qint64>& ids, QIODevice& out) const
{
    CsvExport::write(*m_database, ids, out);
}

QStringList Catalogue::check() const
{
    return IntegrityCheck::run(*m_database);
}

void Catalogue::backup(const QString& target) const
{
    m_database->copyTo(target);
}

} // namespace spotlight
