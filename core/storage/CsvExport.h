#pragma once

#include <QList>

class QIODevice;

namespace spotlight {

class Database;

// The CSV export of many exhibits, read with one statement through SQLite's own handle and
// written as UTF-8 bytes straight from SQLite's: the same bytes ExhibitCsv::write gives for the
// same exhibits, without Qt Sql's per-row QVariants (8 s at 100,000 exhibits; see
// docs/benchmarks.md). The bytes go out in chunks, so memory stays flat however many exhibits.
namespace CsvExport {

void write(const Database& database, const QList<qint64>& orderedIds, QIODevice& out);

} // namespace CsvExport
} // namespace spotlight
