#include "Suggest.h"

#include <QList>

#include <algorithm>
#include <utility>

namespace spotlight {
namespace {

int editDistance(QStringView a, QStringView b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) {
        previous[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace

QStringList closestMatches(const QString& typed, const QStringList& candidates, int limit)
{
    const QString needle = typed.toCaseFolded();
    // Allow about one slip in three letters, and always one.
    const int tolerance = std::max<int>(1, int(needle.size()) / 3);
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
