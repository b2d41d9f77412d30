#pragma once

#include "Error.h"
#include "domain/Exhibit.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace spotlight {

// The version of each exhibit (by ref) that a change was made against: what a window's list or
// editor showed when the person chose to make it.
using ExpectedVersions = QHash<QString, qint64>;

// One exhibit that changed after it was read: who changed it last, when, and which fields.
struct Conflict
{
    QString ref;
    std::optional<Exhibit> current; // none when it was deleted
    QString changedBy;
    QDateTime changedAt;
    QStringList fields;
};

// A change refused, with nothing written, because exhibits it was made against have changed since
// they were read (in another window, by the command line, or by another curator). The message names
// them; front ends may offer to reload or to overwrite on purpose.
class ConflictError : public Error
{
public:
    explicit ConflictError(QList<Conflict> conflicts);
    const QList<Conflict>& conflicts() const { return m_conflicts; }

private:
    QList<Conflict> m_conflicts;
};

} // namespace spotlight
