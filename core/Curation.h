#pragma once

#include "CatalogueChange.h"
#include "domain/Category.h"
#include "domain/CurationStatus.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "edit/ConflictError.h"
#include "edit/CurationCommand.h"
#include "intake/Importer.h"

#include <QObject>

#include <functional>
#include <memory>

class QUndoStack;

namespace spotlight {

class Database;
class SearchEngine;
struct ImportPlan;
struct PrivacyFinding;
struct Stores;

// The write path: every change to a catalogue goes through this class, and inside it through one
// private write(): a transaction, the check that nothing it was made against has changed since,
// the change log under this path's author, the undo step (or a cleared undo history, said
// aloud), and one typed change notification. A failure leaves the catalogue exactly as it was.
//
// A window keeps undo history; the command line and worker threads do not, and so never hold two
// copies of the exhibits a bulk change touches.
class Curation : public QObject
{
    Q_OBJECT

public:
    enum class UndoHistory
    {
        None,
        Kept,
        // The last step written is kept for another curation, a window's, to adopt as its own:
        // for a write the window hands to a worker thread, which needs a connection of its own.
        Recorded,
    };

    Curation(const Database& database, Stores& stores, const SearchEngine& search, UndoHistory undo);
    ~Curation() override;

    // Null without undo history.
    QUndoStack* undoStack() const { return m_undoStack.get(); }
    // The name the change log records for changes made here: a curator's name from the window's
    // settings or SPOTLIGHT_CURATOR, else the account's user name.
    void setAuthor(const QString& name);
    QString author() const;

    // Imports of up to this many exhibits are one undoable step; larger ones (a migration, a
    // benchmark) clear the undo history instead.
    static constexpr int UndoableImportLimit = 10000;
    // `progress` is told how many rows are written; returning false cancels, writing nothing.
    void applyImport(const ImportPlan& plan, const ImportProgress& progress = {});
    void addExhibit(const Exhibit& exhibit);
    // Refused with a ConflictError when the exhibit's version is not the stored one.
    void updateExhibit(const Exhibit& exhibit);
    void removeExhibit(const QString& ref);
    // `expected`, in these and below: the versions of the list the change was made from; any exhibit
    // that has moved on since refuses the whole change (ConflictError).
    void removeExhibits(const QStringList& refs, const ExpectedVersions& expected = {});
    // Returns how many exhibit-tag pairs were added or removed.
    int addTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected = {});
    int removeTags(const QStringList& refs, const QStringList& tags, const ExpectedVersions& expected = {});
    // Moves each exhibit that the workflow allows, as one step; returns the reason each other one
    // was refused (StatusWorkflow).
    QStringList setStatus(const QStringList& refs, CurationStatus status, const ExpectedVersions& expected = {});
    void addReview(const QString& ref, const Review& review);
    // The same review recorded for each exhibit, as one step.
    void addReviews(const QStringList& refs, const Review& review, const ExpectedVersions& expected = {});
    // Sponsoring panels (CurationPanels.cpp).
    // Records `reviewer`'s scores of the exhibit, each in place of theirs for the same criterion, and
    // takes back theirs for each criterion in `clearing`; their other scores stay. Read and written
    // in one transaction, so that the scores others give, even at this moment, are kept.
    void recordScores(const QString& ref, const QString& reviewer, const QList<PanelScore>& scores,
                      const QStringList& clearing = {});
    // Records for each exhibit the review its panel agreed, in place of any earlier review by the
    // same panel, as one step. Letters then carry the agreed recognition and feedback.
    void recordAgreedReviews(const QList<std::pair<QString, Review>>& agreed, const ExpectedVersions& expected = {});
    // Gives a stand to each exhibit named by `refs` that has none, in that order, filling from the
    // lowest number from `first` that no exhibit of its edition holds; an exhibit with a stand keeps
    // it. Returns each exhibit's stand, in the order of `refs`.
    QStringList assignStands(const QStringList& refs, int first, const ExpectedVersions& expected = {});
    int renameTag(const QString& from, const QString& to);
    int mergeTags(const QStringList& from, const QString& into);
    void setTagColour(const QString& tag, const QString& colour);
    // Editions and their categories. `originalName` is empty for a new one; renaming carries the
    // exhibits along.
    void saveEdition(const QString& originalName, const Edition& edition);
    void setEditionArchived(const QString& name, bool archived);
    // Removes an edition and its categories; refused while exhibits are in it.
    void removeEdition(const QString& name);
    // Moves every exhibit of `from` into `into` and removes `from`, as one step. Each category of
    // `from` becomes the category of `into` with the same name (in any case), or moves across. A
    // moved exhibit whose stand another exhibit of `into` already has loses its stand; `standsCleared`
    // then lists those exhibits' refs. Returns how many exhibits moved.
    int mergeEdition(const QString& from, const QString& into, QStringList* standsCleared = nullptr);
    void saveCategory(const QString& originalName, const Category& category);
    // Refused while exhibits are in the category.
    void removeCategory(const Category& category);
    // Moves the exhibits of `from` into the category `into` of the same edition and removes `from`,
    // as one step. Returns how many exhibits moved.
    int mergeCategory(const Category& from, const QString& into);
    void saveSearch(const SavedSearch& search);
    bool removeSearch(const QString& name);
    // Records that a curator looked at `finding` and it may be published, and why.
    void markPrivacyReviewed(const PrivacyFinding& finding, const QString& reason);
    // Takes back that decision: the finding holds up export and letters again. Error when it was
    // not marked.
    void unmarkPrivacyReviewed(const PrivacyFinding& finding);

    // A step written by a curation opened with UndoHistory::Recorded, as a window adopts it.
    struct RecordedStep
    {
        QString text;
        CurationStep step;
        QString notUndoable; // set when the step could not be undone: why
    };
    // The last step this curation wrote, once; nothing unless opened with UndoHistory::Recorded.
    std::optional<RecordedStep> takeRecordedStep();
    // Makes a step another connection wrote (and committed) this curation's next undo step, or,
    // for a step that cannot be undone, empties the undo history saying why.
    void adopt(const RecordedStep& recorded);

    // For CurationCommand: puts `step` back (undo) or forward again (redo) in one transaction, once
    // it has checked that the catalogue is still as the step left it. Reports failure through
    // writeFailed() and returns false, having written nothing.
    bool restore(const CurationStep& step, bool forward, const QString& what);

Q_SIGNALS:
    void changed(const spotlight::CatalogueChange& change);
    // An undo or redo could not be written (the file is locked, read-only, full, or changed since).
    void writeFailed(const QString& message);
    // A change that cannot be undone emptied the undo history; `why` says which.
    void undoHistoryCleared(const QString& why);

private:
    // What one write is, besides the work it does.
    struct Write
    {
        QString text;                 // the undo step's name
        QStringList refs;             // the exhibits it changes, kept for undo; empty with `anyExhibit`
        ExpectedVersions expected;    // refused unless these are still the stored versions
        CatalogueChange::Kinds kinds; // what it changes, for the notification
        // For a step that is not undoable and that earlier steps cannot be undone across: why, said
        // when the undo history is cleared.
        QString notUndoable = {};
        // The tags whose rows (existence, colour) and carriers the step may change, for undo.
        QStringList tagFamilies = {};
        // Whether the step changes editions or categories, whose tables undo then puts back.
        bool editionTables = false;
        // Whether it changes saved searches, which undo then puts back.
        bool savedSearches = false;
        // The finding whose privacy decision it records, by exhibit ref and finding key.
        std::optional<std::pair<QString, QString>> privacyDecision = {};
    };
    void write(const Write& what, const std::function<void()>& body);
    CurationStep snapshot(const Write& what) const;
    void requireUnchanged(const ExpectedVersions& expected) const;
    void clearUndoHistory(const QString& why);
    int changeTags(const QStringList& refs, const QStringList& tags, bool add, const ExpectedVersions& expected);
    // Records each field that differs between the two states in the change log.
    void recordChanges(const Exhibit& before, const Exhibit& after, const QString& action);
    // Error when another exhibit of the same edition already has `exhibit`'s stand number.
    void requireFreeStand(const Exhibit& exhibit) const;

    const Database& m_database;
    Stores& m_stores;
    const SearchEngine& m_search;
    std::unique_ptr<QUndoStack> m_undoStack;
    bool m_recording = false;
    std::optional<RecordedStep> m_recorded;
};

} // namespace spotlight
