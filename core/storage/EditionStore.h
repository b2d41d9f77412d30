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
    // What the panels of the edition called `name` score against; empty when there is no such edition.
    QStringList criteriaOf(const QString& name) const;
    // Removes the edition and its categories; Error while any exhibit is still in it.
    void removeEdition(const QString& name);

    qint64 insert(const Category& category);
    // Replaces the category `name` of `category.edition`; Error if there is none.
    void update(const QString& name, const Category& category);
    // Error while any exhibit is still in the category.
    void remove(const Category& category);
    // Moves the category, with the exhibits in it, to the end of another edition's categories;
    // Error if that edition already has a category of the same name.
    void moveCategory(const Category& category, const QString& edition);
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
    // Put both tables back to `rows` in two steps, so that exhibits can be put back in between: the
    // first updates and adds rows, raising the versions of the exhibits whose edition or category
    // it renames; the second removes the rows `rows` lacks. Error (a foreign key) when an edition or
    // category to remove is in use.
    void restoreKeptRows(const Rows& rows);
    void removeRowsNotIn(const Rows& rows);

private:
    const Database& m_database;
};

} // namespace spotlight
