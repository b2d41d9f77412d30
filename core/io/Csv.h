#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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

// RFC 4180 CSV. Reading accepts what spreadsheets save: UTF-8 with or without a byte-order mark,
// UTF-16 with one (Excel's "Unicode text", whose fields are separated by tabs) and, when the bytes
// are not UTF-8, Windows-1252 (Excel's "CSV (Comma delimited)"); CRLF or LF line ends, quoted
// fields with embedded separators, quotes and newlines; blank lines are skipped. It reads to the
// end and reports every problem with its spreadsheet row, rather than stopping at the first. A file that is
// not text at all (a PDF, a workbook, an image) gets one problem saying what it looks like.
namespace Csv {

CsvDocument parse(const QByteArray& bytes);

// Writes CRLF-terminated records, quoting only fields that need it; `byteOrderMark` lets Excel
// recognise the file as UTF-8.
QByteArray write(const QList<QStringList>& records, bool byteOrderMark);
void appendRecord(QByteArray& out, const QStringList& fields);

} // namespace Csv
} // namespace spotlight
