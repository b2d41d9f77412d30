#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace spotlight {

class Catalogue;

// The CSV forms of a catalogue: the export (the one header shared with import and the template)
// and the live event's floor list. Reads only.
class CsvPublisher
{
public:
    explicit CsvPublisher(const Catalogue& catalogue);

    // Streams the CSV of the exhibits matching `query` (or with `ids`), in that order, to `out`.
    void write(const QString& query, QIODevice& out) const;
    void write(const QList<qint64>& ids, QIODevice& out) const;
    // Stand, title, authorities and contact of each exhibit matching `query` that has a stand, in
    // stand order.
    QByteArray floorList(const QString& query = {}) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
