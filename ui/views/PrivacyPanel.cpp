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
    m_mark->setEnabled(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(m_showReviewed);
    buttons->addStretch(1);
    buttons->addWidget(m_mark);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);

    connect(run, &QPushButton::clicked, this, &PrivacyPanel::check);
    connect(m_showReviewed, &QCheckBox::toggled, this, &PrivacyPanel::showFindings);
    connect(m_mark, &QPushButton::clicked, this, &PrivacyPanel::askReason);
    connect(m_list, &QTreeWidget::itemActivated, this, &PrivacyPanel::askReason);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
        m_mark->setEnabled(row >= 0 && !m_findings.at(m_shown.at(row)).reviewed);
    });
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
    int unreviewed = 0;
    QList<QTreeWidgetItem*> items;
    for (int i = 0; i < m_findings.size(); ++i) {
        const PrivacyFinding& finding = m_findings.at(i);
        unreviewed += finding.reviewed ? 0 : 1;
        if (finding.reviewed && !m_showReviewed->isChecked()) {
            continue;
        }
        auto* item =
            new QTreeWidgetItem({finding.exhibitTitle, finding.field, finding.kind, finding.excerpt,
                                 finding.reviewed ? tr("Reviewed: %1").arg(finding.reviewReason) : tr("Not reviewed")});
        item->setToolTip(0, finding.exhibitRef);
        item->setToolTip(3, finding.excerpt);
        if (finding.reviewed) {
            item->setToolTip(4, tr("%1, %2: %3")
                                    .arg(finding.reviewedBy,
                                         QLocale().toString(finding.reviewedAt.toLocalTime(), QLocale::ShortFormat),
                                         finding.reviewReason));
        }
        items << item;
        m_shown << i;
    }
    m_list->addTopLevelItems(items);
    m_list->resizeColumnToContents(1);
    m_list->resizeColumnToContents(2);
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(0, std::min(m_list->columnWidth(0), 220));
    m_summary->setText(m_findings.isEmpty() ? tr("No likely personal data found in these exhibits.")
                                            : tr("%n finding(s), ", nullptr, int(m_findings.size())) +
                                                  tr("%n not reviewed. Export and letters warn until each is reviewed.",
                                                     nullptr, unreviewed));
    m_mark->setEnabled(false);
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
    showFindings();
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
