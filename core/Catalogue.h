#pragma once

#include "CatalogueChange.h"
#include "Curation.h"
#include "check/PrivacyCheck.h"
#include "domain/Authority.h"
#include "domain/Category.h"
#include "domain/ChangeLogEntry.h"
#include "domain/Coverage.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/ExhibitMention.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"
#include "intake/Importer.h"
#include "io/Booklet.h"
#include "search/NoMatchExplanation.h"
#include "search/SearchEngine.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QUndoStack;

namespace spotlight {

class Database;
struct Stores;

struct ExhibitPage
{
    QList<Exhibit> exhibits;
    qint64 total = 0;
    bool ranked = false;
};

struct CatalogueSummary
{
    qint64 exhibits = 0;
    qint64 authoritiesWithExhibits = 0;
    int authorities = 0;
    int editions = 0;
    int categories = 0;
    int tags = 0;
};

// The one way front ends reach a catalogue: opening, reading and searching, and the write path
// (curation()) through which every change goes. It owns the connection and the stores, and signals
// each change, made here or elsewhere, so that views can follow. No front end writes SQL.
class Catalogue : public QObject
{
    Q_OBJECT

public:
    // Where the catalogue lives when no other is chosen: the per-user data folder.
    static QString defaultPath();
    // Opens an existing catalogue; Error if it is missing, damaged, foreign, newer or locked.
    // A window keeps undo history; the command line and worker threads do without.
    using UndoHistory = Curation::UndoHistory;
    static std::unique_ptr<Catalogue> open(const QString& path, UndoHistory undo = UndoHistory::None);
    // Opens the default catalogue, creating and seeding it on first use.
    static std::unique_ptr<Catalogue> openDefault(UndoHistory undo = UndoHistory::None);
    // Creates a catalogue with the 33 authorities and, unless `empty`, the Practice Spotlight 2025
    // edition and exhibits. Refuses a file that already holds a catalogue.
    static std::unique_ptr<Catalogue> create(const QString& path, bool empty, UndoHistory undo = UndoHistory::None);

    // Copies the whole catalogue at `from` into `to`, a new file or an empty team catalogue on a
    // server, in either direction; their JSON exports are then the same bytes. A new file that
    // could not be completed is removed.
    static void copy(const QString& from, const QString& to, const std::function<void(const QString&)>& progress = {});
    // Prepares a team catalogue on a server: creates the database if it may, the schema, the seed
    // (as create() does) when it is new, and the curators' and viewers' roles with their grants.
    // A server that already holds a catalogue is brought up to date and keeps its exhibits.
    struct ServerSetUp
    {
        std::unique_ptr<Catalogue> catalogue;
        bool created = false;
        QString curatorsRole;
        QString viewersRole;
    };
    static ServerSetUp setUpServer(const QString& address, bool empty);

    ~Catalogue() override;

    QString path() const;
    // What a title bar calls it (the file's or the database's name), and where it is, for a sentence.
    QString name() const;
    QString describe() const;
    bool isOnServer() const;
    bool isReadOnly() const;
    // Keeps a password a person typed for the team catalogue at `address` in this process's memory
    // (never on disk), for every connection the process makes to it from now on.
    static void rememberServerPassword(const QString& address, const QString& password);
    // Whether `location` is a team catalogue's postgresql:// address rather than a file's path.
    static bool isServerAddress(const QString& location);

    // Reading
    ExhibitPage search(const QString& query, int limit, int offset = 0) const;
    QList<Exhibit> exhibits(const QString& query = {}) const;
    // Every match's id, in order: a list view loads the rows it shows with exhibitsWithIds().
    QList<qint64> matchingIds(const QString& query, SortOrder order = {}) const;
    QList<Exhibit> exhibitsWithIds(const QList<qint64>& ids) const;
    // The refs of the exhibits matching `query`, in search order, without loading the exhibits.
    QStringList refs(const QString& query) const;
    std::optional<Exhibit> exhibit(const QString& ref) const;
    // The same, or an Error naming the ref when no exhibit has it.
    Exhibit requireExhibit(const QString& ref) const;
    // The id a list of matches (matchingIds) holds for the exhibit with this ref.
    std::optional<qint64> exhibitId(const QString& ref) const;
    // The exhibit with this ref, named with its title and edition: what a link to it shows.
    std::optional<ExhibitMention> mention(const QString& ref) const;
    // The exhibits of later editions that submit this one again (Exhibit::resubmissionOf).
    QList<ExhibitMention> resubmissionsOf(const QString& ref) const;
    // A ref made from a title that no exhibit uses yet.
    QString uniqueRefFor(const QString& title) const;
    Facets facets(const QString& query = {}) const;
    // The facets of the exhibits a search has already found: on a server, where matching a broad
    // query costs a second at 100,000 exhibits, this saves doing it twice.
    Facets facetsOf(const QList<qint64>& matching) const;
    // Why `query`, which matches nothing, matches nothing: which of its terms to drop.
    NoMatchExplanation explainNoMatches(const QString& query) const;
    QStringList queryPlan(const QString& query) const;
    // Searches from an index held in memory once it is built (SearchEngine::keepTextIndexInMemory):
    // for a window's search worker, not for a command that searches once.
    void keepSearchIndexInMemory();
    void waitForSearchIndex();
    qint64 searchesAnsweredInMemory() const;
    qsizetype searchIndexBytes() const;
    CatalogueSummary summary() const;
    QList<Authority> authorities() const;
    // The authority a typed name means, as imports read it ("LB Hackney", "RBKC", "E09000012").
    std::optional<Authority> authorityCalled(const QString& typed) const;
    QList<Edition> editions() const;
    // The edition new exhibits go to: the latest by year that is not archived.
    std::optional<Edition> currentEdition() const;
    // The edition called `name` (in any case), or the current one when `name` is empty; Error when
    // there is none.
    Edition requireEdition(const QString& name = {}) const;
    QList<Category> categories(const QString& edition = {}) const;
    // The refs of the exhibits in an edition, or in one of its categories, by ref.
    QStringList refsIn(const QString& edition, const QString& category = {}) const;
    // Who sent what to `edition` (the current one when empty). Error for an unknown edition.
    Coverage coverage(const QString& edition = {}) const;
    // Sponsoring panels. What the panels of `edition` score exhibits against.
    QStringList criteriaOf(const QString& edition) const;
    // The category `name` of `edition` (the current one when empty), whose
    // sponsoring group is its panel; Error when there is none.
    Category requirePanel(const QString& name, const QString& edition = {}) const;
    // What the panel made of the scores of each exhibit named (by default, every exhibit in its
    // category), against its edition's criteria, in the order given (by title by default).
    struct PanelReview
    {
        Exhibit exhibit;
        PanelResult result;
    };
    QList<PanelReview> panelReviews(const Category& panel, const QStringList& refs = {}) const;
    QList<Tag> tags() const;
    QHash<QString, QString> tagColours() const;
    QList<SavedSearch> savedSearches() const;
    std::optional<SavedSearch> savedSearch(const QString& name) const;
    QList<ChangeLogEntry> history(const QString& ref) const;

    // Looks whether another window, process or person has committed changes since the last look,
    // and if so emits changed() with what the change log says they were. Cheap: a window calls it
    // about once a second. Once listening (below), it only checks that the server still answers:
    // Error (ConnectionLost) when it does not.
    void pollForChanges();
    // For a window on a team catalogue: from now on, the server announces each change another
    // connection commits, and changed() follows from the event loop with the exhibits it named.
    // A file announces nothing; it is polled.
    void listenForChanges();
    // Connects again after the connection to the server was lost; Error when it still cannot.
    // Emits changed() for everything, since what others did meanwhile was not announced.
    void reconnect();

    // Every change goes through the write path (Curation).
    Curation& curation() { return *m_curation; }
    // Shorthand for curation().undoStack(): null when opened without undo history.
    QUndoStack* undoStack() const;
    // One plan for every file, imported and undone as one step.
    ImportPlan planImport(const QStringList& files, const ImportOptions& options) const;
    ImportPlan planImport(const QString& file, const ImportOptions& options) const
    {
        return planImport(QStringList{file}, options);
    }

    // The CSV export's rows of the exhibits with `ids`, in that order, streamed to `out` straight from
    // storage (CsvPublisher writes the export through this).
    void streamCsv(const QList<qint64>& ids, QIODevice& out) const;
    // Likely personal data in the exhibits matching `query` (PrivacyCheck), with the decisions
    // curators have recorded on them: those kept beside each exhibit, as privacyFindingsOf() reads them.
    QList<PrivacyFinding> privacyFindings(const QString& query = {}) const;
    QList<PrivacyFinding> privacyFindings(const QList<Exhibit>& exhibits) const;
    // The same for the exhibits with `ids`, in that order, read from the findings kept beside each
    // exhibit; only those changed since their last scan (or scanned by other rules) are read and
    // scanned again, and kept, unless the catalogue is read-only. What the publication gate asks.
    QList<PrivacyFinding> privacyFindingsOf(const QList<qint64>& ids) const;
    // Problems found by SQLite's and our own integrity checks; empty when the catalogue is sound.
    QStringList check() const;
    void backup(const QString& target) const;

Q_SIGNALS:
    // After every write, through the write path here or (noticed by pollForChanges) elsewhere.
    void changed(const spotlight::CatalogueChange& change);
    // Once, when pollForChanges finds the catalogue's files damaged under it (see
    // Database::walProblem): what happened and what to do.
    void storageDamaged(const QString& problem);

private:
    Catalogue(std::unique_ptr<Database> database, Curation::UndoHistory undo);
    // Gathers what the server announced until the event loop is next free, then emits it as one change.
    void noteAnnounced(const QString& announcement);
    void deliverAnnounced();

    std::unique_ptr<Database> m_database;
    std::unique_ptr<Stores> m_stores;
    std::unique_ptr<SearchEngine> m_search;
    std::unique_ptr<Curation> m_curation;
    mutable std::unique_ptr<PrivacyCheck> m_privacyCheck; // its names list is loaded on first use
    const PrivacyCheck& privacyCheck() const;
    // What pollForChanges has seen: the change log up to this entry, and this data_version.
    qint64 m_seenChangeLogId = 0;
    qint64 m_seenDataVersion = 0;
    bool m_damageReported = false;
    // What the server has announced and changed() has not yet said; listening at all.
    bool m_listening = false;
    bool m_announcementPending = false;
    CatalogueChange::Kinds m_announcedKinds;
    QSet<qint64> m_announcedIds;
    bool m_announcedAllExhibits = false;
};

} // namespace spotlight
