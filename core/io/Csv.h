#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

struct CsvRecord
{
    int line = 0; // the physical line the record starts on, from 1
    QStringList fields;
};

struct CsvProblem
{
    int line = 0;
    QString message;
};

struct CsvDocument
{
    QList<CsvRecord> records;
    QList<CsvProblem> problems;
};

// RFC 4180 CSV in UTF-8. Reading accepts a byte-order mark, CRLF or LF line ends, quoted fields
// with embedded commas, quotes and newlines, and skips blank lines. It reads to the end and reports
// every problem with its line, rather than stopping at the first.
namespace Csv {

CsvDocument parse(const QByteArray& bytes);

// Writes CRLF-terminated records, quoting only fields that need it; `byteOrderMark` lets Excel
// recognise the file as UTF-8.
QByteArray write(const QList<QStringList>& records, bool byteOrderMark);
void appendRecord(QByteArray& out, const QStringList& fields);

} // namespace Csv
} // namespace spotlight
