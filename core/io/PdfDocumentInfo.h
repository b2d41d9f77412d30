#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

class QPageLayout;
class QPagedPaintDevice;

namespace spotlight {

struct PdfDocumentInfo
{
    QString title;
    QString author;
    QString subject;
    QString creator;
    QString language = QStringLiteral("en-GB"); // the document's natural language, for screen readers
};

// A link from an area of one page (in points, from the page's top left) to another page.
struct PdfLink
{
    int page = 0; // from 1
    QRectF area;
    int target = 0;
};

// A bookmark in the reader's outline, opening a page.
struct PdfBookmark
{
    QString title;
    int page = 0;
};

// What Qt 6.4's PDF engine cannot write itself: links within the document, and bookmarks.
struct PdfNavigation
{
    QList<PdfLink> links;
    QList<PdfBookmark> bookmarks;
};

// Qt 6.4's QPdfWriter sets only a PDF's title and creator, no language, and always stamps the
// current time. This appends a standard incremental update (a new Info dictionary carrying all four
// fields, the document catalogue again with its /Lang, a cross-reference section for the two and a
// trailer pointing back to the original), and, when
// `creation` is valid, sets the creation date in place so that the same input can give the
// same bytes. Throws Error when `pdf` does not end the way QPdfWriter ends its files.
// `navigation`'s links and bookmarks go into the same update.
QByteArray withDocumentInfo(QByteArray pdf, const PdfDocumentInfo& info, const QDateTime& creation,
                            const PdfNavigation& navigation = {});

// The time SOURCE_DATE_EPOCH names, which reproducible output uses in place of now; invalid
// when it is unset or not a number.
QDateTime sourceDateEpoch();

// XMP metadata saying the same as the Info dictionary, as PDF/A requires, and declaring
// PDF/A-1b conformance.
QByteArray pdfA1bMetadata(const PdfDocumentInfo& info, const QDateTime& creation);

// A PDF that `paint` draws on Qt's writer at 300 dpi on pages of `layout`, with its title and
// subject, LIIA as its author and Spotlight as its creator (withDocumentInfo), dated
// SOURCE_DATE_EPOCH when that is set.
QByteArray paintedPdf(const QPageLayout& layout, const QString& title, const QString& subject,
                      const std::function<void(QPagedPaintDevice&)>& paint);

} // namespace spotlight
