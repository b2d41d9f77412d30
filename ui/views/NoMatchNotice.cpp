#include "NoMatchNotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spotlight {

NoMatchNotice::NoMatchNotice(QWidget* parent)
    : QFrame(parent)
    , m_message(new QLabel(this))
    , m_buttonRow(new QHBoxLayout)
{
    setObjectName(QStringLiteral("NoMatchNotice"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's own colours, so that the notice reads as well on a dark palette as a light one.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    m_message->setObjectName(QStringLiteral("NoMatchMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_message);
    m_buttonRow->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_buttonRow);
    hide();
}

QString NoMatchNotice::message() const
{
    return isVisibleTo(parentWidget()) ? m_message->text() : QString();
}

void NoMatchNotice::clear()
{
    hide();
    m_message->clear();
    qDeleteAll(m_buttons);
    m_buttons.clear();
    while (QLayoutItem* item = m_buttonRow->takeAt(0)) {
        delete item;
    }
}

void NoMatchNotice::showExplanation(const NoMatchExplanation& explanation)
{
    clear();
    if (explanation.isEmpty()) {
        return;
    }
    m_message->setText(explanation.message);
    for (const NoMatchExplanation::Culprit& culprit : explanation.culprits) {
        const QString term = NoMatchExplanation::quoted(culprit.term);
        const QString found =
            culprit.matchesWithout == 1 ? tr("1 exhibit") : tr("%1 exhibits").arg(culprit.matchesWithout);
        auto* drop = new QPushButton(tr("Drop %1 (%2)").arg(term, found), this);
        drop->setToolTip(culprit.queryWithout.isEmpty() ? tr("Search for every exhibit")
                                                        : tr("Search for: %1").arg(culprit.queryWithout));
        drop->setAccessibleName(tr("Drop %1 from the search").arg(term));
        const QString query = culprit.queryWithout;
        connect(drop, &QPushButton::clicked, this, [this, query] { Q_EMIT queryEdited(query); });
        m_buttonRow->addWidget(drop);
        m_buttons << drop;
    }
    m_buttonRow->addStretch(1);
    show();
}

} // namespace spotlight
