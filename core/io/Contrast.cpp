#include "Contrast.h"

#include <algorithm>
#include <cmath>

namespace spotlight::Contrast {
namespace {

double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

} // namespace

double ratio(const QColor& a, const QColor& b)
{
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

QColor readable(const QColor& wanted, const QColor& background)
{
    if (ratio(wanted, background) >= Readable) {
        return wanted;
    }
    const bool darkBackground = ratio(Qt::white, background) > ratio(Qt::black, background);
    const QColor hsl = wanted.toHsl();
    const float hue = std::max(0.0f, hsl.hslHueF()); // -1 for greys, which have none
    // Steps of 2% lightness: at most 50 tries, and the first that reads is the closest to `wanted`.
    for (int step = 1; step <= 50; ++step) {
        const float lightness =
            std::clamp(hsl.lightnessF() + (darkBackground ? 0.02f : -0.02f) * float(step), 0.0f, 1.0f);
        const QColor candidate = QColor::fromHslF(hue, hsl.hslSaturationF(), lightness).toRgb();
        if (ratio(candidate, background) >= Readable) {
            return candidate;
        }
    }
    return textOn(background);
}

QColor textOn(const QColor& background)
{
    return ratio(Qt::black, background) >= ratio(Qt::white, background) ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace spotlight::Contrast
