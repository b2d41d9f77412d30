#include "TestSupport.h"

#include "publishing/CsvPublisher.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

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

std::unique_ptr<Catalogue> makeCatalogue(const Scratch& scratch, const QString& name, bool empty)
{
    return Catalogue::create(scratch.path(name), empty, Catalogue::UndoHistory::Kept);
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

} // namespace spotlight::test
