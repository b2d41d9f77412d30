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

bool isCuratorsTag(const QString& name)
{
    const QLatin1String root(CuratorsTagRoot);
    return name.startsWith(root) && (name.size() == root.size() || name.at(root.size()) == QLatin1Char('/'));
}

QString tagDisplayName(const QString& name)
{
    QStringList levels = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString& level : levels) {
        level.replace(QLatin1Char('-'), QLatin1Char(' '));
    }
    QString text = levels.join(QStringLiteral(": "));
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

bool isTagColour(const QString& colour)
{
    return colour.isEmpty() || QColor::isValidColorName(colour);
}

} // namespace spotlight
