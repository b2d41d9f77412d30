#include "SafeFile.h"

#include "Error.h"

#include <QSaveFile>

namespace spotlight {

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        throw Error(QStringLiteral("Writing %1 failed (%2); any earlier file there is unchanged.")
                        .arg(path, file.errorString()));
    }
}

} // namespace spotlight
