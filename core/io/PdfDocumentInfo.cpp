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

QDateTime sourceDateEpoch()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime();
}

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

    // PDF/A wants the file identifier in every trailer.
    static const QRegularExpression identifier(QStringLiteral("/ID\\s*\\[[^\\]]*\\]"));
    const QRegularExpressionMatch id = identifier.match(QString::fromLatin1(tail));

    // The catalogue again, with the language added: a later revision of an object replaces it.
    const QByteArray rootStart = '\n' + QByteArray::number(root) + " 0 obj";
    const qsizetype rootAt = pdf.lastIndexOf(rootStart);
    const qsizetype dictionaryAt = rootAt < 0 ? -1 : pdf.indexOf("<<", rootAt);
    const qsizetype rootEnd = rootAt < 0 ? -1 : pdf.indexOf("endobj", rootAt);
    if (dictionaryAt < 0 || rootEnd < 0 || dictionaryAt > rootEnd) {
        throw Error(QStringLiteral("The PDF writer produced a file whose catalogue could not be read."));
    }
    QByteArray catalogue = pdf.mid(rootAt + 1, rootEnd + 6 - rootAt - 1);
    catalogue.insert(dictionaryAt - rootAt - 1 + 2, "\n/Lang " + textString(info.language));
    const qsizetype rootOffset = pdf.size();
    pdf += catalogue + '\n';

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
    pdf += "xref\n0 1\n0000000000 65535 f \n" + QByteArray::number(root) + " 1\n";
    pdf += QByteArray::number(rootOffset).rightJustified(10, '0') + " 00000 n \n";
    pdf += QByteArray::number(object) + " 1\n";
    pdf += QByteArray::number(objectOffset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<<\n/Size " + QByteArray::number(object + 1) + "\n/Root " + QByteArray::number(root) +
           " 0 R\n/Info " + QByteArray::number(object) + " 0 R\n/Prev " + QByteArray::number(previousXref) + '\n' +
           (id.hasMatch() ? id.captured(0).toLatin1() + '\n' : QByteArray()) + ">>\nstartxref\n" +
           QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return pdf;
}

QByteArray pdfA1bMetadata(const PdfDocumentInfo& info, const QDateTime& creation)
{
    auto escaped = [](const QString& text) { return text.toHtmlEscaped().toUtf8(); };
    const QByteArray date = creation.toUTC().toString(Qt::ISODate).toLatin1();
    return "<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
           "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
           "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
           "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>\n"
           "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>" +
           escaped(info.title) +
           "</rdf:li></rdf:Alt></dc:title>\n"
           "<dc:creator><rdf:Seq><rdf:li>" +
           escaped(info.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n"
           "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>" +
           escaped(info.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n"
           "</rdf:Description>\n"
           "<rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/'>\n"
           "<xmp:CreatorTool>" +
           escaped(info.creator) +
           "</xmp:CreatorTool>\n"
           "<xmp:CreateDate>" +
           date +
           "</xmp:CreateDate>\n"
           "</rdf:Description>\n"
           "<rdf:Description rdf:about='' xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>\n"
           "<pdf:Producer>" +
           escaped(QStringLiteral("Spotlight, with Qt ") + QString::fromLatin1(qVersion())) +
           "</pdf:Producer>\n"
           "</rdf:Description>\n"
           "<rdf:Description rdf:about='' xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'>\n"
           "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
           "</rdf:Description>\n"
           "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>";
}

} // namespace spotlight
