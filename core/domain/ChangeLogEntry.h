#pragma once

#include <QDateTime>
#include <QString>

namespace spotlight {

// One recorded change: who did what to which exhibit, and the value before and after.
struct ChangeLogEntry
{
    QDateTime at;
    QString who;
    QString exhibitRef;
    QString action; // "create", "update", "delete", "tag", "status", "import" ...
    QString field;
    QString before;
    QString after;
};

} // namespace spotlight
