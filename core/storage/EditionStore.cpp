#include "EditionStore.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/ExhibitStore.h"
#include "storage/Query.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spotlight {
namespace {

QVariant dateValue(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QString compactJson(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArrayOf(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QString criteriaJson(const QStringList& criteria)
{
    QStringList trimmed;
    for (const QString& criterion : criteria) {
        if (!criterion.trimmed().isEmpty()) {
            trimmed << criterion.trimmed();
        }
    }
    return compactJson(QJsonArray::fromStringList(trimmed));
}

QStringList criteriaFrom(const QString& json)
{
    QStringList criteria;
    for (const QJsonValue& value : jsonArrayOf(json)) {
        criteria << value.toString();
    }
    return criteria;
}

QString reviewersJson(const QList<Reviewer>& reviewers)
{
    QJsonArray array;
    for (const Reviewer& reviewer : reviewers) {
        if (reviewer.name.trimmed().isEmpty()) {
            continue;
        }
        QJsonObject object{{QStringLiteral("name"), reviewer.name.trimmed()}};
        if (!reviewer.authority.isEmpty()) {
            object.insert(QStringLiteral("authority"), reviewer.authority);
        }
        array.append(object);
    }
    return compactJson(array);
}

QList<Reviewer> reviewersFrom(const QString& json)
{
    QList<Reviewer> reviewers;
    for (const QJsonValue& value : jsonArrayOf(json)) {
        const QJsonObject object = value.toObject();
        reviewers.append(Reviewer{object.value(QStringLiteral("name")).toString(),
                                  object.value(QStringLiteral("authority")).toString()});
    }
    return reviewers;
}

// Binds the columns insert and update share, in the order they list them.
Query& bindFields(Query& query, const Edition& edition)
{
    return query.bind(edition.name.trimmed())
        .bind(edition.year)
        .bind(edition.event)
        .bind(dateValue(edition.startsOn))
        .bind(dateValue(edition.endsOn))
        .bind(edition.venue)
        .bind(edition.description)
        .bind(edition.signatoryName)
        .bind(edition.signatoryRole)
        .bind(edition.archived ? 1 : 0)
        .bind(criteriaJson(edition.criteria));
}

} // namespace

EditionStore::EditionStore(const Database& database)
    : m_database(database)
{}

qint64 EditionStore::insert(const Edition& edition)
{
    Query insert(m_database, QStringLiteral("INSERT INTO edition (name, year, event, starts_on, ends_on, venue, "
                                            "description, signatory_name, signatory_role, archived, criteria) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    return bindFields(insert, edition).singleInteger().value_or(0);
}

void EditionStore::update(const QString& name, const Edition& edition)
{
    const std::optional<qint64> id = editionId(name);
    if (!id) {
        throw Error(QStringLiteral("There is no edition called \"%1\".").arg(name));
    }
    Query update(m_database, QStringLiteral("UPDATE edition SET name = ?, year = ?, event = ?, starts_on = ?, "
                                            "ends_on = ?, venue = ?, description = ?, signatory_name = ?, "
                                            "signatory_role = ?, archived = ?, criteria = ? WHERE id = ?"));
    bindFields(update, edition).bind(*id).exec();
    if (edition.name != name) {
        ExhibitStore::touchAll(m_database, QStringLiteral("SELECT id FROM exhibit WHERE edition_id = ?"), *id);
    }
}

std::optional<Edition> EditionStore::current() const
{
    for (const Edition& edition : editions()) {
        if (!edition.archived) {
            return edition;
        }
    }
    return std::nullopt;
}

QList<Edition> EditionStore::editions() const
{
    Query rows(m_database,
               QStringLiteral("SELECT name, year, event, starts_on, ends_on, venue, description, archived, "
                              "signatory_name, signatory_role, criteria FROM edition ORDER BY year DESC, name"));
    rows.exec();
    QList<Edition> result;
    while (rows.next()) {
        Edition edition;
        edition.name = rows.text(0);
        edition.year = int(rows.integer(1));
        edition.event = rows.text(2);
        edition.startsOn = QDate::fromString(rows.text(3), Qt::ISODate);
        edition.endsOn = QDate::fromString(rows.text(4), Qt::ISODate);
        edition.venue = rows.text(5);
        edition.description = rows.text(6);
        edition.archived = rows.integer(7) != 0;
        edition.signatoryName = rows.text(8);
        edition.signatoryRole = rows.text(9);
        edition.criteria = criteriaFrom(rows.text(10));
        result.append(edition);
    }
    return result;
}

std::optional<qint64> EditionStore::editionId(const QString& name) const
{
    return m_database.statement(QStringLiteral("SELECT id FROM edition WHERE name = ?"))
        .bind(name.trimmed())
        .singleInteger();
}

QStringList EditionStore::criteriaOf(const QString& name) const
{
    return criteriaFrom(m_database.statement(QStringLiteral("SELECT criteria FROM edition WHERE name = ?"))
                            .bind(name.trimmed())
                            .singleText());
}

void EditionStore::removeEdition(const QString& name)
{
    const std::optional<qint64> id = editionId(name);
    if (!id) {
        throw Error(QStringLiteral("There is no edition called \"%1\".").arg(name));
    }
    const qint64 inUse = *Query(m_database, QStringLiteral("SELECT count(*) FROM exhibit WHERE edition_id = ?"))
                              .bind(*id)
                              .singleInteger();
    if (inUse > 0) {
        throw Error(
            QStringLiteral("\"%1\" still has %2; merge it into another edition instead, or move them "
                           "to other editions first.")
                .arg(name, inUse == 1 ? QStringLiteral("1 exhibit") : QStringLiteral("%1 exhibits").arg(inUse)));
    }
    Query(m_database, QStringLiteral("DELETE FROM category WHERE edition_id = ?")).bind(*id).exec();
    Query(m_database, QStringLiteral("DELETE FROM edition WHERE id = ?")).bind(*id).exec();
}

qint64 EditionStore::insert(const Category& category)
{
    const std::optional<qint64> edition = editionId(category.edition);
    if (!edition) {
        throw Error(QStringLiteral("The category \"%1\" names an edition that does not exist: \"%2\".")
                        .arg(category.name, category.edition));
    }
    Query insert(
        m_database,
        QStringLiteral("INSERT INTO category (edition_id, name, sponsor, description, reviewers, position) "
                       "VALUES (?, ?, ?, ?, ?, (SELECT count(*) FROM category WHERE edition_id = ?)) RETURNING id"));
    insert.bind(*edition)
        .bind(category.name)
        .bind(category.sponsor)
        .bind(category.description)
        .bind(reviewersJson(category.reviewers))
        .bind(*edition);
    return insert.singleInteger().value_or(0);
}

void EditionStore::update(const QString& name, const Category& category)
{
    const std::optional<qint64> edition = editionId(category.edition);
    const std::optional<qint64> id = edition ? categoryId(*edition, name) : std::nullopt;
    if (!id) {
        throw Error(QStringLiteral("The edition \"%1\" has no category called \"%2\".").arg(category.edition, name));
    }
    if (category.name.trimmed() != name) {
        ExhibitStore::touchAll(m_database,
                               QStringLiteral("SELECT exhibit_id FROM exhibit_category WHERE category_id = ?"), *id);
    }
    Query(m_database,
          QStringLiteral("UPDATE category SET name = ?, sponsor = ?, description = ?, reviewers = ? WHERE id = ?"))
        .bind(category.name.trimmed())
        .bind(category.sponsor)
        .bind(category.description)
        .bind(reviewersJson(category.reviewers))
        .bind(*id)
        .exec();
}

void EditionStore::remove(const Category& category)
{
    const std::optional<qint64> edition = editionId(category.edition);
    const std::optional<qint64> id = edition ? categoryId(*edition, category.name) : std::nullopt;
    if (!id) {
        throw Error(
            QStringLiteral("The edition \"%1\" has no category called \"%2\".").arg(category.edition, category.name));
    }
    const qint64 inUse =
        *Query(m_database, QStringLiteral("SELECT count(*) FROM exhibit_category WHERE category_id = ?"))
             .bind(*id)
             .singleInteger();
    if (inUse > 0) {
        throw Error(QStringLiteral("%1 in \"%2\" of %3; merge the category into another one, or move its "
                                   "exhibits to other categories first.")
                        .arg(inUse == 1 ? QStringLiteral("1 exhibit is") : QStringLiteral("%1 exhibits are").arg(inUse),
                             category.name, category.edition));
    }
    Query(m_database, QStringLiteral("DELETE FROM category WHERE id = ?")).bind(*id).exec();
}

void EditionStore::moveCategory(const Category& category, const QString& edition)
{
    const std::optional<qint64> from = editionId(category.edition);
    const std::optional<qint64> id = from ? categoryId(*from, category.name) : std::nullopt;
    if (!id) {
        throw Error(
            QStringLiteral("The edition \"%1\" has no category called \"%2\".").arg(category.edition, category.name));
    }
    const std::optional<qint64> into = editionId(edition);
    if (!into) {
        throw Error(QStringLiteral("There is no edition called \"%1\".").arg(edition));
    }
    if (categoryId(*into, category.name)) {
        throw Error(QStringLiteral("\"%1\" already has a category called \"%2\".").arg(edition, category.name));
    }
    Query(m_database, QStringLiteral("UPDATE category SET edition_id = ?, "
                                     "position = (SELECT count(*) FROM category WHERE edition_id = ?) WHERE id = ?"))
        .bind(*into)
        .bind(*into)
        .bind(*id)
        .exec();
}

QList<Category> EditionStore::categories(const QString& edition) const
{
    Query rows(m_database,
               QStringLiteral("SELECT e.name, c.name, c.sponsor, c.description, c.reviewers FROM category c "
                              "JOIN edition e ON e.id = c.edition_id "
                              "WHERE ? = '' OR e.name = ? "
                              "ORDER BY e.year DESC, e.name, c.position"));
    rows.bind(edition).bind(edition).exec();
    QList<Category> result;
    while (rows.next()) {
        result.append(Category{rows.text(0), rows.text(1), rows.text(2), rows.text(3), reviewersFrom(rows.text(4))});
    }
    return result;
}

namespace {

const QStringList EditionColumns{QStringLiteral("id"),
                                 QStringLiteral("name"),
                                 QStringLiteral("year"),
                                 QStringLiteral("event"),
                                 QStringLiteral("starts_on"),
                                 QStringLiteral("ends_on"),
                                 QStringLiteral("venue"),
                                 QStringLiteral("description"),
                                 QStringLiteral("signatory_name"),
                                 QStringLiteral("signatory_role"),
                                 QStringLiteral("archived"),
                                 QStringLiteral("criteria")};
const QStringList CategoryColumns{QStringLiteral("id"),       QStringLiteral("edition_id"),  QStringLiteral("name"),
                                  QStringLiteral("sponsor"),  QStringLiteral("description"), QStringLiteral("position"),
                                  QStringLiteral("reviewers")};
constexpr int NameColumn[] = {1, 2}; // where the name is in an edition row, and in a category row

QList<QVariantList> tableRows(const Database& database, const QString& table, const QStringList& columns)
{
    Query rows(database, QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(columns.join(QLatin1Char(',')), table));
    rows.exec();
    QList<QVariantList> result;
    while (rows.next()) {
        QVariantList row;
        for (int i = 0; i < columns.size(); ++i) {
            row << rows.value(i);
        }
        result << row;
    }
    return result;
}

QHash<qint64, QVariantList> byId(const QList<QVariantList>& rows)
{
    QHash<qint64, QVariantList> result;
    for (const QVariantList& row : rows) {
        result.insert(row.first().toLongLong(), row);
    }
    return result;
}

// Deletes the rows of `table` that `target` does not have (the caller deletes children first).
void removeMissing(const Database& database, const QString& table, const QList<QVariantList>& current,
                   const QList<QVariantList>& target)
{
    const QHash<qint64, QVariantList> wanted = byId(target);
    for (const QVariantList& row : current) {
        if (!wanted.contains(row.first().toLongLong())) {
            Query(database, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table)).bind(row.first()).exec();
        }
    }
}

// Updates and inserts the rows of `target`; returns the ids whose name changed.

QList<qint64> writeWanted(const Database& database, const QString& table, const QStringList& columns, int nameColumn,
                          const QList<QVariantList>& current, const QList<QVariantList>& target)
{
    const QHash<qint64, QVariantList> existing = byId(current);
    QStringList assignments;
    for (const QString& column : columns.mid(1)) {
        assignments << column + QStringLiteral(" = ?");
    }
    QList<qint64> renamed;
    for (const QVariantList& row : target) {
        const qint64 id = row.first().toLongLong();
        const auto found = existing.constFind(id);
        if (found != existing.constEnd() && *found == row) {
            continue;
        }
        if (found != existing.constEnd()) {
            Query update(
                database,
                QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, assignments.join(QStringLiteral(", "))));
            for (const QVariant& value : row.mid(1)) {
                update.bind(value);
            }
            update.bind(id).exec();
            if (found->at(nameColumn) != row.at(nameColumn)) {
                renamed << id;
            }
        } else {
            Query insert(database, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                       .arg(table, columns.join(QLatin1Char(',')),
                                            QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))));
            for (const QVariant& value : row) {
                insert.bind(value);
            }
            insert.exec();
        }
    }
    return renamed;
}

} // namespace

EditionStore::Rows EditionStore::rows() const
{
    return Rows{tableRows(m_database, QStringLiteral("edition"), EditionColumns),
                tableRows(m_database, QStringLiteral("category"), CategoryColumns)};
}

void EditionStore::restoreKeptRows(const Rows& target)
{
    const Rows current = rows();
    for (const qint64 id : writeWanted(m_database, QStringLiteral("edition"), EditionColumns, NameColumn[0],
                                       current.editions, target.editions)) {
        ExhibitStore::touchAll(m_database, QStringLiteral("SELECT id FROM exhibit WHERE edition_id = ?"), id);
    }
    for (const qint64 id : writeWanted(m_database, QStringLiteral("category"), CategoryColumns, NameColumn[1],
                                       current.categories, target.categories)) {
        ExhibitStore::touchAll(m_database,
                               QStringLiteral("SELECT exhibit_id FROM exhibit_category WHERE category_id = ?"), id);
    }
}

void EditionStore::removeRowsNotIn(const Rows& target)
{
    const Rows current = rows();
    // A category that exhibits are in is never removed: the cascade would take them out of it unseen.
    const QHash<qint64, QVariantList> kept = byId(target.categories);
    for (const QVariantList& row : current.categories) {
        if (kept.contains(row.first().toLongLong())) {
            continue;
        }
        const qint64 inUse =
            *Query(m_database, QStringLiteral("SELECT count(*) FROM exhibit_category WHERE category_id = ?"))
                 .bind(row.first())
                 .singleInteger();
        if (inUse > 0) {
            throw Error(QStringLiteral("%1 exhibit(s) are now in the category \"%2\", so it cannot be taken away.")
                            .arg(inUse)
                            .arg(row.at(NameColumn[1]).toString()));
        }
    }
    removeMissing(m_database, QStringLiteral("category"), current.categories, target.categories);
    removeMissing(m_database, QStringLiteral("edition"), current.editions, target.editions);
}

std::optional<qint64> EditionStore::categoryId(qint64 editionId, const QString& name) const
{
    return m_database.statement(QStringLiteral("SELECT id FROM category WHERE edition_id = ? AND name = ?"))
        .bind(editionId)
        .bind(name.trimmed())
        .singleInteger();
}

} // namespace spotlight
