// The window on a team catalogue: connecting, being asked for a password, hearing other curators'
// changes, and a connection that drops and comes back. [server] cases run in the server's turn.
#include "Catalogue.h"
#include "MainWindow.h"
#include "StartUp.h"
#include "TestSupport.h"
#include "dialogs/ConnectDialog.h"
#include "models/ExhibitTableModel.h"
#include "storage/Database.h"
#include "views/ConnectionBanner.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Ref = QStringLiteral("waltham-forest-mockingbird");

// The title the window's list shows for `ref`, or empty when the list does not show it.
QString shownTitle(MainWindow& window, const QString& ref)
{
    QAbstractItemModel* model = window.exhibitTable()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, ExhibitTableModel::Title);
        if (index.siblingAtColumn(0).data(ExhibitTableModel::RefRole).toString() == ref) {
            return index.data().toString();
        }
    }
    return {};
}

// Shows the window and waits until its list holds the seed exhibits.
void showOnScreen(MainWindow& window)
{
    window.show();
    REQUIRE(QTest::qWaitFor([&] { return !shownTitle(window, Ref).isEmpty(); }, 5000));
}

// Ends every connection to the catalogue's database but its own: what a restarted server or a
// dropped network does.
void dropConnections(const QString& address)
{
    auto administrator = Database::open(address, Database::OpenMode::MustExist);
    administrator->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                       "current_database() AND pid <> pg_backend_pid()"));
}

} // namespace

TEST_CASE("The connect dialog makes the address the command line takes, and remembers it", "[ui][team]")
{
    QSettings().remove(QStringLiteral("server/lastAddress"));
    {
        ConnectDialog dialog(QStringLiteral("/home/curator/catalogue.sqlite"));
        CHECK(dialog.databaseEdit()->text() == QStringLiteral("spotlight"));
        CHECK(dialog.portEdit()->value() == 5432);
        CHECK_FALSE(dialog.connectButton()->isEnabled()); // no server yet
        CHECK(dialog.findChild<QLabel*>(QStringLiteral("ServerAddress"))->text().contains(QStringLiteral("server")));

        dialog.hostEdit()->setText(QStringLiteral("db.liia.london"));
        dialog.userEdit()->setText(QStringLiteral("alice"));
        CHECK(dialog.connectButton()->isEnabled());
        CHECK(dialog.address() == QStringLiteral("postgresql://alice@db.liia.london/spotlight"));
        dialog.portEdit()->setValue(6543);
        dialog.encryptionChoice()->setCurrentIndex(dialog.encryptionChoice()->findData(QStringLiteral("verify-full")));
        CHECK(dialog.address() ==
              QStringLiteral("postgresql://alice@db.liia.london:6543/spotlight?sslmode=verify-full"));
        CHECK(dialog.findChild<QLabel*>(QStringLiteral("ServerAddress"))->text() == dialog.address());
        ConnectDialog::rememberAddress(dialog.address());
    }
    {
        // Next time it starts from the last address, options it has no field for included.
        ConnectDialog dialog(QStringLiteral("/home/curator/catalogue.sqlite"));
        CHECK(dialog.address() ==
              QStringLiteral("postgresql://alice@db.liia.london:6543/spotlight?sslmode=verify-full"));
        ConnectDialog fromAddress(QStringLiteral("postgresql://bob@other:5432/team?sslrootcert=/etc/ca.pem"));
        CHECK(fromAddress.hostEdit()->text() == QStringLiteral("other"));
        CHECK(fromAddress.encryptionChoice()->currentData().toString() == QStringLiteral("prefer"));
        CHECK(fromAddress.address() == QStringLiteral("postgresql://bob@other/team?sslrootcert=/etc/ca.pem"));
        // A database name with a slash is no address: the button says so by staying off.
        fromAddress.databaseEdit()->setText(QStringLiteral("a/b"));
        CHECK_FALSE(fromAddress.connectButton()->isEnabled());
    }
    QSettings().remove(QStringLiteral("server/lastAddress"));
}

TEST_CASE("The connection banner waits longer after each failed try, and tries at once when asked", "[ui][team]")
{
    ConnectionBanner banner;
    QSignalSpy retries(&banner, &ConnectionBanner::retry);
    banner.connectionLost(QStringLiteral("The server went away."));
    CHECK(banner.isLost());
    CHECK(banner.message().contains(QStringLiteral("Trying again in 2 seconds")));
    REQUIRE(retries.wait(3000));
    banner.connectionLost(QStringLiteral("Still away."));
    CHECK(banner.message().contains(QStringLiteral("Trying again in 4 seconds")));
    CHECK(banner.message().contains(QStringLiteral("Still away.")));
    banner.retryButton()->click();
    CHECK(retries.size() == 2);
    banner.connected();
    CHECK_FALSE(banner.isLost());
    CHECK(banner.message().isEmpty());
    banner.connectionLost(QStringLiteral("Gone again."));
    CHECK(banner.message().contains(QStringLiteral("Trying again in 2 seconds"))); // a new outage starts short
}

TEST_CASE("A window on a team catalogue names it, and shows another curator's change as it commits",
          "[ui][team][server]")
{
    Scratch scratch;
    const QString address = makeCatalogue(scratch)->path();
    MainWindow window(Catalogue::open(address, Catalogue::UndoHistory::Kept));
    showOnScreen(window);
    CHECK(window.windowTitle().contains(QStringLiteral("team catalogue")));
    CHECK(window.windowTitle().startsWith(window.catalogue().name()));
    CHECK(window.findChild<QLabel*>(QStringLiteral("CatalogueLocation"))->text().contains(QStringLiteral("database ")));

    auto otherCurator = Catalogue::open(address);
    Exhibit exhibit = otherCurator->requireExhibit(Ref);
    exhibit.title = QStringLiteral("Mockingbird, as the other curator calls it");
    otherCurator->curation().updateExhibit(exhibit);
    // Announced by the server, not found by polling: well inside the second a poll would take.
    CHECK(QTest::qWaitFor([&] { return shownTitle(window, Ref) == exhibit.title; }, 900));
}

TEST_CASE("A window whose server drops says so across the top, and carries on once it is back", "[ui][team][server]")
{
    Scratch scratch;
    const QString address = makeCatalogue(scratch)->path();
    MainWindow window(Catalogue::open(address, Catalogue::UndoHistory::Kept));
    showOnScreen(window);
    auto* banner = window.findChild<ConnectionBanner*>(QStringLiteral("ConnectionBanner"));
    REQUIRE(banner);
    CHECK_FALSE(banner->isVisible());

    dropConnections(address);
    REQUIRE(QTest::qWaitFor([&] { return banner->isVisible(); }, 3000));
    CHECK(banner->message().contains(window.catalogue().describe()));
    CHECK(banner->message().contains(QStringLiteral("was lost at")));

    // A change made meanwhile says it did not reach the server, and is made again once the banner
    // has connected (the server never stopped; only the connections went).
    QStringList said;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* input = qobject_cast<QInputDialog*>(modal)) {
            input->setTextValue(QStringLiteral("tagged-during-the-outage"));
            input->accept();
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            said << box->text();
            if (said.size() > 1 && banner->isLost()) {
                banner->retryButton()->click(); // the first Try Again finds the server still gone
            }
            for (QAbstractButton* button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::AcceptRole) {
                    button->click();
                }
            }
        }
    });
    answer.start(20);
    const QString selected = window.selectedRefs().value(0);
    REQUIRE_FALSE(selected.isEmpty());
    QAction* tag = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("&Tag Selected…")) {
            tag = action;
        }
    }
    REQUIRE(tag);
    tag->trigger();
    answer.stop();
    // Refused, and tried again while still lost (unless the banner's own try came first), then
    // made once connected.
    REQUIRE_FALSE(said.isEmpty());
    CHECK(said.first().contains(QStringLiteral("was lost")));
    CHECK_FALSE(banner->isVisible());
    CHECK(Catalogue::open(address)->requireExhibit(selected).tags.contains(QStringLiteral("tagged-during-the-outage")));

    // Other curators' changes arrive as before.
    auto otherCurator = Catalogue::open(address);
    Exhibit exhibit = otherCurator->requireExhibit(Ref);
    exhibit.title = QStringLiteral("Mockingbird, changed after the outage");
    otherCurator->curation().updateExhibit(exhibit);
    CHECK(QTest::qWaitFor([&] { return shownTitle(window, Ref) == exhibit.title; }, 3000));
    CHECK_FALSE(banner->isVisible());
}

TEST_CASE("Opening a team catalogue asks for a password libpq cannot find, and again when it is wrong",
          "[ui][team][server]")
{
    Scratch scratch;
    const QString address = makeCatalogue(scratch)->path();
    const QByteArray passwordFile = qgetenv("PGPASSFILE");
    const QByteArray password =
        readFile(QString::fromLocal8Bit(passwordFile).section(QLatin1Char('/'), 0, -2) + QStringLiteral("/password"))
            .trimmed();
    qputenv("PGPASSFILE", scratch.path(QStringLiteral("no-pgpass")).toLocal8Bit());

    QStringList asked;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto* input = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            asked << input->labelText();
            CHECK(input->textEchoMode() == QLineEdit::Password);
            input->setTextValue(asked.size() == 1 ? QStringLiteral("not-the-password") : QString::fromUtf8(password));
            input->accept();
        }
    });
    answer.start(10);
    auto opened = StartUp::openAskingForPassword(address);
    answer.stop();
    qputenv("PGPASSFILE", passwordFile);
    REQUIRE(opened);
    REQUIRE(asked.size() == 2);
    CHECK(asked.at(0).startsWith(QStringLiteral("Password for ")));
    CHECK(asked.at(1).startsWith(QStringLiteral("The server refused that password.")));
    CHECK(opened->requireExhibit(Ref).ref == Ref);

    // Cancelling is no error: nothing opens.
    Catalogue::rememberServerPassword(address, QString());
    qputenv("PGPASSFILE", scratch.path(QStringLiteral("no-pgpass")).toLocal8Bit());
    QTimer::singleShot(50, [] {
        if (auto* input = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            input->reject();
        }
    });
    CHECK_FALSE(StartUp::openAskingForPassword(address));
    qputenv("PGPASSFILE", passwordFile);
}
