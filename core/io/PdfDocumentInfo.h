#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace spotlight {

struct PdfDocumentInfo
{
    QString title;
    QString author;
    QString subject;
    QString creator;
    QString language = QStringLiteral("en-GB"); // the document's natural language, for screen readers
};

// Qt 6.4's QPdfWriter sets only a PDF's title and creator, no language, and always stamps the
// current time. This appends a standard incremental update (a new Info dictionary carrying all four
// fields, the document catalogue again with its /Lang, a cross-reference section for the two and a
// trailer pointing back to the original), and, when
// `creation` is valid, sets the creation date in place so that the same input can give the
// same bytes. Throws Error when `pdf` does not end the way QPdfWriter ends its files.
QByteArray withDocumentInfo(QByteArray pdf, const PdfDocumentInfo& info, const QDateTime& creation);

// The time SOURCE_DATE_EPOCH names, which reproducible output uses in place of now; invalid
// when it is unset or not a number.
QDateTime sourceDateEpoch();

// XMP metadata saying the same as the Info dictionary, as PDF/A requires, and declaring
// PDF/A-1b conformance.
QByteArray pdfA1bMetadata(const PdfDocumentInfo& info, const QDateTime& creation);

} // namespace spotlight
