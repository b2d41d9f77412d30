#pragma once

#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"
#include "storage/EditionStore.h"
#include "storage/PrivacyReviewStore.h"

#include <QList>
#include <QUndoCommand>

#include <optional>

namespace spotlight {

class Curation;

// What one undoable change did: each exhibit's whole state before and after (none before: it was
// added; none after: it was deleted), and, for changes to tags themselves (rename, merge, colour),
// the rows of every tag it could have created, removed or recoloured.
struct CurationStep
{
    struct ExhibitState
    {
        QString ref;
        std::optional<Exhibit> before;
        std::optional<Exhibit> after;
    };
    QList<ExhibitState> exhibits;
    QStringList tagNames;  // the tags whose rows (and their children's) the step may have changed
    QList<Tag> tagsBefore; // those rows before, with their colours, by name
    QList<Tag> tagsAfter;
    // For a privacy decision: the decision recorded on one finding before and after.
    struct PrivacyDecision
    {
        QString exhibitRef;
        QString findingKey;
        std::optional<PrivacyReviewStore::Decision> before;
        std::optional<PrivacyReviewStore::Decision> after;
    };
    QList<PrivacyDecision> privacyDecisions;
    // For changes to saved searches: all of them before and after.
    bool savedSearches = false;
    QList<SavedSearch> searchesBefore;
    QList<SavedSearch> searchesAfter;
    // For changes to editions and categories: both tables before and after.
    bool editionTables = false;
    EditionStore::Rows editionsBefore;
    EditionStore::Rows editionsAfter;
};

// One change on the undo stack. Undo and redo each write the recorded states back in one
// transaction, once they have checked that nobody changed them since; a step that cannot be undone
// or redone becomes obsolete and leaves the stack. Pushed after the change is already written, so
// the first redo does nothing.
class CurationCommand : public QUndoCommand
{
public:
    CurationCommand(Curation& curation, const QString& text, CurationStep step);

    void undo() override;
    void redo() override;

private:
    Curation& m_curation;
    CurationStep m_step;
    bool m_written = true;
};

} // namespace spotlight
