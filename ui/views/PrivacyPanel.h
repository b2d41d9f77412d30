#pragma once

#include "check/PrivacyCheck.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace spotlight {

class Catalogue;

// The privacy check in the window: likely personal data in the exhibits on screen, each with its
// exhibit, field and excerpt, and a way to record that a finding has been looked at and why.
class PrivacyPanel : public QWidget
{
    Q_OBJECT

public:
    // `catalogue` and `query` give the open catalogue and the search on screen when asked.
    PrivacyPanel(std::function<Catalogue*()> catalogue, std::function<QString()> query, QWidget* parent = nullptr);

    // Scans the exhibits of the search on screen.
    void check();
    // Records the finding on `row` as reviewed, or takes that back; false when the catalogue
    // refuses. The row stays where it is, so the next row under the cursor is the one it was.
    bool markReviewed(int row, const QString& reason);
    bool unmarkReviewed(int row);
    QTreeWidget* findingList() const { return m_list; }

private:
    void showFindings();
    // The row's review column and the summary, after its finding was marked or unmarked.
    void showReview(int row);
    void showSummary();
    // All three of those after a decision on `row` changed.
    void showDecision(int row);
    void updateButtons();
    void askReason();

    std::function<Catalogue*()> m_catalogue;
    std::function<QString()> m_query;
    QList<PrivacyFinding> m_findings;
    QList<int> m_shown; // index into m_findings of each row on screen
    QLabel* m_summary;
    QCheckBox* m_showReviewed;
    QTreeWidget* m_list;
    QPushButton* m_mark;
    QPushButton* m_unmark;
};

} // namespace spotlight
