#pragma once

#include <QString>

namespace spotlight {

// A free label, hierarchical with '/': "practice/anti-racist" is a child of "practice".
struct Tag
{
    QString name;   // normalised, see normaliseTagName()
    QString colour; // "#rrggbb" or empty
    int usage = 0;  // exhibits carrying this tag itself (not its children)
};

// The rule that makes "Care Leavers", "care_leavers" and "care-leavers" one tag: case and accents
// are folded, '&' becomes "and", every run of other characters that are not letters or digits
// becomes one '-', and '/' separates levels. Empty levels are dropped. Returns empty when nothing
// is left.
QString normaliseTagName(const QString& text);

// Tags under "internal/" are the curators' own ("internal/shortlist", "internal/follow-up"): the
// catalogue searches them like any other, and no published form (booklet, web showcase) shows them.
inline constexpr char CuratorsTagRoot[] = "internal";
bool isCuratorsTag(const QString& name);
// A tag as a reader would write it: "care-leavers" is "Care leavers", "practice/anti-racist" is
// "Practice: anti racist".
QString tagDisplayName(const QString& name);

// Whether `colour` can be a tag's colour: empty (none), a name such as "teal" or a code such as
// "#1b7f79".
bool isTagColour(const QString& colour);

} // namespace spotlight
