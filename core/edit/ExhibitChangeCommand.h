#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QUndoCommand>

#include <optional>

namespace spotlight {

class Catalogue;

// One undoable change to one or more exhibits, held as each exhibit's whole state before and
// after (none before: it was added; none after: it was deleted). Undo and redo each write those
// states back in one transaction, once they have checked that nobody changed the exhibits since;
// a step that cannot be undone or redone becomes obsolete and leaves the stack. Pushed after the
// change is already written, so the first redo does nothing.
class ExhibitChangeCommand : public QUndoCommand
{
public:
    struct Change
    {
        QString ref;
        std::optional<Exhibit> before;
        std::optional<Exhibit> after;
    };

    ExhibitChangeCommand(Catalogue& catalogue, const QString& text, QList<Change> changes);

    void undo() override;
    void redo() override;

private:
    Catalogue& m_catalogue;
    QList<Change> m_changes;
    bool m_written = true;
};

} // namespace spotlight
