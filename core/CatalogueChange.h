#pragma once

#include <QFlags>
#include <QStringList>

namespace spotlight {

// What one write changed, so that each view refreshes only what it shows of it: the list its rows,
// the search bar its completions, the filters their counts.
struct CatalogueChange
{
    enum Kind
    {
        Exhibits = 0x01,
        Tags = 0x02,
        Editions = 0x04,
        Categories = 0x08,
        SavedSearches = 0x10,
        PrivacyReviews = 0x20,
        Everything = 0x3f,
    };
    Q_DECLARE_FLAGS(Kinds, Kind)

    Kinds kinds;
    // The exhibits changed, added or deleted, by ref; empty with Exhibits set means any of them.
    QStringList refs;
    // Made by another window, process or person, and noticed by Catalogue::pollForChanges().
    bool elsewhere = false;

    bool touches(Kind kind) const { return kinds.testFlag(kind); }
};

Q_DECLARE_OPERATORS_FOR_FLAGS(CatalogueChange::Kinds)

} // namespace spotlight
