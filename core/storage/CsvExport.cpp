#include "CsvExport.h"

#include "Error.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "storage/Database.h"
#include "storage/JsonLists.h"

#include <QIODevice>
#include <QScopeGuard>

#include <cstring>
#include <iterator>
#include <sqlite3.h>

namespace spotlight::CsvExport {
namespace {

// The columns of ExhibitCsv::columns(), in order; lists in the order the stores load them.
// Each CSV column and the SQL that reads it, in ExhibitCsv::columns() order: the header comes from
// ExhibitCsv, and write() refuses to run if the two tables ever disagree.
struct Column
{
    const char* name;
    const char* sql;
};
constexpr Column Columns[] = {
    {"ref", "e.ref"},
    {"title", "e.title"},
    {"lead_authority", "(SELECT a.name FROM exhibit_authority ea JOIN authority a ON a.id = ea.authority_id "
                       "WHERE ea.exhibit_id = e.id AND ea.role = 'lead')"},
    {"partner_authorities",
     "coalesce((SELECT group_concat(name, ';') FROM (SELECT a.name FROM exhibit_authority ea JOIN authority a ON "
     "a.id = ea.authority_id WHERE ea.exhibit_id = e.id AND ea.role = 'partner' ORDER BY ea.position)), '')"},
    {"edition", "coalesce(ed.name, '')"},
    {"categories", "coalesce((SELECT group_concat(name, ';') FROM (SELECT c.name FROM exhibit_category ec JOIN "
                   "category c ON c.id = ec.category_id WHERE ec.exhibit_id = e.id ORDER BY c.name)), '')"},
    {"tags", "coalesce((SELECT group_concat(name, ';') FROM (SELECT t.name FROM exhibit_tag et JOIN tag t ON t.id = "
             "et.tag_id WHERE et.exhibit_id = e.id ORDER BY t.name)), '')"},
    {"status", "e.status"},
    {"summary", "t.summary"},
    {"description", "t.description"},
    {"contact_name", "e.contact_name"},
    {"contact_role", "e.contact_role"},
    {"contact_email", "e.contact_email"},
    {"evidence_level", "e.evidence_level"},
};
constexpr int ColumnCount = int(std::size(Columns));

// No ORDER BY: CROSS JOIN keeps json_each as the outer loop, which yields the ids in the order
// given, and sorting would copy every row (137 MB at 100,000 exhibits) through a temporary b-tree.
QByteArray selectSql()
{
    QByteArray select;
    for (const Column& column : Columns) {
        select += (select.isEmpty() ? "SELECT " : ", ") + QByteArray(column.sql);
    }
    return select + " FROM json_each(?1) AS wanted CROSS JOIN exhibit e ON e.id = wanted.value "
                    "CROSS JOIN exhibit_text t ON t.exhibit_id = e.id LEFT JOIN edition ed ON ed.id = e.edition_id";
}

void requireColumnsOfExhibitCsv()
{
    QStringList names;
    for (const Column& column : Columns) {
        names << QLatin1String(column.name);
    }
    if (names != ExhibitCsv::columns()) {
        throw Error(QStringLiteral("The CSV export's columns (%1) differ from the CSV format's (%2).")
                        .arg(names.join(QLatin1Char(',')), ExhibitCsv::columns().join(QLatin1Char(','))));
    }
}
// Written out whenever this much is waiting: few enough writes, and a buffer that stays in cache
// rather than a 137 MB one touched page by page.
constexpr qsizetype ChunkBytes = 1 << 20;

bool startsFormula(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// ExhibitCsv::neutralise and Csv's quoting, on UTF-8 bytes (every character they look at is
// ASCII). Cells are appended in whole runs: a byte at a time was most of the export's time.
void appendCell(QByteArray& out, const char* text, int size)
{
    const bool apostrophe = size > 0 && (startsFormula(text[0]) ||
                                         (size > 1 && text[0] == '\'' && (startsFormula(text[1]) || text[1] == '\'')));
    bool quote = false;
    bool hasQuoteMark = false;
    for (int i = 0; i < size; ++i) {
        const char c = text[i];
        if (c == '"') {
            quote = hasQuoteMark = true;
            break;
        }
        quote = quote || c == ',' || c == '\n' || c == '\r';
    }
    if (quote) {
        out.append('"');
    }
    if (apostrophe) {
        out.append('\'');
    }
    if (!hasQuoteMark) {
        out.append(text, size);
    } else {
        // Each quote mark doubled: copy the runs between them.
        const char* start = text;
        const char* end = text + size;
        while (const char* mark = static_cast<const char*>(std::memchr(start, '"', size_t(end - start)))) {
            out.append(start, mark - start + 1).append('"');
            start = mark + 1;
        }
        out.append(start, end - start);
    }
    if (quote) {
        out.append('"');
    }
}

} // namespace

void write(const Database& database, const QList<qint64>& orderedIds, QIODevice& device)
{
    const QByteArray idsJson = jsonList(orderedIds).toUtf8();

    sqlite3* handle = database.handle();
    // The export reads nearly every page once: mapping the file saves copying each into SQLite's
    // cache (2.3 s -> 1.5 s at 100,000 exhibits). Only for the export: a catalogue open for hours
    // keeps to ordinary reads.
    sqlite3_exec(handle, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    const auto unmap =
        qScopeGuard([handle] { sqlite3_exec(handle, "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr); });
    requireColumnsOfExhibitCsv();
    const QByteArray sql = selectSql();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        throw Error(QStringLiteral("%1: preparing the export failed: %2")
                        .arg(database.path(), QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    const auto finalise = qScopeGuard([statement] { sqlite3_finalize(statement); });
    sqlite3_bind_text(statement, 1, idsJson.constData(), int(idsJson.size()), SQLITE_STATIC);

    QByteArray out = Csv::write({ExhibitCsv::columns()}, true);
    out.reserve(ChunkBytes + 64 * 1024);
    auto flush = [&] {
        if (device.write(out) != out.size()) {
            throw Error(QStringLiteral("Writing the CSV export failed: %1").arg(device.errorString()));
        }
        out.resize(0); // keeps the capacity, where clear() would free it and fault in fresh pages
    };
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int column = 0; column < ColumnCount; ++column) {
            if (column > 0) {
                out.append(',');
            }
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
            appendCell(out, text ? text : "", sqlite3_column_bytes(statement, column));
        }
        out.append("\r\n");
        if (out.size() >= ChunkBytes) {
            flush();
        }
    }
    if (step != SQLITE_DONE) {
        throw Error(QStringLiteral("%1: reading the export failed: %2")
                        .arg(database.path(), QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    flush();
}

} // namespace spotlight::CsvExport
