#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace spotlight {

// Across the top of the window while the connection to the team catalogue is lost: what happened,
// when it tries again (after 2, 4, 8... up to 60 seconds), and a button to try now. Nothing typed
// is lost meanwhile: editors stay open with their text, and a save made now says it failed.
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(QWidget* parent = nullptr);

    // Shows the banner (when hidden) with `why`, and waits longer before each next try.
    void connectionLost(const QString& why);
    // Hides the banner and starts the waits again from the shortest.
    void connected();
    bool isLost() const { return m_lost; }
    QString message() const;
    QPushButton* retryButton() const { return m_retry; }

Q_SIGNALS:
    // Time to try connecting again: the wait ran out, or the person asked.
    void retry();

private:
    void showCountdown();

    QLabel* m_message;
    QPushButton* m_retry;
    QTimer* m_tick;
    QString m_why;
    bool m_lost = false;
    int m_wait = 0; // seconds between this try and the next
    int m_secondsLeft = 0;
};

} // namespace spotlight
