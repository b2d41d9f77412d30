#pragma once

#include "domain/SavedSearch.h"

#include <QList>

#include <optional>

namespace spotlight {

class Database;

// Named queries. Names are unique regardless of case.
class SavedSearchStore
{
public:
    explicit SavedSearchStore(const Database& database);

    // Adds or replaces the search with this name.
    void save(const SavedSearch& search);
    bool remove(const QString& name);
    QList<SavedSearch> all() const;
    std::optional<SavedSearch> byName(const QString& name) const;

private:
    const Database& m_database;
};

} // namespace spotlight
