// The window, offscreen: what a person does and sees, checked through the widgets themselves.
#include "ExportJob.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "dialogs/CoverageDialog.h"
#include "dialogs/EditionsDialog.h"
#include "dialogs/ExhibitEditor.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportWizard.h"
#include "dialogs/LettersDialog.h"
#include "dialogs/ReviewDialog.h"
#include "models/ExhibitTableModel.h"
#include "views/DetailPane.h"
#include "views/HistoryView.h"
#include "views/LondonMap.h"
#include "views/PrivacyPanel.h"
#include "views/SearchBar.h"
#include "views/TagChipEditor.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QShowEvent>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// Waits for the window to show the results of `query`; returns how many it shows.
qsizetype resultsFor(MainWindow& window, const QString& query)
{
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    window.searchBar()->setQuery(query);
    auto arrived = [&] { return !shown.isEmpty() && shown.last().first().toString() == query; };
    for (int tries = 0; tries < 50 && !arrived(); ++tries) {
        shown.wait(100);
    }
    REQUIRE(arrived());
    return window.exhibitTable()->model()->rowCount();
}

QStringList facetLabels(MainWindow& window, const QString& group)
{
    auto* tree = window.findChild<QWidget*>(QStringLiteral("FacetPanel"))->findChild<QTreeWidget*>();
    QStringList labels;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == group) {
            for (int c = 0; c < tree->topLevelItem(i)->childCount(); ++c) {
                labels << tree->topLevelItem(i)->child(c)->text(0);
            }
        }
    }
    return labels;
}

} // namespace

TEST_CASE("The exhibit model passes Qt's model tester through searches and sorts", "[ui][models]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    ExhibitTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCatalogue(catalogue.get());
    model.setResults(catalogue->matchingIds(QString()));
    CHECK(model.rowCount() == 17);
    CHECK(model.columnCount() == ExhibitTableModel::ColumnCount);
    CHECK(model.data(model.index(0, ExhibitTableModel::Title)).toString() ==
          QStringLiteral("Anti-Racist Practice and Focus on Disproportionality"));
    CHECK(model.data(model.index(0, ExhibitTableModel::Partners)).toString() ==
          QStringLiteral("Kensington and Chelsea"));
    model.setResults(catalogue->matchingIds(QStringLiteral("mockingbird")));
    CHECK(model.rowCount() == 1);
    QSignalSpy sortRequests(&model, &ExhibitTableModel::sortRequested);
    model.sort(ExhibitTableModel::Level, Qt::DescendingOrder);
    REQUIRE(sortRequests.size() == 1);
    CHECK(sortRequests.first().first().value<SortOrder>().key == SortOrder::Key::Level);
    model.setResults({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("Typing a query changes the list, the facets and the map", "[ui]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    CHECK(resultsFor(window, QString()) == 17);
    CHECK(facetLabels(window, QStringLiteral("Authorities")).size() == 16);

    CHECK(resultsFor(window, QStringLiteral("safeguarding borough:camden")) == 1);
    CHECK(facetLabels(window, QStringLiteral("Authorities")) == QStringList{QStringLiteral("Camden")});
    CHECK(window.exhibitTable()->currentIndex().row() == 0); // the best match is shown at once

    // A broken query keeps the last good results and says what is wrong.
    auto* error = window.searchBar()->findChild<QLabel*>();
    REQUIRE(error);
    REQUIRE_FALSE(error->isVisible());
    window.searchBar()->setQuery(QStringLiteral("level:9"));
    REQUIRE(QTest::qWaitFor([error] { return error->isVisible(); }, 10000));
    CHECK(window.shownQuery() == QStringLiteral("safeguarding borough:camden"));
    CHECK(window.exhibitTable()->model()->rowCount() == 1);
    CHECK(error->text().contains(QStringLiteral("out of range")));
}

TEST_CASE("Esc in the search field goes to the results with the query kept, and a second Esc clears it", "[ui]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(resultsFor(window, QStringLiteral("safeguarding")) > 0);
    QLineEdit* field = window.searchBar()->lineEdit();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Escape);
    CHECK(field->text() == QStringLiteral("safeguarding"));
    CHECK(window.exhibitTable()->hasFocus());
    QTest::keyClick(window.exhibitTable(), Qt::Key_Escape);
    CHECK(field->text().isEmpty());
    CHECK(resultsFor(window, QString()) == 17);
}

TEST_CASE("The Filters panel offers the kinds of evidence", "[ui][facets]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit exhibit = catalogue->requireExhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    exhibit.evidence << Evidence{EvidenceKind::OutcomeData, QStringLiteral("Attendance"), {}, 2, {}, {}, {}, {}};
    catalogue->curation().updateExhibit(exhibit);
    MainWindow window(std::move(catalogue));
    window.show();
    CHECK(resultsFor(window, QString()) == 17);
    CHECK(facetLabels(window, QStringLiteral("Evidence kind")) == QStringList{QStringLiteral("Outcome data")});
}

TEST_CASE("An edition's unset dates open their calendar at this month", "[ui][editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    EditionsDialog dialog(*catalogue);
    const QList<QDateEdit*> dates = dialog.findChildren<QDateEdit*>();
    REQUIRE(dates.size() == 2);
    QCalendarWidget* calendar = dates.first()->calendarWidget();
    REQUIRE(calendar != nullptr);
    QShowEvent shown;
    QApplication::sendEvent(calendar, &shown);
    CHECK(calendar->yearShown() == QDate::currentDate().year());
    CHECK(calendar->monthShown() == QDate::currentDate().month());
    CHECK(dates.first()->text() == QStringLiteral("not set")); // opening it chose nothing

    dates.first()->setDate(QDate(2025, 11, 20));
    QApplication::sendEvent(calendar, &shown);
    CHECK(calendar->monthShown() == 11); // a set date opens where it is
}

TEST_CASE("Clicking a tile on the map filters the list by that authority", "[ui][map]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.resize(1400, 900);
    window.show();
    REQUIRE(resultsFor(window, QString()) == 17);
    LondonMap* map = window.map();
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->tileCentre(QStringLiteral("E09000026"))); // Redbridge
    REQUIRE(shown.wait(5000));
    CHECK(window.shownQuery() == QStringLiteral("borough:Redbridge"));
    CHECK(window.exhibitTable()->model()->rowCount() == 2);
    // The keyboard toggles it off again: the focused tile is the one clicked.
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Space);
    REQUIRE(shown.wait(5000));
    CHECK(window.exhibitTable()->model()->rowCount() == 17);
}

TEST_CASE("Two tiles on the map find the exhibits of either, and the chips name them", "[ui][map]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.resize(1400, 900);
    window.show();
    REQUIRE(resultsFor(window, QString()) == 17);
    const QString redbridge = QStringLiteral("E09000026");
    const QString barking = QStringLiteral("E09000002");
    QSet<qint64> either;
    for (const QString& code : {redbridge, barking}) {
        const QList<qint64> ids = window.catalogue().matchingIds(QStringLiteral("borough:") + code);
        REQUIRE(!ids.isEmpty());
        either.unite(QSet<qint64>(ids.begin(), ids.end()));
    }
    REQUIRE(either.size() == 4);

    LondonMap* map = window.map();
    auto shows = [&window](const QString& query) {
        return QTest::qWaitFor([&] { return window.shownQuery() == query; }, 5000);
    };
    QTest::mouseClick(map, Qt::LeftButton, {}, map->tileCentre(redbridge));
    REQUIRE(shows(QStringLiteral("borough:Redbridge")));
    QTest::mouseClick(map, Qt::LeftButton, {}, map->tileCentre(barking));
    REQUIRE(shows(QStringLiteral("(borough:Redbridge OR borough:\"Barking & Dagenham\")")));
    CHECK(window.exhibitTable()->model()->rowCount() == either.size());

    // The chips name the authorities, the second as an alternative to the first.
    auto chipLabels = [&window] {
        QStringList labels;
        for (QToolButton* chip : window.findChildren<QToolButton*>()) {
            if (chip->text().startsWith(QStringLiteral("borough")) || chip->text().startsWith(QStringLiteral("or "))) {
                labels << chip->text().section(QStringLiteral("  "), 0, 0);
            }
        }
        return labels;
    };
    CHECK(chipLabels() ==
          QStringList{QStringLiteral("borough: Redbridge"), QStringLiteral("or borough: Barking and Dagenham")});

    // Un-clicking one leaves the other as a plain filter.
    QTest::mouseClick(map, Qt::LeftButton, {}, map->tileCentre(redbridge));
    REQUIRE(shows(QStringLiteral("borough:\"Barking & Dagenham\"")));
    CHECK(window.exhibitTable()->model()->rowCount() == 2);
    CHECK(chipLabels() == QStringList{QStringLiteral("borough: Barking and Dagenham")});
}

TEST_CASE("Facets and chips add and remove whole filters, leaving the rest as typed", "[ui][facets]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QStringLiteral("tag:send/autism")) == 1);
    auto* tree = window.findChild<QWidget*>(QStringLiteral("FacetPanel"))->findChild<QTreeWidget*>();
    REQUIRE(tree);
    auto activate = [tree](const QString& group, const QString& label) {
        const QList<QTreeWidgetItem*> found = tree->findItems(label, Qt::MatchExactly | Qt::MatchRecursive);
        for (QTreeWidgetItem* item : found) {
            QTreeWidgetItem* top = item;
            while (top->parent()) {
                top = top->parent();
            }
            if (top->text(0) == group) {
                tree->setCurrentItem(item);
                tree->setFocus();
                QTest::keyClick(tree, Qt::Key_Return);
                return true;
            }
        }
        return false;
    };
    auto shows = [&window](const QString& query) {
        return QTest::qWaitFor([&] { return window.shownQuery() == query; }, 5000);
    };

    // The issue: the tag "send" was cut out of "send/autism", leaving "/autism".
    REQUIRE(activate(QStringLiteral("Tags"), QStringLiteral("send")));
    REQUIRE(shows(QStringLiteral("tag:send/autism tag:send")));
    REQUIRE(activate(QStringLiteral("Tags"), QStringLiteral("send")));
    REQUIRE(shows(QStringLiteral("tag:send/autism")));

    // An authority from the filters goes in by name, and out again, leaving the rest as typed.
    const QString typed = QStringLiteral("(tag:adolescents  OR tag:pre-birth) -\"zebra  crossing\"");
    REQUIRE(resultsFor(window, typed) == 2);
    REQUIRE(activate(QStringLiteral("Authorities"), QStringLiteral("Redbridge")));
    REQUIRE(shows(typed + QStringLiteral(" borough:Redbridge")));
    REQUIRE(activate(QStringLiteral("Authorities"), QStringLiteral("Redbridge")));
    REQUIRE(shows(typed));

    // A chip takes out its own filter and nothing else.
    REQUIRE(resultsFor(window, QStringLiteral("-tag:send (borough:camden OR borough:hackney) tag:send")) == 0);
    QToolButton* hackney = nullptr;
    for (QToolButton* chip : window.findChildren<QToolButton*>()) {
        if (chip->text().startsWith(QStringLiteral("or borough: Hackney"))) {
            hackney = chip;
        }
    }
    REQUIRE(hackney);
    hackney->click();
    CHECK(shows(QStringLiteral("-tag:send borough:camden tag:send")));
}

TEST_CASE("Opening a corrupt catalogue shows an error and keeps the current one open", "[ui][errors]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QString()) == 17);
    const QString corrupt = scratch.write(QStringLiteral("corrupt.sqlite"), QByteArray(4096, 'z'));
    QString shownMessage;
    QTimer::singleShot(200, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shownMessage = box->text();
            box->accept();
        }
    });
    CHECK_FALSE(window.openCatalogue(corrupt));
    CHECK(shownMessage.contains(corrupt));
    CHECK(shownMessage.contains(QStringLiteral("not a Spotlight catalogue")));
    CHECK(window.catalogue().path() == scratch.path(QStringLiteral("catalogue.sqlite")));
    CHECK(resultsFor(window, QStringLiteral("mockingbird")) == 1);
}

TEST_CASE("The card view shows the same results and selection as the table", "[ui]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QStringLiteral("tag:send")) == 2);
    window.showCards(true);
    CHECK(window.cardView()->isVisible());
    CHECK(window.cardView()->model()->rowCount() == 2);
    window.exhibitTable()->setCurrentIndex(window.exhibitTable()->model()->index(1, 0));
    CHECK(window.cardView()->currentIndex().row() == 1);
    window.showCards(false);
    CHECK(window.exhibitTable()->isVisible());
}

TEST_CASE("The editor refuses a bad email and marks the field at fault", "[ui][editor]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    ExhibitEditor editor({catalogue->authorities(), catalogue->editions(), catalogue->categories(), {}},
                         catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird")));
    auto field = [&](const QString& name) {
        for (QWidget* widget : editor.findChildren<QWidget*>()) {
            if (widget->accessibleName() == name) {
                return widget;
            }
        }
        return static_cast<QWidget*>(nullptr);
    };
    auto* email = qobject_cast<QLineEdit*>(field(QStringLiteral("Contact email")));
    REQUIRE(email);
    email->setText(QStringLiteral("not an email"));
    editor.accept();
    CHECK(editor.result() != QDialog::Accepted);
    CHECK(editor.problems().contains(email));
    CHECK(email->toolTip().contains(QStringLiteral("is not an email address")));
    auto* problems = qobject_cast<QLabel*>(field(QStringLiteral("Problems")));
    REQUIRE(problems);
    CHECK(problems->text().contains(QStringLiteral("Contact email")));

    auto* title = qobject_cast<QLineEdit*>(field(QStringLiteral("Title")));
    title->clear();
    email->setText(QStringLiteral("team@example.org"));
    editor.accept();
    CHECK(editor.problems().contains(title));
    CHECK_FALSE(editor.problems().contains(email));

    title->setText(QStringLiteral("Mockingbird Family Model"));
    editor.accept();
    CHECK(editor.result() == QDialog::Accepted);
    CHECK(editor.exhibit().contact.email == QStringLiteral("team@example.org"));
    CHECK(editor.exhibit().leadAuthority == QStringLiteral("Waltham Forest"));
    CHECK(editor.exhibit().categories == QStringList{QStringLiteral("Complex needs and placements")});
}

TEST_CASE("An edit, then Edit > Undo, then Redo restores the data exactly", "[ui][undo]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QStringLiteral("mockingbird")) == 1);
    Catalogue& catalogue = window.catalogue();
    const QString ref = QStringLiteral("waltham-forest-mockingbird");
    const Exhibit before = *catalogue.exhibit(ref);
    Exhibit edited = before;
    edited.title = QStringLiteral("Mockingbird Family Model");
    edited.tags << QStringLiteral("foster-carers");
    catalogue.curation().updateExhibit(edited);
    const Exhibit after = *catalogue.exhibit(ref);

    auto* undo = window.findChild<QAction*>(QStringLiteral("Undo"));
    auto* redo = window.findChild<QAction*>(QStringLiteral("Redo"));
    REQUIRE(undo);
    REQUIRE(redo);
    CHECK(undo->isEnabled());
    undo->trigger();
    const Exhibit undone = *catalogue.exhibit(ref);
    CHECK(undone.title == before.title);
    CHECK(undone.tags == before.tags);
    CHECK(undone.updated == before.updated);
    redo->trigger();
    const Exhibit redone = *catalogue.exhibit(ref);
    CHECK(redone.title == after.title);
    CHECK(redone.tags == after.tags);
    CHECK(redone.updated == after.updated);
    // The list follows: the edited title is what it shows.
    REQUIRE(resultsFor(window, QStringLiteral("mockingbird family")) == 1);
    CHECK(window.exhibitTable()->model()->index(0, 0).data().toString() == QStringLiteral("Mockingbird Family Model"));
}

TEST_CASE("The tag chip editor adds, normalises and removes tags from the keyboard", "[ui][editor]")
{
    TagChipEditor editor({QStringLiteral("send/autism"), QStringLiteral("early-help")});
    editor.setTags({QStringLiteral("Care Leavers")});
    CHECK(editor.tags() == QStringList{QStringLiteral("care-leavers")});
    QTest::keyClicks(editor.field(), QStringLiteral("Early Help"));
    QTest::keyClick(editor.field(), Qt::Key_Return);
    QApplication::processEvents();
    CHECK(editor.tags() == QStringList{QStringLiteral("care-leavers"), QStringLiteral("early-help")});
    CHECK(editor.field()->text().isEmpty());
    QTest::keyClick(editor.field(), Qt::Key_Backspace);
    CHECK(editor.tags() == QStringList{QStringLiteral("care-leavers")});
    auto* chip = editor.findChild<QToolButton*>();
    REQUIRE(chip);
    chip->click();
    CHECK(editor.tags().isEmpty());
}

TEST_CASE("An export runs on a worker thread, and a cancelled one writes nothing", "[ui][export]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    auto runJob = [&](const ExportJob::Request& request, bool cancelFirst) {
        QThread thread;
        ExportJob job(request);
        job.moveToThread(&thread);
        QSignalSpy finished(&job, &ExportJob::finished);
        if (cancelFirst) {
            job.cancel();
        }
        QObject::connect(&thread, &QThread::started, &job, &ExportJob::run);
        thread.start();
        REQUIRE(finished.wait(30000));
        thread.quit();
        thread.wait();
        job.moveToThread(QThread::currentThread());
        return finished.first().first().toString();
    };
    ExportJob::Request request;
    request.cataloguePath = catalogue->path();
    request.format = ExportDialog::Format::Pdf;
    request.query = QStringLiteral("category:racial");
    request.target = scratch.path(QStringLiteral("racial.pdf"));
    CHECK(runJob(request, false).isEmpty());
    CHECK(readFile(request.target).startsWith("%PDF"));

    request.target = scratch.path(QStringLiteral("cancelled.pdf"));
    CHECK(runJob(request, true).contains(QStringLiteral("cancelled")));
    CHECK_FALSE(QFile::exists(request.target));

    request.format = ExportDialog::Format::Csv;
    request.useIds = true;
    request.ids = catalogue->matchingIds(QStringLiteral("mockingbird"));
    request.target = scratch.path(QStringLiteral("selection.csv"));
    CHECK(runJob(request, false).isEmpty());
    CHECK(readFile(request.target).count("\r\n") == 2); // header and the one selected exhibit

    // The web showcase runs the same way; a cancel leaves the earlier one whole.
    request.format = ExportDialog::Format::WebShowcase;
    request.useIds = false;
    request.query.clear();
    request.showcase.contactEmail = QStringLiteral("spotlight@liia.example");
    request.target = scratch.path(QStringLiteral("showcase"));
    CHECK(runJob(request, false).isEmpty());
    const QByteArray home = readFile(request.target + QStringLiteral("/index.html"));
    CHECK(home.contains("17 exhibits"));
    request.showcase.title = QStringLiteral("Changed");
    CHECK(runJob(request, true).contains(QStringLiteral("cancelled")));
    CHECK(readFile(request.target + QStringLiteral("/index.html")) == home);
}

TEST_CASE("The import wizard shows every row and applies the decisions made in it", "[ui][import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file =
        scratch.write(QStringLiteral("subs.csv"), "ref,title,lead_authority,summary,contact_email\n"
                                                  ",The Mockingbird programme,waltham forest,Hub homes.,\n"
                                                  ",Kinship care hub,RBKC,A hub.,not-an-email\n"
                                                  ",Early help front door,Sutton,A door.,\n");
    ImportWizard wizard(*catalogue);
    QSignalSpy planned(&wizard, &ImportWizard::planned);
    wizard.setFile(scratch.path(QStringLiteral("missing.csv")));
    wizard.show();
    wizard.next();
    REQUIRE(planned.wait(10000));
    CHECK(planned.takeFirst().at(0).toBool() == false);
    CHECK(wizard.currentId() == 0); // a file that cannot be read keeps the wizard on its first page
    CHECK(wizard.findChild<QLabel*>() != nullptr);

    wizard.setFile(file);
    wizard.next();
    REQUIRE(planned.wait(10000));
    REQUIRE(wizard.currentId() == 1);
    QTableWidget* rows = wizard.rowTable();
    REQUIRE(rows->rowCount() == 3);
    CHECK(rows->item(0, 3)->text().contains(QStringLiteral("May repeat \"Mockingbird Service\"")));
    CHECK(rows->item(1, 2)->text() == QStringLiteral("Kensington and Chelsea (from RBKC)"));
    CHECK(rows->item(1, 3)->text().contains(QStringLiteral("contact_email")));

    // A row with a problem is not quietly skipped: finishing waits until the curator skips it.
    auto* badRow = qobject_cast<QComboBox*>(rows->cellWidget(1, 4));
    CHECK(badRow->currentText() == QStringLiteral("Add as new"));
    CHECK_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    auto* repeat = qobject_cast<QComboBox*>(rows->cellWidget(0, 4));
    CHECK(repeat->count() == 3); // add, update the repeated exhibit, skip
    repeat->setCurrentIndex(repeat->findText(QStringLiteral("Update waltham-forest-mockingbird")));
    wizard.findChild<QPushButton*>(QStringLiteral("skipProblems"))->click();
    CHECK(badRow->currentText() == QStringLiteral("Skip"));
    CHECK(wizard.button(QWizard::FinishButton)->isEnabled());
    CHECK(wizard.buttonText(QWizard::FinishButton) == QStringLiteral("&Import 2, skip 1"));

    // Choosing to import the bad row blocks finishing until it is skipped again.
    badRow->setCurrentIndex(0);
    CHECK_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    badRow->setCurrentIndex(badRow->count() - 1);
    CHECK(wizard.button(QWizard::FinishButton)->isEnabled());

    const ImportPlan plan = wizard.plan();
    CHECK((plan.creates() == 1 && plan.updates() == 1 && plan.skips() == 1));
    catalogue->curation().applyImport(plan);
    CHECK(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->summary == QStringLiteral("Hub homes."));
    CHECK(catalogue->exhibit(QStringLiteral("early-help-front-door")).has_value());
}

TEST_CASE("The import wizard corrects a problem in place, takes a suggestion with one click, and reads many files",
          "[ui][import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString hackney =
        scratch.write(QStringLiteral("hackney.csv"), "ref,title,lead_authority,contact_email\n"
                                                     "hk-1,Family hubs,LB Hackney,a@hackney.gov.uk\n");
    const QString croydon =
        scratch.write(QStringLiteral("croydon.csv"), "ref,title,lead_authority,contact_email\n"
                                                     "cr-1,Kinship circles,Croydn,\"m.adeyemi@croydon.gov,uk\"\n");
    ImportWizard wizard(*catalogue);
    QSignalSpy planned(&wizard, &ImportWizard::planned);
    wizard.setFiles({hackney, croydon});
    wizard.show();
    wizard.next();
    REQUIRE(planned.wait(10000));
    REQUIRE(wizard.currentId() == 1);
    QTableWidget* rows = wizard.rowTable();
    REQUIRE(rows->rowCount() == 2);
    CHECK(rows->item(1, 0)->text() == QStringLiteral("croydon.csv:2"));
    CHECK_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    // The row with problems is the one shown, with an editor per cell at fault.
    CHECK(rows->currentRow() == 1);

    // One click on the suggestion puts it in the cell and checks the import again.
    QPushButton* suggestion = nullptr;
    for (QPushButton* button : wizard.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("Use \"Croydon\" for \"Croydn\"")) {
            suggestion = button;
        }
    }
    REQUIRE(suggestion != nullptr);
    suggestion->click();
    REQUIRE(planned.wait(10000));
    CHECK(wizard.plan().rows.at(1).exhibit.leadAuthority == QStringLiteral("Croydon"));
    CHECK(wizard.plan().rows.at(1).problems.size() == 1); // the email is still wrong

    // Typing the right email and pressing Enter checks again at once.
    QLineEdit* email = nullptr;
    for (QLineEdit* editor : wizard.findChildren<QLineEdit*>()) {
        if (editor->accessibleName().startsWith(QStringLiteral("Correct contact_email"))) {
            email = editor;
        }
    }
    REQUIRE(email != nullptr);
    CHECK(email->text() == QStringLiteral("m.adeyemi@croydon.gov,uk"));
    email->setText(QStringLiteral("m.adeyemi@croydon.gov.uk"));
    Q_EMIT email->returnPressed();
    REQUIRE(planned.wait(10000));
    CHECK(wizard.plan().problems() == QStringList{});
    CHECK(wizard.button(QWizard::FinishButton)->isEnabled());
    CHECK(wizard.buttonText(QWizard::FinishButton) == QStringLiteral("&Import 2, skip 0"));

    catalogue->curation().applyImport(wizard.plan());
    CHECK(catalogue->requireExhibit(QStringLiteral("cr-1")).contact.email ==
          QStringLiteral("m.adeyemi@croydon.gov.uk"));
    CHECK(catalogue->exhibit(QStringLiteral("hk-1")).has_value());
    CHECK(readFile(croydon).contains("Croydn")); // the borough's file is never changed
}

TEST_CASE("The coverage view shows an edition's authorities by category, shaded, and who sent nothing",
          "[ui][coverage]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CoverageDialog dialog(*catalogue);
    QTableWidget* table = dialog.table();
    REQUIRE(table->rowCount() == 33);
    REQUIRE(table->columnCount() == 8); // five categories, none, leads, partner in
    int hackney = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->verticalHeaderItem(row)->text() == QStringLiteral("Hackney")) {
            hackney = row;
        }
    }
    REQUIRE(hackney >= 0);
    CHECK(table->item(hackney, 0)->text() == QStringLiteral("1")); // Racial equity
    CHECK(table->item(hackney, 0)->background().color() != table->item(hackney, 1)->background().color());
    CHECK(table->item(hackney, 6)->text() == QStringLiteral("1"));
    QLabel* silent = nullptr;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->text().contains(QStringLiteral("lead no submission"))) {
            silent = label;
        }
    }
    REQUIRE(silent != nullptr);
    CHECK(silent->text().startsWith(QStringLiteral("18 of 33")));

    Edition next;
    next.name = QStringLiteral("Practice Spotlight 2026");
    next.year = 2026;
    catalogue->curation().saveEdition({}, next);
    dialog.showEdition(next.name);
    CHECK(dialog.coverage().edition == next.name);
    CHECK(table->columnCount() == 3);
    CHECK(silent->text().startsWith(QStringLiteral("33 of 33")));
}

TEST_CASE("The privacy panel lists findings on screen and records a reviewed one", "[ui][privacy]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit exhibit = *catalogue->exhibit(QStringLiteral("redbridge-your-choice"));
    exhibit.description += QStringLiteral("\n\nJamie, aged 14, said it helped.");
    catalogue->curation().updateExhibit(exhibit);

    QString shownQuery = QStringLiteral("redbridge");
    PrivacyPanel panel([&catalogue] { return catalogue.get(); }, [&shownQuery] { return shownQuery; });
    panel.check();
    QTreeWidget* list = panel.findingList();
    REQUIRE(list->topLevelItemCount() == 2);
    CHECK(list->topLevelItem(0)->text(0) == exhibit.title);
    CHECK(list->topLevelItem(0)->text(1) == QStringLiteral("description"));
    CHECK(list->topLevelItem(0)->text(3).contains(QStringLiteral("aged 14")));
    CHECK(list->topLevelItem(0)->text(4) == QStringLiteral("Not reviewed"));
    CHECK(panel.findChild<QLabel*>()->text().contains(QStringLiteral("2 finding(s), 2 not reviewed")));

    // Marked, the finding stays on its row: the one below does not slide under the cursor.
    list->setCurrentItem(list->topLevelItem(0));
    const QString second = list->topLevelItem(1)->text(3);
    CHECK(panel.markReviewed(0, QStringLiteral("Pseudonym agreed with the family")));
    CHECK(list->topLevelItemCount() == 2);
    CHECK(list->currentItem() == list->topLevelItem(0));
    CHECK(list->topLevelItem(0)->text(4) == QStringLiteral("Reviewed: Pseudonym agreed with the family"));
    CHECK(list->topLevelItem(1)->text(3) == second);
    CHECK(panel.findChild<QLabel*>()->text().contains(QStringLiteral("2 finding(s), 1 not reviewed")));
    CHECK(catalogue->history(exhibit.ref).first().action == QStringLiteral("privacy-reviewed"));
    QPushButton* unmark = nullptr;
    for (QPushButton* button : panel.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("&Unmark")) {
            unmark = button;
        }
    }
    REQUIRE(unmark);
    CHECK(unmark->isEnabled());
    panel.check();
    CHECK(list->topLevelItemCount() == 1); // reviewed ones are hidden once the list is made again
    panel.findChild<QCheckBox*>()->setChecked(true);
    CHECK(list->topLevelItemCount() == 2);

    // Taken back: not reviewed again, recorded, and undoable like the marking.
    list->setCurrentItem(list->topLevelItem(0));
    unmark->click();
    CHECK(list->topLevelItem(0)->text(4) == QStringLiteral("Not reviewed"));
    CHECK_FALSE(unmark->isEnabled());
    CHECK(catalogue->history(exhibit.ref).first().action == QStringLiteral("privacy-unmarked"));
    CHECK_FALSE(catalogue->privacyFindings(QStringLiteral("redbridge")).first().reviewed);
    catalogue->undoStack()->undo();
    CHECK(catalogue->privacyFindings(QStringLiteral("redbridge")).first().reviewed);

    shownQuery = QStringLiteral("mockingbird");
    panel.check();
    CHECK(list->topLevelItemCount() == 0);
    CHECK(panel.findChild<QLabel*>()->text().contains(QStringLiteral("No likely personal data")));
}

TEST_CASE("The History tab shows who changed what, before and after", "[ui][history]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QStringLiteral("mockingbird")) == 1);
    Exhibit edited = *window.catalogue().exhibit(QStringLiteral("waltham-forest-mockingbird"));
    const QString oldTitle = edited.title;
    edited.title = QStringLiteral("Mockingbird Family Model");
    window.catalogue().curation().updateExhibit(edited);
    REQUIRE(resultsFor(window, QStringLiteral("mockingbird")) == 1);
    window.exhibitTable()->setCurrentIndex(window.exhibitTable()->model()->index(0, 0));

    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("DetailTabs"));
    tabs->setCurrentIndex(1);
    auto* history = window.findChild<HistoryView*>();
    REQUIRE(history->topLevelItemCount() >= 2);
    const QTreeWidgetItem* newest = history->topLevelItem(0);
    CHECK(newest->text(2) == QStringLiteral("update title"));
    CHECK(newest->text(3) == oldTitle);
    CHECK(newest->text(4) == QStringLiteral("Mockingbird Family Model"));
    CHECK_FALSE(newest->text(1).isEmpty());
}

TEST_CASE("The detail pane links a resubmission and the exhibit it submits again, each way", "[ui][resubmit]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    Catalogue& catalogue = window.catalogue();
    Edition next;
    next.name = QStringLiteral("Practice Spotlight 2026");
    next.year = 2026;
    catalogue.curation().saveEdition({}, next);
    const QString earlier = QStringLiteral("hackney-racial-equity-inclusion-service");
    const QString file = scratch.write(QStringLiteral("hackney.csv"), "ref,title,lead_authority\n" + earlier.toUtf8() +
                                                                          ",Racial Equity in 2026,Hackney\n");
    catalogue.curation().applyImport(catalogue.planImport(file, {}));
    const QString later = QStringLiteral("racial-equity-in-2026");
    REQUIRE(catalogue.requireExhibit(later).resubmissionOf == earlier);
    window.show();

    // The later exhibit is not among these results: following the link shows them all.
    const qsizetype found = resultsFor(window, QStringLiteral("racial inclusion"));
    const QAbstractItemModel* model = window.exhibitTable()->model();
    for (int row = 0; row < found; ++row) {
        if (model->index(row, 0).data(ExhibitTableModel::RefRole).toString() == earlier) {
            window.exhibitTable()->setCurrentIndex(model->index(row, 0));
        }
    }
    REQUIRE(window.selectedRefs().value(0) == earlier);
    auto* pane = window.findChild<DetailPane*>();
    CHECK(pane->toPlainText().contains(QStringLiteral("Submitted again, in 2026: Racial Equity in 2026")));
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    Q_EMIT pane->anchorClicked(QUrl(QStringLiteral("exhibit:") + later));
    REQUIRE(shown.wait(5000));
    CHECK(window.selectedRefs().value(0) == later);
    CHECK(pane->toPlainText().contains(QStringLiteral("Submitted before, in 2025: Racial Equity & Inclusion Service")));

    // Back again, within the results shown.
    Q_EMIT pane->anchorClicked(QUrl(QStringLiteral("exhibit:") + earlier));
    CHECK(window.selectedRefs().value(0) == earlier);
}

TEST_CASE("The letters dialog previews the letter of each reviewed exhibit", "[ui][letters]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().addReview(QStringLiteral("redbridge-your-choice"),
                                    Review{QStringLiteral("Adolescent Safeguarding Oversight Board"),
                                           QDate(2025, 2, 3),
                                           {},
                                           QStringLiteral("A clear model."),
                                           QStringLiteral("Commended")});
    LettersDialog dialog(*catalogue, catalogue->exhibits());
    CHECK(dialog.reviewed().size() == 1);
    CHECK(dialog.exhibitList()->count() == 1);
    CHECK(dialog.findChild<QLabel*>()->text().contains(QStringLiteral("16 exhibit(s) without a review get none")));
    CHECK(dialog.previewedHtml().contains(QStringLiteral("A clear model.")));
    CHECK(dialog.previewedHtml().contains(QStringLiteral("Adolescent Safeguarding Oversight Board")));
}

TEST_CASE("The editions dialog creates an edition with categories and renames a category", "[ui][editions]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    EditionsDialog dialog(*catalogue);
    REQUIRE(dialog.editionList()->count() == 1);
    CHECK(dialog.editionList()->item(0)->text() == QStringLiteral("Practice Spotlight 2025 (current)"));
    CHECK(dialog.categoryTable()->rowCount() == 5);

    // Renaming a category in the table carries its exhibits.
    dialog.categoryTable()->item(0, 0)->setText(QStringLiteral("Racial equity and inclusion"));
    CHECK(catalogue->search(QStringLiteral("category:\"Racial equity and inclusion\""), 50).total == 3);

    dialog.findChild<QPushButton*>()->click(); // New Edition
    Edition next = dialog.formEdition();
    next.name = QStringLiteral("Practice Spotlight 2027");
    next.year = 2027;
    next.signatoryName = QStringLiteral("A. Director");
    dialog.setFormEdition(next);
    CHECK(dialog.saveEdition());
    CHECK(dialog.addCategory(Category{next.name, QStringLiteral("Early help"), QStringLiteral("A made-up group"), {}}));
    CHECK(catalogue->currentEdition()->name == next.name);
    CHECK(catalogue->currentEdition()->signatoryName == QStringLiteral("A. Director"));
    CHECK(catalogue->categories(next.name).size() == 1);

    Edition clash = dialog.formEdition();
    clash.endsOn = QDate(2027, 1, 1);
    clash.startsOn = QDate(2027, 2, 1);
    dialog.setFormEdition(clash);
    CHECK_FALSE(dialog.saveEdition());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("EditionsMessage"))
              ->text()
              .contains(QStringLiteral("ends before it starts")));
}

TEST_CASE("The editions dialog merges and deletes editions and categories, each one step to undo",
          "[ui][editions][undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Curation& curation = catalogue->curation();
    const QString stray = QStringLiteral("2026");
    Edition edition;
    edition.name = stray;
    edition.year = 2026;
    curation.saveEdition({}, edition);
    curation.saveCategory({}, Category{stray, QStringLiteral("SEND"), {}, {}});
    curation.saveCategory({}, Category{stray, QStringLiteral("Early help"), {}, {}});
    const QString ref = QStringLiteral("merton-autism-mainstream-classrooms");
    Exhibit moved = catalogue->requireExhibit(ref);
    moved.edition = stray;
    moved.categories = {QStringLiteral("SEND")};
    curation.updateExhibit(moved);
    const QList<Edition> editionsBefore = catalogue->editions();
    const QList<Category> categoriesBefore = catalogue->categories();
    QUndoStack* stack = catalogue->undoStack();

    EditionsDialog dialog(*catalogue);
    auto* message = dialog.findChild<QLabel*>(QStringLiteral("EditionsMessage"));
    REQUIRE(dialog.editionList()->currentItem()->text() == QStringLiteral("2026 (current)"));
    CHECK(dialog.mergeEditionButton()->accessibleName() == QStringLiteral("Merge this edition into another"));
    CHECK(dialog.deleteEditionButton()->accessibleName() == QStringLiteral("Delete this edition"));
    CHECK(dialog.mergeCategoryButton()->accessibleName() == QStringLiteral("Merge the selected category into another"));
    CHECK(dialog.deleteCategoryButton()->accessibleName() == QStringLiteral("Delete the selected category"));
    CHECK(dialog.mergeEditionButton()->isEnabled());
    CHECK_FALSE(dialog.deleteEditionButton()->isEnabled()); // it has an exhibit
    CHECK_FALSE(dialog.deleteEdition());
    CHECK(message->text().contains(QStringLiteral("\"2026\" still has 1 exhibit; merge it into another edition")));

    dialog.categoryTable()->setCurrentCell(1, 0); // Early help, empty
    CHECK(dialog.deleteCategoryButton()->isEnabled());
    dialog.categoryTable()->setCurrentCell(0, 0); // SEND
    CHECK_FALSE(dialog.deleteCategoryButton()->isEnabled());
    CHECK(dialog.mergeCategoryButton()->isEnabled());
    CHECK_FALSE(dialog.mergeCategory(QStringLiteral("send")));
    CHECK(message->text().contains(QStringLiteral("cannot be merged into itself")));
    CHECK(dialog.mergeCategory(QStringLiteral("Early help")));
    CHECK(dialog.categoryTable()->rowCount() == 1);
    CHECK(catalogue->requireExhibit(ref).categories == QStringList{QStringLiteral("Early help")});
    stack->undo();
    CHECK(catalogue->categories() == categoriesBefore);
    CHECK(catalogue->requireExhibit(ref).categories == QStringList{QStringLiteral("SEND")});

    dialog.editionList()->setCurrentRow(1);
    dialog.editionList()->setCurrentRow(0); // shows the categories undo put back
    CHECK(dialog.categoryTable()->rowCount() == 2);
    // Through the button: it asks which edition to merge into, then confirms how many exhibits move.
    QStringList asked;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&asked] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* input = qobject_cast<QInputDialog*>(modal)) {
            asked << input->labelText();
            input->setTextValue(QStringLiteral("Practice Spotlight 2025"));
            input->accept();
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            asked << box->text();
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start(10);
    dialog.mergeEditionButton()->click();
    answer.stop();
    REQUIRE(asked.size() == 2);
    CHECK(asked.at(0) == QStringLiteral("Move every exhibit and category of \"2026\" into:"));
    CHECK(asked.at(1).startsWith(QStringLiteral("Move 1 exhibit(s) from \"2026\" into \"Practice Spotlight 2025\"")));
    CHECK(message->text().contains(QStringLiteral("from \"2026\" into \"Practice Spotlight 2025\" and deleted")));
    CHECK(dialog.editionList()->count() == 1);
    CHECK(catalogue->requireExhibit(ref).edition == QStringLiteral("Practice Spotlight 2025"));
    CHECK(catalogue->categories(QStringLiteral("Practice Spotlight 2025")).size() == 7);
    CHECK(stack->undoText() == QStringLiteral("Merge the edition \"2026\" into \"Practice Spotlight 2025\""));
    stack->undo();
    CHECK(catalogue->editions() == editionsBefore);
    CHECK(catalogue->categories() == categoriesBefore);
    CHECK(catalogue->requireExhibit(ref).edition == stray);
    stack->redo();
    CHECK(catalogue->requireExhibit(ref).edition == QStringLiteral("Practice Spotlight 2025"));
    stack->undo();

    Edition empty;
    empty.name = QStringLiteral("2027");
    empty.year = 2027;
    curation.saveEdition({}, empty);
    EditionsDialog again(*catalogue);
    REQUIRE(again.editionList()->currentItem()->text() == QStringLiteral("2027 (current)"));
    CHECK(again.deleteEditionButton()->isEnabled());
    CHECK(again.deleteEdition());
    CHECK(again.editionList()->count() == 2);
    CHECK(catalogue->editions() == editionsBefore);
    stack->undo();
    CHECK(catalogue->currentEdition()->name == QStringLiteral("2027"));
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("The list says when rows cannot be read, and reads only changed rows again", "[ui][model]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    ExhibitTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setCatalogue(catalogue.get());
    model.setResults(catalogue->matchingIds(QString()));
    REQUIRE(model.rowCount() == 17);
    CHECK_FALSE(model.data(model.index(0, ExhibitTableModel::Title)).toString().isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.reload({QStringLiteral("no-such-exhibit")});
    CHECK(changed.isEmpty());
    model.reload({model.data(model.index(3, 0), ExhibitTableModel::RefRole).toString()});
    CHECK(changed.count() == 1);

    QSignalSpy failed(&model, &ExhibitTableModel::pageLoadFailed);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(catalogue->path());
        REQUIRE(raw.open());
        REQUIRE(QSqlQuery(raw).exec(QStringLiteral("DROP TABLE review")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    model.reload();
    CHECK(model.data(model.index(0, ExhibitTableModel::Title)).toString().isEmpty());
    REQUIRE(QTest::qWaitFor([&failed] { return !failed.isEmpty(); }, 5000));
    CHECK(failed.first().first().toString().contains(QStringLiteral("review")));
}

namespace {

QAction* menuAction(MainWindow& window, const QString& text)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == text) {
            return action;
        }
    }
    return nullptr;
}

// Waits, letting queued work run, until `done` holds or about ten seconds have passed.
bool waitFor(const std::function<bool()>& done)
{
    for (int tries = 0; tries < 100 && !done(); ++tries) {
        QTest::qWait(100);
    }
    return done();
}

} // namespace

TEST_CASE("Record Review records the same review for every selected exhibit, as one step", "[ui][review]")
{
    Scratch scratch;
    MainWindow window(makeCatalogue(scratch));
    window.show();
    REQUIRE(resultsFor(window, QStringLiteral("tag:send")) == 2);
    window.exhibitTable()->selectAll();
    Catalogue& catalogue = window.catalogue();
    const int steps = catalogue.undoStack()->count();
    QString title;
    QTimer::singleShot(200, [&] {
        auto* dialog = qobject_cast<ReviewDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        title = dialog->windowTitle();
        auto* panel = qobject_cast<QComboBox*>(dialog->findChildren<QComboBox*>().value(0));
        REQUIRE(panel);
        panel->setCurrentText(QStringLiteral("London SEND Steering Group"));
        dialog->findChild<QPlainTextEdit*>()->setPlainText(QStringLiteral("Both show how mainstream schools adapt."));
        dialog->accept();
    });
    QAction* record = menuAction(window, QStringLiteral("Record &Review for Selected…"));
    REQUIRE(record);
    record->trigger();
    CHECK(title == QStringLiteral("Record a review of 2 exhibit(s)"));
    const QList<Exhibit> reviewed = catalogue.exhibits(QStringLiteral("tag:send"));
    REQUIRE(reviewed.size() == 2);
    for (const Exhibit& exhibit : reviewed) {
        REQUIRE(exhibit.reviews.size() == 1);
        CHECK(exhibit.reviews.first().panel == QStringLiteral("London SEND Steering Group"));
        CHECK(exhibit.reviews.first().feedback == QStringLiteral("Both show how mainstream schools adapt."));
    }
    CHECK(catalogue.undoStack()->count() == steps + 1);
    CHECK(catalogue.undoStack()->undoText() == QStringLiteral("Record a review of 2 exhibit(s)"));
    catalogue.undoStack()->undo();
    for (const Exhibit& exhibit : catalogue.exhibits(QStringLiteral("tag:send"))) {
        CHECK(exhibit.reviews.isEmpty());
    }
}

TEST_CASE("The Export dialog opens with the choices of the last export", "[ui][export]")
{
    QSettings().remove(QStringLiteral("export"));
    const ExportDialog::PaintPreview noPreview = [](ExportDialog::Scope, int, const BookletOptions&, QPrinter&) {};
    {
        ExportDialog dialog(true, noPreview);
        auto* format = dialog.findChildren<QComboBox*>().value(0);
        REQUIRE(format);
        format->setCurrentIndex(format->findData(int(ExportDialog::Format::Pdf)));
        for (QLineEdit* field : dialog.findChildren<QLineEdit*>()) {
            if (field->accessibleName() == QStringLiteral("Booklet title")) {
                field->setText(QStringLiteral("Summit 2025"));
            }
        }
        for (QComboBox* box : dialog.findChildren<QComboBox*>()) {
            if (box->accessibleName() == QStringLiteral("Page size")) {
                box->setCurrentIndex(box->findData(int(QPageSize::Letter)));
            }
        }
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->text() == QStringLiteral("Evidence")) {
                box->setChecked(false);
            }
        }
        for (QAbstractButton* button : dialog.findChildren<QRadioButton*>()) {
            if (button->text() == QStringLiteral("The se&lected exhibits")) {
                button->setChecked(true);
            }
        }
        dialog.accept();
    }
    ExportDialog again(true, noPreview);
    CHECK(again.bookletOptions().title == QStringLiteral("Summit 2025"));
    CHECK(again.bookletOptions().pageSize == QPageSize::Letter);
    CHECK_FALSE(again.bookletOptions().evidence);
    CHECK(again.bookletOptions().description);
    CHECK(again.scope() == ExportDialog::Scope::Selection);
    // Without a selection now, the current search rather than a choice that cannot apply.
    ExportDialog withoutSelection(false, noPreview);
    CHECK(withoutSelection.scope() == ExportDialog::Scope::CurrentSearch);

    // Cancelled, it remembers nothing.
    {
        ExportDialog cancelled(true, noPreview);
        for (QLineEdit* field : cancelled.findChildren<QLineEdit*>()) {
            if (field->accessibleName() == QStringLiteral("Booklet title")) {
                field->setText(QStringLiteral("Not kept"));
            }
        }
        cancelled.reject();
    }
    CHECK(ExportDialog(true, noPreview).bookletOptions().title == QStringLiteral("Summit 2025"));
    QSettings().remove(QStringLiteral("export"));
}

TEST_CASE("Cancel on the privacy warning goes back to the Export dialog", "[ui][export][privacy]")
{
    QSettings().remove(QStringLiteral("export"));
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit named = catalogue->requireExhibit(QStringLiteral("redbridge-your-choice"));
    named.description = QStringLiteral("Jamie, aged 14, told us it helped.");
    catalogue->curation().updateExhibit(named);
    MainWindow window(std::move(catalogue));
    window.show();
    REQUIRE(resultsFor(window, QString()) == 17);
    const QString target = scratch.path(QStringLiteral("everything.csv"));
    QStringList seen;
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* dialog = qobject_cast<ExportDialog*>(modal)) {
            seen << QStringLiteral("export");
            if (seen.count(QStringLiteral("export")) == 1) {
                auto* format = dialog->findChildren<QComboBox*>().value(0);
                format->setCurrentIndex(format->findData(int(ExportDialog::Format::Csv)));
                dialog->accept();
            } else {
                dialog->reject();
            }
        } else if (auto* files = qobject_cast<QFileDialog*>(modal)) {
            seen << QStringLiteral("file");
            files->selectFile(target);
            static_cast<QDialog*>(files)->accept(); // QFileDialog::accept() is protected
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            seen << QStringLiteral("warning: ") + box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    poll.start();
    QAction* exportAction = menuAction(window, QStringLiteral("&Export…"));
    REQUIRE(exportAction);
    exportAction->trigger();
    CHECK(waitFor([&] { return seen.count(QStringLiteral("export")) == 2; }));
    poll.stop();
    REQUIRE(seen.size() == 4);
    CHECK(seen.at(1) == QStringLiteral("file"));
    CHECK(seen.at(2).contains(QStringLiteral("no one has reviewed")));
    CHECK(seen.at(3) == QStringLiteral("export"));
    CHECK_FALSE(QFile::exists(target));
    QSettings().remove(QStringLiteral("export"));
}

TEST_CASE("The letters dialog writes every letter into one PDF when asked", "[ui][letters]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    for (const QString& ref :
         {QStringLiteral("redbridge-your-choice"), QStringLiteral("lambeth-route-to-independence")}) {
        catalogue->curation().addReview(ref, Review{QStringLiteral("Made-up panel"),
                                                    QDate(2025, 2, 3),
                                                    {},
                                                    QStringLiteral("Feedback for ") + ref,
                                                    QStringLiteral("Commended")});
    }
    LettersDialog dialog(*catalogue, catalogue->exhibits());
    dialog.setTemplatePath({});
    dialog.combinedBox()->setChecked(true);
    const QString pdf = scratch.path(QStringLiteral("letters.pdf"));
    QTimer::singleShot(200, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->accept();
        }
    });
    CHECK(dialog.writeTo(pdf));
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")) == QStringLiteral("2"));
    CHECK((pdfPageText(pdf, 1) + pdfPageText(pdf, 2)).contains(QStringLiteral("Feedback for redbridge-your-choice")));
}

TEST_CASE("A map tile says how many exhibits its authority has, in words a screen reader reads", "[ui][map]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    LondonMap map;
    map.setAuthorities(catalogue->authorities());
    map.setCounts({{map.focusedCode(), 1}});
    map.show();
    QTest::keyClick(&map, Qt::Key_Right);
    QTest::keyClick(&map, Qt::Key_Left); // back to the first tile, announced
    CHECK(map.accessibleDescription().endsWith(QStringLiteral(": 1 exhibit")));
    map.setCounts({{map.focusedCode(), 3}});
    QTest::keyClick(&map, Qt::Key_Right);
    QTest::keyClick(&map, Qt::Key_Left);
    CHECK(map.accessibleDescription().endsWith(QStringLiteral(": 3 exhibits")));
}
