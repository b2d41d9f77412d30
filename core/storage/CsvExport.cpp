#include "CsvExport.h"

#include "Error.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "storage/JsonLists.h"
#include "storage/Query.h"
#include "storage/SqliteDatabase.h"

#include <QIODevice>
#include <QScopeGuard>

#include <cstring>
#include <iterator>
#include <sqlite3.h>

namespace spotlight::CsvExport {
namespace {

// Each CSV column and the SQL that reads it, in ExhibitCsv::columns() order: the header comes from
// ExhibitCsv, and write() refuses to run if the two tables ever disagree. A list column joins
// `sql` from `from` in the order the stores load it.
struct Column
{
    const char* name;
    const char* sql;
    const char* from = nullptr;
    const char* orderBy = nullptr;
};
constexpr Column Columns[] = {
    {"ref", "e.ref"},
    {"title", "e.title"},
    {"lead_authority", "(SELECT a.name FROM exhibit_authority ea JOIN authority a ON a.id = ea.authority_id "
                       "WHERE ea.exhibit_id = e.id AND ea.role = 'lead')"},
    {"partner_authorities", "a.name",
     "exhibit_authority ea JOIN authority a ON a.id = ea.authority_id WHERE ea.exhibit_id = e.id AND ea.role = "
     "'partner'",
     "ea.position"},
    {"edition", "coalesce(ed.name, '')"},
    {"categories", "c.name", "exhibit_category ec JOIN category c ON c.id = ec.category_id WHERE ec.exhibit_id = e.id",
     "c.name"},
    {"tags", "t.name", "exhibit_tag et JOIN tag t ON t.id = et.tag_id WHERE et.exhibit_id = e.id", "t.name"},
    {"status", "e.status"},
    {"summary", "t.summary"},
    {"description", "t.description"},
    {"contact_name", "e.contact_name"},
    {"contact_role", "e.contact_role"},
    {"contact_email", "e.contact_email"},
    {"evidence_level", "e.evidence_level"},
    {"contact_phone", "e.contact_phone"},
};
constexpr int ColumnCount = int(std::size(Columns));

QString columnSql(const SqlDialect& sql, const Column& column)
{
    if (!column.from) {
        return QString::fromLatin1(column.sql);
    }
    const QString value = QString::fromLatin1(column.sql);
    const QString from = QString::fromLatin1(column.from);
    const QString order = QString::fromLatin1(column.orderBy);
    // SQLite 3.40's group_concat takes no ORDER BY of its own; it keeps the order of its input.
    return sql.isPostgres() ? QStringLiteral("coalesce((SELECT string_agg(%1, ';' ORDER BY %3) FROM %2), '')")
                                  .arg(value, from, order)
                            : QStringLiteral("coalesce((SELECT group_concat(name, ';') FROM (SELECT %1 AS name FROM "
                                             "%2 ORDER BY %3)), '')")
                                  .arg(value, from, order);
}

// In a file, no ORDER BY: CROSS JOIN keeps json_each as the outer loop, which yields the ids in the
// order given, and sorting would copy every row (137 MB at 100,000 exhibits) through a temporary
// b-tree. A server is told the order.
QString selectSql(const SqlDialect& sql)
{
    QStringList columns;
    for (const Column& column : Columns) {
        columns << columnSql(sql, column);
    }
    const QString select = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "));
    if (sql.isPostgres()) {
        return select + QStringLiteral(" FROM (%1) AS wanted JOIN exhibit e ON e.id = wanted.value "
                                       "JOIN exhibit_text t ON t.exhibit_id = e.id LEFT JOIN edition ed ON ed.id = "
                                       "e.edition_id ORDER BY wanted.position")
                            .arg(sql.integersInOrder());
    }
    return select + QStringLiteral(" FROM json_each(?1) AS wanted CROSS JOIN exhibit e ON e.id = wanted.value "
                                   "CROSS JOIN exhibit_text t ON t.exhibit_id = e.id LEFT JOIN edition ed ON ed.id = "
                                   "e.edition_id");
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

// Collects rows into chunks and writes each out.
class ChunkWriter
{
public:
    explicit ChunkWriter(QIODevice& device)
        : m_device(device)
    {
        m_out = Csv::write({ExhibitCsv::columns()}, true);
        m_out.reserve(ChunkBytes + 64 * 1024);
    }
    QByteArray& out() { return m_out; }
    void endRow()
    {
        m_out.append("\r\n");
        if (m_out.size() >= ChunkBytes) {
            flush();
        }
    }
    void flush()
    {
        if (m_device.write(m_out) != m_out.size()) {
            throw Error(QStringLiteral("Writing the CSV export failed: %1").arg(m_device.errorString()));
        }
        m_out.resize(0); // keeps the capacity, where clear() would free it and fault in fresh pages
    }

private:
    QIODevice& m_device;
    QByteArray m_out;
};

// A server's rows come through Qt Sql: its cost per row is small beside the network's.
void writeFromServer(const Database& database, const QString& idsJson, QIODevice& device)
{
    Query rows(database, selectSql(database.sql()));
    rows.bind(idsJson).exec();
    ChunkWriter writer(device);
    while (rows.next()) {
        for (int column = 0; column < ColumnCount; ++column) {
            if (column > 0) {
                writer.out().append(',');
            }
            const QByteArray text = rows.text(column).toUtf8();
            appendCell(writer.out(), text.constData(), int(text.size()));
        }
        writer.endRow();
    }
    writer.flush();
}

} // namespace

void write(const Database& database, const QList<qint64>& orderedIds, QIODevice& device)
{
    requireColumnsOfExhibitCsv();
    const auto* file = dynamic_cast<const SqliteDatabase*>(&database);
    if (!file) {
        writeFromServer(database, jsonList(orderedIds), device);
        return;
    }
    const QByteArray idsJson = jsonList(orderedIds).toUtf8();
    sqlite3* handle = file->handle();
    // The export reads nearly every page once: mapping the file saves copying each into SQLite's
    // cache (2.3 s -> 1.5 s at 100,000 exhibits). Only for the export: a catalogue open for hours
    // keeps to ordinary reads.
    sqlite3_exec(handle, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    const auto unmap =
        qScopeGuard([handle] { sqlite3_exec(handle, "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr); });
    const QByteArray sql = selectSql(database.sql()).toUtf8();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        throw Error(QStringLiteral("%1: preparing the export failed: %2")
                        .arg(database.path(), QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    const auto finalise = qScopeGuard([statement] { sqlite3_finalize(statement); });
    sqlite3_bind_text(statement, 1, idsJson.constData(), int(idsJson.size()), SQLITE_STATIC);

    ChunkWriter writer(device);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int column = 0; column < ColumnCount; ++column) {
            if (column > 0) {
                writer.out().append(',');
            }
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
            appendCell(writer.out(), text ? text : "", sqlite3_column_bytes(statement, column));
        }
        writer.endRow();
    }
    if (step != SQLITE_DONE) {
        throw Error(QStringLiteral("%1: reading the export failed: %2")
                        .arg(database.path(), QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    writer.flush();
}

} // namespace spotlight::CsvExport
