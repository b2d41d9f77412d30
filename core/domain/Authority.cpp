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

} // namespace spotlight
