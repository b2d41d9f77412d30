#pragma once

#include "domain/Tag.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace spotlight {

class Database;

// Hierarchical tags and which exhibits carry them. Names are always normalised (see
// normaliseTagName); callers may pass what a person typed.
class TagStore
{
public:
    explicit TagStore(const Database& database);

    // The tag's id, creating it when it is new.
    qint64 ensure(const QString& name);
    QList<Tag> all() const;
    // Only the tags that have a colour: cheap, unlike all(), which counts every use.
    QHash<QString, QString> colours() const;

    // Returns the number of exhibits that gained (or lost) a tag.
    int add(qint64 exhibitId, const QStringList& names);
    int remove(qint64 exhibitId, const QStringList& names);
    // The same for many exhibits at once, one statement per tag rather than one per exhibit: FTS5
    // writes out its pending index at the end of every statement, so a statement per exhibit costs
    // an index segment each. Returns how many tags each exhibit that changed gained (or lost).
    QHash<qint64, int> change(const QList<qint64>& exhibitIds, const QStringList& names, bool add);

    // Renames `from` and its children ("send" -> "sen" renames "send/autism" too). Where a new name
    // already exists the two are merged. Returns the number of tags renamed.
    int rename(const QString& from, const QString& to);
    // Moves every use of each of `from` onto `into` and deletes them. Returns exhibits affected.
    int merge(const QStringList& from, const QString& into);
    void setColour(const QString& name, const QString& colour);

    // For undo. The tags named `roots` and their children, with colours, by name.
    QList<Tag> families(const QStringList& roots) const;
    // The ids of the exhibits carrying any of `names`.
    QList<qint64> carriers(const QStringList& names) const;
    // Deletes the tag unless an exhibit still carries it.
    void removeIfUnused(const QString& name);

private:
    std::optional<qint64> idOf(const QString& normalisedName) const;
    void mergeInto(qint64 fromId, qint64 intoId);
    void touchTagged(qint64 tagId) const;

    const Database& m_database;
};

} // namespace spotlight
