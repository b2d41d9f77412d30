#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace spotlight {

struct CsvRecord
{
    int line = 0; // the text line the record starts on, from 1
    // The row a spreadsheet shows it on: records count, blank lines too, but the line breaks inside
    // a quoted field do not. Equal to `line` until a field spans lines.
    int row = 0;
    QStringList fields;
};

struct CsvProblem
{
    CsvProblem() = default;
    CsvProblem(int line, QString message, QString sheet = {}, int textLine = 0)
        : line(line)
        , message(std::move(message))
        , sheet(std::move(sheet))
        , textLine(textLine)
    {}

    // Where: for a table (CSV, worksheet) the row a spreadsheet shows, for JSON the line.
    int line = 0;
    QString message;
    QString sheet; // in a workbook, a sheet other than the one the rows come from
    // In a CSV file whose quoted fields span lines, the text line, when it is not `line`; else 0.
    int textLine = 0;
};

struct CsvDocument
{
    QList<CsvRecord> records;
    QList<CsvProblem> problems;
    // How the bytes were read when they were not UTF-8, in words for the curator: "Windows-1252,
    // as Excel's \"CSV (Comma delimited)\" saves on a UK PC". Empty for UTF-8.
    QString encoding;
};

class CsvReader;

// RFC 4180 CSV. Reading accepts what spreadsheets save: UTF-8 with or without a byte-order mark,
// UTF-16 with one (Excel's "Unicode text", whose fields are separated by tabs) and, when the bytes
// are not UTF-8, Windows-1252 (Excel's "CSV (Comma delimited)"); CRLF or LF line ends, quoted
// fields with embedded separators, quotes and newlines; blank lines are skipped. It reads to the
// end and reports every problem with its spreadsheet row (the first thousand), rather than stopping at the first. A
// file that is not text at all (a PDF, a workbook, an image) gets one problem saying what it looks like.
namespace Csv {

// The whole document at once, for small files; CsvReader reads the same record by record.
CsvDocument parse(const QByteArray& bytes);
// Every record of an open, seekable device, read through a CsvReader in chunks of `chunkBytes`.
CsvDocument read(QIODevice& device, qint64 chunkBytes);

// Writes CRLF-terminated records, quoting only fields that need it; `byteOrderMark` lets Excel
// recognise the file as UTF-8.
QByteArray write(const QList<QStringList>& records, bool byteOrderMark);
void appendRecord(QByteArray& out, const QStringList& fields);

} // namespace Csv

// Reads CSV as Csv::parse does, one record at a time from a file, so that reading a file of any
// size holds one record and a chunk of its text rather than the file, its text and every record.
// The device must be open and seekable: the reader first reads it through once to tell UTF-8 from
// Windows-1252 (a bad byte may come at the very end) and to count its lines, then from the start.
class CsvReader
{
public:
    // Reads a megabyte at a time; tests and the fuzzer read in small chunks to reach every edge.
    static constexpr qint64 DefaultChunkBytes = 1 << 20;
    explicit CsvReader(QIODevice& device, qint64 chunkBytes = DefaultChunkBytes);

    // The next record that is not a blank line; false at the end of the text.
    bool next(CsvRecord& record);

    // Problems found so far, the first thousand of them; all once next() has returned false.
    const QList<CsvProblem>& problems() const { return m_problems; }
    // As CsvDocument::encoding.
    const QString& encoding() const { return m_encoding; }
    // Text lines in the file (ended by LF or CRLF): no fewer than its records, for progress.
    qsizetype lineCount() const { return m_lines; }

private:
    enum class Encoding
    {
        Utf8,
        Utf16LE,
        Utf16BE,
        Windows1252
    };

    void detect();
    // The next chunk of the device's bytes, cut after its last whole character; empty at the end.
    QByteArray readPiece();
    // Decodes more of the device onto the unread text; false at its end.
    bool refill();
    void findSeparator();
    // Whether the character `ahead` of the current one has been read (refilling if need be).
    bool has(qsizetype ahead);
    void problem(int at, const QString& message);
    // Ends reading, with a problem, past 100 million lines.
    bool tooManyLines();
    bool endRecord(CsvRecord& out);
    void appendToField(QStringView run);
    void endField();

    QIODevice& m_device;
    const qint64 m_chunkBytes;
    Encoding m_kind = Encoding::Utf8;
    QString m_encoding;
    QList<CsvProblem> m_problems;
    qsizetype m_lines = 0;
    QByteArray m_carry;      // the bytes of a character cut in two by the last chunk
    bool m_first = true;     // the next chunk decoded is the text's first
    bool m_ended = false;    // every byte has been read
    bool m_finished = false; // every record has been returned

    QString m_text; // decoded, not yet parsed from m_at on
    qsizetype m_at = 0;
    QChar m_separator = QLatin1Char(',');

    int m_line = 1;
    int m_row = 1;
    CsvRecord m_record{1, 1, {}};
    QString m_field;
    bool m_inQuotes = false;   // inside "..."
    bool m_wasQuoted = false;  // this field began with a quote
    bool m_afterQuote = false; // the closing quote has been read
    int m_quoteOpenedOn = 0;   // the text line
};

} // namespace spotlight
