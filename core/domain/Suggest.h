#pragma once

#include <QString>
#include <QStringList>

namespace spotlight {

// The candidates closest to what someone typed, for "did you mean" messages: those within a small
// edit distance of `typed` (ignoring case), closest first, at most `limit`.
QStringList closestMatches(const QString& typed, const QStringList& candidates, int limit = 3);

} // namespace spotlight
