#include "TagStore.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/ExhibitStore.h"
#include "storage/JsonLists.h"
#include "storage/Query.h"

#include <QColor>

namespace spotlight {
namespace {

QString normalisedOrFail(const QString& name)
{
    const QString normalised = normaliseTagName(name);
    if (normalised.isEmpty()) {
        throw Error(
            QStringLiteral("\"%1\" is not a usable tag name: it needs at least one letter or digit.").arg(name));
    }
    return normalised;
}

} // namespace

TagStore::TagStore(const Database& database)
    : m_database(database)
{}

std::optional<qint64> TagStore::idOf(const QString& normalisedName) const
{
    return m_database.statement(QStringLiteral("SELECT id FROM tag WHERE name = ?"))
        .bind(normalisedName)
        .singleInteger();
}

qint64 TagStore::ensure(const QString& name)
{
    const QString normalised = normalisedOrFail(name);
    if (const auto existing = idOf(normalised)) {
        return *existing;
    }
    return m_database.statement(QStringLiteral("INSERT INTO tag (name) VALUES (?) RETURNING id"))
        .bind(normalised)
        .singleInteger()
        .value_or(0);
}

QList<Tag> TagStore::all() const
{
    Query rows(m_database, QStringLiteral("SELECT t.name, t.colour, count(et.exhibit_id) FROM tag t "
                                          "LEFT JOIN exhibit_tag et ON et.tag_id = t.id "
                                          "GROUP BY t.id ORDER BY t.name"));
    rows.exec();
    QList<Tag> result;
    while (rows.next()) {
        result.append(Tag{rows.text(0), rows.text(1), int(rows.integer(2))});
    }
    return result;
}

QHash<QString, QString> TagStore::colours() const
{
    Query rows(m_database, QStringLiteral("SELECT name, colour FROM tag WHERE colour <> ''"));
    rows.exec();
    QHash<QString, QString> result;
    while (rows.next()) {
        result.insert(rows.text(0), rows.text(1));
    }
    return result;
}

int TagStore::add(qint64 exhibitId, const QStringList& names)
{
    Query& insert = m_database.statement(QStringLiteral("INSERT INTO exhibit_tag (exhibit_id, tag_id) VALUES (?, ?) "
                                                        "ON CONFLICT DO NOTHING"));
    int added = 0;
    for (const QString& name : names) {
        const qint64 tagId = ensure(name);
        insert.bind(exhibitId).bind(tagId).exec();
        added += insert.rowsAffected();
    }
    return added;
}

int TagStore::remove(qint64 exhibitId, const QStringList& names)
{
    Query& remove = m_database.statement(QStringLiteral("DELETE FROM exhibit_tag WHERE exhibit_id = ? "
                                                        "AND tag_id = (SELECT id FROM tag WHERE name = ?)"));
    int removed = 0;
    for (const QString& name : names) {
        const QString normalised = normalisedOrFail(name);
        remove.bind(exhibitId).bind(normalised).exec();
        removed += remove.rowsAffected();
    }
    return removed;
}

QHash<qint64, int> TagStore::change(const QList<qint64>& exhibitIds, const QStringList& names, bool add)
{
    const QString ids = jsonList(exhibitIds);
    QHash<qint64, int> changed;
    for (const QString& name : names) {
        const std::optional<qint64> tagId = add ? std::optional(ensure(name)) : idOf(normalisedOrFail(name));
        if (!tagId) {
            continue;
        }
        // Placeholders in the order they are bound: the exhibits, then the tag.
        const QString wanted = m_database.sql().integersIn();
        Query affected(m_database, add ? QStringLiteral("SELECT value FROM (%1) AS wanted WHERE value NOT IN "
                                                        "(SELECT exhibit_id FROM exhibit_tag WHERE tag_id = ?)")
                                             .arg(wanted)
                                       : QStringLiteral("SELECT exhibit_id FROM exhibit_tag WHERE exhibit_id IN "
                                                        "(%1) AND tag_id = ?")
                                             .arg(wanted));
        affected.bind(ids).bind(*tagId).exec();
        while (affected.next()) {
            ++changed[affected.integer(0)];
        }
        // SQLite reads "ON CONFLICT" after a SELECT without WHERE as a join constraint.
        Query(m_database,
              add ? QStringLiteral("INSERT INTO exhibit_tag (exhibit_id, tag_id) SELECT value, tag.id "
                                   "FROM (%1) AS wanted, tag WHERE tag.id = ? ON CONFLICT DO NOTHING")
                        .arg(wanted)
                  : QStringLiteral("DELETE FROM exhibit_tag WHERE exhibit_id IN (%1) AND tag_id = ?").arg(wanted))
            .bind(ids)
            .bind(*tagId)
            .exec();
    }
    return changed;
}

void TagStore::mergeInto(qint64 fromId, qint64 intoId)
{
    touchTagged(fromId);
    Query(m_database, QStringLiteral("INSERT INTO exhibit_tag (exhibit_id, tag_id) "
                                     "SELECT exhibit_id, ? FROM exhibit_tag WHERE tag_id = ? ON CONFLICT DO NOTHING"))
        .bind(intoId)
        .bind(fromId)
        .exec();
    Query(m_database, QStringLiteral("DELETE FROM tag WHERE id = ?")).bind(fromId).exec();
}

int TagStore::rename(const QString& from, const QString& to)
{
    const QString oldName = normalisedOrFail(from);
    const QString newName = normalisedOrFail(to);
    if (oldName == newName) {
        return 0;
    }
    if (newName.startsWith(oldName + QLatin1Char('/'))) {
        throw Error(QStringLiteral("Cannot rename the tag \"%1\" to \"%2\": a tag cannot move under itself.")
                        .arg(oldName, newName));
    }
    // The tag and its children: "send" and "send/..." but not "sendai". '0' follows '/' in code order.
    Query family(m_database, QStringLiteral("SELECT id, name FROM tag WHERE name = ? "
                                            "OR (name >= ? AND name < ?) ORDER BY name"));
    family.bind(oldName).bind(oldName + QLatin1Char('/')).bind(oldName + QLatin1Char('0')).exec();
    QList<std::pair<qint64, QString>> renames;
    while (family.next()) {
        renames.append({family.integer(0), newName + family.text(1).mid(oldName.size())});
    }
    if (renames.isEmpty()) {
        throw Error(QStringLiteral("There is no tag \"%1\" to rename.").arg(oldName));
    }
    Query update(m_database, QStringLiteral("UPDATE tag SET name = ? WHERE id = ?"));
    for (const auto& [id, name] : renames) {
        if (const auto existing = idOf(name)) {
            mergeInto(id, *existing);
        } else {
            touchTagged(id);
            update.bind(name).bind(id).exec();
        }
    }
    return int(renames.size());
}

int TagStore::merge(const QStringList& from, const QString& into)
{
    const qint64 intoId = ensure(into);
    int affected = 0;
    for (const QString& name : from) {
        const auto fromId = idOf(normalisedOrFail(name));
        if (!fromId) {
            throw Error(QStringLiteral("There is no tag \"%1\" to merge.").arg(normaliseTagName(name)));
        }
        if (*fromId == intoId) {
            continue;
        }
        Query count(m_database, QStringLiteral("SELECT count(*) FROM exhibit_tag WHERE tag_id = ?"));
        count.bind(*fromId).exec();
        affected += count.next() ? int(count.integer(0)) : 0;
        mergeInto(*fromId, intoId);
    }
    return affected;
}

QList<Tag> TagStore::families(const QStringList& roots) const
{
    // '0' follows '/' in code order, so [root/, root0) holds exactly the children.
    Query rows(m_database,
               QStringLiteral("SELECT name, colour FROM tag WHERE name = ? OR (name >= ? AND name < ?) ORDER BY name"));
    QList<Tag> found;
    for (const QString& root : roots) {
        const QString name = normalisedOrFail(root);
        rows.bind(name).bind(name + QLatin1Char('/')).bind(name + QLatin1Char('0')).exec();
        while (rows.next()) {
            if (std::none_of(found.begin(), found.end(),
                             [&rows](const Tag& tag) { return tag.name == rows.text(0); })) {
                found.append(Tag{rows.text(0), rows.text(1), 0});
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const Tag& a, const Tag& b) { return a.name < b.name; });
    return found;
}

QList<qint64> TagStore::carriers(const QStringList& names) const
{
    Query rows(m_database, QStringLiteral("SELECT DISTINCT et.exhibit_id FROM exhibit_tag et JOIN tag t ON t.id = "
                                          "et.tag_id WHERE t.name IN (%1) ORDER BY 1")
                               .arg(m_database.sql().textsIn()));
    rows.bind(jsonList(names)).exec();
    QList<qint64> ids;
    while (rows.next()) {
        ids << rows.integer(0);
    }
    return ids;
}

void TagStore::removeIfUnused(const QString& name)
{
    Query(m_database, QStringLiteral("DELETE FROM tag WHERE name = ? AND id NOT IN (SELECT tag_id FROM exhibit_tag)"))
        .bind(normalisedOrFail(name))
        .exec();
}

void TagStore::touchTagged(qint64 tagId) const
{
    ExhibitStore::touchAll(m_database, QStringLiteral("SELECT exhibit_id FROM exhibit_tag WHERE tag_id = ?"), tagId);
}

void TagStore::setColour(const QString& name, const QString& colour)
{
    if (!isTagColour(colour)) {
        throw Error(QStringLiteral("\"%1\" is not a colour: use a name such as \"teal\" or a code such as \"#1b7f79\".")
                        .arg(colour));
    }
    const QString stored = colour.isEmpty() ? QString() : QColor::fromString(colour).name();
    const qint64 id = ensure(name);
    Query(m_database, QStringLiteral("UPDATE tag SET colour = ? WHERE id = ?")).bind(stored).bind(id).exec();
}

} // namespace spotlight
