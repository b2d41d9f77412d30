#include "FloorListPdf.h"

#include "io/PdfDocumentInfo.h"
#include "io/SafeFile.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>

namespace spotlight::FloorListPdf {
namespace {

const QColor Ink(0x1a, 0x1a, 0x1a);
const QColor Accent(0x1d, 0x3f, 0x6e); // the booklet's blue
const QColor Muted(0x55, 0x55, 0x55);
const QColor Rule(0xb0, 0xb0, 0xb0);

QFont font(double points, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping); // no ligatures in the text layer
    return font;
}

double pixelsPerMm(const QPagedPaintDevice& device)
{
    return device.logicalDpiX() / 25.4;
}

QString contactOf(const Exhibit& exhibit)
{
    QStringList lines{exhibit.contact.name, exhibit.contact.role, exhibit.contact.email, exhibit.contact.phone};
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

// The largest size from `largest` down to `smallest` at which `text` fits `box` when wrapped.
QFont fitted(const QString& text, const QRectF& box, double largest, double smallest, bool bold,
             const QPagedPaintDevice& device)
{
    for (double points = largest; points > smallest; points -= 1.0) {
        const QFont candidate = font(points, bold);
        const QRectF needed = QFontMetricsF(candidate, &device).boundingRect(box, Qt::TextWordWrap, text);
        if (needed.height() <= box.height() && needed.width() <= box.width()) {
            return candidate;
        }
    }
    return font(smallest, bold);
}

} // namespace

int paintList(const QList<Exhibit>& exhibits, const QString& heading, QPagedPaintDevice& device)
{
    const double mm = pixelsPerMm(device);
    const QRectF page(15 * mm, 15 * mm, device.width() - 30 * mm, device.height() - 30 * mm);
    const double padding = 2 * mm;
    // Stand, exhibit, authorities, contact: shares of the width.
    const double shares[] = {0.10, 0.38, 0.24, 0.28};
    QList<double> lefts;
    double x = page.left();
    for (const double share : shares) {
        lefts << x;
        x += share * page.width();
    }
    auto cellWidth = [&](int column) { return shares[column] * page.width() - padding; };
    const QFont body = font(10);
    const QFont header = font(10, true);
    const QFontMetricsF metrics(body, &device);
    auto cells = [](const Exhibit& exhibit) {
        return QStringList{exhibit.standNumber, exhibit.title, exhibit.authorities().join(QStringLiteral(", ")),
                           contactOf(exhibit)};
    };
    auto rowHeight = [&](const QStringList& row, const QFontMetricsF& rowMetrics) {
        double height = 0;
        for (int column = 0; column < row.size(); ++column) {
            const QRectF box(0, 0, cellWidth(column), 10000 * mm);
            height = std::max(height, rowMetrics.boundingRect(box, Qt::TextWordWrap, row.at(column)).height());
        }
        return height + 2 * padding;
    };
    const QStringList headings{QStringLiteral("Stand"), QStringLiteral("Exhibit"), QStringLiteral("Authorities"),
                               QStringLiteral("Contact")};
    const double headerHeight = rowHeight(headings, QFontMetricsF(header, &device));

    QPainter painter(&device);
    int pages = 1;
    double y = page.top();
    auto drawRow = [&](const QStringList& row, const QFont& rowFont, double height, const QColor& colour) {
        painter.setFont(rowFont);
        painter.setPen(colour);
        for (int column = 0; column < row.size(); ++column) {
            painter.drawText(QRectF(lefts.at(column), y + padding, cellWidth(column), height), Qt::TextWordWrap,
                             row.at(column));
        }
        y += height;
        painter.setPen(QPen(Rule, 0.3 * mm));
        painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
    };
    auto drawFooter = [&] {
        painter.setFont(font(8));
        painter.setPen(Muted);
        painter.drawText(QRectF(page.left(), page.bottom() + 4 * mm, page.width(), 6 * mm), Qt::AlignRight,
                         QStringLiteral("Page %1").arg(pages));
    };
    if (!heading.isEmpty()) {
        painter.setFont(font(16, true));
        painter.setPen(Accent);
        const QRectF box(page.left(), y, page.width(), 30 * mm);
        const QRectF used = painter.boundingRect(box, Qt::TextWordWrap, heading);
        painter.drawText(box, Qt::TextWordWrap, heading);
        y += used.height() + 4 * mm;
    }
    drawRow(headings, header, headerHeight, Accent);
    for (const Exhibit& exhibit : exhibits) {
        const QStringList row = cells(exhibit);
        const double height = rowHeight(row, metrics);
        if (y + height > page.bottom()) {
            drawFooter();
            device.newPage();
            ++pages;
            y = page.top();
            drawRow(headings, header, headerHeight, Accent);
        }
        drawRow(row, body, height, Ink);
    }
    drawFooter();
    return pages;
}

int writeList(const QList<Exhibit>& exhibits, const QString& heading, const QString& path)
{
    int pages = 0;
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF());
    const QString title = heading.isEmpty() ? QStringLiteral("Floor list") : heading;
    writeFileAtomically(path,
                        paintedPdf(layout, title, QStringLiteral("Practice Spotlight floor list"),
                                   [&](QPagedPaintDevice& device) { pages = paintList(exhibits, heading, device); }));
    return pages;
}

int paintCards(const QList<Exhibit>& exhibits, const QString& footer, QPagedPaintDevice& device)
{
    const double mm = pixelsPerMm(device);
    const QRectF card(12 * mm, 10 * mm, device.width() - 24 * mm, device.height() - 20 * mm);
    // From the top: the stand, the title, the authorities, the event.
    const QRectF label(card.left(), card.top(), card.width(), 10 * mm);
    const QRectF number(card.left(), label.bottom(), card.width(), 42 * mm);
    const QRectF title(card.left(), number.bottom() + 4 * mm, card.width(), 38 * mm);
    const QRectF authorities(card.left(), title.bottom() + 3 * mm, card.width(), 18 * mm);
    const QRectF event(card.left(), card.bottom() - 7 * mm, card.width(), 7 * mm);

    QPainter painter(&device);
    int pages = 0;
    for (const Exhibit& exhibit : exhibits) {
        if (pages++ > 0) {
            device.newPage();
        }
        painter.setPen(Muted);
        painter.setFont(font(16, true));
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("Stand"));
        painter.setPen(Accent);
        painter.setFont(fitted(exhibit.standNumber, number, 100, 30, true, device));
        painter.drawText(number, Qt::AlignCenter, exhibit.standNumber);
        painter.setPen(QPen(Accent, 0.6 * mm));
        painter.drawLine(QPointF(card.left() + card.width() / 4, number.bottom() + 2 * mm),
                         QPointF(card.right() - card.width() / 4, number.bottom() + 2 * mm));
        painter.setPen(Ink);
        painter.setFont(fitted(exhibit.title, title, 30, 14, true, device));
        painter.drawText(title, Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, exhibit.title);
        const QString names = exhibit.authorities().join(QStringLiteral(", "));
        painter.setFont(fitted(names, authorities, 20, 11, false, device));
        painter.drawText(authorities, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, names);
        if (!footer.isEmpty()) {
            painter.setPen(Muted);
            painter.setFont(font(10));
            painter.drawText(event, Qt::AlignHCenter | Qt::AlignBottom, footer);
        }
    }
    return pages;
}

int writeCards(const QList<Exhibit>& exhibits, const QString& footer, const QString& path)
{
    int pages = 0;
    const QPageLayout layout(QPageSize(QPageSize::A5), QPageLayout::Landscape, QMarginsF());
    writeFileAtomically(
        path, paintedPdf(layout, QStringLiteral("Stand cards"), QStringLiteral("Practice Spotlight stand cards"),
                         [&](QPagedPaintDevice& device) { pages = paintCards(exhibits, footer, device); }));
    return pages;
}

} // namespace spotlight::FloorListPdf
