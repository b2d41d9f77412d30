#pragma once

#include <QColor>

// Text that reads on its background, whatever palette the curator's desktop uses: a dark palette
// keeps its own link colour only where it can be read.
namespace spotlight::Contrast {

// WCAG 2's contrast ratio between two colours, from 1 (the same) to 21 (black on white).
double ratio(const QColor& a, const QColor& b);

// What WCAG 2 AA asks of body text.
constexpr double Readable = 4.5;

// `wanted` if it reads on `background`; otherwise the same hue, lighter on a dark background or
// darker on a light one, just far enough to read.
QColor readable(const QColor& wanted, const QColor& background);

// Black or white, whichever reads better on `background`: for text on a coloured chip or badge.
QColor textOn(const QColor& background);

} // namespace spotlight::Contrast
