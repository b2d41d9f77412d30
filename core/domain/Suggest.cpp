#include "Suggest.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace spotlight {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters each cost one.
int editDistance(QStringView a, QStringView b)
{
    const qsizetype width = b.size() + 1;
    QList<int> twoBack(width);
    QList<int> previous(width);
    QList<int> current(width);
    for (qsizetype j = 0; j < width; ++j) {
        previous[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j < width; ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
            }
        }
        twoBack = previous;
        previous = current;
    }
    return previous[b.size()];
}

} // namespace

QStringList closestMatches(const QString& typed, const QStringList& candidates, int limit)
{
    const QString needle = typed.toCaseFolded();
    // Allow about one slip in two letters: "bourgh" is three edits from "borough". The closest
    // candidates still come first.
    const int tolerance = std::max<int>(1, int(needle.size() + 1) / 2);
    QList<std::pair<int, QString>> scored;
    for (const QString& candidate : candidates) {
        const QString folded = candidate.toCaseFolded();
        int distance = editDistance(needle, folded);
        if (folded.startsWith(needle) && needle.size() >= 3) {
            distance = std::min(distance, 1);
        }
        if (distance <= tolerance) {
            scored.append({distance, candidate});
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList result;
    for (const auto& [distance, candidate] : scored) {
        if (result.size() == limit) {
            break;
        }
        if (!result.contains(candidate)) {
            result << candidate;
        }
    }
    return result;
}

} // namespace spotlight
