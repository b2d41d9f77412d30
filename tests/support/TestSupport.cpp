#include "TestSupport.h"

#include "publishing/CsvPublisher.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>

#include <sys/stat.h>

namespace spotlight::test {

Scratch::Scratch()
{
    REQUIRE(m_dir.isValid());
}

QString Scratch::path(const QString& name) const
{
    return QDir(m_dir.path()).filePath(name);
}

QString Scratch::write(const QString& name, const QByteArray& bytes) const
{
    QFile file(path(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return file.fileName();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

namespace {

// The server's address, with libpq's variables (PGPASSFILE...) set for this process and every
// spotlight-cli it starts. Empty when the suite runs on files.
QString serverAddress()
{
    static const QString address = [] {
        const QString envFile = qEnvironmentVariable("SPOTLIGHT_TEST_POSTGRES_ENV");
        if (envFile.isEmpty()) {
            return QString();
        }
        QFile file(envFile);
        if (!file.open(QIODevice::ReadOnly)) {
            FAIL("The PostgreSQL server for the tests did not start: " << envFile.toStdString() << " is missing");
        }
        QString url;
        for (const QByteArray& line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0) {
                qputenv(line.left(equals).constData(), line.mid(equals + 1));
                if (line.startsWith("SPOTLIGHT_TEST_POSTGRES=")) {
                    url = QString::fromUtf8(line.mid(equals + 1));
                }
            }
        }
        return url;
    }();
    return address;
}

} // namespace

bool onServer()
{
    return !serverAddress().isEmpty();
}

QString catalogueLocation(const Scratch& scratch, const QString& name)
{
    if (!onServer()) {
        return scratch.path(name);
    }
    static QHash<QString, QString> databases;
    QString& database = databases[scratch.path(name)];
    if (database.isEmpty()) {
        static int made = 0;
        QString address = serverAddress();
        address.truncate(address.lastIndexOf(QLatin1Char('/')));
        database = QStringLiteral("%1/test_%2_%3").arg(address).arg(QCoreApplication::applicationPid()).arg(++made);
    }
    return database;
}

std::unique_ptr<Catalogue> makeCatalogue(const Scratch& scratch, const QString& name, bool empty)
{
    return Catalogue::create(catalogueLocation(scratch, name), empty, Catalogue::UndoHistory::Kept);
}

QStringList refsOf(const QList<Exhibit>& exhibits)
{
    QStringList refs;
    for (const Exhibit& exhibit : exhibits) {
        refs << exhibit.ref;
    }
    return refs;
}

QString runTool(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfInfo(const QString& pdf, const QString& field)
{
    const QRegularExpression line(QStringLiteral("^%1:\\s*(.*)$").arg(field), QRegularExpression::MultilineOption);
    return line.match(runTool(QStringLiteral("pdfinfo"), {pdf})).captured(1).trimmed();
}

QString pdfPageText(const QString& pdf, int page, bool layout)
{
    QStringList arguments{QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page)};
    if (layout) {
        arguments << QStringLiteral("-layout");
    }
    return runTool(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
}

QByteArray csvOf(const Catalogue& catalogue, const QString& query)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvPublisher(catalogue).write(query, buffer);
    return buffer.data();
}

quint64 inodeOf(const QString& path)
{
    struct stat status = {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &status) == 0);
    return status.st_ino;
}

// /proc/locks lists each as "1: POSIX  ADVISORY  READ 4242 08:01:123456 1073741824 1073741825".
int posixLocksHeldOn(const QString& path)
{
    QFile locks(QStringLiteral("/proc/locks"));
    REQUIRE(locks.open(QIODevice::ReadOnly));
    const QString pid = QString::number(QCoreApplication::applicationPid());
    const QString inode = QString::number(inodeOf(path));
    int held = 0;
    for (const QByteArray& line : locks.readAll().split('\n')) {
        const QStringList fields = QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() >= 6 && fields.at(1) == QLatin1String("POSIX") && fields.at(4) == pid &&
            fields.at(5).section(QLatin1Char(':'), 2) == inode) {
            ++held;
        }
    }
    return held;
}

} // namespace spotlight::test
