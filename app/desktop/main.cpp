// spotlight: the desktop catalogue. `spotlight [--db PATH]` opens that catalogue (offering to create
// it when there is none), else the last one opened, else the default one (created and seeded on
// first start).

#include "Catalogue.h"
#include "Error.h"
#include "MainWindow.h"
#include "StartUp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

using namespace spotlight;

namespace {

// The last line of defence for an Error thrown from an event handler that did not expect one (a
// read that finds the team catalogue's server gone, say): Qt cannot carry an exception through its
// event loop, and without this the program would end, taking open editors with it. The person
// is told once, and the window goes on.
class Application : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override
    {
        try {
            return QApplication::notify(receiver, event);
        } catch (const Error& error) {
            if (!m_telling) {
                m_telling = true;
                QTimer::singleShot(0, this, [this, message = error.message()] {
                    QMessageBox::warning(activeWindow(), QStringLiteral("Spotlight"), message);
                    m_telling = false;
                });
            }
            return false;
        }
    }

private:
    bool m_telling = false; // one message at a time: a lost server fails many reads at once
};

} // namespace

int main(int argc, char* argv[])
{
    Application application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LIIA"));
    QApplication::setOrganizationDomain(QStringLiteral("liia.london"));
    QApplication::setApplicationName(QStringLiteral("Spotlight"));
    QApplication::setApplicationDisplayName(QStringLiteral("Spotlight"));
    QApplication::setApplicationVersion(QStringLiteral(SPOTLIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("london.liia.Spotlight"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/london.liia.Spotlight.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Practice Spotlight catalogue"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("db"), QStringLiteral("The catalogue to open."),
                                      QStringLiteral("PATH"));
    parser.addOption(database);
    parser.process(application);

    StartUp::FirstCatalogue first;
    try {
        first = StartUp::openFirstCatalogue(parser.value(database));
    } catch (const Error& error) {
        QMessageBox::critical(nullptr, QStringLiteral("Spotlight"), error.message());
        return 1;
    }
    if (!first.catalogue) {
        return 0; // the person chose not to create a catalogue where they asked for one
    }
    MainWindow window(std::move(first.catalogue));
    window.show();
    if (first.firstStart) {
        window.showWelcome();
    } else if (!first.created.isEmpty()) {
        window.statusBar()->showMessage(
            QApplication::translate("main", "Created a new catalogue at %1.").arg(first.created), 10000);
    }
    if (!first.fallback.isEmpty()) {
        QMessageBox::warning(&window, QStringLiteral("Spotlight"),
                             QApplication::translate("main", "The catalogue opened last time could not be opened, so "
                                                             "the default catalogue is open instead.\n\n%1")
                                 .arg(first.fallback));
    }
    return QApplication::exec();
}
