#include "PdfDocumentInfo.h"

#include "Error.h"

#include <QRegularExpression>

namespace spotlight {
namespace {

// A PDF text string in UTF-16BE with its byte-order mark, written as hex so nothing needs escaping.
QByteArray textString(const QString& text)
{
    QByteArray utf16("\xFE\xFF");
    for (const QChar c : text) {
        utf16.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

int lastNumber(const QByteArray& text, const char* pattern)
{
    const QRegularExpression expression(QString::fromLatin1(pattern));
    QRegularExpressionMatchIterator matches = expression.globalMatch(QString::fromLatin1(text));
    int value = -1;
    while (matches.hasNext()) {
        value = matches.next().captured(1).toInt();
    }
    return value;
}

} // namespace

QByteArray withDocumentInfo(QByteArray pdf, const PdfDocumentInfo& info, const QDateTime& creation)
{
    const QByteArray tail = pdf.right(1024);
    const int size = lastNumber(tail, "/Size (\\d+)");
    const int root = lastNumber(tail, "/Root (\\d+) 0 R");
    const int previousXref = lastNumber(tail, "startxref\\s+(\\d+)");
    if (size <= 0 || root <= 0 || previousXref <= 0) {
        throw Error(QStringLiteral("The PDF writer produced a file whose end could not be read."));
    }

    QByteArray date;
    if (creation.isValid()) {
        date = "D:" + creation.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
        // Same length as what Qt wrote, so no offset in the file moves.
        static const QRegularExpression stamped(QStringLiteral("/CreationDate \\(D:\\d{14}Z\\)"));
        QString latin = QString::fromLatin1(pdf);
        QRegularExpressionMatchIterator matches = stamped.globalMatch(latin);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            pdf.replace(match.capturedStart(), match.capturedLength(), "/CreationDate (" + date + ')');
        }
    } else {
        date = "D:" + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
    }

    const int object = size;
    const qsizetype objectOffset = pdf.size();
    pdf += QByteArray::number(object) + " 0 obj\n<<\n";
    pdf += "/Title " + textString(info.title) + '\n';
    pdf += "/Author " + textString(info.author) + '\n';
    pdf += "/Subject " + textString(info.subject) + '\n';
    pdf += "/Creator " + textString(info.creator) + '\n';
    pdf += "/Producer " + textString(QStringLiteral("Spotlight, with Qt ") + QString::fromLatin1(qVersion())) + '\n';
    pdf += "/CreationDate (" + date + ")\n>>\nendobj\n";
    const qsizetype xrefOffset = pdf.size();
    pdf += "xref\n0 1\n0000000000 65535 f \n" + QByteArray::number(object) + " 1\n";
    pdf += QByteArray::number(objectOffset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<<\n/Size " + QByteArray::number(object + 1) + "\n/Root " + QByteArray::number(root) +
           " 0 R\n/Info " + QByteArray::number(object) + " 0 R\n/Prev " + QByteArray::number(previousXref) +
           "\n>>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return pdf;
}

} // namespace spotlight
