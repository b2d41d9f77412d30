#pragma once

#include "Exhibit.h"

#include <QList>
#include <QString>

namespace spotlight {

// One field that differs between two states of an exhibit, as text a person can read in the
// change history.
struct FieldChange
{
    QString field; // the CSV column or JSON key: "title", "lead_authority", "evidence" ...
    QString before;
    QString after;
};

// Every field that differs, in the order of the editor's form; lists are written "; "-separated,
// evidence and reviews one line each.
QList<FieldChange> changedFields(const Exhibit& before, const Exhibit& after);

} // namespace spotlight
