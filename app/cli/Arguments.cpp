#include "Arguments.h"

namespace spotlight::cli {

Arguments::Arguments(const QStringList& words, const QSet<QString>& valueOptions, const QSet<QString>& flags)
{
    bool onlyPositional = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        if (onlyPositional || !word.startsWith(QLatin1String("--"))) {
            m_positional << word;
            continue;
        }
        if (word == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        const QString name = word.mid(2, equals < 0 ? -1 : equals - 2);
        if (valueOptions.contains(name)) {
            if (equals >= 0) {
                m_values.insert(name, word.mid(equals + 1));
            } else if (i + 1 < words.size()) {
                m_values.insert(name, words.at(++i));
            } else {
                throw UsageError(QStringLiteral("--%1 needs a value").arg(name));
            }
        } else if (flags.contains(name) && equals < 0) {
            m_flags.insert(name);
        } else {
            throw UsageError(QStringLiteral("unknown option %1").arg(word));
        }
    }
}

int Arguments::integer(const QString& option, int fallback) const
{
    if (!m_values.contains(option)) {
        return fallback;
    }
    bool ok = false;
    const int number = m_values.value(option).toInt(&ok);
    if (!ok || number < 0) {
        throw UsageError(QStringLiteral("--%1 needs a whole number, not \"%2\"").arg(option, m_values.value(option)));
    }
    return number;
}

QString Arguments::choice(const QString& option, const QStringList& allowed, const QString& fallback) const
{
    if (!m_values.contains(option)) {
        return fallback;
    }
    const QString chosen = m_values.value(option).toLower();
    if (!allowed.contains(chosen)) {
        throw UsageError(QStringLiteral("--%1 must be one of %2, not \"%3\"")
                             .arg(option, allowed.join(QStringLiteral(", ")), m_values.value(option)));
    }
    return chosen;
}

void Arguments::requireCount(qsizetype minimum, qsizetype maximum, const QString& usage) const
{
    if (m_positional.size() < minimum || m_positional.size() > maximum) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
    }
}

} // namespace spotlight::cli
