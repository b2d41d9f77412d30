#include "Csv.h"

#include <QStringDecoder>

namespace spotlight::Csv {
namespace {

const QByteArray Utf8Bom("\xEF\xBB\xBF");

// Decodes UTF-8; when the text is not valid, finds each line that holds a bad sequence. A newline
// byte never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one.
QString decode(const QByteArray& bytes, QList<CsvProblem>& problems)
{
    QStringDecoder whole(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = whole.decode(bytes);
    if (!whole.hasError()) {
        return text;
    }
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        [[maybe_unused]] const QString ignored = decoder.decode(lines.at(i));
        if (decoder.hasError()) {
            problems.append(
                {int(i + 1), QStringLiteral("the text is not valid UTF-8; save the file as \"CSV UTF-8\"")});
        }
    }
    return text;
}

} // namespace

CsvDocument parse(const QByteArray& input)
{
    CsvDocument document;
    const QByteArray bytes = input.startsWith(Utf8Bom) ? input.mid(Utf8Bom.size()) : input;
    const QString text = decode(bytes, document.problems);

    int line = 1;
    CsvRecord record{1, {}};
    QString field;
    bool inQuotes = false;   // inside "..."
    bool wasQuoted = false;  // this field began with a quote
    bool afterQuote = false; // the closing quote has been read
    int quoteOpenedOn = 0;

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
        record = CsvRecord{line, {}};
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
        } else if (c == QLatin1Char(',')) {
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
                document.problems.append(
                    {line, QStringLiteral("unexpected text after a closing quote; put quotes around the whole "
                                          "field and double any quote inside it")});
                afterQuote = false;
            }
            field.append(c);
        }
    }
    if (inQuotes) {
        document.problems.append(
            {quoteOpenedOn, QStringLiteral("a quoted field starts here but its closing quote is missing")});
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
        const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                                 field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
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
