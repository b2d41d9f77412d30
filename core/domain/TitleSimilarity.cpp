#include "TitleSimilarity.h"

#include "TextFold.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace spotlight {
namespace {

QString normalisedTitle(const QString& title)
{
    static const QSet<QString> meaningless{
        QStringLiteral("the"), QStringLiteral("a"),   QStringLiteral("an"),      QStringLiteral("and"),
        QStringLiteral("of"),  QStringLiteral("for"), QStringLiteral("in"),      QStringLiteral("to"),
        QStringLiteral("with"), QStringLiteral("on"), QStringLiteral("our"),     QStringLiteral("project"),
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

} // namespace spotlight
