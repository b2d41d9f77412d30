// The one main for every Catch2 test binary: headless Qt, test-mode standard paths (so nothing
// touches the real per-user catalogue), and the application object before any database.
#define CATCH_CONFIG_RUNNER
#ifdef SPOTLIGHT_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication; // widget tests need the widget application
#else
#include <QGuiApplication>
using TestApplication = QGuiApplication; // core tests must not need Qt Widgets
#endif
#include <QStandardPaths>

#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    TestApplication application(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("LIIA"));
    TestApplication::setApplicationName(QStringLiteral("SpotlightTests"));
    return Catch::Session().run(argc, argv);
}
