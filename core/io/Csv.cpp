#include "Csv.h"

#include <QBuffer>
#include <QStringDecoder>

#include <utility>

namespace spotlight {
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
QString decodeWindows1252(QByteArrayView bytes)
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

// A file of endless bad fields or blank lines stops here, with a problem that says so, rather than
// collecting problems without end or counting lines past what an int holds.
constexpr qsizetype MostProblems = 1000;
constexpr int MostLines = 100'000'000;

} // namespace

namespace Csv {

CsvDocument parse(const QByteArray& input)
{
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    return read(buffer, CsvReader::DefaultChunkBytes);
}

CsvDocument read(QIODevice& device, qint64 chunkBytes)
{
    CsvReader reader(device, chunkBytes);
    CsvDocument document;
    CsvRecord record;
    while (reader.next(record)) {
        document.records.append(std::move(record));
    }
    document.problems = reader.problems();
    document.encoding = reader.encoding();
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

} // namespace Csv

CsvReader::CsvReader(QIODevice& device, qint64 chunkBytes)
    : m_device(device)
    , m_chunkBytes(std::max<qint64>(chunkBytes, 8))
{
    detect();
}

void CsvReader::detect()
{
    const auto notText = [this](const QString& kind) {
        m_problems.append({1, QStringLiteral("this looks like %1, not text: open it in its program and save it as "
                                             "\"CSV UTF-8\"")
                                  .arg(kind)});
        m_ended = m_finished = true;
    };
    const QByteArray start = m_device.peek(4096);
    if (const QString kind = binaryKind(start); !kind.isEmpty()) {
        notText(kind);
        return;
    }
    qint64 body = 0;
    if (start.startsWith("\xFF\xFE") || start.startsWith("\xFE\xFF")) {
        m_kind = start.startsWith("\xFF\xFE") ? Encoding::Utf16LE : Encoding::Utf16BE;
        m_encoding = QStringLiteral("UTF-16, as Excel's \"Unicode text\" saves");
        body = 2;
    } else if (start.startsWith(Utf8Bom)) {
        body = Utf8Bom.size();
    }

    // Through the file once: is it UTF-8 (a bad byte may come last), and how many lines has it.
    const qint64 from = m_device.pos();
    m_device.seek(from + body);
    bool utf8 = m_kind == Encoding::Utf8;
    bool lastLineEnded = true; // an empty file has no lines
    qsizetype returns = 0;     // Excel for Mac's "CSV (Macintosh)" ends its lines with CR alone
    for (QByteArray piece = readPiece(); !piece.isEmpty(); piece = readPiece()) {
        if (utf8) {
            QStringDecoder check(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            [[maybe_unused]] const QString text = check.decode(piece);
            utf8 = !check.hasError();
        }
        if (m_kind == Encoding::Utf16LE || m_kind == Encoding::Utf16BE) {
            const int low = m_kind == Encoding::Utf16LE ? 0 : 1;
            for (qsizetype i = 0; i + 1 < piece.size(); i += 2) {
                const bool ascii = piece.at(i + 1 - low) == 0;
                lastLineEnded = ascii && (piece.at(i + low) == '\n' || piece.at(i + low) == '\r');
                m_lines += ascii && piece.at(i + low) == '\n' ? 1 : 0;
                returns += ascii && piece.at(i + low) == '\r' ? 1 : 0;
            }
        } else {
            m_lines += piece.count('\n');
            returns += piece.count('\r');
            lastLineEnded = piece.endsWith('\n') || piece.endsWith('\r');
        }
    }
    m_lines = std::max(m_lines, returns) + (lastLineEnded ? 0 : 1);
    if (m_kind == Encoding::Utf8 && !utf8) {
        m_kind = Encoding::Windows1252;
        m_encoding = QStringLiteral("Windows-1252, as Excel's \"CSV (Comma delimited)\" saves on a UK PC, because it "
                                    "is not UTF-8; if letters look wrong, save the file as \"CSV UTF-8\"");
    }
    m_device.seek(from + body);
    m_ended = false;
    m_first = true;

    // The same test on the decoded text, so that UTF-16 holding NULs is no more text than UTF-8 is:
    // on its first 4,096 characters, however many chunks they take.
    has(4095);
    if (m_text.left(4096).contains(QChar(u'\0'))) {
        m_text.clear();
        notText(QStringLiteral("a binary file"));
        return;
    }
    findSeparator();
}

QByteArray CsvReader::readPiece()
{
    if (m_ended) {
        return {};
    }
    // No more than the device holds: QIODevice::read() allocates all it is asked for, a megabyte
    // for every small file read twice, which made the CSV fuzz target forty times slower.
    const qint64 left = m_device.isSequential() ? m_chunkBytes : m_device.size() - m_device.pos();
    QByteArray bytes = m_carry + m_device.read(std::clamp<qint64>(left, 1, m_chunkBytes));
    m_carry.clear();
    if (m_device.atEnd() || bytes.isEmpty()) {
        m_ended = true;
        return bytes;
    }
    // Whole characters only: the rest waits for the next piece.
    qsizetype whole = bytes.size();
    if (m_kind == Encoding::Utf16LE || m_kind == Encoding::Utf16BE) {
        whole &= ~qsizetype(1);
        const qsizetype highByte = whole - (m_kind == Encoding::Utf16LE ? 1 : 2);
        if (whole >= 2 && (static_cast<unsigned char>(bytes.at(highByte)) & 0xFC) == 0xD8) {
            whole -= 2;
        }
    } else if (m_kind == Encoding::Utf8) {
        for (qsizetype i = bytes.size() - 1; i >= 0 && i >= bytes.size() - 4; --i) {
            const auto byte = static_cast<unsigned char>(bytes.at(i));
            if (byte < 0x80) {
                break;
            }
            if (byte >= 0xC0) {
                const qsizetype length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
                whole = bytes.size() - i < length ? i : bytes.size();
                break;
            }
        }
    }
    if (whole == 0) {
        whole = bytes.size(); // a short read from a device that is not a file: decode what came
    }
    m_carry = bytes.mid(whole);
    bytes.truncate(whole);
    return bytes;
}

bool CsvReader::refill()
{
    const QByteArray piece = readPiece();
    if (piece.isEmpty()) {
        return false;
    }
    // Qt drops a byte-order mark at the start of what it decodes: a second one at the start of the
    // file, as before, but never one that a chunk happens to start with.
    const QStringDecoder::Flags flags = m_first
                                            ? QStringDecoder::Flag::Stateless
                                            : QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom;
    m_first = false;
    QString text;
    switch (m_kind) {
    case Encoding::Utf8:
        text = QStringDecoder(QStringDecoder::Utf8, flags).decode(piece);
        break;
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: {
        // Only the file's last piece can be odd. Its lone last byte reads as U+FFFD, as it does when
        // the whole text is decoded at once; Qt's decoder gives nothing for a piece of one byte.
        const bool odd = piece.size() % 2 == 1;
        text = withoutLoneSurrogates(
            QStringDecoder(m_kind == Encoding::Utf16LE ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, flags)
                .decode(odd ? piece.chopped(1) : piece));
        if (odd && !(flags == QStringDecoder::Flag::Stateless && piece.size() == 1)) {
            text += QChar::ReplacementCharacter;
        }
        break;
    }
    case Encoding::Windows1252:
        text = decodeWindows1252(piece);
        break;
    }
    if (m_at > 0) {
        m_text.remove(0, m_at);
        m_at = 0;
    }
    m_text += text;
    return true;
}

bool CsvReader::has(qsizetype ahead)
{
    while (m_at + ahead >= m_text.size()) {
        if (!refill()) {
            return false;
        }
    }
    return true;
}

// Tabs separate the fields of Excel's "Unicode text" and of .tsv files: a first line with tabs and
// no commas, outside quotes.
void CsvReader::findSeparator()
{
    bool inQuotes = false;
    bool tab = false;
    // The first line, up to a million characters of it (whatever the chunk size, so that the answer
    // never depends on it): a longer first line without a comma is no header, and reading on would
    // hold the whole file.
    for (qsizetype i = 0; i < DefaultChunkBytes && has(i - m_at); ++i) {
        const QChar c = m_text.at(i);
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
        } else if (inQuotes) {
            continue;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            break;
        } else if (c == QLatin1Char(',')) {
            m_separator = QLatin1Char(',');
            return;
        } else if (c == QLatin1Char('\t')) {
            tab = true;
        }
    }
    m_separator = tab ? QLatin1Char('\t') : QLatin1Char(',');
}

void CsvReader::problem(int at, const QString& message)
{
    if (m_problems.size() < MostProblems) {
        m_problems.append({m_record.row, message, {}, at == m_record.row ? 0 : at});
    }
}

bool CsvReader::tooManyLines()
{
    if (m_line <= MostLines) {
        return false;
    }
    m_problems.append(
        {m_record.row, QStringLiteral("the file has more than %1 lines; reading stopped here").arg(MostLines)});
    m_finished = true;
    return true;
}

// A field is usually one run of text: copied at its size, it holds no spare capacity, which on a
// large file came to half as much again as the text itself.
void CsvReader::appendToField(QStringView run)
{
    if (m_field.isEmpty()) {
        m_field = run.toString();
    } else {
        m_field.append(run);
    }
}

void CsvReader::endField()
{
    if (m_field.capacity() > m_field.size()) {
        m_field.squeeze();
    }
    m_record.fields.append(m_field);
    m_field.clear();
    m_wasQuoted = m_afterQuote = false;
}

bool CsvReader::endRecord(CsvRecord& out)
{
    const bool blankLine = m_record.fields.isEmpty() && m_field.isEmpty() && !m_wasQuoted;
    endField();
    if (!blankLine) {
        out = std::move(m_record);
    }
    ++m_row;
    m_record = CsvRecord{m_line, m_row, {}};
    return !blankLine;
}

bool CsvReader::next(CsvRecord& record)
{
    const auto special = [this](QChar c) {
        return c == m_separator || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n');
    };
    while (!m_finished) {
        if (!has(0)) {
            m_finished = true;
            if (m_inQuotes) {
                problem(m_quoteOpenedOn, QStringLiteral("a quoted field starts here but its closing quote is missing"));
            }
            if (!m_field.isEmpty() || m_wasQuoted || !m_record.fields.isEmpty()) {
                return endRecord(record);
            }
            return false;
        }
        const QChar c = m_text.at(m_at);
        if (m_inQuotes) {
            if (c != QLatin1Char('"')) {
                // The run up to the next quote, line breaks and all.
                qsizetype end = m_text.indexOf(QLatin1Char('"'), m_at);
                end = end < 0 ? m_text.size() : end;
                const QStringView run = QStringView(m_text).mid(m_at, end - m_at);
                m_line += int(run.count(QLatin1Char('\n')));
                appendToField(run);
                m_at = end;
                if (tooManyLines()) {
                    return false;
                }
            } else if (has(1) && m_text.at(m_at + 1) == QLatin1Char('"')) {
                m_field.append(QLatin1Char('"'));
                m_at += 2;
            } else {
                m_inQuotes = false;
                m_afterQuote = true;
                ++m_at;
            }
        } else if (c == m_separator) {
            endField();
            ++m_at;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            ++m_at;
            if (c == QLatin1Char('\r') && has(0) && m_text.at(m_at) == QLatin1Char('\n')) {
                ++m_at;
            }
            ++m_line;
            if (tooManyLines()) {
                return false;
            }
            if (endRecord(record)) {
                return true;
            }
        } else if (c == QLatin1Char('"') && m_field.isEmpty() && !m_wasQuoted) {
            m_inQuotes = m_wasQuoted = true;
            m_quoteOpenedOn = m_line;
            ++m_at;
        } else {
            if (m_afterQuote) {
                problem(m_line, QStringLiteral("unexpected text after a closing quote; put quotes around the whole "
                                               "field and double any quote inside it"));
                m_afterQuote = false;
            }
            // The run of plain text up to the next separator, quote or line break.
            qsizetype end = m_at + 1;
            while (end < m_text.size() && !special(m_text.at(end))) {
                ++end;
            }
            appendToField(QStringView(m_text).mid(m_at, end - m_at));
            m_at = end;
        }
    }
    return false;
}

} // namespace spotlight
