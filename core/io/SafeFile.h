#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace spotlight {

// Writes the whole file or nothing: the bytes go to a temporary file beside `path`, which replaces
// it only once everything is on disk. An existing file is untouched when writing fails.
void writeFileAtomically(const QString& path, const QByteArray& bytes);
// The same, for output written in pieces by `write`; an Error it throws leaves the old file too.
void writeFileAtomically(const QString& path, const std::function<void(QIODevice&)>& write);

} // namespace spotlight
