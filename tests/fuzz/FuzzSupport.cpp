#include "FuzzSupport.h"

#include "Catalogue.h"
#include "storage/Database.h"
#include "storage/Stores.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace spotlight::fuzz {
namespace {

QTemporaryDir& scratch()
{
    static QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("spotlight-fuzz-XXXXXX")));
    return dir;
}

QString cataloguePath()
{
    return QDir(scratch().path()).filePath(QStringLiteral("catalogue.sqlite"));
}

} // namespace

void initialise(int* argc, char*** argv)
{
    if (QCoreApplication::instance()) {
        return;
    }
    QStandardPaths::setTestModeEnabled(true);
    // Lives as long as the process; the fuzzer ends it with exit().
    static QCoreApplication application(*argc, *argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LIIA"));
    QCoreApplication::setApplicationName(QStringLiteral("SpotlightFuzz"));
}

Catalogue& seededCatalogue()
{
    static const std::unique_ptr<Catalogue> catalogue = [] {
        if (!scratch().isValid()) {
            finding("cannot make a temporary folder", scratch().errorString());
        }
        return Catalogue::create(cataloguePath(), false);
    }();
    return *catalogue;
}

const Stores& seededStores()
{
    static const struct Opened
    {
        std::unique_ptr<Database> database;
        std::unique_ptr<Stores> stores;
    } opened = [] {
        seededCatalogue();
        Opened result;
        result.database = Database::open(cataloguePath(), Database::OpenMode::MustExist);
        result.stores = std::make_unique<Stores>(*result.database);
        return result;
    }();
    return *opened.stores;
}

void finding(const char* what, const QString& detail)
{
    std::fprintf(stderr, "\n==FINDING== %s: %s\n", what, detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace spotlight::fuzz
