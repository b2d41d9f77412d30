#include "Authority.h"

#include "TextFold.h"

namespace spotlight {

QStringList Authority::names() const
{
    return QStringList{name, shortName, gssCode} + aliases;
}

bool Authority::isCalled(const QString& typed) const
{
    const QString key = foldForMatching(typed);
    for (const QString& known : names()) {
        if (foldForMatching(known) == key) {
            return true;
        }
    }
    return false;
}

QStringList authorityKeysFor(const QString& typed)
{
    static const QStringList prefixes{
        QStringLiteral("the "),
        QStringLiteral("london borough of "),
        QStringLiteral("royal borough of "),
        QStringLiteral("borough of "),
        QStringLiteral("lb of "),
        QStringLiteral("lb "),
        QStringLiteral("rb "),
        QStringLiteral("city of "),
    };
    static const QStringList suffixes{
        QStringLiteral(" london borough council"),
        QStringLiteral(" borough council"),
        QStringLiteral(" city council"),
        QStringLiteral(" council"),
        QStringLiteral(" corporation"),
        QStringLiteral(" london borough"),
        QStringLiteral(" borough"),
    };
    const QString folded = foldForMatching(typed);
    QStringList keys{folded};
    const auto add = [&keys](const QString& key) {
        if (!key.isEmpty() && !keys.contains(key)) {
            keys << key;
        }
    };
    QStringList withoutPrefix{folded};
    for (const QString& prefix : prefixes) {
        if (folded.startsWith(prefix)) {
            withoutPrefix << folded.mid(prefix.size());
        }
    }
    for (const QString& key : withoutPrefix) {
        add(key);
        for (const QString& suffix : suffixes) {
            if (key.endsWith(suffix)) {
                add(key.chopped(suffix.size()));
            }
        }
    }
    return keys;
}

} // namespace spotlight
