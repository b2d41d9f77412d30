#include "CurationActions.h"

#include "Catalogue.h"
#include "Error.h"
#include "dialogs/ExhibitEditor.h"
#include "dialogs/ReviewDialog.h"

#include <QAction>
#include <QClipboard>
#include <QCompleter>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoGroup>
#include <QUndoStack>

namespace spotlight {
namespace {

ExhibitEditor::Choices choicesOf(const Catalogue& catalogue)
{
    QStringList tags;
    for (const Tag& tag : catalogue.tags()) {
        tags << tag.name;
    }
    return {catalogue.authorities(), catalogue.editions(), catalogue.categories(), tags};
}

} // namespace

CurationActions::CurationActions(QWidget* window, std::function<QStringList()> selectedRefs,
                                 std::function<ExpectedVersions()> selectedVersions)
    : QObject(window)
    , m_window(window)
    , m_selectedRefs(std::move(selectedRefs))
    , m_selectedVersions(std::move(selectedVersions))
    , m_undoGroup(new QUndoGroup(this))
{}

void CurationActions::setCatalogue(Catalogue* catalogue)
{
    if (m_catalogue) {
        m_undoGroup->removeStack(m_catalogue->undoStack());
        disconnect(m_catalogue, nullptr, this, nullptr);
    }
    m_catalogue = catalogue;
    if (catalogue) {
        m_undoGroup->addStack(catalogue->undoStack());
        m_undoGroup->setActiveStack(catalogue->undoStack());
        connect(&catalogue->curation(), &Curation::writeFailed, this, [this](const QString& message) {
            QMessageBox::warning(m_window, tr("The change could not be saved"), message);
        });
    }
    updateEnabled();
}

void CurationActions::addTo(QMenu* edit)
{
    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("Undo"));
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("Redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_editing << edit->addAction(tr("&New Exhibit…"), QKeySequence::New, this, &CurationActions::newExhibit);
    m_editing << edit->addAction(tr("&Edit Exhibit…"), QKeySequence(Qt::Key_F2), this, &CurationActions::editCurrent);
    m_editing << edit->addAction(tr("&Delete Selected…"), QKeySequence::Delete, this, &CurationActions::deleteSelected);
    edit->addSeparator();
    m_editing << edit->addAction(tr("&Tag Selected…"), QKeySequence(tr("Ctrl+T")), this, [this] { tagSelected(true); });
    m_editing << edit->addAction(tr("U&ntag Selected…"), QKeySequence(tr("Ctrl+Shift+T")), this,
                                 [this] { tagSelected(false); });
    m_statusMenu = edit->addMenu(tr("Set &Status"));
    for (const QString& key : allStatusKeys()) {
        const CurationStatus status = *statusFromText(key);
        m_statusMenu->addAction(statusLabel(status), this, [this, status] {
            const QStringList refs = m_selectedRefs();
            if (!refs.isEmpty()) {
                run(
                    [&] {
                        showRefusals(m_catalogue->curation().setStatus(refs, status, m_selectedVersions()), refs.size(),
                                     status);
                    },
                    tr("Cannot change the status"));
            }
        });
    }
    m_editing << edit->addAction(tr("Record &Review for Selected…"), QKeySequence(tr("Ctrl+R")), this,
                                 &CurationActions::recordReview);
    m_editing << edit->addAction(tr("Number St&ands for Selected"), this, [this] {
        const QStringList refs = m_selectedRefs();
        if (refs.isEmpty()) {
            return;
        }
        run(
            [&] {
                const int before = m_catalogue->undoStack() ? m_catalogue->undoStack()->index() : 0;
                m_catalogue->curation().assignStands(refs, 1, m_selectedVersions());
                if (m_catalogue->undoStack() && m_catalogue->undoStack()->index() == before) {
                    QMessageBox::information(m_window, tr("Number stands"),
                                             tr("Every selected exhibit already has a stand, and keeps it."));
                }
            },
            tr("Cannot number the stands"));
    });
    updateEnabled();
}

void CurationActions::showRefusals(const QStringList& refusals, qsizetype asked, CurationStatus status)
{
    if (refusals.isEmpty()) {
        return;
    }
    const qsizetype moved = asked - refusals.size();
    // Only a move that happened can be undone.
    const QString text =
        moved == 0 ? tr("None of the %1 exhibit(s) could move to %2.").arg(asked).arg(statusLabel(status).toLower())
                   : tr("%1 of %2 exhibit(s) moved to %3; %4 could not move. Undo takes the moves back.")
                         .arg(moved)
                         .arg(asked)
                         .arg(statusLabel(status).toLower())
                         .arg(refusals.size());
    QMessageBox box(QMessageBox::Information, tr("Set status"), text, QMessageBox::Ok, m_window);
    box.setInformativeText(refusals.mid(0, 3).join(QLatin1Char('\n')));
    box.setDetailedText(refusals.join(QLatin1Char('\n')));
    box.exec();
}

void CurationActions::recordReview()
{
    const QStringList refs = m_selectedRefs();
    if (refs.isEmpty() || !m_catalogue) {
        return;
    }
    const std::optional<Exhibit> current = m_catalogue->exhibit(refs.first());
    if (!current) {
        return;
    }
    QList<Exhibit> selected;
    for (const QString& ref : refs) {
        if (const std::optional<Exhibit> exhibit = m_catalogue->exhibit(ref)) {
            selected << *exhibit;
        }
    }
    // The sponsors of the current exhibit's own categories first, then the rest of its edition's.
    QStringList panels;
    for (const Category& category : m_catalogue->categories(current->edition)) {
        if (!category.sponsor.isEmpty() && current->categories.contains(category.name)) {
            panels.prepend(category.sponsor);
        } else if (!category.sponsor.isEmpty()) {
            panels << category.sponsor;
        }
    }
    panels.removeDuplicates();
    QStringList titles;
    QStringList recognitions;
    for (const Exhibit& exhibit : selected) {
        titles << exhibit.title;
        for (const Review& review : exhibit.reviews) {
            recognitions << review.recognition;
        }
    }
    recognitions.removeAll(QString());
    recognitions.removeDuplicates();
    ReviewDialog dialog(titles, panels, recognitions, m_window);
    const ExpectedVersions shown = m_selectedVersions();
    while (dialog.exec() == QDialog::Accepted) {
        try {
            m_catalogue->curation().addReviews(refs, dialog.review(), shown);
            return;
        } catch (const Error& error) {
            QMessageBox::warning(m_window, tr("Cannot record the review"), error.message());
        }
    }
}

void CurationActions::updateEnabled()
{
    const bool writable = m_catalogue && !m_catalogue->isReadOnly();
    for (QAction* action : std::as_const(m_editing)) {
        action->setEnabled(writable);
    }
    if (m_statusMenu) {
        m_statusMenu->setEnabled(writable);
    }
}

void CurationActions::run(const std::function<void()>& change, const QString& failure)
{
    for (;;) {
        try {
            change();
            return;
        } catch (const Error& error) {
            if (error.kind() != Error::Kind::ConnectionLost) {
                QMessageBox::warning(m_window, failure, error.message());
                return;
            }
            // Nothing reached the server, so the same change can simply be made again once the
            // window has connected again (its banner says when).
            QMessageBox box(QMessageBox::Warning, failure,
                            error.message() + QStringLiteral("\n\n") +
                                tr("The bar at the top of the window says when the connection is back."),
                            QMessageBox::Cancel, m_window);
            box.setObjectName(QStringLiteral("ConnectionLostQuestion"));
            QPushButton* again = box.addButton(tr("Try &Again"), QMessageBox::AcceptRole);
            box.setDefaultButton(again);
            box.exec();
            if (box.clickedButton() != again) {
                return;
            }
        }
    }
}

void CurationActions::newExhibit()
{
    ExhibitEditor editor(choicesOf(*m_catalogue), std::nullopt, m_window);
    while (editor.exec() == QDialog::Accepted) {
        Exhibit exhibit = editor.exhibit();
        try {
            if (exhibit.ref.isEmpty()) {
                exhibit.ref = m_catalogue->uniqueRefFor(exhibit.title);
            }
            m_catalogue->curation().addExhibit(exhibit);
            return;
        } catch (const Error& error) {
            QMessageBox::warning(m_window, tr("Cannot add the exhibit"), error.message());
        }
    }
}

void CurationActions::editCurrent()
{
    const QStringList refs = m_selectedRefs();
    if (refs.isEmpty() || !m_catalogue || m_catalogue->isReadOnly()) {
        return;
    }
    const std::optional<Exhibit> current = m_catalogue->exhibit(refs.first());
    if (!current) {
        return;
    }
    ExhibitEditor editor(choicesOf(*m_catalogue), current, m_window);
    // Another window, the command line or another curator may change the exhibit while it is open.
    const QMetaObject::Connection watching =
        connect(m_catalogue, &Catalogue::changed, &editor, [this, &editor, current](const CatalogueChange& change) {
            if (!change.elsewhere || !change.touches(CatalogueChange::Exhibits) ||
                (!change.refs.isEmpty() && !change.refs.contains(current->ref))) {
                return;
            }
            const std::optional<Exhibit> stored = m_catalogue->exhibit(current->ref);
            if (!stored) {
                editor.warnChangedElsewhere(tr("This exhibit was deleted elsewhere since you opened it."));
            } else if (stored->version != current->version) {
                const QList<ChangeLogEntry> history = m_catalogue->history(current->ref);
                editor.warnChangedElsewhere(
                    tr("%1 changed this exhibit at %2 since you opened it. Saving will ask whether to keep their "
                       "change or yours.")
                        .arg(history.isEmpty() ? tr("Someone") : history.first().who,
                             history.isEmpty() ? QString()
                                               : history.first().at.toLocalTime().toString(QStringLiteral("HH:mm"))));
            }
        });
    while (editor.exec() == QDialog::Accepted) {
        Exhibit mine = editor.exhibit();
        try {
            m_catalogue->curation().updateExhibit(mine);
            break;
        } catch (const ConflictError& conflict) {
            if (overwriteAfterConflict(conflict, mine)) {
                break;
            }
            const std::optional<Exhibit> stored = m_catalogue->exhibit(current->ref);
            if (!stored) {
                break;
            }
            editor.reload(*stored, tr("Reloaded with the stored version. Your text is on the clipboard."));
        } catch (const Error& error) {
            QMessageBox::warning(m_window, tr("Cannot save the exhibit"), error.message());
        }
    }
    disconnect(watching);
}

bool CurationActions::overwriteAfterConflict(const ConflictError& conflict, const Exhibit& mine)
{
    const std::optional<Exhibit>& stored = conflict.conflicts().first().current;
    QMessageBox box(QMessageBox::Warning, tr("This exhibit changed while you were editing it"), conflict.message(),
                    QMessageBox::NoButton, m_window);
    // The text typed here stays to hand whatever is chosen.
    const QString yours =
        tr("Title: %1\n\nSummary: %2\n\nDescription:\n%3").arg(mine.title, mine.summary, mine.description);
    box.setDetailedText(yours);
    QPushButton* reload = box.addButton(tr("Reload Their Version"), QMessageBox::AcceptRole);
    QPushButton* overwrite = stored ? box.addButton(tr("Overwrite with Mine"), QMessageBox::DestructiveRole) : nullptr;
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(reload);
    box.exec();
    QGuiApplication::clipboard()->setText(yours);
    if (overwrite && box.clickedButton() == overwrite) {
        Exhibit again = mine;
        again.version = stored->version;
        try {
            m_catalogue->curation().updateExhibit(again);
            return true;
        } catch (const Error& error) {
            QMessageBox::warning(m_window, tr("Cannot save the exhibit"), error.message());
            return false;
        }
    }
    return box.clickedButton() != reload; // Cancel: nothing saved, the editor closes
}

void CurationActions::deleteSelected()
{
    const QStringList refs = m_selectedRefs();
    if (refs.isEmpty()) {
        return;
    }
    const QString question = refs.size() == 1 ? tr("Delete the exhibit \"%1\"?").arg(refs.first())
                                              : tr("Delete %n exhibit(s)?", nullptr, int(refs.size()));
    if (QMessageBox::question(m_window, tr("Delete"),
                              question + QLatin1Char(' ') + tr("Edit ▸ Undo brings it back.")) == QMessageBox::Yes) {
        run([&] { m_catalogue->curation().removeExhibits(refs, m_selectedVersions()); }, tr("Cannot delete"));
    }
}

void CurationActions::tagSelected(bool add)
{
    const QStringList refs = m_selectedRefs();
    if (refs.isEmpty()) {
        return;
    }
    QInputDialog dialog(m_window);
    dialog.setWindowTitle(add ? tr("Tag the selected exhibits") : tr("Untag the selected exhibits"));
    dialog.setLabelText(tr("Tags, separated by commas (%n exhibit(s) selected):", nullptr, int(refs.size())));
    dialog.setTextValue(QString());
    // Completion from the catalogue's tags, for the word after the last comma.
    if (auto* field = dialog.findChild<QLineEdit*>()) {
        QStringList known;
        try {
            known = choicesOf(*m_catalogue).tags;
        } catch (const Error&) {
            // Completions help but are not needed: the tagging itself says what went wrong.
        }
        auto* completer = new QCompleter(known, field);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setWidget(field);
        connect(field, &QLineEdit::textEdited, completer, [completer](const QString& text) {
            const QString word = text.section(QLatin1Char(','), -1).trimmed();
            completer->setCompletionPrefix(word);
            if (word.size() >= 2 && completer->completionCount() > 0) {
                completer->complete();
            }
        });
        connect(completer, qOverload<const QString&>(&QCompleter::activated), field, [field](const QString& tag) {
            QStringList parts = field->text().split(QLatin1Char(','));
            parts.last() = (parts.size() > 1 ? QStringLiteral(" ") : QString()) + tag;
            field->setText(parts.join(QLatin1Char(',')));
        });
    }
    const QStringList tags = dialog.exec() == QDialog::Accepted
                                 ? dialog.textValue().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                 : QStringList();
    if (!tags.isEmpty()) {
        const ExpectedVersions shown = m_selectedVersions();
        run(
            [&] {
                add ? m_catalogue->curation().addTags(refs, tags, shown)
                    : m_catalogue->curation().removeTags(refs, tags, shown);
            },
            tr("Cannot change the tags"));
    }
}

} // namespace spotlight
