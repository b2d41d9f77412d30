#pragma once

#include <QString>

namespace spotlight {

struct SavedSearch
{
    QString name;
    QString query;

    friend bool operator==(const SavedSearch&, const SavedSearch&) = default;
};

} // namespace spotlight
