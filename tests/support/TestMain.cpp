// The one main for every Catch2 test binary: headless Qt, test-mode standard paths (so nothing
// touches the real per-user catalogue), and the application object before any database.
#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <QStandardPaths>

#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    QGuiApplication application(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("LIIA"));
    QGuiApplication::setApplicationName(QStringLiteral("SpotlightTests"));
    return Catch::Session().run(argc, argv);
}
