#pragma once

#include <QList>
#include <QString>

#include <memory>

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

// Finds, among many titles, the pairs in the same group (an exhibit's lead authority) that score
// at least DuplicateTitleThreshold, without comparing every pair: an import of 100,000 rows
// would otherwise make billions of comparisons. Titles are added in order and each is matched
// against those added before it. Only pairs that share one of their rarest bigrams are scored
// (prefix filtering: two bigram sets this alike must share one of the rarest
// 1 + size - ceil(size x t / (2 - t)) of each), which finds exactly the pairs titleSimilarity()
// would.
class SimilarTitles
{
public:
    struct Title
    {
        QString group;
        QString title;
    };
    struct Match
    {
        qsizetype index; // into the titles given to the constructor
        double similarity;
    };

    // Every title that will be added, so that bigrams can be ordered by how rare they are.
    explicit SimilarTitles(const QList<Title>& titles);
    ~SimilarTitles();

    // The titles added before `index` in its group that resemble it; then adds it.
    QList<Match> matchAndAdd(qsizetype index);
    void add(qsizetype index);

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace spotlight
