#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"

#include <QList>
#include <QStringList>

namespace spotlight {

struct Stores;

struct ImportOptions
{
    bool update = false; // rows whose ref exists update that exhibit instead of being refused
};

struct ImportRow
{
    int line = 0;
    bool update = false;
    Exhibit exhibit; // names already resolved to the catalogue's own spelling
};

// What an import would do, worked out in full before anything is written.
struct ImportPlan
{
    QString file;
    QList<ImportRow> rows;
    QList<Edition> newEditions;
    QList<Category> newCategories;
    QList<Tag> tagColours;             // from a JSON catalogue
    QList<SavedSearch> savedSearches;  // from a JSON catalogue
    QStringList problems;              // "FILE:LINE: message", in file order

    bool isValid() const { return problems.isEmpty(); }
    int creates() const;
    int updates() const;
};

// Reads CSV (PRODUCT.md section 6) or a JSON catalogue, chosen by the file's extension, and
// validates every row against the catalogue: nothing is written here.
class Importer
{
public:
    explicit Importer(const Stores& stores);

    ImportPlan plan(const QString& path, const ImportOptions& options) const;
    ImportPlan planCsv(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;
    ImportPlan planJson(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;

    // Writes a valid plan. The caller holds the transaction.
    static void apply(Stores& stores, const ImportPlan& plan);

private:
    class Resolver;
    const Stores& m_stores;
};

} // namespace spotlight
