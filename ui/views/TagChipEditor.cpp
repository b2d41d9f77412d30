#include "TagChipEditor.h"

#include "domain/Tag.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

namespace spotlight {

TagChipEditor::TagChipEditor(const QStringList& knownTags, QWidget* parent)
    : QWidget(parent)
    , m_chips(new QHBoxLayout)
    , m_field(new QLineEdit(this))
{
    setAccessibleName(tr("Tags"));
    m_field->setAccessibleName(tr("Add a tag"));
    m_field->setPlaceholderText(tr("add a tag, e.g. send/autism"));
    auto* completer = new QCompleter(knownTags, m_field);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_field->setCompleter(completer);
    m_field->installEventFilter(this);
    setFocusProxy(m_field); // the form label's mnemonic and Tab land in the field
    connect(m_field, &QLineEdit::returnPressed, this, &TagChipEditor::addTyped);
    connect(m_field, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.endsWith(QLatin1Char(','))) {
            addTyped();
        }
    });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this] { addTyped(); });

    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->setSpacing(4);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_chips);
    layout->addWidget(m_field, 1);
}

void TagChipEditor::setTags(const QStringList& tags)
{
    m_tags.clear();
    for (const QString& tag : tags) {
        const QString name = normaliseTagName(tag);
        if (!name.isEmpty() && !m_tags.contains(name)) {
            m_tags << name;
        }
    }
    rebuildChips();
}

void TagChipEditor::addTyped()
{
    QString typed = m_field->text();
    typed.remove(QLatin1Char(','));
    setTags(m_tags + QStringList{typed});
    // The completer sets the text after activation; clear once it has.
    QMetaObject::invokeMethod(m_field, &QLineEdit::clear, Qt::QueuedConnection);
}

void TagChipEditor::rebuildChips()
{
    while (QLayoutItem* item = m_chips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString& tag : std::as_const(m_tags)) {
        auto* chip = new QToolButton(this);
        chip->setText(tag + QStringLiteral("  \u2715"));
        chip->setToolTip(tr("Remove the tag %1").arg(tag));
        chip->setAccessibleName(tr("Remove tag %1").arg(tag));
        connect(chip, &QToolButton::clicked, this, [this, tag] {
            m_tags.removeAll(tag);
            rebuildChips();
            m_field->setFocus();
        });
        m_chips->addWidget(chip);
    }
}

bool TagChipEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Backspace && m_field->text().isEmpty() && !m_tags.isEmpty()) {
            m_tags.removeLast();
            rebuildChips();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace spotlight
