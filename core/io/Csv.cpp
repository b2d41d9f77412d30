#include "Csv.h"

#include <QStringDecoder>

namespace spotlight::Csv {
namespace {

const QByteArray Utf8Bom("\xEF\xBB\xBF");

// What a file that is not text looks like, from its first bytes; empty when it may be text.
QString binaryKind(const QByteArray& bytes)
{
    if (bytes.startsWith("%PDF")) {
        return QStringLiteral("a PDF document");
    }
    if (bytes.startsWith("PK\x03\x04")) {
        return QStringLiteral("a zip file, such as an Excel workbook (.xlsx)");
    }
    if (bytes.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return QStringLiteral("an Excel 97-2003 workbook (.xls) or another old Office file");
    }
    if (bytes.startsWith("\x89PNG") || bytes.startsWith("\xFF\xD8\xFF") || bytes.startsWith("GIF8")) {
        return QStringLiteral("an image");
    }
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (!utf16 && bytes.left(4096).contains('\0')) {
        return QStringLiteral("a binary file");
    }
    return {};
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has typographic punctuation, the
// euro sign and a few letters; the five bytes it leaves undefined read as the Latin-1 controls.
QString decodeWindows1252(const QByteArray& bytes)
{
    static constexpr char16_t High[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        *out++ = QChar(value >= 0x80 && value < 0xA0 ? High[value - 0x80] : char16_t(value));
    }
    return text;
}

// UTF-16 from a damaged file may hold half of a surrogate pair, which no other encoding can
// write: it becomes U+FFFD, as a bad byte of UTF-8 does.
QString withoutLoneSurrogates(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (c.isSurrogate()) {
            text[i] = QChar::ReplacementCharacter;
        }
    }
    return text;
}

// The text of the file and how it was read; `encoding` stays empty for UTF-8.
QString decode(const QByteArray& bytes, QString& encoding)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        encoding = QStringLiteral("UTF-16, as Excel's \"Unicode text\" saves");
        QStringDecoder utf16(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                             QStringDecoder::Flag::Stateless);
        return withoutLoneSurrogates(utf16.decode(bytes.mid(2)));
    }
    const QByteArray body = bytes.startsWith(Utf8Bom) ? bytes.mid(Utf8Bom.size()) : bytes;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError()) {
        return text;
    }
    encoding = QStringLiteral("Windows-1252, as Excel's \"CSV (Comma delimited)\" saves on a UK PC, because it is "
                              "not UTF-8; if letters look wrong, save the file as \"CSV UTF-8\"");
    return decodeWindows1252(body);
}

// Tabs separate the fields of Excel's "Unicode text" and of .tsv files: a first line with tabs and
// no commas, outside quotes.
QChar separatorOf(const QString& text)
{
    bool inQuotes = false;
    bool tab = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
        } else if (inQuotes) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            break;
        } else if (c == QLatin1Char(',')) {
            return QLatin1Char(',');
        } else if (c == QLatin1Char('\t')) {
            tab = true;
        }
    }
    return tab ? QLatin1Char('\t') : QLatin1Char(',');
}

} // namespace

CsvDocument parse(const QByteArray& input)
{
    CsvDocument document;
    auto notText = [&document](const QString& kind) {
        document.problems.append({1, QStringLiteral("this looks like %1, not text: open it in its program and "
                                                    "save it as \"CSV UTF-8\"")
                                         .arg(kind)});
        return document;
    };
    if (const QString kind = binaryKind(input); !kind.isEmpty()) {
        return notText(kind);
    }
    const QString text = decode(input, document.encoding);
    // The same test on the decoded text, so that UTF-16 holding NULs is no more text than UTF-8 is.
    if (text.left(4096).contains(QChar(u'\0'))) {
        return notText(QStringLiteral("a binary file"));
    }
    const QChar separator = separatorOf(text);

    int line = 1;
    int row = 1;
    CsvRecord record{1, 1, {}};
    QString field;
    bool inQuotes = false;   // inside "..."
    bool wasQuoted = false;  // this field began with a quote
    bool afterQuote = false; // the closing quote has been read
    int quoteOpenedOn = 0;   // the text line

    auto endField = [&] {
        record.fields.append(field);
        field.clear();
        wasQuoted = afterQuote = false;
    };
    auto endRecord = [&] {
        const bool blankLine = record.fields.isEmpty() && field.isEmpty() && !wasQuoted;
        endField();
        if (!blankLine) {
            document.records.append(record);
        }
        ++row;
        record = CsvRecord{line, row, {}};
    };
    // A problem at text line `at`, in the record being read.
    auto problem = [&](int at, const QString& message) {
        document.problems.append({record.row, message, {}, at == record.row ? 0 : at});
    };

    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                line += c == QLatin1Char('\n') ? 1 : 0;
                field.append(c);
            }
        } else if (c == separator) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n')) {
                ++i;
            }
            ++line;
            endRecord();
        } else if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
            inQuotes = wasQuoted = true;
            quoteOpenedOn = line;
        } else {
            if (afterQuote) {
                problem(line, QStringLiteral("unexpected text after a closing quote; put quotes around the whole "
                                             "field and double any quote inside it"));
                afterQuote = false;
            }
            field.append(c);
        }
    }
    if (inQuotes) {
        problem(quoteOpenedOn, QStringLiteral("a quoted field starts here but its closing quote is missing"));
    }
    if (!field.isEmpty() || wasQuoted || !record.fields.isEmpty()) {
        endRecord();
    }
    return document;
}

void appendRecord(QByteArray& out, const QStringList& fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out.append(',');
        }
        const QString& field = fields.at(i);
        // A tab too: a first line with a bare tab and no comma is read as tab-separated.
        const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                                 field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r')) ||
                                 field.contains(QLatin1Char('\t'));
        if (needsQuotes) {
            QString quoted = field;
            quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
            out.append('"').append(quoted.toUtf8()).append('"');
        } else {
            out.append(field.toUtf8());
        }
    }
    out.append("\r\n");
}

QByteArray write(const QList<QStringList>& records, bool byteOrderMark)
{
    QByteArray out;
    if (byteOrderMark) {
        out.append(Utf8Bom);
    }
    for (const QStringList& record : records) {
        appendRecord(out, record);
    }
    return out;
}

} // namespace spotlight::Csv
