#include "ImportWizard.h"

#include "Catalogue.h"
#include "Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace spotlight {
namespace {

enum Column
{
    LineColumn,
    TitleColumn,
    LeadColumn,
    FindingsColumn,
    DecisionColumn,
};

// What the decision box offers for a row: add, update each exhibit it may repeat, skip.
struct Choice
{
    ImportDecision decision;
    QString ref; // for Update
};

QList<Choice> choicesFor(const ImportRow& row)
{
    QList<Choice> choices;
    const bool sameRefExists =
        std::any_of(row.duplicates.begin(), row.duplicates.end(), [](const PossibleDuplicate& d) {
            return d.inCatalogue() && d.reason == QLatin1String("the same ref");
        });
    if (!sameRefExists) {
        choices << Choice{ImportDecision::Create, {}};
    }
    for (const PossibleDuplicate& duplicate : row.duplicates) {
        if (duplicate.inCatalogue()) {
            choices << Choice{ImportDecision::Update, duplicate.ref};
        }
    }
    choices << Choice{ImportDecision::Skip, {}};
    return choices;
}

// Where a row is, as short as the table allows: its row when the import has one file.
QString placeLabel(const SourcePlace& place, bool severalFiles)
{
    return severalFiles ? QStringLiteral("%1:%2").arg(QFileInfo(place.file).fileName()).arg(place.line)
                        : QString::number(place.line);
}

QString choiceLabel(const Choice& choice)
{
    switch (choice.decision) {
    case ImportDecision::Create:
        return QObject::tr("Add as new");
    case ImportDecision::Update:
        return QObject::tr("Update %1").arg(choice.ref);
    case ImportDecision::Skip:
        return QObject::tr("Skip");
    }
    return {};
}

} // namespace

// The second page is complete only when the plan can be applied.
class ImportWizard::RowsPage : public QWizardPage
{
public:
    explicit RowsPage(ImportWizard& wizard)
        : m_wizard(wizard)
    {}
    bool isComplete() const override
    {
        return m_wizard.m_plan.isValid() && m_wizard.m_plan.skips() < m_wizard.m_plan.rows.size();
    }
    void refresh() { Q_EMIT completeChanged(); }

private:
    ImportWizard& m_wizard;
};

ImportWizard::ImportWizard(const Catalogue& catalogue, QWidget* parent)
    : QWizard(parent)
    , m_catalogue(catalogue)
    , m_path(new QLineEdit(this))
    , m_fileError(new QLabel(this))
    , m_createEditions(
          new QCheckBox(tr("&Create the editions and categories the file names that the catalogue lacks"), this))
    , m_rows(new QTableWidget(this))
    , m_details(new QTextBrowser(this))
    , m_summary(new QLabel(this))
    , m_rowsPage(new RowsPage(*this))
{
    setWindowTitle(tr("Import submissions"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    resize(1100, 680);

    auto* filePage = new QWizardPage(this);
    filePage->setTitle(tr("Choose the file"));
    filePage->setSubTitle(tr("A workbook (.xlsx) or CSV made from the submission template, or a JSON catalogue. "
                             "Nothing is written until you have seen every row."));
    auto* browse = new QPushButton(tr("&Browse…"), filePage);
    m_path->setAccessibleName(tr("File to import"));
    m_fileError->setWordWrap(true);
    m_fileError->setStyleSheet(QStringLiteral("color: #a4262c;"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* fileLayout = new QVBoxLayout(filePage);
    auto* label = new QLabel(tr("&File:"), filePage);
    label->setBuddy(m_path);
    fileLayout->addWidget(label);
    fileLayout->addLayout(pathRow);
    fileLayout->addWidget(m_fileError);
    m_createEditions->setToolTip(tr("Without this, an edition or category the catalogue lacks is a problem to fix, so "
                                    "that a typing mistake never becomes a new edition."));
    fileLayout->addWidget(m_createEditions);
    fileLayout->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import submissions"), m_path->text(),
                                         tr("Submissions (*.xlsx *.csv *.txt *.tsv *.json);;All files (*)"));
        if (!path.isEmpty()) {
            m_path->setText(path);
        }
    });
    addPage(filePage);
    // Typing a path is the quickest way in; the field has the focus whenever its page shows.
    QTimer::singleShot(0, m_path, [this] { m_path->setFocus(); });

    m_rowsPage->setTitle(tr("Check every row"));
    m_rowsPage->setSubTitle(tr("Choose for each row whether to add it, update the exhibit it repeats, or skip it. "
                               "Rows with problems must be fixed in the file (then Re-read it) or skipped."));
    m_rows->setColumnCount(5);
    m_rows->setHorizontalHeaderLabels({tr("Line"), tr("Title"), tr("Lead authority"), tr("Findings"), tr("Decision")});
    m_rows->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_rows->horizontalHeader()->setSectionResizeMode(FindingsColumn, QHeaderView::Stretch);
    m_rows->verticalHeader()->hide();
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setAccessibleName(tr("Rows of the file"));
    m_details->setAccessibleName(tr("The selected row in full"));
    m_summary->setWordWrap(true);
    auto* splitter = new QSplitter(Qt::Vertical, m_rowsPage);
    splitter->addWidget(m_rows);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* rowsLayout = new QVBoxLayout(m_rowsPage);
    rowsLayout->addWidget(splitter, 1);
    rowsLayout->addWidget(m_summary);
    // Leaving rows out is the curator's choice, made here, never a default.
    auto* skipProblems = new QPushButton(tr("&Skip the rows with problems"), m_rowsPage);
    skipProblems->setObjectName(QStringLiteral("skipProblems"));
    auto* reread = new QPushButton(tr("&Re-read the file"), m_rowsPage);
    reread->setToolTip(tr("After fixing the file in its spreadsheet, read it again and check every row anew."));
    auto* actions = new QHBoxLayout;
    actions->addWidget(skipProblems);
    actions->addWidget(reread);
    actions->addStretch(1);
    rowsLayout->addLayout(actions);
    connect(skipProblems, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_plan.rows.size(); ++i) {
            if (!m_plan.rows.at(i).problems.isEmpty()) {
                auto* decision = qobject_cast<QComboBox*>(m_rows->cellWidget(i, DecisionColumn));
                decision->setCurrentIndex(decision->count() - 1); // Skip, which decide() records
            }
        }
    });
    connect(reread, &QPushButton::clicked, this, [this] { planFile(); });
    connect(m_rows, &QTableWidget::currentCellChanged, this, [this](int row) { showDetails(row); });
    addPage(m_rowsPage);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setFile(const QString& path)
{
    m_path->setText(path);
}

bool ImportWizard::planFile()
{
    if (m_path->text().trimmed().isEmpty()) {
        m_fileError->setText(tr("Choose the file to import: type its path or use Browse."));
        return false;
    }
    try {
        // Same-ref rows are planned as updates; the person sees each and may skip it.
        m_plan = m_catalogue.planImport(m_path->text().trimmed(), ImportOptions{true, m_createEditions->isChecked()});
    } catch (const Error& error) {
        m_fileError->setText(error.message());
        return false;
    }
    m_fileError->clear();
    fillRows();
    return true;
}

bool ImportWizard::validateCurrentPage()
{
    return currentPage() == m_rowsPage || planFile();
}

void ImportWizard::fillRows()
{
    const bool json = !m_plan.rows.isEmpty() && m_plan.rows.first().place.json;
    m_rows->setHorizontalHeaderItem(LineColumn, new QTableWidgetItem(m_plan.files.size() > 1 ? tr("File and row")
                                                                     : json                  ? tr("Line")
                                                                                             : tr("Row")));
    m_rows->setRowCount(int(m_plan.rows.size()));
    for (int i = 0; i < m_plan.rows.size(); ++i) {
        const ImportRow& row = m_plan.rows.at(i);
        QStringList findings;
        findings << row.problems;
        for (const PossibleDuplicate& duplicate : row.duplicates) {
            findings << (duplicate.inCatalogue()
                             ? tr("May repeat \"%1\" (%2)").arg(duplicate.title, duplicate.reason)
                             : tr("May repeat %1 (%2)")
                                   .arg(duplicate.earlierRow->inWords(row.place.file), duplicate.reason));
        }
        auto* line = new QTableWidgetItem(placeLabel(row.place, m_plan.files.size() > 1));
        auto* title = new QTableWidgetItem(row.exhibit.title);
        QString lead = row.exhibit.leadAuthority;
        for (const QString& note : row.resolved) {
            if (note.startsWith(QLatin1String("lead_authority"))) {
                lead += tr(" (from %1)").arg(note.section(QLatin1Char('"'), 1, 1));
            }
        }
        auto* leadItem = new QTableWidgetItem(lead);
        auto* findingItem = new QTableWidgetItem(findings.isEmpty() ? tr("None") : findings.join(QStringLiteral("; ")));
        if (!row.problems.isEmpty()) {
            findingItem->setForeground(QColor(0xa4, 0x26, 0x2c));
        } else if (!row.duplicates.isEmpty()) {
            findingItem->setForeground(QColor(0x8a, 0x5a, 0x00));
        }
        m_rows->setItem(i, LineColumn, line);
        m_rows->setItem(i, TitleColumn, title);
        m_rows->setItem(i, LeadColumn, leadItem);
        m_rows->setItem(i, FindingsColumn, findingItem);

        auto* decision = new QComboBox(m_rows);
        decision->setAccessibleName(tr("Decision for %1").arg(row.place.inWords({})));
        const QList<Choice> choices = choicesFor(row);
        for (const Choice& choice : choices) {
            decision->addItem(choiceLabel(choice));
        }
        int current = 0;
        for (int c = 0; c < choices.size(); ++c) {
            if (choices.at(c).decision == row.decision &&
                (row.decision != ImportDecision::Update || choices.at(c).ref == row.exhibit.ref)) {
                current = c;
            }
        }
        decision->setCurrentIndex(current);
        connect(decision, &QComboBox::currentIndexChanged, this, [this, i](int choice) { decide(i, choice); });
        m_rows->setCellWidget(i, DecisionColumn, decision);
    }
    m_rows->resizeColumnToContents(LineColumn);
    m_rows->resizeColumnToContents(LeadColumn);
    m_rows->resizeColumnToContents(DecisionColumn);
    if (!m_plan.rows.isEmpty()) {
        m_rows->setCurrentCell(0, TitleColumn);
    }
    updateSummary();
}

void ImportWizard::decide(int row, int choice)
{
    const Choice chosen = choicesFor(m_plan.rows.at(row)).value(choice);
    try {
        m_plan.decide(row, chosen.decision, chosen.ref);
    } catch (const Error& error) {
        m_summary->setText(error.message());
    }
    showDetails(row);
    updateSummary();
}

void ImportWizard::showDetails(int row)
{
    if (row < 0 || row >= m_plan.rows.size()) {
        m_details->clear();
        return;
    }
    const ImportRow& imported = m_plan.rows.at(row);
    // Rows are named as the spreadsheet numbers them.
    QString html = tr("<p><b>%1: %2</b> (%3)</p>")
                       .arg(imported.place.toString().toHtmlEscaped(), imported.exhibit.title.toHtmlEscaped(),
                            imported.exhibit.ref);
    auto list = [&html](const QString& heading, const QStringList& items) {
        if (items.isEmpty()) {
            return;
        }
        html += QStringLiteral("<p>%1</p><ul>").arg(heading);
        for (const QString& item : items) {
            html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    };
    list(tr("Problems, to fix in the file or skip:"), imported.problems);
    list(tr("Names read through an alias or code:"), imported.resolved);
    QStringList duplicates;
    for (const PossibleDuplicate& duplicate : imported.duplicates) {
        duplicates << (duplicate.inCatalogue()
                           ? tr("%1, \"%2\": %3").arg(duplicate.ref, duplicate.title, duplicate.reason)
                           : tr("%1: %2").arg(duplicate.earlierRow->inWords(imported.place.file), duplicate.reason));
    }
    list(tr("May repeat:"), duplicates);
    if (!imported.exhibit.summary.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(imported.exhibit.summary.toHtmlEscaped());
    }
    m_details->setHtml(html);
}

void ImportWizard::updateSummary()
{
    QStringList parts{tr("%n to add", nullptr, m_plan.creates()), tr("%n to update", nullptr, m_plan.updates()),
                      tr("%n to skip", nullptr, m_plan.skips())};
    QString text = tr("%1 rows: %2.").arg(m_plan.rows.size()).arg(parts.join(QStringLiteral(", ")));
    const auto withProblems = std::count_if(m_plan.rows.cbegin(), m_plan.rows.cend(), [](const ImportRow& row) {
        return !row.problems.isEmpty() && row.decision != ImportDecision::Skip;
    });
    if (withProblems > 0) {
        text += QStringLiteral("<br/><span style='color:#a4262c'>%1</span>")
                    .arg(tr("%n row(s) to import have problems: fix them in the file and re-read it, or skip them.",
                            nullptr, int(withProblems)));
    }
    setButtonText(QWizard::FinishButton,
                  tr("&Import %1, skip %2").arg(m_plan.creates() + m_plan.updates()).arg(m_plan.skips()));
    for (const ImportProblem& encoding : m_plan.encodings) {
        text += QStringLiteral("<br/>") +
                tr("%1 was read as %2.")
                    .arg(QFileInfo(encoding.place.file).fileName().toHtmlEscaped(), encoding.message.toHtmlEscaped());
    }
    if (!m_plan.fileProblems.isEmpty()) {
        QStringList fileProblems;
        for (const ImportProblem& problem : m_plan.fileProblems) {
            fileProblems << problem.toString();
        }
        text += QStringLiteral("<br/><span style='color:#a4262c'>%1</span>")
                    .arg(tr("The file itself has problems, so it cannot be imported: %1")
                             .arg(fileProblems.join(QStringLiteral("; ")).toHtmlEscaped()));
    }
    for (const Edition& edition : m_plan.editionsToCreate()) {
        text += QStringLiteral("<br/>") + tr("A new edition will be created: %1").arg(edition.name.toHtmlEscaped());
    }
    m_summary->setText(text);
    m_rowsPage->refresh();
}

} // namespace spotlight
