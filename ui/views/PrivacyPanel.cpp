#include "PrivacyPanel.h"

#include "Catalogue.h"
#include "Error.h"
#include "storage/ChangeLogStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace spotlight {

PrivacyPanel::PrivacyPanel(std::function<Catalogue*()> catalogue, std::function<QString()> query, QWidget* parent)
    : QWidget(parent)
    , m_catalogue(std::move(catalogue))
    , m_query(std::move(query))
    , m_summary(
          new QLabel(tr("Check the exhibits on screen for names, ages, schools, postcodes and other personal data "
                        "before they are published."),
                     this))
    , m_showReviewed(new QCheckBox(tr("Show &reviewed findings"), this))
    , m_list(new QTreeWidget(this))
    , m_mark(new QPushButton(tr("&Mark Reviewed…"), this))
    , m_unmark(new QPushButton(tr("&Unmark"), this))
{
    m_summary->setWordWrap(true);
    auto* run = new QPushButton(tr("&Check These Exhibits"), this);
    m_list->setAccessibleName(tr("Privacy findings"));
    m_list->setColumnCount(5);
    m_list->setHeaderLabels({tr("Exhibit"), tr("Field"), tr("Kind"), tr("Excerpt"), tr("Review")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    // Room for a decision's reason beside the excerpt, which takes what is left.
    m_list->header()->resizeSection(0, 160);
    m_list->header()->resizeSection(4, 300);
    m_mark->setEnabled(false);
    m_unmark->setEnabled(false);
    m_unmark->setToolTip(tr("Take back the decision that this finding may be published"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(m_showReviewed);
    buttons->addStretch(1);
    buttons->addWidget(m_mark);
    buttons->addWidget(m_unmark);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);

    connect(run, &QPushButton::clicked, this, &PrivacyPanel::check);
    connect(m_showReviewed, &QCheckBox::toggled, this, &PrivacyPanel::showFindings);
    connect(m_mark, &QPushButton::clicked, this, &PrivacyPanel::askReason);
    connect(m_list, &QTreeWidget::itemActivated, this, &PrivacyPanel::askReason);
    connect(m_unmark, &QPushButton::clicked, this,
            [this] { unmarkReviewed(m_list->indexOfTopLevelItem(m_list->currentItem())); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &PrivacyPanel::updateButtons);
}

void PrivacyPanel::updateButtons()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    const bool reviewed = row >= 0 && m_findings.at(m_shown.at(row)).reviewed;
    m_mark->setEnabled(row >= 0 && !reviewed);
    m_unmark->setEnabled(reviewed);
}

void PrivacyPanel::check()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_findings = m_catalogue()->privacyFindings(m_query());
    } catch (const Error& error) {
        m_findings.clear();
        m_summary->setText(error.message());
    }
    QApplication::restoreOverrideCursor();
    showFindings();
}

void PrivacyPanel::showFindings()
{
    m_list->clear();
    m_shown.clear();
    QList<QTreeWidgetItem*> items;
    for (int i = 0; i < m_findings.size(); ++i) {
        const PrivacyFinding& finding = m_findings.at(i);
        if (finding.reviewed && !m_showReviewed->isChecked()) {
            continue;
        }
        auto* item = new QTreeWidgetItem({finding.exhibitTitle, finding.field, finding.kind, finding.excerpt});
        item->setToolTip(0, finding.exhibitRef);
        item->setToolTip(3, finding.excerpt);
        items << item;
        m_shown << i;
    }
    m_list->addTopLevelItems(items);
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        showReview(row);
    }
    m_list->resizeColumnToContents(1);
    m_list->resizeColumnToContents(2);
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(0, std::min(m_list->columnWidth(0), 220));
    showSummary();
    updateButtons();
}

void PrivacyPanel::showReview(int row)
{
    const PrivacyFinding& finding = m_findings.at(m_shown.at(row));
    QTreeWidgetItem* item = m_list->topLevelItem(row);
    item->setText(4, finding.reviewed ? tr("Reviewed: %1").arg(finding.reviewReason) : tr("Not reviewed"));
    item->setToolTip(4, finding.reviewed
                            ? tr("%1, %2: %3")
                                  .arg(finding.reviewedBy,
                                       QLocale().toString(finding.reviewedAt.toLocalTime(), QLocale::ShortFormat),
                                       finding.reviewReason)
                            : QString());
}

void PrivacyPanel::showDecision(int row)
{
    showReview(row);
    showSummary();
    updateButtons();
}

void PrivacyPanel::showSummary()
{
    const auto unreviewed = std::count_if(m_findings.cbegin(), m_findings.cend(),
                                          [](const PrivacyFinding& finding) { return !finding.reviewed; });
    m_summary->setText(m_findings.isEmpty() ? tr("No likely personal data found in these exhibits.")
                                            : tr("%n finding(s), ", nullptr, int(m_findings.size())) +
                                                  tr("%n not reviewed. Export and letters warn until each is reviewed.",
                                                     nullptr, int(unreviewed)));
}

bool PrivacyPanel::markReviewed(int row, const QString& reason)
{
    try {
        PrivacyFinding& finding = m_findings[m_shown.at(row)];
        m_catalogue()->curation().markPrivacyReviewed(finding, reason);
        finding.reviewed = true;
        finding.reviewReason = reason.trimmed();
        finding.reviewedBy = m_catalogue()->curation().author();
        finding.reviewedAt = QDateTime::currentDateTimeUtc();
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Privacy check"), error.message());
        return false;
    }
    // Shown as reviewed where it is, even when reviewed ones are hidden: the list never moves
    // under the cursor (the next Enter would mark the finding that slid into its place).
    showDecision(row);
    return true;
}

bool PrivacyPanel::unmarkReviewed(int row)
{
    if (row < 0) {
        return false;
    }
    try {
        PrivacyFinding& finding = m_findings[m_shown.at(row)];
        m_catalogue()->curation().unmarkPrivacyReviewed(finding);
        finding.reviewed = false;
        finding.reviewReason.clear();
        finding.reviewedBy.clear();
        finding.reviewedAt = {};
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Privacy check"), error.message());
        return false;
    }
    showDecision(row);
    return true;
}

void PrivacyPanel::askReason()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || m_findings.at(m_shown.at(row)).reviewed) {
        return;
    }
    const PrivacyFinding& finding = m_findings.at(m_shown.at(row));
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Mark reviewed"),
        tr("Why may \"%1\" (%2 in %3) be published?").arg(finding.match, finding.kind, finding.field),
        QLineEdit::Normal, QString(), &ok);
    if (ok) {
        markReviewed(row, reason);
    }
}

} // namespace spotlight
