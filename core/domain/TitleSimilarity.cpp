#include "TitleSimilarity.h"

#include "TextFold.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace spotlight {
namespace {

QString normalisedTitle(const QString& title)
{
    static const QSet<QString> meaningless{
        QStringLiteral("the"),       QStringLiteral("a"),       QStringLiteral("an"),  QStringLiteral("and"),
        QStringLiteral("of"),        QStringLiteral("for"),     QStringLiteral("in"),  QStringLiteral("to"),
        QStringLiteral("with"),      QStringLiteral("on"),      QStringLiteral("our"), QStringLiteral("project"),
        QStringLiteral("programme"), QStringLiteral("service"),
    };
    QStringList kept;
    for (const QString& word : foldForMatching(title).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!meaningless.contains(word)) {
            kept << word;
        }
    }
    return kept.join(QLatin1Char(' '));
}

// A title's bigrams as a set: the k-th repeat of a bigram is a token of its own, so that the size
// of two sets' intersection is the number of bigrams the two titles share.
QList<quint64> bigramTokens(const QString& text)
{
    QHash<quint32, quint32> seen;
    QList<quint64> tokens;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        const quint32 bigram = (quint32(text.at(i).unicode()) << 16) | text.at(i + 1).unicode();
        tokens << ((quint64(seen[bigram]++) << 32) | bigram);
    }
    return tokens;
}

QHash<QString, int> bigrams(const QString& text)
{
    QHash<QString, int> counts;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        ++counts[text.mid(i, 2)];
    }
    return counts;
}

} // namespace

double titleSimilarity(const QString& a, const QString& b)
{
    const QString left = normalisedTitle(a);
    const QString right = normalisedTitle(b);
    if (left.isEmpty() || right.isEmpty()) {
        return 0.0;
    }
    if (left == right) {
        return 1.0;
    }
    const QHash<QString, int> leftBigrams = bigrams(left);
    const QHash<QString, int> rightBigrams = bigrams(right);
    int shared = 0;
    for (auto it = leftBigrams.cbegin(); it != leftBigrams.cend(); ++it) {
        shared += std::min(it.value(), rightBigrams.value(it.key()));
    }
    const qsizetype total = (left.size() - 1) + (right.size() - 1);
    return total > 0 ? 2.0 * shared / double(total) : 0.0;
}

struct SimilarTitles::Data
{
    QList<Title> titles;
    // Per title, its bigram tokens as ranks in one global order, rarest first: two titles' shared
    // bigrams are then counted by walking both lists once.
    QList<QList<int>> tokens;
    // group -> prefix token -> (title added, the token's position in that title's list)
    QHash<QString, QHash<int, QList<std::pair<qsizetype, qsizetype>>>> index;
};

namespace {

// How many of its rarest tokens a set of `size` must be indexed and probed by.
qsizetype prefixLength(qsizetype size)
{
    if (size == 0) {
        return 0; // nothing left once normalised ("The"): alike to nothing
    }
    const double t = DuplicateTitleThreshold;
    const auto minimumOverlap = qsizetype(std::ceil(t * double(size) / (2.0 - t) - 1e-9));
    return std::max<qsizetype>(0, size - minimumOverlap + 1);
}

} // namespace

SimilarTitles::SimilarTitles(const QList<Title>& titles)
    : d(std::make_unique<Data>())
{
    d->titles = titles;
    QList<QList<quint64>> raw;
    raw.reserve(titles.size());
    QHash<quint64, int> frequency;
    for (const Title& title : titles) {
        raw << bigramTokens(normalisedTitle(title.title));
        for (const quint64 token : raw.last()) {
            ++frequency[token];
        }
    }
    QList<quint64> order = frequency.keys();
    std::sort(order.begin(), order.end(), [&frequency](quint64 a, quint64 b) {
        const int fa = frequency.value(a);
        const int fb = frequency.value(b);
        return fa != fb ? fa < fb : a < b;
    });
    QHash<quint64, int> rank;
    for (qsizetype i = 0; i < order.size(); ++i) {
        rank.insert(order.at(i), int(i));
    }
    d->tokens.reserve(raw.size());
    for (const QList<quint64>& tokens : raw) {
        QList<int> ranks;
        ranks.reserve(tokens.size());
        for (const quint64 token : tokens) {
            ranks << rank.value(token);
        }
        std::sort(ranks.begin(), ranks.end());
        d->tokens << ranks;
    }
}

SimilarTitles::~SimilarTitles() = default;

QList<SimilarTitles::Match> SimilarTitles::matchAndAdd(qsizetype index)
{
    const double t = DuplicateTitleThreshold;
    const QList<int>& tokens = d->tokens.at(index);
    const auto size = double(tokens.size());
    const auto group = d->index.constFind(d->titles.at(index).group);
    QList<Match> matches;
    if (group != d->index.constEnd()) {
        // Shared prefix tokens so far, per candidate; a candidate that can no longer reach the
        // overlap it needs, even if every token left were shared, is dropped (PPJoin's
        // positional filter). So is one whose length alone rules it out.
        QHash<qsizetype, int> shared;
        QSet<qsizetype> ruledOut;
        for (qsizetype i = 0; i < prefixLength(tokens.size()); ++i) {
            for (const auto& [other, position] : group->value(tokens.at(i))) {
                const auto otherSize = double(d->tokens.at(other).size());
                if (ruledOut.contains(other) || otherSize < size * t / (2 - t) || otherSize > size * (2 - t) / t) {
                    continue;
                }
                const double needed = std::ceil(t * (size + otherSize) / 2 - 1e-9);
                const double possible =
                    shared.value(other) + 1 + std::min(size - double(i) - 1, otherSize - double(position) - 1);
                if (possible >= needed) {
                    ++shared[other];
                } else {
                    ruledOut.insert(other);
                    shared.remove(other);
                }
            }
        }
        QList<qsizetype> candidates = shared.keys();
        std::sort(candidates.begin(), candidates.end());
        for (const qsizetype other : candidates) {
            const QList<int>& theirs = d->tokens.at(other);
            qsizetype common = 0;
            for (qsizetype i = 0, j = 0; i < tokens.size() && j < theirs.size();) {
                if (tokens.at(i) == theirs.at(j)) {
                    ++common, ++i, ++j;
                } else if (tokens.at(i) < theirs.at(j)) {
                    ++i;
                } else {
                    ++j;
                }
            }
            const double similarity = 2.0 * double(common) / double(tokens.size() + theirs.size());
            if (similarity >= DuplicateTitleThreshold) {
                matches << Match{other, similarity};
            }
        }
    }
    add(index);
    return matches;
}

void SimilarTitles::add(qsizetype index)
{
    const QList<int>& tokens = d->tokens.at(index);
    auto& group = d->index[d->titles.at(index).group];
    for (qsizetype i = 0; i < prefixLength(tokens.size()); ++i) {
        group[tokens.at(i)] << std::pair{index, i};
    }
}

} // namespace spotlight
