#pragma once

#include <QString>

namespace spotlight {

// Another exhibit, named where one exhibit points at it (a resubmission and the exhibit it
// submits again): enough to say which edition it belongs to and to go to it.
struct ExhibitMention
{
    QString ref;
    QString title;
    QString edition; // the edition's name, or empty
    int year = 0;    // the edition's year, or 0

    // "2025", or the edition's name when it has no year, or empty without an edition.
    QString when() const { return year > 0 ? QString::number(year) : edition; }
    friend bool operator==(const ExhibitMention&, const ExhibitMention&) = default;
};

} // namespace spotlight
