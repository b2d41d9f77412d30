#pragma once

#include <QString>

namespace spotlight {

// A category of one edition, with the regional group that sponsors and reviews it.
struct Category
{
    QString edition; // the edition's name
    QString name;    // unique within its edition
    QString sponsor;
    QString description;

    friend bool operator==(const Category&, const Category&) = default;
};

} // namespace spotlight
