#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace spotlight {

// A catalogue (or the part of it a query selects) as one lossless JSON document.
struct CatalogueDocument
{
    QList<Edition> editions;
    QList<Category> categories;
    QList<Tag> tags;
    QList<SavedSearch> savedSearches;
    QList<Exhibit> exhibits;
    QList<int> exhibitLines;     // where each exhibit starts in the file read, for messages
    QList<int> savedSearchLines; // the same for each saved search
};

struct JsonProblem
{
    int line = 0;
    QString message;
};

namespace JsonCodec {

// The exhibit object of PRODUCT.md section 5. `full` adds evidence, reviews and the rest of the
// record, as `show` and the catalogue document need.
QJsonObject toJson(const Exhibit& exhibit, bool full);
// Reads what toJson(…, true) wrote; problems name the key at fault.
Exhibit exhibitFromJson(const QJsonObject& object, QStringList& problems);

QByteArray write(const CatalogueDocument& document);
CatalogueDocument read(const QByteArray& bytes, QList<JsonProblem>& problems);

} // namespace JsonCodec
} // namespace spotlight
