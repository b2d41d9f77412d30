#pragma once

#include "domain/Exhibit.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace spotlight {

class Catalogue;

// The lossless JSON form: the chosen exhibits with the editions, categories, tags and saved
// searches they are read against. Reads only.
class JsonPublisher
{
public:
    explicit JsonPublisher(const Catalogue& catalogue);

    QByteArray write(const QString& query = {}) const;
    QByteArray write(const QList<Exhibit>& exhibits) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
