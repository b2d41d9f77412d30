#include "CatalogueCopy.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/Query.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

#include <algorithm>

namespace spotlight::CatalogueCopy {
namespace {

// In an order the foreign keys that are checked at once accept (links to exhibits are deferred to
// the commit). exhibit_text comes after the links so that its search text is the source's, not one
// the link triggers recomputed on the way.
const char* const Tables[] = {
    "authority",         "authority_key",    "edition",     "category",       "tag",      "exhibit",
    "exhibit_authority", "exhibit_category", "exhibit_tag", "exhibit_text",   "evidence", "review",
    "panel_score",       "saved_search",     "change_log",  "privacy_review",
};

// The columns both sides have: a server's search vector and a file's nothing-but-FTS5 stay behind.
QStringList sharedColumns(const Database& from, const Database& to, const QString& table)
{
    const QSqlRecord source = from.connection().record(table);
    const QSqlRecord target = to.connection().record(table);
    QStringList columns;
    for (int i = 0; i < source.count(); ++i) {
        const QString name = source.fieldName(i);
        if (target.contains(name) && name != QLatin1String("search_vector")) {
            columns << name;
        }
    }
    if (columns.isEmpty()) {
        throw Error(
            QStringLiteral("Cannot copy the table %1: %2 or %3 does not have it.").arg(table, from.path(), to.path()));
    }
    return columns;
}

// Rows go in batches of many rows to one INSERT: on a server each statement is a round trip and
// runs the statement triggers that announce changes, so 100,000 exhibits row by row take minutes.
// Bound values stay well below SQLite's 32,766 and PostgreSQL's 65,535.
constexpr int MostValuesPerInsert = 4000;

QString insertSql(const QString& table, const QStringList& columns, int rows)
{
    const QString row =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(QStringLiteral(", ")), QStringList(rows, row).join(QLatin1Char(',')));
}

void copyTable(const Database& from, const Database& to, const QString& table)
{
    const QStringList columns = sharedColumns(from, to, table);
    const int batch = std::max<int>(1, MostValuesPerInsert / int(columns.size()));
    Query rows(from, QStringLiteral("SELECT %1 FROM %2 ORDER BY 1").arg(columns.join(QStringLiteral(", ")), table));
    rows.exec();
    QVariantList values;
    auto run = [&values](Query& insert) {
        for (const QVariant& value : std::as_const(values)) {
            insert.bind(value);
        }
        insert.exec();
        values.clear();
    };
    auto insert = [&](int count) {
        if (count == batch) {
            run(to.statement(insertSql(table, columns, batch))); // prepared once, for every full batch
        } else {
            Query last(to, insertSql(table, columns, count));
            run(last);
        }
    };
    int pending = 0;
    while (rows.next()) {
        for (int column = 0; column < columns.size(); ++column) {
            const QVariant value = rows.value(column);
            // NULL stays NULL: Query::bind would write a null text as ''.
            values << (value.isNull() ? QVariant() : value);
        }
        if (++pending == batch) {
            insert(pending);
            pending = 0;
        }
    }
    if (pending > 0) {
        insert(pending);
    }
}

} // namespace

void copy(const Database& from, const Database& to, const std::function<void(const QString&)>& progress)
{
    if (from.schemaVersion() != to.schemaVersion()) {
        throw Error(QStringLiteral("Cannot copy %1 (catalogue format %2) into %3 (format %4).")
                        .arg(from.path())
                        .arg(from.schemaVersion())
                        .arg(to.path())
                        .arg(to.schemaVersion()));
    }
    for (const char* table : {"exhibit", "authority", "edition", "change_log"}) {
        if (to.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong() > 0) {
            throw Error(QStringLiteral("%1 already holds a catalogue; a copy goes only into an empty one, and it "
                                       "has not been changed.")
                            .arg(to.path()));
        }
    }
    Transaction writing(to);
    from.beginSnapshot();
    try {
        for (const char* table : Tables) {
            if (progress) {
                progress(QLatin1String(table));
            }
            copyTable(from, to, QLatin1String(table));
        }
    } catch (...) {
        QSqlQuery(from.connection()).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    from.exec(QStringLiteral("COMMIT"));
    writing.commit();
}

} // namespace spotlight::CatalogueCopy
