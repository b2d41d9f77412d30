#pragma once

#include "Panel.h"

#include <QDate>
#include <QString>

namespace spotlight {

// One Practice Spotlight cycle and its live event.
struct Edition
{
    QString name; // "Practice Spotlight 2025": unique, and how files refer to it
    int year = 0;
    QString event; // "London Children's Services Summit 2025"
    QDate startsOn;
    QDate endsOn;
    QString venue;
    QString description;
    // Who signs the edition's letters of recognition.
    QString signatoryName;
    QString signatoryRole;
    // An archived edition's exhibits stay searchable; new exhibits and categories go to current ones.
    bool archived = false;
    // What the sponsoring panels score each exhibit against, 1 to 4.
    QStringList criteria = Panel::standardCriteria();

    friend bool operator==(const Edition&, const Edition&) = default;
};

} // namespace spotlight
