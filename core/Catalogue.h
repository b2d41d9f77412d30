#pragma once

#include "CatalogueChange.h"
#include "check/PrivacyCheck.h"
#include "domain/Authority.h"
#include "domain/Category.h"
#include "domain/ChangeLogEntry.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"
#include "edit/ConflictError.h"
#include "edit/ExhibitChangeCommand.h"
#include "io/Booklet.h"
#include "io/Importer.h"
#include "search/SearchEngine.h"

#include <QObject>

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

// The one way front ends reach a catalogue. It owns the connection and the stores; every change
// is a single transaction, so a failure leaves the file exactly as it was, and each change is
// signalled so that views can follow. No front end writes SQL.
class Catalogue : public QObject
{
    Q_OBJECT

public:
    // Where the catalogue lives when no other is chosen: the per-user data folder.
    static QString defaultPath();
    // Opens an existing catalogue; Error if it is missing, damaged, foreign, newer or locked.
    static std::unique_ptr<Catalogue> open(const QString& path);
    // Opens the default catalogue, creating and seeding it on first use.
    static std::unique_ptr<Catalogue> openDefault();
    // Creates a catalogue with the 33 authorities and, unless `empty`, the Practice Spotlight 2025
    // edition and exhibits. Refuses a file that already holds a catalogue.
    static std::unique_ptr<Catalogue> create(const QString& path, bool empty);

    ~Catalogue() override;

    QString path() const;
    bool isReadOnly() const;

    // Reading
    ExhibitPage search(const QString& query, int limit, int offset = 0) const;
    QList<Exhibit> exhibits(const QString& query = {}) const;
    // Every match's id, in order: a list view loads the rows it shows with exhibitsWithIds().
    QList<qint64> matchingIds(const QString& query, SortOrder order = {}) const;
    QList<Exhibit> exhibitsWithIds(const QList<qint64>& ids) const;
    std::optional<Exhibit> exhibit(const QString& ref) const;
    // The same, or an Error naming the ref when no exhibit has it.
    Exhibit requireExhibit(const QString& ref) const;
    // A ref made from a title that no exhibit uses yet.
    QString uniqueRefFor(const QString& title) const;
    Facets facets(const QString& query = {}) const;
    QStringList queryPlan(const QString& query) const;
    CatalogueSummary summary() const;
    QList<Authority> authorities() const;
    QList<Edition> editions() const;
    // The edition new exhibits go to: the latest by year that is not archived.
    std::optional<Edition> currentEdition() const;
    QList<Category> categories(const QString& edition = {}) const;
    QList<Tag> tags() const;
    QHash<QString, QString> tagColours() const;
    QList<SavedSearch> savedSearches() const;
    std::optional<SavedSearch> savedSearch(const QString& name) const;
    QList<ChangeLogEntry> history(const QString& ref) const;

    // Looks whether another window, process or person has committed changes since the last look,
    // and if so emits changed() with what the change log says they were. Cheap: a window calls it
    // about once a second.
    void pollForChanges();

    // Writing: each call is one transaction. Changes to exhibits go on the undo stack. A change made
    // against exhibits that have moved past the versions in `expected` (or, for updateExhibit, past
    // the exhibit's own version) is refused with a ConflictError and nothing is written.
    QUndoStack* undoStack() const { return m_undoStack.get(); }
    ImportPlan planImport(const QString& file, const ImportOptions& options) const;
    // One undoable step for imports of up to UndoableImportLimit exhibits; larger imports (a
    // migration, a benchmark) clear the undo stack instead.
    static constexpr int UndoableImportLimit = 10000;
    void applyImport(const ImportPlan& plan);
    void addExhibit(const Exhibit& exhibit);
    void updateExhibit(const Exhibit& exhibit);
    void removeExhibit(const QString& ref);
    void removeExhibits(const QStringList& refs, const ExpectedVersions& expected = {});
    // Tag every exhibit named by `refs`; returns how many exhibit-tag pairs were added or removed.
    int addTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected = {});
    int removeTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected = {});
    // Moves each exhibit that the workflow allows, as one undoable step; returns the reason each
    // other one was refused (StatusWorkflow).
    QStringList setStatus(const QStringList& refs, CurationStatus status, const ExpectedVersions& expected = {});
    void addReview(const QString& ref, const Review& review);
    // Numbers the stands of the exhibits named by `refs`, in that order, from `first`, skipping
    // numbers other exhibits of their edition hold; one undoable step. Returns the stands given.
    QStringList assignStands(const QStringList& refs, int first, const ExpectedVersions& expected = {});
    int renameTag(const QString& from, const QString& to);
    int mergeTags(const QStringList& from, const QString& into);
    void setTagColour(const QString& tag, const QString& colour);
    // Editions and their categories. `originalName` is empty for a new one; renaming carries the
    // exhibits along.
    void saveEdition(const QString& originalName, const Edition& edition);
    void setEditionArchived(const QString& name, bool archived);
    void saveCategory(const QString& originalName, const Category& category);
    // Refused while exhibits are in the category.
    void removeCategory(const Category& category);
    void saveSearch(const SavedSearch& search);
    bool removeSearch(const QString& name);

    // Files
    // Streams the CSV of the exhibits matching `query`, in search order, to `out`.
    void exportCsv(const QString& query, QIODevice& out) const;
    void exportCsv(const QList<qint64>& ids, QIODevice& out) const;
    QByteArray exportJson(const QString& query = {}) const;
    // The live event's floor list: stand, title, authorities and contact of each exhibit matching
    // `query` that has a stand, in stand order.
    QByteArray floorListCsv(const QString& query = {}) const;
    QByteArray exportJson(const QList<Exhibit>& exhibits) const;
    // The PDF booklet of the exhibits matching `query`. Without a subtitle, a booklet whose
    // exhibits share one edition is subtitled with its event.
    BookletResult exportBooklet(const QString& query, const BookletOptions& options, const QString& path,
                                const Booklet::Progress& progress = {}) const;
    BookletResult exportBooklet(const QList<Exhibit>& exhibits, const BookletOptions& options, const QString& path,
                                const Booklet::Progress& progress = {}) const;
    // `options` with the subtitle filled in as exportBooklet does, for previews and printing.
    BookletOptions withEditionSubtitle(const QList<Exhibit>& exhibits, BookletOptions options) const;
    // The Letter of Recognition for `exhibit` as rich text, from `templateText` (the shipped
    // template when empty).
    QString letterHtml(const Exhibit& exhibit, const QString& templateText = {}) const;
    // One letter per exhibit with a recorded review, written to DIR/REF.pdf; returns the refs of
    // the exhibits skipped because no review is recorded for them.
    QStringList writeLetters(const QList<Exhibit>& exhibits, const QString& directory,
                             const QString& templateText = {}) const;
    // The submission template and its guide (FILE.guide.txt), for the current edition.
    void writeSubmissionTemplate(const QString& csvPath) const;
    // Likely personal data in the exhibits matching `query` (PrivacyCheck), with the decisions
    // curators have recorded on them.
    QList<PrivacyFinding> privacyFindings(const QString& query = {}) const;
    QList<PrivacyFinding> privacyFindings(const QList<Exhibit>& exhibits) const;
    // Records that a curator looked at `finding` and it may be published, and why.
    void markPrivacyReviewed(const PrivacyFinding& finding, const QString& reason);
    // Problems found by SQLite's and our own integrity checks; empty when the catalogue is sound.
    QStringList check() const;
    void backup(const QString& target) const;

    // For ExhibitChangeCommand: writes each exhibit's state after (or before) a change, in one
    // transaction, and records it in the change log. Refuses, writing nothing, when any exhibit is no
    // longer in the state the step left it in. Reports failure through writeFailed() and returns false.
    bool restoreStates(const QList<ExhibitChangeCommand::Change>& changes, bool after, const QString& what);

Q_SIGNALS:
    // An undo or redo could not be written (the file is locked, read-only, full, or changed since).
    void writeFailed(const QString& message);
    // After every write, here or (through pollForChanges) elsewhere.
    void changed(const spotlight::CatalogueChange& change);
    // A change that cannot be undone emptied the undo stack; `why` says which, for the status bar.
    void undoHistoryCleared(const QString& why);

private:
    explicit Catalogue(std::unique_ptr<Database> database);
    qint64 requireId(const QString& ref) const;
    int changeTags(const QStringList& refs, const QStringList& tags, bool add, const ExpectedVersions& expected);
    // Inside a write: ConflictError unless every exhibit in `expected` is still at that version.
    void requireUnchanged(const ExpectedVersions& expected) const;
    // Records each field that differs between the two states in the change log.
    void recordChanges(const Exhibit& before, const Exhibit& after, const QString& action);
    // `templateText`, or the shipped letter template when empty, once Letter::checkTemplate passes it.
    static QString checkedLetterTemplate(const QString& templateText);
    QString mergedLetter(const Exhibit& exhibit, const QString& checkedTemplate) const;
    // Error when another exhibit of the same edition already has `exhibit`'s stand number.
    void requireFreeStand(const Exhibit& exhibit) const;
    // Runs `write` in one transaction and puts it on the undo stack as the change of `refs`.
    void changeUndoably(const QString& text, const QStringList& refs, const ExpectedVersions& expected,
                        const std::function<void()>& write);

    // Empties the undo stack after a change that is not itself undoable and that earlier steps
    // could no longer be undone across, and says so.
    void clearUndoHistory(const QString& why);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<Stores> m_stores;
    std::unique_ptr<SearchEngine> m_search;
    std::unique_ptr<QUndoStack> m_undoStack;
    mutable std::unique_ptr<PrivacyCheck> m_privacyCheck; // its names list is loaded on first use
    qint64 m_seenDataVersion = 0;
    qint64 m_seenChangeLogId = 0;
};

} // namespace spotlight
