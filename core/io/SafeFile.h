#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace spotlight {

// Error unless a new file may take the place of `path`: a folder is not replaced, and a symbolic
// link is not written through (that would overwrite whatever it points to, or create a file
// wherever a dangling one leads).
void requireReplaceableFile(const QString& path);
// Why writing `path` failed, in words a person can act on: that its disk is full, when it is, else
// `reason` (which on a full disk is often just "Unknown error").
QString writeFailure(const QString& path, const QString& reason);

// Writes the whole file or nothing: the bytes go to a temporary file beside `path`, which replaces
// it only once everything is on disk. An existing file is untouched when writing fails.
void writeFileAtomically(const QString& path, const QByteArray& bytes);
// The same, for output written in pieces by `write`; an Error it throws leaves the old file too.
void writeFileAtomically(const QString& path, const std::function<void(QIODevice&)>& write);

} // namespace spotlight
