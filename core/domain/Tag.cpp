#include "Tag.h"

#include "TextFold.h"

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

} // namespace spotlight
