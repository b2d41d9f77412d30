#include "CoverageReport.h"

#include "io/Csv.h"
#include "io/SafeFile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QColor>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace spotlight::CoverageReport {
namespace {

// The booklet's blue, as the window's map uses its palette's highlight.
const QColor Full(0x1d, 0x4e, 0x89);

QString cellStyle(int count, int largest)
{
    const double share = Coverage::shade(count, largest);
    const QColor fill = QColor::fromRgbF(1.0 + (Full.redF() - 1.0) * share, 1.0 + (Full.greenF() - 1.0) * share,
                                         1.0 + (Full.blueF() - 1.0) * share);
    // Text stays readable on the darker half of the scale.
    return QStringLiteral("background-color:%1;color:%2;").arg(fill.name(), share > 0.6 ? u"#ffffff" : u"#000000");
}

} // namespace

QString silentInWords(const Coverage& coverage)
{
    QStringList silent;
    for (const Coverage::Row& row : coverage.rows) {
        if (row.led == 0) {
            silent << (row.partnered > 0 ? QStringLiteral("%1 (a partner in %2)").arg(row.authority).arg(row.partnered)
                                         : row.authority);
        }
    }
    if (silent.isEmpty()) {
        return QStringLiteral("Every authority leads at least one submission.");
    }
    return QStringLiteral("%1 of %2 authorities lead no submission: %3.")
        .arg(silent.size())
        .arg(coverage.rows.size())
        .arg(silent.join(QStringLiteral(", ")));
}

QByteArray csv(const Coverage& coverage)
{
    QStringList header{QStringLiteral("authority")};
    header << coverage.categories << QStringLiteral("no category") << QStringLiteral("leads")
           << QStringLiteral("partner in");
    QList<QStringList> records{header};
    for (const Coverage::Row& row : coverage.rows) {
        QStringList record{row.authority};
        for (const int count : row.byCategory) {
            record << QString::number(count);
        }
        record << QString::number(row.uncategorised) << QString::number(row.led) << QString::number(row.partnered);
        records << record;
    }
    return Csv::write(records, true);
}

QString html(const Coverage& coverage)
{
    const int largest = coverage.largestCell();
    QString table = QStringLiteral("<table border='1' cellspacing='0' cellpadding='2' width='100%'><tr><th "
                                   "align='left'>Authority</th>");
    for (const QString& category : coverage.categories) {
        table += QStringLiteral("<th>%1</th>").arg(category.toHtmlEscaped());
    }
    table += QStringLiteral("<th>No category</th><th>Leads</th><th>Partner in</th></tr>");
    for (const Coverage::Row& row : coverage.rows) {
        table += QStringLiteral("<tr><td>%1</td>").arg(row.authority.toHtmlEscaped());
        QList<int> cells = row.byCategory;
        cells << row.uncategorised;
        for (const int count : cells) {
            table += QStringLiteral("<td align='center' style='%1'>%2</td>")
                         .arg(cellStyle(count, largest), count > 0 ? QString::number(count) : QString());
        }
        table += QStringLiteral("<td align='center'><b>%1</b></td><td align='center'>%2</td></tr>")
                     .arg(row.led)
                     .arg(row.partnered);
    }
    table += QStringLiteral("</table>");
    const QString nothing = silentInWords(coverage).toHtmlEscaped();
    return QStringLiteral("<h2>Coverage of %1</h2><p>Submissions each authority leads, by category (withdrawn ones "
                          "left out; an exhibit in two categories counts in both).</p>%2<p>%3</p>")
        .arg(coverage.edition.toHtmlEscaped(), table, nothing);
}

void writePdf(const Coverage& coverage, const QString& path)
{
    QBuffer file; // written out only once complete
    file.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(QStringLiteral("Coverage of %1").arg(coverage.edition));
        writer.setCreator(QStringLiteral("Spotlight, the Practice Spotlight catalogue"));
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDefaultStyleSheet(QStringLiteral("body { font-family: sans-serif; font-size: 8pt; }"));
        document.setHtml(html(coverage));
        // One page, however many categories: a taller table is drawn smaller.
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        document.setTextWidth(page.width());
        const double scale = std::min(1.0, page.height() / document.size().height());
        QPainter painter(&writer);
        painter.scale(scale, scale);
        document.drawContents(&painter);
    }
    writeFileAtomically(path, file.data());
}

} // namespace spotlight::CoverageReport
