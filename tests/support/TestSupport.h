#pragma once

#include "Catalogue.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <memory>
#include <ostream>

// Catch2 prints QStrings in failures rather than "{?}".
namespace Catch {
template <>
struct StringMaker<QString>
{
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList>
{
    static std::string convert(const QStringList& value)
    {
        return "[" + value.join(QStringLiteral(" | ")).toStdString() + "]";
    }
};
template <>
struct StringMaker<QByteArray>
{
    static std::string convert(const QByteArray& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace spotlight::test {

// A temporary folder that lasts for one test.
class Scratch
{
public:
    Scratch();
    QString path(const QString& name) const;
    QString write(const QString& name, const QByteArray& bytes) const;

private:
    QTemporaryDir m_dir;
};

QByteArray readFile(const QString& path);

// True when this run of the suite keeps its catalogues on the throwaway PostgreSQL server that
// tests/postgres/server.sh started (SPOTLIGHT_TEST_POSTGRES_ENV names its env file).
bool onServer();
// Where a test's catalogue called `name` lives: a file in the scratch folder, or on the server a
// database of its own. The same scratch and name always give the same place.
QString catalogueLocation(const Scratch& scratch, const QString& name);
// The seed catalogue (33 authorities, 17 exhibits), or only the authorities when `empty`.
std::unique_ptr<Catalogue> makeCatalogue(const Scratch& scratch,
                                         const QString& name = QStringLiteral("catalogue.sqlite"), bool empty = false);
QStringList refsOf(const QList<Exhibit>& exhibits);
QByteArray csvOf(const Catalogue& catalogue, const QString& query = {});

// The inode of the file at `path`, which the test fails without.
quint64 inodeOf(const QString& path);
// The POSIX locks this process holds on `path`, as the kernel lists them in /proc/locks: SQLite's,
// by which other processes know the catalogue is in use here.
int posixLocksHeldOn(const QString& path);

// Runs a tool to completion and returns what it printed; the test fails if it fails.
QString runTool(const QString& program, const QStringList& arguments);
// A PDF read back with poppler's pdfinfo and pdftotext, as a reader's viewer would see it.
QString pdfInfo(const QString& pdf, const QString& field);
QString pdfPageText(const QString& pdf, int page, bool layout = false);

} // namespace spotlight::test
