#include "ImportWizard.h"

#include "Catalogue.h"
#include "Error.h"
#include "FileDialogs.h"
#include "io/Contrast.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace spotlight {
namespace {

// The red of a problem, or one that reads on a dark palette.
QColor problemColour(const QPalette& palette)
{
    return Contrast::readable(QColor(0xa4, 0x26, 0x2c), palette.color(QPalette::Base));
}

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
    QString ref;       // for Update and Resubmit
    QString when = {}; // for Resubmit: the edition of the exhibit submitted again, "2025"
};

QList<Choice> choicesFor(const ImportRow& row)
{
    QList<Choice> choices;
    // A ref of another edition's exhibit is free for a new one: the row gets a ref of its own.
    const bool sameRefExists =
        std::any_of(row.duplicates.begin(), row.duplicates.end(), [](const PossibleDuplicate& d) {
            return d.inCatalogue() && !d.otherEdition && d.reason == QLatin1String("the same ref");
        });
    if (!sameRefExists) {
        choices << Choice{ImportDecision::Create, {}};
    }
    // An update stays within one edition; an exhibit of another may only be submitted again.
    for (const PossibleDuplicate& duplicate : row.duplicates) {
        if (duplicate.inCatalogue()) {
            choices << (duplicate.otherEdition ? Choice{ImportDecision::Resubmit, duplicate.ref, duplicate.when()}
                                               : Choice{ImportDecision::Update, duplicate.ref});
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
    case ImportDecision::Resubmit:
        return choice.when.isEmpty() ? QObject::tr("Add as resubmission of %1").arg(choice.ref)
                                     : QObject::tr("Add as resubmission of %1 (%2)").arg(choice.ref, choice.when);
    case ImportDecision::Skip:
        return QObject::tr("Skip");
    }
    return {};
}

// The file types the importer reads, for the file dialog and for a folder's files.
const QStringList ImportableNames{QStringLiteral("*.xlsx"), QStringLiteral("*.csv"), QStringLiteral("*.txt"),
                                  QStringLiteral("*.tsv"), QStringLiteral("*.json")};

QString decisionKey(const SourcePlace& place)
{
    return place.file + QLatin1Char('\n') + QString::number(place.line);
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
        return !m_wizard.isPlanning() && m_wizard.m_plan.isValid() &&
               m_wizard.m_plan.skips() < m_wizard.m_plan.rows.size();
    }
    void refresh() { Q_EMIT completeChanged(); }

private:
    ImportWizard& m_wizard;
};

ImportWizard::ImportWizard(const Catalogue& catalogue, QWidget* parent)
    : QWizard(parent)
    , m_catalogue(catalogue)
    , m_fileList(new QListWidget(this))
    , m_path(new QLineEdit(this))
    , m_fileError(new QLabel(this))
    , m_createEditions(
          new QCheckBox(tr("&Create the editions and categories the files name that the catalogue lacks"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel reading"), this))
    , m_rows(new QTableWidget(this))
    , m_details(new QTextBrowser(this))
    , m_fixes(new QWidget(this))
    , m_fixesLayout(new QVBoxLayout(m_fixes))
    , m_summary(new QLabel(this))
    , m_rowsPage(new RowsPage(*this))
{
    setWindowTitle(tr("Import submissions"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    resize(1100, 720);

    auto* filePage = new QWizardPage(this);
    filePage->setTitle(tr("Choose the files"));
    filePage->setSubTitle(tr("Workbooks (.xlsx) or CSV files made from the submission template, one or a whole "
                             "folder of them, or a JSON catalogue. They are imported together, as one step that "
                             "Undo takes back. Nothing is written until you have seen every row."));
    auto* label = new QLabel(tr("&Files:"), filePage);
    label->setBuddy(m_fileList);
    m_fileList->setAccessibleName(tr("Files to import"));
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* addFilesButton = new QPushButton(tr("Add &Files…"), filePage);
    auto* addFolderButton = new QPushButton(tr("Add a F&older…"), filePage);
    auto* remove = new QPushButton(tr("&Remove"), filePage);
    remove->setAccessibleName(tr("Remove the selected files"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(addFilesButton);
    buttons->addWidget(addFolderButton);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_fileList, 1);
    listRow->addLayout(buttons);
    auto* pathLabel = new QLabel(tr("Or type a file's &path and press Enter:"), filePage);
    pathLabel->setBuddy(m_path);
    m_path->setAccessibleName(tr("Path of a file to add"));
    m_fileError->setWordWrap(true);
    m_fileError->setStyleSheet(QStringLiteral("color: %1;").arg(problemColour(palette()).name()));
    m_createEditions->setToolTip(tr("Without this, an edition or category the catalogue lacks is a problem to fix, so "
                                    "that a typing mistake never becomes a new edition."));
    m_progress->setAccessibleName(tr("Reading and checking the files"));
    m_progress->hide();
    m_cancel->hide();
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* fileLayout = new QVBoxLayout(filePage);
    fileLayout->addWidget(label);
    fileLayout->addLayout(listRow, 1);
    fileLayout->addWidget(pathLabel);
    fileLayout->addWidget(m_path);
    fileLayout->addWidget(m_createEditions);
    fileLayout->addLayout(progressRow);
    fileLayout->addWidget(m_fileError);
    connect(addFilesButton, &QPushButton::clicked, this, [this] {
        addFiles(FileDialogs::getOpenFileNames(
            this, tr("Import submissions"), {},
            tr("Submissions (%1);;All files (*)").arg(ImportableNames.join(QLatin1Char(' ')))));
    });
    connect(addFolderButton, &QPushButton::clicked, this, [this] {
        const QString folder = FileDialogs::getExistingDirectory(this, tr("A folder of borough submissions"));
        if (folder.isEmpty()) {
            return;
        }
        QStringList paths;
        for (const QFileInfo& file : QDir(folder).entryInfoList(ImportableNames, QDir::Files, QDir::Name)) {
            paths << file.filePath();
        }
        if (paths.isEmpty()) {
            m_fileError->setText(tr("%1 has no workbooks, CSV or JSON files.").arg(QDir::toNativeSeparators(folder)));
        }
        addFiles(paths);
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_fileList->selectedItems()); });
    // Enter adds the typed file and nothing more: left to the dialog, it would also press a button.
    m_path->installEventFilter(this);
    connect(m_cancel, &QPushButton::clicked, this, &ImportWizard::cancelPlanning);
    addPage(filePage);
    // Typing a path is the quickest way in; the field has the focus whenever its page shows.
    QTimer::singleShot(0, m_path, [this] { m_path->setFocus(); });

    m_rowsPage->setTitle(tr("Check every row"));
    m_rowsPage->setSubTitle(tr("Choose for each row whether to add it, update the exhibit it repeats, or skip it. "
                               "Correct a row's problems below the table: type the right value, or click a "
                               "suggestion, and the import is checked again at once."));
    m_rows->setColumnCount(5);
    m_rows->setHorizontalHeaderLabels({tr("Row"), tr("Title"), tr("Lead authority"), tr("Findings"), tr("Decision")});
    m_rows->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_rows->horizontalHeader()->setSectionResizeMode(FindingsColumn, QHeaderView::Stretch);
    m_rows->verticalHeader()->hide();
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setAccessibleName(tr("Rows of the files"));
    m_details->setAccessibleName(tr("The selected row in full"));
    m_fixes->setAccessibleName(tr("Corrections to the selected row"));
    auto* fixesScroll = new QScrollArea(m_rowsPage);
    fixesScroll->setWidget(m_fixes);
    fixesScroll->setWidgetResizable(true);
    m_summary->setWordWrap(true);
    auto* lower = new QSplitter(Qt::Horizontal, m_rowsPage);
    lower->addWidget(m_details);
    lower->addWidget(fixesScroll);
    // The corrections are what the curator works in; the details are for reading.
    fixesScroll->setMinimumWidth(360);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto* splitter = new QSplitter(Qt::Vertical, m_rowsPage);
    splitter->addWidget(m_rows);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* rowsLayout = new QVBoxLayout(m_rowsPage);
    rowsLayout->addWidget(splitter, 1);
    rowsLayout->addWidget(m_summary);
    // Leaving rows out is the curator's choice, made here, never a default.
    auto* skipProblems = new QPushButton(tr("&Skip the rows with problems"), m_rowsPage);
    skipProblems->setObjectName(QStringLiteral("skipProblems"));
    auto* reread = new QPushButton(tr("Re-read the &files"), m_rowsPage);
    reread->setToolTip(tr("After fixing the files in their spreadsheet, read them again and check every row anew."));
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
    connect(reread, &QPushButton::clicked, this, [this] { startPlanning(false); });
    connect(m_rows, &QTableWidget::currentCellChanged, this, [this](int row) {
        showDetails(row);
        showFixes(row);
    });
    addPage(m_rowsPage);
}

ImportWizard::~ImportWizard()
{
    cancelPlanning();
    if (m_worker) {
        m_worker->wait();
    }
}

void ImportWizard::setFile(const QString& path)
{
    setFiles({path});
}

void ImportWizard::setFiles(const QStringList& paths)
{
    m_fileList->clear();
    addFiles(paths);
}

void ImportWizard::addFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (!path.isEmpty() && !files().contains(path)) {
            auto* item = new QListWidgetItem(QDir::toNativeSeparators(path), m_fileList);
            item->setData(Qt::UserRole, path);
        }
    }
    if (!paths.isEmpty()) {
        m_corrections.clear();
        m_fileError->clear();
    }
}

QStringList ImportWizard::files() const
{
    QStringList paths;
    for (int i = 0; i < m_fileList->count(); ++i) {
        paths << m_fileList->item(i)->data(Qt::UserRole).toString();
    }
    return paths;
}

bool ImportWizard::validateCurrentPage()
{
    if (currentPage() == m_rowsPage) {
        return true;
    }
    if (m_planReady) {
        m_planReady = false;
        return true;
    }
    startPlanning(true);
    return false;
}

void ImportWizard::done(int result)
{
    cancelPlanning();
    QWizard::done(result);
}

void ImportWizard::startPlanning(bool thenNext)
{
    if (m_worker) {
        m_checkAgain = true; // a correction made while the files were being read
        return;
    }
    if (!m_path->text().trimmed().isEmpty()) { // typed, and Next pressed without Enter
        addFiles({m_path->text().trimmed()});
        m_path->clear();
    }
    const QStringList paths = files();
    if (paths.isEmpty()) {
        m_fileError->setText(tr("Choose the files to import: Add Files, Add a Folder, or type a path."));
        Q_EMIT planned(false);
        return;
    }
    m_fileError->clear();
    m_summary->setText(tr("Checking the import again…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_rowsPage->refresh();

    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    // Same-ref rows are planned as updates; the person sees each and may skip it.
    ImportOptions options{true, m_createEditions->isChecked(), m_corrections};
    options.progress = [progress = m_progress, cancelled = m_cancelled](qsizetype done, qsizetype total) {
        QMetaObject::invokeMethod(
            progress,
            [progress, done, total] {
                progress->setRange(0, int(total));
                progress->setValue(int(done));
            },
            Qt::QueuedConnection);
        return !cancelled->load();
    };
    auto plan = std::make_shared<ImportPlan>();
    auto error = std::make_shared<QString>();
    const QString cataloguePath = m_catalogue.path();
    m_worker = QThread::create([cataloguePath, paths, options, plan, error] {
        try {
            *plan = Catalogue::open(cataloguePath)->planImport(paths, options);
        } catch (const Error& failure) {
            *error = failure.message();
        }
    });
    m_worker->setParent(this); // deleted with the wizard even if its deleteLater() never runs
    connect(m_worker, &QThread::finished, this, [this, plan, error, thenNext] {
        m_worker->deleteLater();
        m_worker = nullptr;
        finishPlanning(plan, *error, thenNext);
        if (std::exchange(m_checkAgain, false)) {
            startPlanning(false);
        }
    });
    m_worker->start();
}

void ImportWizard::cancelPlanning()
{
    if (m_cancelled) {
        m_cancelled->store(true);
    }
}

void ImportWizard::finishPlanning(const std::shared_ptr<ImportPlan>& plan, const QString& error, bool thenNext)
{
    m_progress->hide();
    m_cancel->hide();
    if (!error.isEmpty()) {
        m_fileError->setText(error);
        if (currentPage() == m_rowsPage) {
            updateSummary();
            m_summary->setText(error.toHtmlEscaped() + QStringLiteral("<br/>") + m_summary->text());
        }
        Q_EMIT planned(false);
        return;
    }
    // A check after a correction keeps the decisions the curator made, wherever they still apply.
    QHash<QString, std::pair<ImportDecision, QString>> decided;
    for (const ImportRow& row : std::as_const(m_plan.rows)) {
        decided.insert(decisionKey(row.place), {row.decision, row.exhibit.ref});
    }
    const int current = m_rows->currentRow();
    m_plan = std::move(*plan);
    for (qsizetype i = 0; i < m_plan.rows.size(); ++i) {
        const auto earlier = decided.constFind(decisionKey(m_plan.rows.at(i).place));
        if (earlier != decided.constEnd() && earlier->first != m_plan.rows.at(i).decision) {
            try {
                m_plan.decide(i, earlier->first, earlier->second);
            } catch (const Error&) {
                // The correction changed what the row may do; it keeps what the plan says.
            }
        }
    }
    fillRows();
    if (current >= 0 && current < m_rows->rowCount()) {
        m_rows->setCurrentCell(current, TitleColumn);
    }
    // The same row may still be current, and then no signal says its details changed.
    showDetails(m_rows->currentRow());
    showFixes(m_rows->currentRow());
    if (thenNext) {
        m_planReady = true;
        next();
    }
    Q_EMIT planned(true);
}

void ImportWizard::correct(int row, const QString& column, const QString& value)
{
    const SourcePlace& place = m_plan.rows.at(row).place;
    m_corrections.removeIf([&](const CellCorrection& correction) {
        return correction.file == place.file && correction.line == place.line && correction.column == column;
    });
    m_corrections << CellCorrection{place.file, place.line, column, value};
    startPlanning(false);
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
        // An unknown name shows as typed, so that the row can still be recognised.
        QString lead = row.exhibit.leadAuthority.isEmpty() ? row.cells.value(QStringLiteral("lead_authority")).trimmed()
                                                           : row.exhibit.leadAuthority;
        for (const QString& note : row.resolved) {
            if (note.startsWith(QLatin1String("lead_authority"))) {
                lead += tr(" (from %1)").arg(note.section(QLatin1Char('"'), 1, 1));
            }
        }
        auto* leadItem = new QTableWidgetItem(lead);
        auto* findingItem = new QTableWidgetItem(findings.isEmpty() ? tr("None") : findings.join(QStringLiteral("; ")));
        findingItem->setToolTip(findings.join(QLatin1Char('\n')));
        if (!row.problems.isEmpty()) {
            findingItem->setForeground(problemColour(palette()));
        } else if (!row.duplicates.isEmpty()) {
            findingItem->setForeground(Contrast::readable(QColor(0x8a, 0x5a, 0x00), palette().color(QPalette::Base)));
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
    // The first row that needs the curator, else the first.
    const auto needing = std::find_if(m_plan.rows.cbegin(), m_plan.rows.cend(),
                                      [](const ImportRow& row) { return !row.problems.isEmpty(); });
    if (!m_plan.rows.isEmpty()) {
        m_rows->setCurrentCell(needing != m_plan.rows.cend() ? int(needing - m_plan.rows.cbegin()) : 0, TitleColumn);
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
    list(tr("Problems, to correct here or in the file, or to skip:"), imported.problems);
    list(tr("How names and refs were read:"), imported.resolved);
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

void ImportWizard::showFixes(int row)
{
    while (QLayoutItem* item = m_fixesLayout->takeAt(0)) {
        if (item->widget()) {
            item->widget()->deleteLater();
        }
        delete item;
    }
    if (row < 0 || row >= m_plan.rows.size()) {
        return;
    }
    const ImportRow& imported = m_plan.rows.at(row);
    if (imported.problems.isEmpty()) {
        m_fixesLayout->addWidget(new QLabel(tr("Nothing to correct in this row."), m_fixes));
    } else if (imported.cells.isEmpty()) {
        m_fixesLayout->addWidget(new QLabel(tr("Correct this row in its file, then re-read the files."), m_fixes));
    }
    QStringList shown;
    for (const QString& problem : imported.problems) {
        const QString column = imported.columnOf(problem);
        if (column.isEmpty() || shown.contains(column)) {
            continue;
        }
        shown << column;
        QStringList messages;
        for (const QString& other : imported.problems) {
            if (imported.columnOf(other) == column) {
                messages << other.section(QLatin1Char(':'), 1).trimmed().toHtmlEscaped();
            }
        }
        auto* heading = new QLabel(
            QStringLiteral("<b>%1</b>: %2").arg(column.toHtmlEscaped(), messages.join(QStringLiteral("<br/>"))),
            m_fixes);
        heading->setWordWrap(true);
        // Each widget is the panel's own (no nested layout), so that clearing the panel removes all.
        auto* line = new QWidget(m_fixes);
        auto* editor = new QLineEdit(imported.cells.value(column), line);
        heading->setBuddy(editor);
        editor->setAccessibleName(tr("Correct %1 of %2").arg(column, imported.place.inWords({})));
        editor->setToolTip(tr("Type the right value and press Enter; the file itself is not changed."));
        auto* check = new QPushButton(tr("Check"), line);
        check->setAccessibleName(tr("Check %1 again").arg(column));
        auto* lineLayout = new QHBoxLayout(line);
        lineLayout->setContentsMargins(0, 0, 0, 0);
        lineLayout->addWidget(editor, 1);
        lineLayout->addWidget(check);
        m_fixesLayout->addWidget(heading);
        m_fixesLayout->addWidget(line);
        const auto apply = [this, row, column, editor] { correct(row, column, editor->text()); };
        connect(editor, &QLineEdit::returnPressed, this, apply);
        connect(check, &QPushButton::clicked, this, apply);
        for (const ImportSuggestion& suggestion : imported.suggestions) {
            if (suggestion.column != column) {
                continue;
            }
            auto* use =
                new QPushButton(tr("Use \"%1\" for \"%2\"").arg(suggestion.suggested, suggestion.typed), m_fixes);
            use->setAccessibleName(tr("Use %1 for %2 in %3").arg(suggestion.suggested, suggestion.typed, column));
            m_fixesLayout->addWidget(use);
            connect(use, &QPushButton::clicked, this, [this, row, column, suggestion, editor] {
                correct(row, column, suggestion.appliedTo(editor->text()));
            });
        }
    }
    m_fixesLayout->addStretch(1);
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
        text += QStringLiteral("<br/><span style='color:%1'>%2</span>")
                    .arg(problemColour(palette()).name())
                    .arg(tr("%n row(s) to import have problems: correct them here or in the file, or skip them.",
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
        text += QStringLiteral("<br/><span style='color:%1'>%2</span>")
                    .arg(problemColour(palette()).name())
                    .arg(tr("The files themselves have problems, so they cannot be imported: %1")
                             .arg(fileProblems.join(QStringLiteral("; ")).toHtmlEscaped()));
    }
    for (const Edition& edition : m_plan.editionsToCreate()) {
        text += QStringLiteral("<br/>") + tr("A new edition will be created: %1").arg(edition.name.toHtmlEscaped());
    }
    m_summary->setText(text);
    m_rowsPage->refresh();
}

bool ImportWizard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_path && event->type() == QEvent::KeyPress && !m_path->text().trimmed().isEmpty()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addFiles({m_path->text().trimmed()});
            m_path->clear();
            return true;
        }
    }
    return QWizard::eventFilter(watched, event);
}

} // namespace spotlight
