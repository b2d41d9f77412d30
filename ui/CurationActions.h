#pragma once

#include "domain/CurationStatus.h"
#include "edit/ConflictError.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QUndoGroup;
class QWidget;

namespace spotlight {

class Catalogue;

// The curator's actions on exhibits, for the Edit menu: undo and redo, new, edit and delete,
// tagging and status changes on the selection. Every change goes through the Catalogue, so each
// is one undoable step.
class CurationActions : public QObject
{
    Q_OBJECT

public:
    // `selectedRefs` gives the refs of the exhibits selected in the list, current first.
    // `selectedRefs` gives the selection, current first; `selectedVersions` the version each was shown at.
    CurationActions(QWidget* window, std::function<QStringList()> selectedRefs,
                    std::function<ExpectedVersions()> selectedVersions);

    void setCatalogue(Catalogue* catalogue);
    void addTo(QMenu* edit);
    void editCurrent();

private:
    void newExhibit();
    void deleteSelected();
    void tagSelected(bool add);
    void recordReview();
    // Tells which exhibits the workflow kept from moving to `status`, and why.
    void showRefusals(const QStringList& refusals, qsizetype asked, CurationStatus status);
    void run(const std::function<void()>& change, const QString& failure);
    // After a refused save: whether to save `mine` again over the stored version.
    bool overwriteAfterConflict(const ConflictError& conflict, const Exhibit& mine);
    void updateEnabled();

    QWidget* m_window;
    std::function<QStringList()> m_selectedRefs;
    std::function<ExpectedVersions()> m_selectedVersions;
    Catalogue* m_catalogue = nullptr;
    QUndoGroup* m_undoGroup;
    QList<QAction*> m_editing; // disabled on a read-only catalogue
    QMenu* m_statusMenu = nullptr;
};

} // namespace spotlight
