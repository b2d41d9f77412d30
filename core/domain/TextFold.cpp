#include "TextFold.h"

namespace spotlight {

QString stripDiacritics(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining &&
            c.category() != QChar::Mark_Enclosing) {
            result.append(c);
        }
    }
    return result;
}

namespace {

// Lower-cased, accent-free words joined by `separator`; '&' counts as the word "and".
QString foldedWords(const QString& text, QChar separator)
{
    const QString plain = stripDiacritics(text).toCaseFolded();
    QString result;
    result.reserve(plain.size());
    bool pendingSeparator = false;
    auto appendWord = [&](QStringView word) {
        if (pendingSeparator && !result.isEmpty()) {
            result.append(separator);
        }
        pendingSeparator = false;
        result.append(word);
    };
    for (const QChar c : plain) {
        if (c.isLetterOrNumber()) {
            appendWord(QStringView(&c, 1));
        } else if (c == QLatin1Char('&')) {
            pendingSeparator = true;
            appendWord(u"and");
            pendingSeparator = true;
        } else {
            pendingSeparator = true;
        }
    }
    return result;
}

} // namespace

QString foldForMatching(const QString& text)
{
    return foldedWords(text, QLatin1Char(' '));
}

QString slugify(const QString& text)
{
    return foldedWords(text, QLatin1Char('-'));
}

QString titleSortKey(const QString& title)
{
    // Digit runs are left-padded to a fixed width so that they compare by value as text.
    constexpr int NumberWidth = 12;
    const QString folded = foldForMatching(title);
    QString key;
    key.reserve(folded.size() + 8);
    qsizetype i = 0;
    while (i < folded.size()) {
        if (!folded.at(i).isDigit()) {
            key.append(folded.at(i++));
            continue;
        }
        qsizetype end = i;
        while (end < folded.size() && folded.at(end).isDigit()) {
            ++end;
        }
        QStringView digits = QStringView(folded).mid(i, end - i);
        while (digits.size() > 1 && digits.front() == QLatin1Char('0')) {
            digits = digits.mid(1);
        }
        key.append(QString(qMax<qsizetype>(0, NumberWidth - digits.size()), QLatin1Char('0')));
        key.append(digits);
        i = end;
    }
    return key;
}

} // namespace spotlight
