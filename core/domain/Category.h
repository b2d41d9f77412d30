#pragma once

#include "Panel.h"

#include <QList>
#include <QString>

namespace spotlight {

// A category of one edition, with the regional group that sponsors and reviews it.
struct Category
{
    QString edition; // the edition's name
    QString name;    // unique within its edition
    QString sponsor;
    QString description;
    // The sponsoring group's members who score the category's exhibits.
    QList<Reviewer> reviewers = {};

    friend bool operator==(const Category&, const Category&) = default;
};

} // namespace spotlight
