// spotlight: the desktop catalogue. `spotlight [--db PATH]` opens that catalogue, else the last
// one opened, else the default one (created and seeded on first start).

#include "Catalogue.h"
#include "Error.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

using namespace spotlight;

namespace {

// `requested`, else the last catalogue opened, else the default one. When the last one cannot be
// opened, the default one opens instead and `fallback` says why, for the window to tell.
std::unique_ptr<Catalogue> openFirstCatalogue(const QString& requested, QString& fallback)
{
    if (!requested.isEmpty()) {
        return Catalogue::open(requested, Catalogue::UndoHistory::Kept);
    }
    const QString last = QSettings().value(QStringLiteral("lastCatalogue")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        try {
            return Catalogue::open(last, Catalogue::UndoHistory::Kept);
        } catch (const Error& error) {
            fallback = error.message();
        }
    }
    return Catalogue::openDefault(Catalogue::UndoHistory::Kept);
}

} // namespace

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

    std::unique_ptr<Catalogue> catalogue;
    QString fallback;
    try {
        catalogue = openFirstCatalogue(parser.value(database), fallback);
    } catch (const Error& error) {
        QMessageBox::critical(nullptr, QStringLiteral("Spotlight"), error.message());
        return 1;
    }
    MainWindow window(std::move(catalogue));
    window.show();
    if (!fallback.isEmpty()) {
        QMessageBox::warning(&window, QStringLiteral("Spotlight"),
                             QApplication::translate("main", "The catalogue opened last time could not be opened, so "
                                                             "the default catalogue is open instead.\n\n%1")
                                 .arg(fallback));
    }
    return QApplication::exec();
}
