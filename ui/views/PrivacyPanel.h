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
    // Records the finding on `row` as reviewed; false when the catalogue refuses.
    bool markReviewed(int row, const QString& reason);
    QTreeWidget* findingList() const { return m_list; }

private:
    void showFindings();
    void askReason();

    std::function<Catalogue*()> m_catalogue;
    std::function<QString()> m_query;
    QList<PrivacyFinding> m_findings;
    QList<int> m_shown; // index into m_findings of each row on screen
    QLabel* m_summary;
    QCheckBox* m_showReviewed;
    QTreeWidget* m_list;
    QPushButton* m_mark;
};

} // namespace spotlight
