#pragma once

#include "search/NoMatchExplanation.h"

#include <QFrame>
#include <QList>

class QAbstractButton;
class QHBoxLayout;
class QLabel;

namespace spotlight {

// Stands above an empty list of results and says why it is empty (NoMatchExplanation), with a
// button for each term to blame that drops it from the query. Hidden while there are results.
class NoMatchNotice : public QFrame
{
    Q_OBJECT

public:
    explicit NoMatchNotice(QWidget* parent = nullptr);

    void showExplanation(const NoMatchExplanation& explanation);
    void clear();
    QString message() const;
    // The "Drop 'word'" buttons, in the order of the query: for the window's Tab order and tests.
    QList<QAbstractButton*> dropButtons() const { return m_buttons; }

Q_SIGNALS:
    // The query with one term dropped.
    void queryEdited(const QString& query);

private:
    QLabel* m_message;
    QHBoxLayout* m_buttonRow;
    QList<QAbstractButton*> m_buttons;
};

} // namespace spotlight
