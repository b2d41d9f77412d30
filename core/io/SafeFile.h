#pragma once

#include <QByteArray>
#include <QString>

namespace spotlight {

// Writes the whole file or nothing: the bytes go to a temporary file beside `path`, which replaces
// it only once everything is on disk. An existing file is untouched when writing fails.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace spotlight
