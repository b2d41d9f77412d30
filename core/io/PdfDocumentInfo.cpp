#include "PdfDocumentInfo.h"

#include "Error.h"

#include <QBuffer>
#include <QMap>
#include <QPageLayout>
#include <QPdfWriter>
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

// The body of an object's latest revision ("<< ... >>" or "[ ... ]"), or empty.
QByteArray objectBody(const QByteArray& pdf, int object)
{
    if (object <= 0) {
        return {};
    }
    const QByteArray start = '\n' + QByteArray::number(object) + " 0 obj";
    const qsizetype at = pdf.lastIndexOf(start);
    const qsizetype end = at < 0 ? -1 : pdf.indexOf("endobj", at);
    if (at < 0 || end < 0) {
        return {};
    }
    return pdf.mid(at + start.size(), end - at - start.size()).trimmed();
}

} // namespace

QDateTime sourceDateEpoch()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime();
}

QByteArray withDocumentInfo(QByteArray pdf, const PdfDocumentInfo& info, const QDateTime& creation,
                            const PdfNavigation& navigation)
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
        // Same length as what Qt wrote, so no offset in the file moves. Qt writes "Z" in UTC and
        // the local offset ("+01'00'") elsewhere; UTC has one spelling of each length.
        static const QRegularExpression stamped(QStringLiteral("/CreationDate \\(D:\\d{14}(Z|[+-]\\d\\d'\\d\\d')\\)"));
        QString latin = QString::fromLatin1(pdf);
        QRegularExpressionMatchIterator matches = stamped.globalMatch(latin);
        const QByteArray utc = "D:" + creation.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const QByteArray zone = match.captured(1) == QLatin1String("Z") ? "Z" : "+00'00'";
            pdf.replace(match.capturedStart(), match.capturedLength(), "/CreationDate (" + utc + zone + ')');
        }
    } else {
        date = "D:" + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
    }

    // PDF/A wants the file identifier in every trailer.
    static const QRegularExpression identifier(QStringLiteral("/ID\\s*\\[[^\\]]*\\]"));
    const QRegularExpressionMatch id = identifier.match(QString::fromLatin1(tail));

    // The update: new objects numbered from `size`, and later revisions of existing ones (a later
    // revision of an object replaces it for readers).
    QMap<int, QByteArray> objects;
    int next = size;
    auto add = [&objects, &next](const QByteArray& body) {
        objects.insert(next, body);
        return next++;
    };
    auto reference = [](int object) { return QByteArray::number(object) + " 0 R"; };

    const int infoObject =
        add("<<\n/Title " + textString(info.title) + "\n/Author " + textString(info.author) + "\n/Subject " +
            textString(info.subject) + "\n/Creator " + textString(info.creator) + "\n/Producer " +
            textString(QStringLiteral("Spotlight, with Qt ") + QString::fromLatin1(qVersion())) + "\n/CreationDate (" +
            date + ")\n>>");

    // Pages in order, from the page tree Qt writes flat, and where a link on one may point.
    QList<int> pages;
    if (!navigation.links.isEmpty() || !navigation.bookmarks.isEmpty()) {
        static const QRegularExpression kidsList(QStringLiteral("/Type /Pages\\s*/Kids\\s*\\[([^\\]]*)\\]"));
        const QRegularExpressionMatch tree = kidsList.match(QString::fromLatin1(pdf));
        if (!tree.hasMatch()) {
            throw Error(QStringLiteral("The PDF writer produced a file whose pages could not be read."));
        }
        static const QRegularExpression kid(QStringLiteral("(\\d+) 0 R"));
        for (const QRegularExpressionMatch& match : kid.globalMatch(tree.captured(1))) {
            pages << match.captured(1).toInt();
        }
    }
    auto destination = [&](int page) -> QByteArray {
        if (page < 1 || page > pages.size()) {
            throw Error(QStringLiteral("A link in the PDF points to page %1 of %2.").arg(page).arg(pages.size()));
        }
        return "[" + reference(pages.at(page - 1)) + " /Fit]";
    };

    // Links: each page's annotation array again, with the new links added.
    QMap<int, QList<int>> linksByPage;
    for (const PdfLink& link : navigation.links) {
        destination(link.page); // the page the link is on must be there too
        const double height = lastNumber(objectBody(pdf, pages.at(link.page - 1)), "/MediaBox \\[0 0 [\\d.]+ (\\d+)");
        if (height <= 0) {
            throw Error(QStringLiteral("The PDF writer produced a page whose size could not be read."));
        }
        const QRectF& area = link.area;
        const QByteArray rect =
            QByteArray::number(area.left(), 'f', 2) + ' ' + QByteArray::number(height - area.bottom(), 'f', 2) + ' ' +
            QByteArray::number(area.right(), 'f', 2) + ' ' + QByteArray::number(height - area.top(), 'f', 2);
        linksByPage[link.page] << add("<<\n/Type /Annot\n/Subtype /Link\n/F 4\n/Border [0 0 0]\n/Rect [" + rect +
                                      "]\n/Dest " + destination(link.target) + "\n>>");
    }
    for (auto it = linksByPage.constBegin(); it != linksByPage.constEnd(); ++it) {
        const int annots = lastNumber(objectBody(pdf, pages.at(it.key() - 1)), "/Annots (\\d+) 0 R");
        const QByteArray existing = objectBody(pdf, annots);
        if (annots <= 0 || !existing.startsWith('[')) {
            throw Error(QStringLiteral("The PDF writer produced a page whose links could not be read."));
        }
        QByteArray array = existing.left(existing.lastIndexOf(']'));
        for (const int link : *it) {
            array += ' ' + reference(link);
        }
        objects.insert(annots, array + ']');
    }

    // Bookmarks: one flat outline.
    QByteArray outlines;
    if (!navigation.bookmarks.isEmpty()) {
        const int outlineRoot = next++;
        const int first = next;
        const int last = first + int(navigation.bookmarks.size()) - 1;
        for (int i = 0; i < navigation.bookmarks.size(); ++i) {
            const PdfBookmark& bookmark = navigation.bookmarks.at(i);
            const int item = first + i;
            add("<<\n/Title " + textString(bookmark.title) + "\n/Parent " + reference(outlineRoot) +
                (item > first ? "\n/Prev " + reference(item - 1) : QByteArray()) +
                (item < last ? "\n/Next " + reference(item + 1) : QByteArray()) + "\n/Dest " +
                destination(bookmark.page) + "\n>>");
        }
        objects.insert(outlineRoot, "<<\n/Type /Outlines\n/First " + reference(first) + "\n/Last " + reference(last) +
                                        "\n/Count " + QByteArray::number(navigation.bookmarks.size()) + "\n>>");
        outlines = "\n/Outlines " + reference(outlineRoot) + "\n/PageMode /UseOutlines";
    }

    // The catalogue again, with the language (and the outline) added.
    QByteArray catalogue = objectBody(pdf, root);
    if (!catalogue.startsWith("<<")) {
        throw Error(QStringLiteral("The PDF writer produced a file whose catalogue could not be read."));
    }
    catalogue.insert(2, "\n/Lang " + textString(info.language) + outlines);
    objects.insert(root, catalogue);

    QMap<int, qsizetype> offsets;
    for (auto it = objects.constBegin(); it != objects.constEnd(); ++it) {
        offsets.insert(it.key(), pdf.size());
        pdf += QByteArray::number(it.key()) + " 0 obj\n" + it.value() + "\nendobj\n";
    }
    // The cross-reference section: one subsection per run of consecutive object numbers.
    const qsizetype xrefOffset = pdf.size();
    pdf += "xref\n0 1\n0000000000 65535 f \n";
    for (auto it = offsets.constBegin(); it != offsets.constEnd();) {
        auto end = it;
        int count = 0;
        while (end != offsets.constEnd() && end.key() == it.key() + count) {
            ++end;
            ++count;
        }
        pdf += QByteArray::number(it.key()) + ' ' + QByteArray::number(count) + '\n';
        for (; it != end; ++it) {
            pdf += QByteArray::number(it.value()).rightJustified(10, '0') + " 00000 n \n";
        }
    }
    pdf += "trailer\n<<\n/Size " + QByteArray::number(next) + "\n/Root " + reference(root) + "\n/Info " +
           reference(infoObject) + "\n/Prev " + QByteArray::number(previousXref) + '\n' +
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

QByteArray paintedPdf(const QPageLayout& layout, const QString& title, const QString& subject,
                      const std::function<void(QPagedPaintDevice&)>& paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    writer.setPageLayout(layout);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Spotlight, the Practice Spotlight catalogue"));
    paint(writer);
    const PdfDocumentInfo info{title, QStringLiteral("London Innovation and Improvement Alliance"), subject,
                               writer.creator()};
    return withDocumentInfo(buffer.data(), info, sourceDateEpoch());
}

} // namespace spotlight
