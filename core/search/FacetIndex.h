#pragma once

#include "search/SearchEngine.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace spotlight {

class Database;

// What facets count, for every exhibit, held in memory: its level, status, edition, authorities,
// categories and tag families (each tag with its ancestors, once). Counting a query's matches is
// then a pass over small arrays (milliseconds at 100,000 exhibits) instead of six grouped joins.
// It reloads itself when the catalogue has changed, by this connection or another.
class FacetIndex
{
public:
    explicit FacetIndex(const Database& database);

    // Counts over the exhibits with these ids, or over all exhibits when `ids` is empty.
    Facets count(const std::optional<QList<qint64>>& ids);

private:
    struct Exhibit
    {
        int level = 0;
        int status = 0;     // index into m_statusKeys
        int edition = -1;   // index into m_editionNames
        unsigned kinds = 0; // a bit for each kind of evidence it has, in allEvidenceKindKeys() order
        QList<int> authorities;
        QList<int> categories;  // indices into m_categoryNames
        QList<int> tagFamilies; // indices into m_familyNames
    };

    void reloadIfChanged();
    void load();

    const Database& m_database;
    std::optional<std::pair<quint64, qint64>> m_loadedAt; // commit count and data_version
    QList<Exhibit> m_exhibits;
    QHash<qint64, qsizetype> m_rowOf;
    QStringList m_statusKeys;
    QStringList m_editionNames;
    QStringList m_categoryNames;
    QStringList m_familyNames;
    QHash<int, std::pair<QString, QString>> m_authorities; // id -> (code, name)
};

} // namespace spotlight
