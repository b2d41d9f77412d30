#include "ConnectionBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace spotlight {
namespace {

// A server restarting takes seconds; one down for maintenance, minutes. Waits double from the first
// to the longest, so a long outage costs the server one attempt a minute per window.
constexpr int FirstWaitSeconds = 2;
constexpr int LongestWaitSeconds = 60;

} // namespace

ConnectionBanner::ConnectionBanner(QWidget* parent)
    : QFrame(parent)
    , m_message(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try Now"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("ConnectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's tooltip colours: a warning that stands out on a light palette and a dark one.
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);
    setAccessibleName(tr("Connection lost"));
    m_message->setObjectName(QStringLiteral("ConnectionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setForegroundRole(QPalette::ToolTipText);
    m_retry->setObjectName(QStringLiteral("RetryConnection"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (--m_secondsLeft > 0) {
            showCountdown();
            return;
        }
        m_tick->stop();
        Q_EMIT retry();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_tick->stop();
        Q_EMIT retry();
    });
    hide();
}

void ConnectionBanner::connectionLost(const QString& why)
{
    m_why = why;
    m_wait = m_lost ? std::min(m_wait * 2, LongestWaitSeconds) : FirstWaitSeconds;
    m_lost = true;
    m_secondsLeft = m_wait;
    showCountdown();
    show();
    m_tick->start();
}

void ConnectionBanner::connected()
{
    m_lost = false;
    m_tick->stop();
    hide();
}

QString ConnectionBanner::message() const
{
    return m_lost ? m_message->text() : QString();
}

void ConnectionBanner::showCountdown()
{
    const QString wait = m_secondsLeft == 1 ? tr("1 second") : tr("%1 seconds").arg(m_secondsLeft);
    m_message->setText(tr("%1\n\nTrying again in %2. Anything open in an editor stays there; save it once the "
                          "connection is back.")
                           .arg(m_why, wait));
}

} // namespace spotlight
