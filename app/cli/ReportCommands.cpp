// Reports for LIIA's planning: `report coverage`.
#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "io/SafeFile.h"
#include "publishing/CoverageReport.h"

#include <QFileInfo>

namespace spotlight::cli {
namespace {

// The coverage as a terminal table: categories numbered across the top, named in a key beneath.
void printCoverage(const Coverage& coverage)
{
    qsizetype width = 0;
    for (const Coverage::Row& row : coverage.rows) {
        width = std::max(width, row.authority.size());
    }
    QString header = QStringLiteral("%1").arg(QString(), -int(width));
    for (qsizetype i = 0; i < coverage.categories.size(); ++i) {
        header += QStringLiteral(" %1").arg(i + 1, 3);
    }
    header += QStringLiteral("   -  leads  partner");
    Context::out(QStringLiteral("Coverage of %1").arg(coverage.edition));
    Context::out(header);
    for (const Coverage::Row& row : coverage.rows) {
        QString line = QStringLiteral("%1").arg(row.authority, -int(width));
        for (const int count : row.byCategory) {
            line += QStringLiteral(" %1").arg(count > 0 ? QString::number(count) : QStringLiteral("."), 3);
        }
        line += QStringLiteral(" %1  %2  %3")
                    .arg(row.uncategorised > 0 ? QString::number(row.uncategorised) : QStringLiteral("."), 3)
                    .arg(row.led, 5)
                    .arg(row.partnered, 7);
        Context::out(line);
    }
    Context::out(QString());
    for (qsizetype i = 0; i < coverage.categories.size(); ++i) {
        Context::out(QStringLiteral("%1 = %2").arg(i + 1, 3).arg(coverage.categories.at(i)));
    }
    Context::out(QStringLiteral("  - = no category"));
    Context::out(CoverageReport::silentInWords(coverage));
}

} // namespace

int runReport(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral("report coverage [--edition E] [-o FILE.csv|FILE.pdf]");
    const Arguments arguments(words, {QStringLiteral("edition"), QStringLiteral("o")}, {});
    arguments.requireCount(1, 1, usage);
    if (arguments.positional().first() != QLatin1String("coverage")) {
        throw UsageError(QStringLiteral("unknown report \"%1\"; usage: %2").arg(arguments.positional().first(), usage));
    }
    const Coverage coverage = context.catalogue().coverage(arguments.value(QStringLiteral("edition")));
    if (!arguments.has(QStringLiteral("o"))) {
        printCoverage(coverage);
        return 0;
    }
    const QString path = arguments.value(QStringLiteral("o"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        writeFileAtomically(path, CoverageReport::csv(coverage));
    } else if (suffix == QLatin1String("pdf")) {
        CoverageReport::writePdf(coverage, path);
    } else {
        throw UsageError(QStringLiteral("-o %1: the report is written as .csv or .pdf").arg(path));
    }
    Context::out(QStringLiteral("Wrote the coverage of %1 to %2.").arg(coverage.edition, path));
    return 0;
}

} // namespace spotlight::cli
