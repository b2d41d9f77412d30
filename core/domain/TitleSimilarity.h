#pragma once

#include <QString>

namespace spotlight {

// How alike two exhibit titles are, from 0 (nothing shared) to 1 (the same once normalised), for
// spotting a submission that is already in the catalogue under a slightly different title.
//
// Both titles are normalised first: case, accents and punctuation dropped ("&" reads "and"), and
// the words that carry no meaning in a title removed ("the", "a", "an", "and", "of", "for", "in",
// "to", "with", "on", "our", "project", "programme", "service"). The score is the Dice coefficient of
// the two normalised titles' character bigrams: 2 x shared bigrams / all bigrams. It is forgiving
// of word order, plurals and typos: "Mockingbird Programme" and "The Mockingbird programme" score
// 1.0, "Care Journeys" and "Care Journey" 0.95, unrelated titles below 0.3.
double titleSimilarity(const QString& a, const QString& b);

// Scores at or above this are shown as possible duplicates.
constexpr double DuplicateTitleThreshold = 0.75;

} // namespace spotlight
