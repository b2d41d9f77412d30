#include "MainWindow.h"

#include "Catalogue.h"
#include "CurationActions.h"
#include "Error.h"
#include "FileActions.h"
#include "FileDialogs.h"
#include "SearchWorker.h"
#include "StartUp.h"
#include "dialogs/ConnectDialog.h"
#include "dialogs/CoverageDialog.h"
#include "dialogs/EditionsDialog.h"
#include "dialogs/PanelDialog.h"
#include "io/SafeFile.h"
#include "models/ExhibitTableModel.h"
#include "search/QueryEdit.h"
#include "views/ConnectionBanner.h"
#include "views/DetailPane.h"
#include "views/ExhibitCardDelegate.h"
#include "views/FacetPanel.h"
#include "views/FilterChips.h"
#include "views/HistoryView.h"
#include "views/LondonMap.h"
#include "views/NoMatchNotice.h"
#include "views/PrivacyPanel.h"
#include "views/SearchBar.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace spotlight {
namespace {

constexpr int MaxRecent = 8;

} // namespace

MainWindow::MainWindow(std::unique_ptr<Catalogue> catalogue, QWidget* parent)
    : QMainWindow(parent)
    , m_catalogue(std::move(catalogue))
    , m_latestTicket(std::make_shared<std::atomic<quint64>>(0))
    , m_searchBar(new SearchBar(this))
    , m_chips(new FilterChips(this))
    , m_facets(new FacetPanel(this))
    , m_model(new ExhibitTableModel(this))
    , m_table(new QTableView(this))
    , m_cards(new QListView(this))
    , m_listStack(new QStackedWidget(this))
    , m_noMatch(new NoMatchNotice(this))
    , m_detail(new DetailPane(this))
    , m_history(new HistoryView(this))
    , m_detailTabs(new QTabWidget(this))
    , m_map(new LondonMap(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_count(new QLabel(this))
    , m_where(new QLabel(this))
    , m_connectionBanner(new ConnectionBanner(this))
    , m_curation(new CurationActions(
          this, [this] { return selectedRefs(); }, [this] { return selectedVersions(); }))
    , m_files(new FileActions(
          FileActions::Window{this, [this] { return m_catalogue.get(); }, [this] { return m_shownQuery; },
                              [this] {
                                  QList<qint64> ids;
                                  for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
                                      ids << m_model->idAt(row.row());
                                  }
                                  return ids;
                              },
                              [this](const QString& path) { return openCatalogue(path); },
                              [this](const QString& message) { statusBar()->showMessage(message, 5000); }}))
{
    qRegisterMetaType<SearchOutcome>();
    qRegisterMetaType<SortOrder>();
    setObjectName(QStringLiteral("MainWindow"));
    m_changesElsewhere = new QTimer(this);
    m_changesElsewhere->setInterval(1000);
    connect(m_changesElsewhere, &QTimer::timeout, this, [this] {
        try {
            m_catalogue->pollForChanges();
        } catch (const Error& error) {
            if (error.kind() == Error::Kind::ConnectionLost) {
                connectionLost(error.message());
            } else {
                statusBar()->showMessage(error.message(), 5000);
            }
        }
    });
    connect(m_connectionBanner, &ConnectionBanner::retry, this, &MainWindow::tryReconnecting);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("ExhibitTable"));
    m_table->setAccessibleName(tr("Exhibits"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(ExhibitTableModel::Title, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Tab leaves the list for the detail and the map, as in the card view; arrow keys move within
    // it. A table's own Tab walks every cell, which at 17 exhibits is 60 presses to reach the map.
    m_table->setTabKeyNavigation(false);
    connect(m_model, &ExhibitTableModel::pageLoadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Some exhibits could not be read: %1").arg(message), 10000);
    });
    connect(m_model, &ExhibitTableModel::sortRequested, this, [this](SortOrder order) {
        m_order = order;
        runSearch();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelected);
    // Enter, or a double-click, on an exhibit opens it for editing.
    connect(m_table, &QTableView::activated, this, [this] { m_curation->editCurrent(); });
    connect(m_cards, &QListView::activated, this, [this] { m_curation->editCurrent(); });

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 0);
    topLayout->addWidget(m_searchBar);
    topLayout->addWidget(m_chips);
    m_chips->hide();

    m_facets->setObjectName(QStringLiteral("FacetPanel"));
    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    // The cards show the same model with the same selection as the table.
    m_cards->setModel(m_model);
    m_cards->setSelectionModel(m_table->selectionModel());
    m_cards->setItemDelegate(new ExhibitCardDelegate(m_cards));
    m_cards->setUniformItemSizes(true); // a hundred thousand cards cost what the visible ones cost
    m_cards->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_cards->setAccessibleName(tr("Exhibits as cards"));
    m_cards->setObjectName(QStringLiteral("ExhibitCards"));
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_cards);
    // Why the list is empty stands above it, in the table and the cards alike.
    auto* results = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(4);
    resultsLayout->addWidget(m_noMatch);
    resultsLayout->addWidget(m_listStack, 1);
    m_splitter->addWidget(results);
    // The exhibit as it reads, and what has been done to it.
    m_detailTabs->setObjectName(QStringLiteral("DetailTabs"));
    m_detailTabs->addTab(m_detail, tr("E&xhibit"));
    m_detailTabs->addTab(m_history, tr("&History"));
    connect(m_detailTabs, &QTabWidget::currentChanged, this, &MainWindow::showSelected);
    connect(m_detail, &DetailPane::exhibitChosen, this, &MainWindow::selectExhibit);
    m_splitter->addWidget(m_detailTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // Explicit widths: sizing columns to their contents would read every row of a large result.
    const QList<std::pair<int, int>> widths{{ExhibitTableModel::LeadAuthority, 140}, {ExhibitTableModel::Partners, 120},
                                            {ExhibitTableModel::Categories, 150},    {ExhibitTableModel::Level, 44},
                                            {ExhibitTableModel::Status, 84},         {ExhibitTableModel::Updated, 86}};
    for (const auto& [column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    // Partners and the update date start hidden to give titles room; the header's context menu
    // shows any column again, and the choice is remembered.
    m_table->setColumnHidden(ExhibitTableModel::Partners, true);
    m_table->setColumnHidden(ExhibitTableModel::Updated, true);
    QHeaderView* header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint& point) {
        QMenu menu(this);
        for (int column = ExhibitTableModel::LeadAuthority; column < ExhibitTableModel::ColumnCount; ++column) {
            QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_table->isColumnHidden(column));
            connect(action, &QAction::toggled, this,
                    [this, column](bool shown) { m_table->setColumnHidden(column, !shown); });
        }
        menu.exec(header->mapToGlobal(point));
    });

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_connectionBanner);
    layout->addWidget(top);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    // Filters and the map share the left-hand column, each in a dock that can be hidden or moved.
    auto* facetDock = new QDockWidget(tr("Filters"), this);
    facetDock->setObjectName(QStringLiteral("FacetDock"));
    facetDock->setWidget(m_facets);
    addDockWidget(Qt::LeftDockWidgetArea, facetDock);
    auto* mapDock = new QDockWidget(tr("Map of London"), this);
    mapDock->setObjectName(QStringLiteral("MapDock"));
    mapDock->setWidget(m_map);
    addDockWidget(Qt::LeftDockWidgetArea, mapDock);
    splitDockWidget(facetDock, mapDock, Qt::Vertical);
    // The privacy check sits below the list and detail, shown from the View menu or Ctrl+Shift+P.
    auto* privacyDock = new QDockWidget(tr("Privacy Check"), this);
    privacyDock->setObjectName(QStringLiteral("PrivacyDock"));
    privacyDock->setWidget(
        new PrivacyPanel([this] { return m_catalogue.get(); }, [this] { return m_shownQuery; }, privacyDock));
    addDockWidget(Qt::BottomDockWidgetArea, privacyDock);
    privacyDock->hide();
    resizeDocks({facetDock}, {330}, Qt::Horizontal);
    resizeDocks({facetDock, mapDock}, {520, 300}, Qt::Vertical);

    m_where->setObjectName(QStringLiteral("CatalogueLocation"));
    statusBar()->addPermanentWidget(m_where);
    statusBar()->addPermanentWidget(m_count);
    setTabOrder(m_searchBar->lineEdit(), m_facets);
    setTabOrder(m_facets, m_table);
    setTabOrder(m_table, m_cards);
    setTabOrder(m_cards, m_detail);
    setTabOrder(m_detail, m_map);

    connect(m_searchBar, &SearchBar::queryChanged, this, &MainWindow::runSearch);
    // Esc in the search field goes to the results; Esc there clears the search.
    connect(m_searchBar, &SearchBar::leaveRequested, this,
            [this] { m_listStack->currentWidget()->setFocus(Qt::ShortcutFocusReason); });
    for (QWidget* results : {static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_cards)}) {
        auto* clear = new QShortcut(QKeySequence(Qt::Key_Escape), results, nullptr, nullptr, Qt::WidgetShortcut);
        connect(clear, &QShortcut::activated, m_searchBar, [this] { m_searchBar->setQuery(QString()); });
    }
    connect(m_chips, &FilterChips::queryEdited, m_searchBar, &SearchBar::setQuery);
    connect(m_noMatch, &NoMatchNotice::queryEdited, m_searchBar, &SearchBar::setQuery);
    connect(m_facets, &FacetPanel::filterChosen, this, &MainWindow::toggleFilter);
    connect(m_facets, &FacetPanel::authorityChosen, this, &MainWindow::toggleAuthority);
    connect(m_facets, &FacetPanel::savedSearchChosen, m_searchBar, &SearchBar::setQuery);
    connect(m_facets, &FacetPanel::saveSearchRequested, this, &MainWindow::saveCurrentSearch);
    connect(m_map, &LondonMap::tileToggled, this, &MainWindow::toggleAuthority);

    buildMenus();
    restoreSettings();
    catalogueLoaded();
}

MainWindow::~MainWindow()
{
    stopWorker();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("New &Catalogue…"), QKeySequence(tr("Ctrl+Shift+N")), m_files, &FileActions::newCatalogue);
    file->addAction(tr("&Open Catalogue…"), QKeySequence::Open, this, [this] {
        const QString folder = m_catalogue->isOnServer() ? QDir::homePath() : QFileInfo(m_catalogue->path()).path();
        const QString path = FileDialogs::getOpenFileName(this, tr("Open a catalogue"), folder,
                                                          tr("Spotlight catalogues (*.sqlite);;All files (*)"));
        if (!path.isEmpty()) {
            openCatalogue(path);
        }
    });
    file->addAction(tr("Connect to Tea&m Catalogue…"), this, [this] {
        // A connection that fails says why and brings the dialog back as it was filled in.
        ConnectDialog dialog(m_catalogue->path(), this);
        while (dialog.exec() == QDialog::Accepted) {
            if (openCatalogue(dialog.address())) {
                ConnectDialog::rememberAddress(dialog.address());
                break;
            }
        }
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(tr("&Import Submissions…"), QKeySequence(tr("Ctrl+I")), m_files, [this] { m_files->importFile(); });
    file->addAction(tr("Submission &Template…"), m_files, &FileActions::writeTemplate);
    file->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+Shift+E")), m_files, &FileActions::exportExhibits);
    file->addAction(tr("Publish &Web Showcase…"), m_files, &FileActions::publishWebShowcase);
    file->addAction(tr("&Letters of Recognition…"), QKeySequence(tr("Ctrl+L")), m_files, &FileActions::writeLetters);
    file->addAction(tr("Export &Floor List…"), m_files, &FileActions::exportFloorList);
    file->addAction(tr("Stan&d Cards…"), m_files, &FileActions::exportStandCards);
    file->addAction(tr("Print Pre&view…"), m_files, [this] { m_files->print(true); });
    file->addAction(tr("&Print…"), QKeySequence::Print, m_files, [this] { m_files->print(false); });
    file->addAction(tr("&Back Up Catalogue…"), m_files, &FileActions::backup);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_curation->addTo(edit);
    edit->addSeparator();
    edit->addAction(tr("Editions and &Categories…"), this, [this] {
        EditionsDialog dialog(*m_catalogue, this);
        dialog.exec();
    });
    edit->addAction(tr("Sponsoring &Panels…"), QKeySequence(tr("Ctrl+Shift+R")), this, [this] {
        PanelDialog dialog(*m_catalogue, this);
        // Opens on the panel of the exhibit in hand, with the selection chosen for scoring.
        const QStringList refs = selectedRefs();
        if (const std::optional<Exhibit> exhibit = refs.isEmpty() ? std::nullopt : m_catalogue->exhibit(refs.first());
            exhibit && !exhibit->categories.isEmpty()) {
            dialog.selectPanel(exhibit->categories.first());
            dialog.selectSubmissions(refs);
        }
        dialog.exec();
    });
    edit->addAction(tr("Your &Name in the History…"), this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Your name in the history"),
                                  tr("Changes you make are recorded under this name. Leave it empty to use "
                                     "your login name (%1).")
                                      .arg(qEnvironmentVariable("USER")),
                                  QLineEdit::Normal, QSettings().value(QStringLiteral("curator/name")).toString(), &ok);
        if (ok) {
            QSettings().setValue(QStringLiteral("curator/name"), name.trimmed());
            m_catalogue->curation().setAuthor(name);
        }
    });
    edit->addSeparator();
    edit->addAction(tr("&Find"), QKeySequence::Find, this, [this] {
        m_searchBar->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_searchBar->lineEdit()->selectAll();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* modes = new QActionGroup(this);
    QAction* asTable =
        view->addAction(tr("As a &Table"), QKeySequence(tr("Ctrl+1")), this, [this] { showCards(false); });
    QAction* asCards = view->addAction(tr("As &Cards"), QKeySequence(tr("Ctrl+2")), this, [this] { showCards(true); });
    for (QAction* mode : {asTable, asCards}) {
        mode->setCheckable(true);
        modes->addAction(mode);
    }
    asTable->setChecked(true);
    asTable->setObjectName(QStringLiteral("ViewAsTable"));
    asCards->setObjectName(QStringLiteral("ViewAsCards"));
    view->addSeparator();
    view->addAction(findChild<QDockWidget*>(QStringLiteral("FacetDock"))->toggleViewAction());
    view->addAction(findChild<QDockWidget*>(QStringLiteral("MapDock"))->toggleViewAction());
    QAction* privacy = findChild<QDockWidget*>(QStringLiteral("PrivacyDock"))->toggleViewAction();
    privacy->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    view->addAction(privacy);
    view->addSeparator();
    view->addAction(tr("C&overage of an Edition…"), QKeySequence(tr("Ctrl+Shift+O")), this, [this] {
        CoverageDialog dialog(*m_catalogue, this);
        dialog.exec();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Search Syntax"), QKeySequence::HelpContents, this, [this] {
        QMessageBox::information(
            this, tr("Search syntax"),
            tr("<p>Every word must match, as the start of a word, ignoring case and accents: <b>safegu</b> finds "
               "safeguarding, <b>cafe</b> finds Café.</p>"
               "<p><b>\"exact phrase\"</b> &nbsp; <b>autism OR adhd</b> &nbsp; <b>-camden</b> leaves out &nbsp; "
               "<b>( … )</b> groups</p>"
               "<p>Fields: <b>borough:</b>rbkc (a name, alias or code) &nbsp; <b>category:</b>send &nbsp; "
               "<b>tag:</b>send (and send/…) &nbsp; <b>status:</b>showcased &nbsp; <b>edition:</b>2025 &nbsp; "
               "<b>level:</b>&gt;=2 &nbsp; <b>kind:</b>outcome-data &nbsp; <b>has:</b>evidence &nbsp; "
               "<b>has:</b>contact &nbsp; <b>contact:</b>name</p>"
               "<p>Example: <b>autism mainstream borough:merton level:&gt;=2</b></p>"));
    });
    help->addAction(tr("&About Spotlight"), this, [this] {
        QMessageBox::about(this, tr("About Spotlight"),
                           tr("<h3>Spotlight %1</h3><p>The Practice Spotlight catalogue for London's children's "
                              "services: the practice London's 33 authorities share, to search, curate and publish.</p>"
                              "<p>MIT licence. Built with Qt %2 and SQLite.</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::startWorker()
{
    m_searchThread = new QThread(this);
    m_worker = new SearchWorker(m_catalogue->path(), m_latestTicket);
    m_worker->moveToThread(m_searchThread);
    connect(m_searchThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SearchWorker::finished, this, &MainWindow::showOutcome);
    m_searchThread->start();
}

void MainWindow::stopWorker()
{
    if (m_searchThread) {
        m_searchThread->quit();
        m_searchThread->wait();
        delete m_searchThread;
        m_searchThread = nullptr;
        m_worker = nullptr;
    }
}

void MainWindow::runSearch()
{
    const quint64 ticket = ++*m_latestTicket;
    QMetaObject::invokeMethod(m_worker, "search", Qt::QueuedConnection, Q_ARG(quint64, ticket),
                              Q_ARG(QString, m_searchBar->query()), Q_ARG(spotlight::SortOrder, m_order));
}

void MainWindow::showOutcome(const SearchOutcome& outcome)
{
    if (outcome.ticket != m_latestTicket->load()) {
        return; // overtaken by a newer search
    }
    if (outcome.connectionLost) {
        connectionLost(outcome.error);
        return;
    }
    if (!outcome.error.isEmpty()) {
        // A broken query leaves the last good results in place.
        m_searchBar->showError(outcome.error, outcome.errorColumn);
        return;
    }
    QElapsedTimer refresh;
    refresh.start();
    m_searchBar->clearError();
    const QModelIndex current = m_table->currentIndex();
    const qint64 selectedId = m_pendingSelection != 0 ? m_pendingSelection
                              : current.isValid()     ? m_model->idAt(current.row())
                                                      : 0;
    m_pendingSelection = 0;
    m_model->setResults(outcome.ids);
    m_shownQuery = outcome.query;
    // Keep the selected exhibit when it still matches; else start at the best match.
    const int row = selectedId != 0 ? m_model->rowOf(selectedId) : -1;
    if (row >= 0 || m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(std::max(row, 0), 0));
        m_table->scrollTo(m_model->index(std::max(row, 0), 0));
    } else {
        showSelected();
    }
    m_noMatch->showExplanation(outcome.noMatch);
    // The way out comes next after the search field, for someone who reads the notice and tabs on.
    QWidget* previous = m_searchBar->lineEdit();
    for (QAbstractButton* drop : m_noMatch->dropButtons()) {
        setTabOrder(previous, drop);
        previous = drop;
    }
    m_facets->setFacets(outcome.facets, m_catalogue->savedSearches());
    m_chips->showFiltersOf(outcome.query);
    QHash<QString, qint64> counts;
    for (const FacetValue& value : outcome.facets.authorities) {
        counts.insert(value.key, value.count);
    }
    m_map->setCounts(counts);
    QSet<QString> selected;
    try {
        for (const std::vector<QueryNode>& alternatives : QueryEdit::chosenFilters(QueryParser::parse(outcome.query))) {
            for (const QueryNode& filter : alternatives) {
                if (filter.field != QLatin1String("borough")) {
                    continue;
                }
                for (const Authority& authority : m_catalogue->authorities()) {
                    if (authority.isCalled(filter.text)) {
                        selected.insert(authority.gssCode);
                    }
                }
            }
        }
    } catch (const QueryError&) {
    }
    m_map->setSelected(selected);
    m_count->setText(tr("%n exhibit(s)", nullptr, int(outcome.ids.size())));
    m_lastRefreshMs = double(refresh.nsecsElapsed()) / 1e6;
    Q_EMIT resultsShown(outcome.query, outcome.ids.size());
}

QStringList MainWindow::selectedRefs() const
{
    QStringList refs;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        refs << current.siblingAtColumn(0).data(ExhibitTableModel::RefRole).toString();
    }
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
        const QString ref = row.data(ExhibitTableModel::RefRole).toString();
        if (!ref.isEmpty() && !refs.contains(ref)) {
            refs << ref;
        }
    }
    refs.removeAll(QString());
    return refs;
}

void MainWindow::showCards(bool cards)
{
    m_listStack->setCurrentWidget(cards ? static_cast<QWidget*>(m_cards) : m_table);
    if (QAction* action = findChild<QAction*>(cards ? QStringLiteral("ViewAsCards") : QStringLiteral("ViewAsTable"))) {
        action->setChecked(true);
    }
    QSettings().setValue(QStringLiteral("window/cards"), cards);
}

void MainWindow::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const std::optional<Exhibit> exhibit = current.isValid() ? m_model->exhibitAt(current.row()) : std::nullopt;
    if (m_detailTabs->currentWidget() == m_history) {
        m_history->showHistory(exhibit ? m_catalogue->history(exhibit->ref) : QList<ChangeLogEntry>());
    } else {
        DetailPane::Resubmissions resubmissions;
        if (exhibit) {
            if (!exhibit->resubmissionOf.isEmpty()) {
                resubmissions.earlier = m_catalogue->mention(exhibit->resubmissionOf);
            }
            resubmissions.later = m_catalogue->resubmissionsOf(exhibit->ref);
        }
        m_detail->showExhibit(exhibit, m_catalogue->tagColours(), resubmissions);
    }
}

void MainWindow::selectExhibit(const QString& ref)
{
    const std::optional<qint64> id = m_catalogue->exhibitId(ref);
    if (!id) {
        return;
    }
    const int row = m_model->rowOf(*id);
    if (row < 0) {
        // Not among the results shown: show them all, with this one selected.
        m_pendingSelection = *id;
        m_searchBar->setQuery(QString());
        return;
    }
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void MainWindow::showWelcome()
{
    if (findChild<QLabel*>(QStringLiteral("WelcomeLine"))) {
        return;
    }
    // A widget of the status bar rather than a message: a menu's status tips would wipe a message
    // away on the first hover, and this line is for someone still finding their way.
    auto* welcome = new QLabel(tr("Practice Spotlight: search London's children's-services practice. Type in the "
                                  "search box, or use File \u25b8 Import Submissions to add your borough's "
                                  "submissions."),
                               this);
    welcome->setObjectName(QStringLiteral("WelcomeLine"));
    statusBar()->addWidget(welcome, 1);
}

QString MainWindow::welcomeText() const
{
    const auto* welcome = findChild<QLabel*>(QStringLiteral("WelcomeLine"));
    return welcome ? welcome->text() : QString();
}

void MainWindow::toggleFilter(const QString& filter)
{
    m_searchBar->setQuery(QueryEdit::toggleFilter(m_searchBar->query(), filter));
}

void MainWindow::toggleAuthority(const QString& gssCode)
{
    const QList<Authority> authorities = m_catalogue->authorities();
    const auto found = std::find_if(authorities.begin(), authorities.end(),
                                    [&gssCode](const Authority& authority) { return authority.gssCode == gssCode; });
    if (found == authorities.end()) {
        return;
    }
    // Authorities chosen on the map or among the filters are alternatives, as values of one facet
    // are in a shop: a curator who picks Camden and then Hackney wants the practice of either, not
    // the few exhibits the two share, and the map shows both tiles chosen either way. So they
    // gather in one OR group, `(borough:Camden OR borough:Hackney)`, by the name people use. A
    // borough typed by another name or its code counts as the same one.
    const Authority authority = *found;
    const QString filter = QueryEdit::filterTerm(QStringLiteral("borough"), authority.shortName);
    m_searchBar->setQuery(QueryEdit::toggleChoice(m_searchBar->query(), filter, [&authority](const QueryNode& typed) {
        return typed.field == QLatin1String("borough") && authority.isCalled(typed.text);
    }));
}

void MainWindow::saveCurrentSearch()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save this search"), tr("Name:"), QLineEdit::Normal,
                                               m_searchBar->query().left(40), &ok);
    if (!ok || name.trimmed().isEmpty()) {
        return;
    }
    try {
        m_catalogue->curation().saveSearch(SavedSearch{name, m_searchBar->query()});
        runSearch();
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Cannot save the search"), error.message());
    }
}

bool MainWindow::openCatalogue(const QString& path)
{
    std::unique_ptr<Catalogue> opened;
    try {
        opened = StartUp::openAskingForPassword(path, this);
    } catch (const Error& error) {
        QMessageBox::critical(this, tr("Cannot open the catalogue"),
                              error.message() + QStringLiteral("\n\n") + tr("%1 stays open.").arg(m_catalogue->path()));
        return false;
    }
    if (!opened) {
        return false; // the person did not give the server's password
    }
    stopWorker();
    m_connectionBanner->connected();
    m_model->setCatalogue(nullptr);
    m_curation->setCatalogue(nullptr);
    m_catalogue = std::move(opened);
    catalogueLoaded();
    return true;
}

void MainWindow::catalogueLoaded()
{
    m_model->setCatalogue(m_catalogue.get());
    m_curation->setCatalogue(m_catalogue.get());
    connect(m_catalogue.get(), &Catalogue::changed, this, &MainWindow::catalogueChanged);
    connect(m_catalogue.get(), &Catalogue::storageDamaged, this, [this](const QString& problem) {
        QMessageBox::critical(this, tr("The catalogue may have lost changes"), problem);
    });
    // Changes are recorded under the name set in the window, else SPOTLIGHT_CURATOR, else the login.
    const QString curator = QSettings().value(QStringLiteral("curator/name")).toString();
    m_catalogue->curation().setAuthor(curator.isEmpty() ? qEnvironmentVariable("SPOTLIGHT_CURATOR") : curator);
    connect(&m_catalogue->curation(), &Curation::undoHistoryCleared, this,
            [this](const QString& why) { statusBar()->showMessage(why, 10000); });
    startWorker();
    m_map->setAuthorities(m_catalogue->authorities());
    m_chips->setAuthorities(m_catalogue->authorities());
    refreshCompletions();
    QStringList notes;
    if (m_catalogue->isOnServer()) {
        notes << tr("team catalogue");
    }
    if (m_catalogue->isReadOnly()) {
        notes << tr("read-only");
    }
    setWindowTitle(
        tr("%1 — Spotlight%2")
            .arg(m_catalogue->name(), notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(tr(", ")))));
    // A server's address is no file: the window's proxy icon and file dialogs would make no sense of it.
    setWindowFilePath(m_catalogue->isOnServer() ? QString() : m_catalogue->path());
    m_where->setText(m_catalogue->isOnServer() ? tr("Team catalogue: %1").arg(m_catalogue->describe())
                                               : QDir::toNativeSeparators(m_catalogue->path()));
    m_where->setToolTip(m_catalogue->path());
    rememberRecent(m_catalogue->path());
    runSearch();
    // A server announces others' changes as they commit; a file is looked at once a second. Both
    // keep the timer: on a server it checks that the connection is still there.
    m_catalogue->listenForChanges();
    m_changesElsewhere->start();
}

void MainWindow::connectionLost(const QString& why)
{
    m_changesElsewhere->stop();
    if (!m_connectionBanner->isLost()) {
        m_lostAt = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    }
    m_connectionBanner->connectionLost(tr("The connection to the team catalogue (%1) was lost at %2.\n%3")
                                           .arg(m_catalogue->describe(), m_lostAt, why));
}

void MainWindow::tryReconnecting()
{
    try {
        m_catalogue->reconnect();
    } catch (const Error& error) {
        connectionLost(error.message());
        return;
    }
    m_connectionBanner->connected();
    m_changesElsewhere->start();
    statusBar()->showMessage(
        tr("Connected again to %1. The window shows what changed meanwhile.").arg(m_catalogue->describe()), 10000);
}

void MainWindow::catalogueChanged(const CatalogueChange& change)
{
    try {
        refreshAfter(change);
    } catch (const Error& error) {
        statusBar()->showMessage(tr("The window could not show the latest changes: %1").arg(error.message()), 10000);
    }
}

void MainWindow::refreshAfter(const CatalogueChange& change)
{
    if (change.touches(CatalogueChange::Exhibits)) {
        // The changed rows are read again and the search runs again; the selection stays.
        m_model->reload(change.refs);
        runSearch();
        showSelected();
    }
    if (change.kinds & (CatalogueChange::Tags | CatalogueChange::Editions | CatalogueChange::Categories)) {
        refreshCompletions();
    }
    if (change.elsewhere && change.touches(CatalogueChange::Exhibits)) {
        statusBar()->showMessage(change.refs.isEmpty() ? tr("Updated with changes made elsewhere.")
                                                       : tr("Updated with changes made elsewhere to %n exhibit(s).",
                                                            nullptr, int(change.refs.size())),
                                 5000);
    }
}

ExpectedVersions MainWindow::selectedVersions() const
{
    ExpectedVersions versions;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
        const QString ref = row.data(ExhibitTableModel::RefRole).toString();
        if (!ref.isEmpty()) {
            versions.insert(ref, row.data(ExhibitTableModel::VersionRole).toLongLong());
        }
    }
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        const QModelIndex first = current.siblingAtColumn(0);
        const QString ref = first.data(ExhibitTableModel::RefRole).toString();
        if (!ref.isEmpty()) {
            versions.insert(ref, first.data(ExhibitTableModel::VersionRole).toLongLong());
        }
    }
    return versions;
}

void MainWindow::refreshCompletions()
{
    QStringList words = QueryParser::fieldNames();
    for (QString& field : words) {
        field += QLatin1Char(':');
    }
    words << QStringLiteral("has:evidence") << QStringLiteral("has:contact");
    for (const Authority& authority : m_catalogue->authorities()) {
        words << QueryEdit::filterTerm(QStringLiteral("borough"), authority.shortName);
    }
    for (const Category& category : m_catalogue->categories()) {
        words << QueryEdit::filterTerm(QStringLiteral("category"), category.name);
    }
    for (const Tag& tag : m_catalogue->tags()) {
        words << QueryEdit::filterTerm(QStringLiteral("tag"), tag.name);
    }
    for (const QString& status : allStatusKeys()) {
        words << QStringLiteral("status:") + status;
    }
    words.removeDuplicates();
    m_searchBar->setCompletions(words);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentCatalogues")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentCatalogues"), recent.mid(0, MaxRecent));
    settings.setValue(QStringLiteral("lastCatalogue"), path);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentCatalogues")).toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openCatalogue(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1400, 860);
    }
    fitToScreen();
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray())) {
        m_splitter->setSizes({660, 420});
    }
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray());
    showCards(settings.value(QStringLiteral("window/cards"), false).toBool());
}

void MainWindow::fitToScreen()
{
    // At 200% scale a 1400 x 860 window, or one last closed on a larger monitor, would open past the
    // screen's edges with its status bar out of reach. Leave room for the title bar the desktop adds.
    const QRect available = screen()->availableGeometry();
    const QSize room(available.width() * 95 / 100, available.height() * 92 / 100);
    if (width() > room.width() || height() > room.height()) {
        resize(size().boundedTo(room));
    }
    if (!available.contains(geometry())) {
        move(available.topLeft() + QPoint((available.width() - width()) / 2, (available.height() - height()) / 2));
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/columns"), m_table->horizontalHeader()->saveState());
    event->accept();
}

} // namespace spotlight
