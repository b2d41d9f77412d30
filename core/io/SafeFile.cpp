#include "SafeFile.h"

#include "Error.h"

#include <QSaveFile>

namespace spotlight {

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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    try {
        write(file);
    } catch (const Error& error) {
        file.cancelWriting();
        throw Error(
            QStringLiteral("Writing %1 failed (%2); any earlier file there is unchanged.").arg(path, error.message()));
    }
    if (!file.commit()) {
        throw Error(QStringLiteral("Writing %1 failed (%2); any earlier file there is unchanged.")
                        .arg(path, file.errorString()));
    }
}

} // namespace spotlight
