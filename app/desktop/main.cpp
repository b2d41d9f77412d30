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

using namespace spotlight;

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
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
