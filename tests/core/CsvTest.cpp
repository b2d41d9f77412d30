#include "io/Csv.h"

#include "TestSupport.h"
#include "io/ExhibitCsv.h"

#include <QBuffer>
#include <QFile>

using namespace spotlight;

namespace {

QList<QStringList> fieldsOf(const CsvDocument& document)
{
    QList<QStringList> rows;
    for (const CsvRecord& record : document.records) {
        rows << record.fields;
    }
    return rows;
}

} // namespace

TEST_CASE("CSV reads quoted fields with commas, quotes and newlines", "[csv]")
{
    const CsvDocument document = Csv::parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
    REQUIRE(document.problems.isEmpty());
    const QList<QStringList> rows = fieldsOf(document);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(1) ==
          QStringList{QStringLiteral("x, y"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")});
    CHECK(rows.at(2) == QStringList{QStringLiteral("last"), QString(), QString()});
    CHECK(document.records.at(2).line == 4); // the record after a two-line field starts on line 4
}

TEST_CASE("CSV accepts a byte-order mark and CRLF line ends", "[csv]")
{
    const CsvDocument document = Csv::parse("\xEF\xBB\xBFref,title\r\none,First\r\ntwo,\"Se\r\ncond\"\r\n");
    REQUIRE(document.problems.isEmpty());
    const QList<QStringList> rows = fieldsOf(document);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0).first() == QStringLiteral("ref")); // no BOM glued to the first header
    CHECK(rows.at(1) == QStringList{QStringLiteral("one"), QStringLiteral("First")});
    CHECK(rows.at(2).at(1) == QStringLiteral("Se\r\ncond"));
}

TEST_CASE("CSV keeps empty and missing fields, and skips blank lines", "[csv]")
{
    const CsvDocument document = Csv::parse("a,b,c\n\n,,\n\"\",x,\"\"\nonly\n\n");
    REQUIRE(document.problems.isEmpty());
    const QList<QStringList> rows = fieldsOf(document);
    REQUIRE(rows.size() == 4);
    CHECK(rows.at(1) == QStringList{QString(), QString(), QString()});
    CHECK(rows.at(2) == QStringList{QString(), QStringLiteral("x"), QString()});
    CHECK(rows.at(3) == QStringList{QStringLiteral("only")}); // ragged: the importer reports it
    CHECK(document.records.at(3).line == 5);
}

TEST_CASE("CSV reports an unclosed quote on the line where it opens", "[csv]")
{
    const CsvDocument document = Csv::parse("a,b\n1,2\n3,\"never closed\n4,5\n");
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems.first().line == 3);
    CHECK(document.problems.first().message.contains(QStringLiteral("closing quote")));
}

TEST_CASE("CSV reports text after a closing quote", "[csv]")
{
    const CsvDocument document = Csv::parse("a,b\n\"one\"two,3\n");
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems.first().line == 2);
}

TEST_CASE("CSV that is not UTF-8 is read as Windows-1252, as Excel saves it on a UK PC, and says so", "[csv]")
{
    // "Café – ‘quoted’ £5 €" in Windows-1252.
    const CsvDocument document = Csv::parse("a,b\r\nCaf\xE9,\x96 \x91quoted\x92 \xA3"
                                            "5 \x80\r\n");
    CHECK(document.problems.isEmpty());
    CHECK(document.encoding.startsWith(QStringLiteral("Windows-1252")));
    REQUIRE(document.records.size() == 2);
    CHECK(document.records.at(1).fields == QStringList{QStringLiteral("Café"), QStringLiteral("– ‘quoted’ £5 €")});
    CHECK(Csv::parse("a,b\nCaf\xC3\xA9,x\n").encoding.isEmpty()); // UTF-8 says nothing
    CHECK(Csv::parse("\xEF\xBB\xBF"
                     "a,b\nCaf\xC3\xA9,x\n")
              .encoding.isEmpty());
}

TEST_CASE("CSV in UTF-16 with tabs, as Excel's Unicode text saves it, is read", "[csv]")
{
    const QString text = QStringLiteral("ref\ttitle\r\none\tCafé, \"quoted\"\r\n");
    QByteArray bytes("\xFF\xFE");
    bytes.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    const CsvDocument document = Csv::parse(bytes);
    CHECK(document.problems.isEmpty());
    CHECK(document.encoding.startsWith(QStringLiteral("UTF-16")));
    REQUIRE(document.records.size() == 2);
    CHECK(document.records.at(1).fields == QStringList{QStringLiteral("one"), QStringLiteral("Café, \"quoted\"")});
}

TEST_CASE("Half a surrogate pair in UTF-16 reads as U+FFFD, so that the text can be written again", "[csv]")
{
    // Found by the fuzzer: a lone surrogate came through, and writing it as UTF-8 changed it.
    QString text = QStringLiteral("ref,title\none,a");
    text.append(QChar(0xD800));
    text.append(QStringLiteral("b\n"));
    QByteArray bytes("\xFF\xFE");
    bytes.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    const CsvDocument document = Csv::parse(bytes);
    CHECK(document.problems.isEmpty());
    REQUIRE(document.records.size() == 2);
    const QStringList expected{QStringLiteral("one"), QStringLiteral("a\uFFFDb")};
    CHECK(document.records.at(1).fields == expected);
    CHECK(Csv::parse(Csv::write({document.records.at(1).fields}, true)).records.first().fields == expected);
}

TEST_CASE("A tab inside a field is quoted, and a quoted tab does not make the file tab-separated", "[csv]")
{
    // Found by the fuzzer: a lone field holding a tab was written bare and read back as two.
    const QList<QStringList> records{{QStringLiteral("a\tb")}, {QStringLiteral("c")}};
    const QByteArray written = Csv::write(records, false);
    CHECK(written.startsWith("\"a\tb\""));
    const CsvDocument document = Csv::parse(written);
    REQUIRE(document.records.size() == 2);
    CHECK(document.records.at(0).fields == records.at(0));
    CHECK(Csv::parse("ref,title\n\"x\ty\",z\n").records.at(1).fields ==
          QStringList{QStringLiteral("x\ty"), QStringLiteral("z")});
}

TEST_CASE("A file that is not text gets one problem saying what it looks like", "[csv]")
{
    const QList<std::pair<QByteArray, const char*>> files{
        {QByteArray("%PDF-1.7\n%\xE2\xE3\n1 0 obj\n") + QByteArray(5000, '\xC3'), "a PDF document"},
        {QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + QByteArray(300, '\0'), "Excel workbook (.xlsx)"},
        {QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + QByteArray(300, '\0'), "(.xls)"},
        {QByteArray("ref,title\n", 10) + QByteArray(100, '\0'), "a binary file"},
        // Found by the fuzzer: UTF-16 holding NULs was read as text, and the same text in UTF-8 was not.
        {QByteArray("\xFE\xFF\x61\x2C\xCB\x00\x00\x00\x00\x00\x00\x00\x00\x00\x16\x20\xFF\x20", 18), "a binary file"},
    };
    for (const auto& [bytes, kind] : files) {
        INFO(kind);
        const CsvDocument document = Csv::parse(bytes);
        REQUIRE(document.problems.size() == 1);
        CHECK(document.problems.first().message.contains(QLatin1String(kind)));
        CHECK(document.records.isEmpty());
    }
}

TEST_CASE("CSV writing quotes only what needs it and reads back the same", "[csv]")
{
    const QList<QStringList> records{
        {QStringLiteral("plain"), QStringLiteral("with, comma"), QStringLiteral("with \"quote\"")},
        {QStringLiteral("multi\nline"), QString(), QStringLiteral("Café ✓")},
    };
    const QByteArray bytes = Csv::write(records, true);
    CHECK(bytes.startsWith("\xEF\xBB\xBFplain,\"with, comma\",\"with \"\"quote\"\"\"\r\n"));
    CHECK(fieldsOf(Csv::parse(bytes)) == records);
}

TEST_CASE("Formula cells are neutralised on export and restored on import", "[csv][security]")
{
    const QStringList dangerous{QStringLiteral("=HYPERLINK(\"http://x\")"),
                                QStringLiteral("+1"),
                                QStringLiteral("-2"),
                                QStringLiteral("@SUM(A1)"),
                                QStringLiteral("\tTab"),
                                QStringLiteral("\rCR")};
    for (const QString& cell : dangerous) {
        const QString exported = ExhibitCsv::neutralise(cell);
        CHECK(exported == QLatin1Char('\'') + cell);
        CHECK(ExhibitCsv::restore(exported) == cell);
    }
    // Cells that only look like neutralised ones survive the round trip unchanged.
    const QStringList tricky{QStringLiteral("'=already quoted"), QStringLiteral("''"), QStringLiteral("'plain"),
                             QStringLiteral("it's fine"),        QStringLiteral("'"),  QString()};
    for (const QString& cell : tricky) {
        CHECK(ExhibitCsv::restore(ExhibitCsv::neutralise(cell)) == cell);
    }
    CHECK(ExhibitCsv::neutralise(QStringLiteral("'plain")) == QStringLiteral("'plain"));
    CHECK(ExhibitCsv::neutralise(QStringLiteral("'=x")) == QStringLiteral("''=x"));
}

TEST_CASE("CSV records and problems carry the row a spreadsheet shows, not the text line", "[csv][intake]")
{
    // Row 2 spans text lines 2-3, text line 4 is blank (an empty row 3 in a spreadsheet).
    const CsvDocument document = Csv::parse("a,b\n\"two\nlines\",x\n\nc,d\n\"never closed,e\n");
    REQUIRE(document.records.size() == 4);
    CHECK(document.records.at(1).row == 2);
    CHECK(document.records.at(1).line == 2);
    CHECK(document.records.at(2).row == 4);
    CHECK(document.records.at(2).line == 5);
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems.first().line == 5);     // the row
    CHECK(document.problems.first().textLine == 6); // where a text editor finds it
}

namespace {

// Reads a file through CsvReader, as an import does.
CsvDocument readStreamed(const QByteArray& bytes)
{
    spotlight::test::Scratch scratch;
    QFile file(scratch.write(QStringLiteral("big.csv"), bytes));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return Csv::read(file, CsvReader::DefaultChunkBytes);
}

} // namespace

// The reader decodes a megabyte at a time: whatever sits on the boundary (a character of several
// bytes, CRLF, a doubled quote, a line break in quotes) must read as it does with a short filler
// before it, when everything is in one piece.
TEST_CASE("A CSV file read a chunk at a time reads the same whatever falls on a chunk's edge", "[csv][intake]")
{
    const qsizetype chunk = 1 << 20;
    const QByteArray head = "a,b\r\n";
    struct Layout
    {
        QByteArray open, close; // around the filler and the middle
    };
    const QList<Layout> layouts = {{"\"", "yz\",last\r\nc,d\r\n"}, {"", "yz,last\r\nc,d\r\n"}};
    const QList<QByteArray> middles = {
        "\xC3\xA9",         // é, two bytes
        "\xE2\x82\xAC",     // €, three
        "\xF0\x9F\x98\x80", // 😀, four
        "\r\n",             // a line end (a line break when quoted)
        "\r\n\r\n",         // and a blank line
        "\"\"",             // a quote inside quotes
        "\xEF\xBB\xBF",     // U+FEFF inside a field: kept, not taken for a byte-order mark
    };
    const auto document = [&](const Layout& layout, const QByteArray& middle, qsizetype filler) {
        return head + layout.open + QByteArray(filler, 'x') + middle + layout.close;
    };
    for (const Layout& layout : layouts) {
        for (const QByteArray& middle : middles) {
            const CsvDocument small = readStreamed(document(layout, middle, 10));
            for (qsizetype before = 0; before <= 4; ++before) {
                const qsizetype filler = chunk - head.size() - layout.open.size() - before;
                const CsvDocument big = readStreamed(document(layout, middle, filler));
                INFO("open '" << layout.open.constData() << "', middle " << middle.toHex().constData() << ", " << before
                              << " byte(s) of it before the edge");
                CHECK(big.encoding == small.encoding);
                REQUIRE(big.problems.size() == small.problems.size());
                REQUIRE(big.records.size() == small.records.size());
                for (qsizetype r = 0; r < big.records.size(); ++r) {
                    QStringList fields = big.records.at(r).fields;
                    if (r == 1) {
                        fields.first().remove(0, filler - 10);
                    }
                    CHECK(fields == small.records.at(r).fields);
                    CHECK(big.records.at(r).line == small.records.at(r).line);
                }
            }
        }
    }
}

TEST_CASE("A byte that is not UTF-8 at the end of a large file makes all of it Windows-1252", "[csv][intake]")
{
    // The first megabytes are plain ASCII with a UTF-8 é; the last line has a Windows-1252 pound.
    QByteArray bytes = "title,lead_authority\r\n";
    while (bytes.size() < 3 * (1 << 20)) {
        bytes += "Caf\xC3\xA9 outreach,Hackney\r\n";
    }
    bytes += "\xA3"
             "5 vouchers,Camden\r\n";
    const CsvDocument document = readStreamed(bytes);
    REQUIRE(document.problems.isEmpty());
    CHECK(document.encoding.startsWith(QStringLiteral("Windows-1252")));
    CHECK(document.records.at(1).fields.first() == QStringLiteral("CafÃ© outreach"));
    CHECK(document.records.last().fields.first() == QStringLiteral("£5 vouchers"));
}

TEST_CASE("UTF-16 read a chunk at a time keeps a surrogate pair that falls on a chunk's edge", "[csv][intake]")
{
    for (const qsizetype shift : {0, 1}) {
        QString text = QStringLiteral("a\tb\r\n");
        text += QString(((1 << 20) - 2 * text.size() - 2) / 2 - shift, QLatin1Char('x')); // pair at the edge
        text += QStringLiteral("😀\tz\r\n");
        QByteArray bytes("\xFF\xFE");
        bytes += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        const CsvDocument document = readStreamed(bytes);
        INFO("shift " << shift);
        REQUIRE(document.problems.isEmpty());
        REQUIRE(document.records.size() == 2);
        CHECK(document.records.at(1).fields.first().endsWith(QStringLiteral("x😀")));
        CHECK(document.records.at(1).fields.last() == QStringLiteral("z"));
    }
}

namespace {

CsvDocument readInChunks(const QByteArray& bytes, qint64 chunkBytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return Csv::read(buffer, chunkBytes);
}

} // namespace

// The same inputs in chunks of 8 to 16 bytes, so that every edge falls everywhere; the fuzzer does
// the same on whatever it makes (tests/fuzz/CsvFuzz.cpp).
TEST_CASE("Any chunk size reads the same records, problems and encoding", "[csv][intake]")
{
    const auto utf16 = [](const QString& text, bool oddByte) {
        QByteArray bytes("\xFF\xFE");
        bytes += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        return oddByte ? bytes + 'x' : bytes;
    };
    const QList<QByteArray> inputs = {
        "\xEF\xBB\xBF"
        "ref,title\r\n\"a\"\"b\",\"two\r\nlines\"\r\n\r\nCaf\xC3\xA9,\xE2\x82\xAC\xF0\x9F\x98\x80\r\n",
        "a,b\n\"never closed\n,x\n\"one\"two,3\n",
        "a\tb\rc\td\re\tf",                       // Excel for Mac: CR alone
        "a,b\nCaf\xE9,\x96 \x91quoted\x92\n\xA3", // Windows-1252, the last byte alone in its chunk
        "a,b\n\xEF\xBB\xBFx,y\n",                 // U+FEFF inside the text
        utf16(QStringLiteral("a\tb\r\n😀x\ty😀\r\n"), false),
        utf16(QStringLiteral("a\tb\r\nxy\tz"), true),             // a lone last byte reads as U+FFFD
        "a,b\nc,d\xE2\x82",                                       // a truncated character at the very end
        "a\xFF\xFF\xFF\xFF\xFF\xFF\xFF\t8,\"never closed\n4,5\n", // found by the fuzzer: a tab, then a comma
        // found by the fuzzer: a NUL past the first chunk of UTF-16
        QByteArray("\xFE\xFF\x00"
                   "a\x00"
                   "b\x00"
                   "c\x00"
                   "d\x00"
                   "e\x00"
                   "f\x00"
                   ",\x00"
                   "g\x00\x00\x00"
                   "y",
                   22),
    };
    for (const QByteArray& input : inputs) {
        const CsvDocument whole = readInChunks(input, CsvReader::DefaultChunkBytes);
        for (qint64 chunk = 8; chunk <= 16; ++chunk) {
            INFO("input " << input.toHex().constData() << ", chunks of " << chunk);
            const CsvDocument pieces = readInChunks(input, chunk);
            CHECK(pieces.encoding == whole.encoding);
            REQUIRE(pieces.records.size() == whole.records.size());
            for (qsizetype r = 0; r < whole.records.size(); ++r) {
                CHECK(pieces.records.at(r).fields == whole.records.at(r).fields);
                CHECK(pieces.records.at(r).line == whole.records.at(r).line);
                CHECK(pieces.records.at(r).row == whole.records.at(r).row);
            }
            REQUIRE(pieces.problems.size() == whole.problems.size());
            for (qsizetype p = 0; p < whole.problems.size(); ++p) {
                CHECK(pieces.problems.at(p).message == whole.problems.at(p).message);
                CHECK(pieces.problems.at(p).line == whole.problems.at(p).line);
            }
        }
    }
    // The lone last byte of UTF-16 is U+FFFD, as it was when the whole text was decoded at once.
    CHECK(readInChunks(utf16(QStringLiteral("a\tb\r\nxy\tz"), true), 8).records.last().fields.last() ==
          QStringLiteral("z\uFFFD"));
    // CR-only lines are counted for the progress bar.
    QBuffer mac;
    mac.setData("a\tb\rc\td\re\tf");
    REQUIRE(mac.open(QIODevice::ReadOnly));
    CHECK(CsvReader(mac).lineCount() == 3);
}

TEST_CASE("One record of endless bad fields keeps a thousand problems, not millions", "[csv][reliability]")
{
    QByteArray bytes = "a,b\n";
    for (int field = 0; field < 200'000; ++field) {
        bytes += "\"a\"b,";
    }
    const CsvDocument document = Csv::parse(bytes);
    CHECK(document.problems.size() == 1000);
    REQUIRE(document.records.size() == 2);
    CHECK(document.records.last().fields.size() == 200'001);
}
