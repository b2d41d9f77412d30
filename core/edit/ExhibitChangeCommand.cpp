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
    m_catalogue.restoreStates(m_changes, false, text());
}

void ExhibitChangeCommand::redo()
{
    if (m_written) {
        m_written = false; // the change was written before the command was pushed
        return;
    }
    m_catalogue.restoreStates(m_changes, true, text());
}

} // namespace spotlight
