#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

// Lists as compact JSON arrays: how storage binds many ids or names to one `json_each(?)`, and how
// it keeps a list in one column.
inline QString jsonList(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

inline QString jsonList(const QList<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids) {
        array.append(id);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace spotlight
