// The CSV reader on any bytes: it must never crash; read in chunks of 8 to 16 bytes it must give
// what it gives in one piece (the file is read a megabyte at a time, far more than a fuzzer's
// inputs, so without this no chunk's edge would ever be crossed); and a document it reads without
// a problem must come back the same through the writer (every field of every record).
#include "FuzzSupport.h"
#include "io/Csv.h"

#include <QBuffer>
#include <QByteArray>

using namespace spotlight;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const CsvDocument document = Csv::parse(bytes);
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        const CsvDocument pieces = Csv::read(buffer, 8 + qint64(size % 9));
        bool same = pieces.records.size() == document.records.size() &&
                    pieces.problems.size() == document.problems.size() && pieces.encoding == document.encoding;
        for (qsizetype at = 0; same && at < document.records.size(); ++at) {
            const CsvRecord& piece = pieces.records.at(at);
            const CsvRecord& whole = document.records.at(at);
            same = piece.fields == whole.fields && piece.line == whole.line && piece.row == whole.row;
        }
        if (!same) {
            fuzz::finding("CSV read in small chunks differs from CSV read in one piece",
                          QStringLiteral("%1 records and %2 problems, then %3 and %4")
                              .arg(document.records.size())
                              .arg(document.problems.size())
                              .arg(pieces.records.size())
                              .arg(pieces.problems.size()));
        }
    }
    for (const CsvProblem& problem : document.problems) {
        if (problem.line < 1) {
            fuzz::finding("a CSV problem without a line", problem.message);
        }
    }
    if (!document.problems.isEmpty()) {
        return 0;
    }
    // Reading drops a byte-order mark at the start of the text, and Qt's UTF-8 decoder a second
    // one: a first field that begins with U+FEFF cannot come back either.
    if (!document.records.isEmpty() && !document.records.first().fields.isEmpty() &&
        document.records.first().fields.first().startsWith(QChar(0xFEFF))) {
        return 0;
    }
    QList<QStringList> records;
    for (const CsvRecord& record : document.records) {
        // A record of one empty field is written as an empty line, which reading skips as blank:
        // the writer cannot express it, so the round trip is not asked of it.
        if (record.fields == QStringList{QString()}) {
            return 0;
        }
        records << record.fields;
    }
    const CsvDocument again = Csv::parse(Csv::write(records, true));
    if (!again.problems.isEmpty() || again.records.size() != records.size()) {
        fuzz::finding("CSV written from a parsed document reads back differently",
                      QStringLiteral("%1 records, then %2").arg(records.size()).arg(again.records.size()));
    }
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (again.records.at(i).fields != records.at(i)) {
            fuzz::finding(
                "CSV written from a parsed document reads back differently",
                QStringLiteral("record %1: [%2] then [%3]")
                    .arg(i + 1)
                    .arg(records.at(i).join(QLatin1Char('|')), again.records.at(i).fields.join(QLatin1Char('|'))));
        }
    }
    return 0;
}
