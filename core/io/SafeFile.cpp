#include "SafeFile.h"

#include "Error.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace spotlight {

void requireReplaceableFile(const QString& path)
{
    const QFileInfo info(path);
    if (info.isSymLink()) {
        throw Error(QStringLiteral("%1 is a symbolic link (to %2). Spotlight does not write through links, so nothing "
                                   "was written; give the path of a file instead.")
                        .arg(path, info.symLinkTarget()));
    }
    if (info.isDir()) {
        throw Error(QStringLiteral("%1 is a folder. Nothing was written; give a file name, such as %2.")
                        .arg(path, QDir(path).filePath(QStringLiteral("export"))));
    }
}

QString writeFailure(const QString& path, const QString& reason)
{
    // A few kilobytes left is as good as none: SQLite and QSaveFile write in pages and blocks.
    constexpr qint64 NearlyFull = 1024 * 1024;
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < NearlyFull) {
        return QStringLiteral("the disk holding %1 is full").arg(path);
    }
    return reason;
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    writeFileAtomically(path, [&bytes](QIODevice& file) {
        if (file.write(bytes) != bytes.size()) {
            throw Error(file.errorString());
        }
    });
}

void writeFileAtomically(const QString& path, const std::function<void(QIODevice&)>& write)
{
    requireReplaceableFile(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, writeFailure(path, file.errorString())));
    }
    try {
        write(file);
    } catch (const Error& error) {
        file.cancelWriting();
        throw Error(QStringLiteral("Writing %1 failed (%2); any earlier file there is unchanged.")
                        .arg(path, writeFailure(path, error.message())));
    }
    if (!file.commit()) {
        throw Error(QStringLiteral("Writing %1 failed (%2); any earlier file there is unchanged.")
                        .arg(path, writeFailure(path, file.errorString())));
    }
}

} // namespace spotlight
