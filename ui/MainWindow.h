#pragma once

#include "CatalogueChange.h"
#include "edit/ConflictError.h"
#include "search/SearchEngine.h"

#include <QMainWindow>

#include <atomic>
#include <memory>

class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QThread;

class QTimer;

namespace spotlight {

class Catalogue;
class ConnectionBanner;
class CurationActions;
class FileActions;
class DetailPane;
class HistoryView;
class ExhibitTableModel;
class FacetPanel;
class FilterChips;
class LondonMap;
class NoMatchNotice;
class SearchBar;
class SearchWorker;
struct SearchOutcome;

// The window: search bar and filter chips over facets, the exhibit list and the selected
// exhibit; the map of London in a dock. Searches run on a worker thread; the list loads only the
// rows it shows.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<Catalogue> catalogue, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens another catalogue; on failure shows why and keeps the current one. Returns success.
    bool openCatalogue(const QString& path);
    Catalogue& catalogue() const { return *m_catalogue; }
    SearchBar* searchBar() const { return m_searchBar; }
    QTableView* exhibitTable() const { return m_table; }
    LondonMap* map() const { return m_map; }
    QListView* cardView() const { return m_cards; }
    // Above an empty list: why nothing matched, with a button to drop each term to blame.
    NoMatchNotice* noMatchNotice() const { return m_noMatch; }
    // The list as a table, or as cards.
    void showCards(bool cards);
    // The query whose results are on screen.
    QString shownQuery() const { return m_shownQuery; }
    // How long showing the last search's answer took (list, facets, map, detail), for benchmarks.
    double lastRefreshMs() const { return m_lastRefreshMs; }
    // The refs of the selected exhibits, the current one first.
    QStringList selectedRefs() const;
    // Makes the exhibit with this ref the current one, showing every exhibit when the results on
    // screen leave it out.
    void selectExhibit(const QString& ref);
    // For someone opening Spotlight for the first time: one line in the status bar saying what it
    // is and how to begin. It stays until the window closes.
    void showWelcome();
    QString welcomeText() const;

Q_SIGNALS:
    // The results of a search are on screen: for tests and for the status bar.
    void resultsShown(const QString& query, qsizetype count);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void startWorker();
    void stopWorker();
    void runSearch();
    void showOutcome(const SearchOutcome& outcome);
    void showSelected();
    void toggleFilter(const QString& filter);
    // Adds the authority to the boroughs searched, or takes it away: from the map and the filters.
    void toggleAuthority(const QString& gssCode);
    void saveCurrentSearch();

    // The team catalogue's server stopped answering: say so above everything, stop looking for
    // changes, and try connecting again from the banner.
    void connectionLost(const QString& why);
    void tryReconnecting();

    void rememberRecent(const QString& path);
    void refreshRecentMenu();
    void restoreSettings();
    void fitToScreen();
    void catalogueLoaded();
    // Refreshes what `change` touched: the rows, results, detail and counts for exhibits; the
    // search bar's completions for tags, editions and categories.
    void catalogueChanged(const CatalogueChange& change);
    void refreshAfter(const CatalogueChange& change);
    void refreshCompletions();
    ExpectedVersions selectedVersions() const;

    std::unique_ptr<Catalogue> m_catalogue;
    QThread* m_searchThread = nullptr;
    SearchWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latestTicket;
    SortOrder m_order;
    QString m_shownQuery;
    // Looks for changes made by other windows, processes and people about once a second.
    QTimer* m_changesElsewhere = nullptr;

    SearchBar* m_searchBar;
    FilterChips* m_chips;
    FacetPanel* m_facets;
    ExhibitTableModel* m_model;
    QTableView* m_table;
    QListView* m_cards;
    QStackedWidget* m_listStack;
    NoMatchNotice* m_noMatch;
    DetailPane* m_detail;
    HistoryView* m_history;
    QTabWidget* m_detailTabs;
    LondonMap* m_map;
    QSplitter* m_splitter;
    QLabel* m_count;
    QLabel* m_where; // which catalogue, in the status bar: a file's path, or the team catalogue's server
    ConnectionBanner* m_connectionBanner;
    QString m_lostAt; // when the connection was lost, for the banner
    QMenu* m_recentMenu = nullptr;
    CurationActions* m_curation;
    FileActions* m_files;
    double m_lastRefreshMs = 0;
    qint64 m_pendingSelection = 0; // the exhibit to select once the next results arrive
};

} // namespace spotlight
