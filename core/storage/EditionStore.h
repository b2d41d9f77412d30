#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"

#include <QList>
#include <QVariant>

#include <optional>

namespace spotlight {

class Database;

// Editions (Practice Spotlight cycles) and the categories of each.
class EditionStore
{
public:
    explicit EditionStore(const Database& database);

    qint64 insert(const Edition& edition);
    // Replaces the edition called `name` (which may be renamed); Error if there is none.
    void update(const QString& name, const Edition& edition);
    QList<Edition> editions() const; // newest first
    // The edition new exhibits go to: the latest by year that is not archived.
    std::optional<Edition> current() const;
    std::optional<qint64> editionId(const QString& name) const;

    qint64 insert(const Category& category);
    // Replaces the category `name` of `category.edition`; Error if there is none.
    void update(const QString& name, const Category& category);
    // Error while any exhibit is still in the category.
    void remove(const Category& category);
    // All categories, or those of one edition, in the order they were given.
    QList<Category> categories(const QString& edition = {}) const;
    std::optional<qint64> categoryId(qint64 editionId, const QString& name) const;

    // The edition and category tables row by row, for undoing changes to them.
    struct Rows
    {
        QList<QVariantList> editions;
        QList<QVariantList> categories;
        friend bool operator==(const Rows&, const Rows&) = default;
    };
    Rows rows() const;
    // Puts both tables back to `rows`, raising the versions of the exhibits whose edition or
    // category is renamed by it. Error (a foreign key) when an edition or category to remove is in use.
    void restore(const Rows& rows);

private:
    const Database& m_database;
};

} // namespace spotlight
