#include "Tag.h"

#include "TextFold.h"

#include <QColor>
#include <QStringList>

namespace spotlight {

QString normaliseTagName(const QString& text)
{
    QStringList levels;
    for (const QString& level : text.split(QLatin1Char('/'))) {
        const QString slug = slugify(level);
        if (!slug.isEmpty()) {
            levels << slug;
        }
    }
    return levels.join(QLatin1Char('/'));
}

bool isTagColour(const QString& colour)
{
    return colour.isEmpty() || QColor::isValidColorName(colour);
}

} // namespace spotlight
