#include "SavedSearchStore.h"

#include "storage/Database.h"
#include "storage/Query.h"

namespace spotlight {

SavedSearchStore::SavedSearchStore(const Database& database)
    : m_database(database)
{}

void SavedSearchStore::save(const SavedSearch& search)
{
    Query(m_database, QStringLiteral("INSERT INTO saved_search (name, query) VALUES (?, ?) "
                                     "ON CONFLICT (name) DO UPDATE SET name = excluded.name, query = excluded.query"))
        .bind(search.name.trimmed())
        .bind(search.query)
        .exec();
}

bool SavedSearchStore::remove(const QString& name)
{
    Query remove(m_database, QStringLiteral("DELETE FROM saved_search WHERE name = ?"));
    remove.bind(name.trimmed()).exec();
    return remove.rowsAffected() > 0;
}

QList<SavedSearch> SavedSearchStore::all() const
{
    Query rows(m_database, QStringLiteral("SELECT name, query FROM saved_search ORDER BY name COLLATE NOCASE"));
    rows.exec();
    QList<SavedSearch> result;
    while (rows.next()) {
        result.append(SavedSearch{rows.text(0), rows.text(1)});
    }
    return result;
}

std::optional<SavedSearch> SavedSearchStore::byName(const QString& name) const
{
    Query row(m_database, QStringLiteral("SELECT name, query FROM saved_search WHERE name = ?"));
    row.bind(name.trimmed()).exec();
    if (!row.next()) {
        return std::nullopt;
    }
    return SavedSearch{row.text(0), row.text(1)};
}

} // namespace spotlight
