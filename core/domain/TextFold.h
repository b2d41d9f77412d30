#pragma once

#include <QString>

namespace spotlight {

// Folds text for matching names typed by people: case and accents are dropped, '&' reads as "and",
// and every run of other characters becomes one space. "Kensington & Chelsea" and
// "kensington and chelsea" fold to the same key.
QString foldForMatching(const QString& text);

// A key that sorts titles the way people expect: case and accents are ignored and numbers sort by
// value, so "Barking" == "barking" and "Project 2" comes before "Project 10". Stored beside the
// title so that SQL can sort 100,000 rows through an index.
QString titleSortKey(const QString& title);

// A slug for refs: "Mockingbird Service" -> "mockingbird-service".
QString slugify(const QString& text);

// Removes accents: "Café" -> "Cafe".
QString stripDiacritics(const QString& text);

} // namespace spotlight
