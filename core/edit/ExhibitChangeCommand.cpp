#include "ExhibitChangeCommand.h"

#include "Catalogue.h"

namespace spotlight {

ExhibitChangeCommand::ExhibitChangeCommand(Catalogue& catalogue, const QString& text, QList<Change> changes)
    : QUndoCommand(text)
    , m_catalogue(catalogue)
    , m_changes(std::move(changes))
{}

void ExhibitChangeCommand::undo()
{
    // A step that could not be undone is taken off the stack (QUndoStack drops an obsolete command),
    // so the Edit menu never offers to redo what was not undone.
    setObsolete(!m_catalogue.restoreStates(m_changes, false, text()));
}

void ExhibitChangeCommand::redo()
{
    if (m_written) {
        m_written = false; // the change was written before the command was pushed
        return;
    }
    setObsolete(!m_catalogue.restoreStates(m_changes, true, text()));
}

} // namespace spotlight
