#include "CoverageDialog.h"

#include "Catalogue.h"
#include "Error.h"
#include "FileDialogs.h"
#include "io/Contrast.h"
#include "io/SafeFile.h"
#include "publishing/CoverageReport.h"
#include "views/LondonMap.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spotlight {

CoverageDialog::CoverageDialog(const Catalogue& catalogue, QWidget* parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_edition(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_silent(new QLabel(this))
{
    setWindowTitle(tr("Coverage"));
    resize(1100, 760);
    auto* editionLabel = new QLabel(tr("&Edition:"), this);
    editionLabel->setBuddy(m_edition);
    m_edition->setAccessibleName(tr("Edition"));
    for (const Edition& edition : catalogue.editions()) {
        m_edition->addItem(edition.name);
    }
    auto* explanation = new QLabel(tr("Submissions each authority leads, by category; an exhibit in two categories "
                                      "counts in both, and withdrawn ones are left out."),
                                   this);
    explanation->setWordWrap(true);
    m_table->setAccessibleName(tr("Coverage by authority and category"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter) | Qt::Alignment(Qt::TextWordWrap));
    // Category names wrap onto up to three lines; rows are compact so that all 33 show at once.
    m_table->horizontalHeader()->setFixedHeight(fontMetrics().lineSpacing() * 3 + 8);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 6);
    m_silent->setWordWrap(true);
    m_silent->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* saveButton = buttons->addButton(tr("&Save as CSV or PDF…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &CoverageDialog::save);
    connect(m_edition, &QComboBox::currentTextChanged, this, &CoverageDialog::showEdition);

    auto* top = new QHBoxLayout;
    top->addWidget(editionLabel);
    top->addWidget(m_edition, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(explanation);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_silent);
    layout->addWidget(buttons);

    if (const auto current = catalogue.currentEdition()) {
        m_edition->setCurrentText(current->name);
    }
    showEdition(m_edition->currentText());
}

void CoverageDialog::showEdition(const QString& edition)
{
    try {
        m_coverage = m_catalogue.coverage(edition);
    } catch (const Error& error) {
        m_coverage = Coverage{};
        m_silent->setText(error.message());
    }
    fill();
}

void CoverageDialog::fill()
{
    QStringList headings = m_coverage.categories;
    headings << tr("No category") << tr("Leads") << tr("Partner in");
    m_table->clear();
    m_table->setColumnCount(int(headings.size()));
    m_table->setHorizontalHeaderLabels(headings);
    m_table->setRowCount(int(m_coverage.rows.size()));
    QStringList authorities;
    const int largest = m_coverage.largestCell();
    for (int r = 0; r < m_coverage.rows.size(); ++r) {
        const Coverage::Row& row = m_coverage.rows.at(r);
        authorities << row.authority;
        QList<int> counts = row.byCategory;
        counts << row.uncategorised << row.led << row.partnered;
        for (int c = 0; c < counts.size(); ++c) {
            auto* cell = new QTableWidgetItem(counts.at(c) > 0 ? QString::number(counts.at(c)) : QString());
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setToolTip(tr("%1, %2: %3").arg(row.authority, headings.at(c)).arg(counts.at(c)));
            if (c < counts.size() - 2) { // the category cells, shaded; the totals are plain
                const double share = Coverage::shade(counts.at(c), largest);
                cell->setBackground(LondonMap::fillFor(palette(), share));
                cell->setForeground(Contrast::textOn(cell->background().color()));
            } else if (c == counts.size() - 2) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
                cell->setText(QString::number(row.led));
            }
            m_table->setItem(r, c, cell);
        }
    }
    m_table->setVerticalHeaderLabels(authorities);
    if (!m_coverage.edition.isEmpty()) {
        m_silent->setText(CoverageReport::silentInWords(m_coverage));
    }
}

void CoverageDialog::save()
{
    if (m_coverage.edition.isEmpty()) {
        return;
    }
    const QString path =
        FileDialogs::getSaveFileName(this, tr("Save the coverage"), tr("Coverage of %1.pdf").arg(m_coverage.edition),
                                     tr("PDF (*.pdf);;CSV for a spreadsheet (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
            writeFileAtomically(path, CoverageReport::csv(m_coverage));
        } else {
            CoverageReport::writePdf(m_coverage, path);
        }
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Cannot save the coverage"), error.message());
    }
}

} // namespace spotlight
