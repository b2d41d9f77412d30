#include "CurationCommand.h"

#include "Curation.h"

namespace spotlight {

CurationCommand::CurationCommand(Curation& curation, const QString& text, CurationStep step)
    : QUndoCommand(text)
    , m_curation(curation)
    , m_step(std::move(step))
{}

void CurationCommand::undo()
{
    // A step that could not be undone is taken off the stack (QUndoStack drops an obsolete command),
    // so the Edit menu never offers to redo what was not undone.
    setObsolete(!m_curation.restore(m_step, false, text()));
}

void CurationCommand::redo()
{
    if (m_written) {
        m_written = false; // the change was written before the command was pushed
        return;
    }
    setObsolete(!m_curation.restore(m_step, true, text()));
}

} // namespace spotlight
