#pragma once

#include <QString>

namespace spotlight {

struct SavedSearch
{
    QString name;
    QString query;
};

} // namespace spotlight
