#include "ReviewDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace spotlight {

ReviewDialog::ReviewDialog(const QStringList& titles, const QStringList& panels, const QStringList& recognitions,
                           QWidget* parent)
    : QDialog(parent)
    , m_panel(new QComboBox(this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_reviewers(new QLineEdit(this))
    , m_recognition(new QComboBox(this))
    , m_feedback(new QPlainTextEdit(this))
{
    setWindowTitle(titles.size() == 1 ? tr("Record a review of \"%1\"").arg(titles.first())
                                      : tr("Record a review of %n exhibit(s)", nullptr, int(titles.size())));
    m_panel->setEditable(true);
    m_panel->addItems(panels);
    m_panel->setAccessibleName(tr("Panel or sponsoring group"));
    // Typing goes to the combo box's own line edit, which a screen reader announces on its own.
    m_panel->lineEdit()->setAccessibleName(m_panel->accessibleName());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    m_reviewers->setPlaceholderText(tr("the reviewers' names, separated by ;"));
    m_recognition->setEditable(true);
    m_recognition->addItems(recognitions);
    m_recognition->setCurrentText(QString());
    m_recognition->setAccessibleName(tr("Recognition given"));
    m_recognition->lineEdit()->setAccessibleName(m_recognition->accessibleName());
    m_feedback->setTabChangesFocus(true);
    m_feedback->setPlaceholderText(tr("The panel's feedback to the team, as it will appear in their letter."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    if (titles.size() > 1) {
        // Which exhibits, before the same review goes on every one of them.
        auto* note = new QLabel(tr("The same review is recorded for each of these %n exhibit(s); Edit ▸ Undo takes "
                                   "them all back at once.",
                                   nullptr, int(titles.size())),
                                this);
        note->setWordWrap(true);
        note->setToolTip(titles.join(QLatin1Char('\n')));
        form->addRow(note);
    }
    form->addRow(tr("&Panel"), m_panel);
    form->addRow(tr("&Date"), m_date);
    form->addRow(tr("Re&viewers"), m_reviewers);
    form->addRow(tr("&Recognition"), m_recognition);
    form->addRow(tr("&Feedback"), m_feedback);
    form->addRow(buttons);
    resize(560, 420);
}

Review ReviewDialog::review() const
{
    return Review{m_panel->currentText().trimmed(), m_date->date(), m_reviewers->text().trimmed(),
                  m_feedback->toPlainText().trimmed(), m_recognition->currentText().trimmed()};
}

} // namespace spotlight
