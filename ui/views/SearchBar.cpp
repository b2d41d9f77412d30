#include "SearchBar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

namespace spotlight {
namespace {

constexpr int TypingPauseMs = 120;

// The word being typed: from the last space that is not inside quotes, to the cursor.
qsizetype currentWordStart(const QString& text, int cursor)
{
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < cursor && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (text.at(i).isSpace() && !quoted) {
            start = i + 1;
        }
    }
    return start;
}

} // namespace

SearchBar::SearchBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_words(new QStringListModel(this))
    , m_pause(new QTimer(this))
{
    m_edit->setPlaceholderText(
        tr("Search: words, \"a phrase\", borough:hackney, tag:send, level:>=2, -word, OR … (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Search exhibits"));
    m_edit->setAccessibleDescription(tr("The search language: words, phrases in quotes, OR, a minus to leave out, "
                                        "and fields such as borough:, category:, tag:, status: and level:"));
    m_edit->installEventFilter(this);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Search problem"));
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    m_error->hide();

    m_completer->setModel(m_words);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(m_edit);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SearchBar::complete);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);

    m_pause->setSingleShot(true);
    m_pause->setInterval(TypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, [this] { Q_EMIT queryChanged(query()); });
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_pause->start();
        updateCompletionPrefix();
    });
    // The clear button and setText() change the text without an edit.
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) {
            m_pause->start();
        }
    });
}

QString SearchBar::query() const
{
    return m_edit->text();
}

void SearchBar::setQuery(const QString& query)
{
    m_edit->setText(query);
    m_pause->stop();
    Q_EMIT queryChanged(query);
}

void SearchBar::setCompletions(const QStringList& words)
{
    m_words->setStringList(words);
}

void SearchBar::showError(const QString& message, int column)
{
    m_error->setText(message);
    m_error->show();
    if (column > 0) {
        m_edit->setToolTip(tr("Problem at column %1").arg(column));
    }
}

void SearchBar::clearError()
{
    m_error->hide();
    m_error->clear();
    m_edit->setToolTip(QString());
}

void SearchBar::updateCompletionPrefix()
{
    const QString text = m_edit->text();
    const qsizetype start = currentWordStart(text, m_edit->cursorPosition());
    QString word = text.mid(start, m_edit->cursorPosition() - start);
    if (word.startsWith(QLatin1Char('-'))) {
        word = word.mid(1);
    }
    if (word.size() < 2) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void SearchBar::complete(const QString& completion)
{
    QString text = m_edit->text();
    const int cursor = m_edit->cursorPosition();
    qsizetype start = currentWordStart(text, cursor);
    if (start < text.size() && text.at(start) == QLatin1Char('-')) {
        ++start;
    }
    const QString suffix = completion.endsWith(QLatin1Char(':')) ? QString() : QStringLiteral(" ");
    text.replace(start, cursor - start, completion + suffix);
    m_edit->setText(text);
    m_edit->setCursorPosition(int(start + completion.size() + suffix.size()));
    m_pause->start();
}

bool SearchBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && !m_completer->popup()->isVisible()) {
            Q_EMIT leaveRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace spotlight
