#pragma once

#include "domain/Authority.h"

#include <QHash>
#include <QList>

#include <optional>

namespace spotlight {

class Database;

// London's authorities and every name that resolves to one. Authorities change only when a
// catalogue is created, so they are read once and held in memory.
class AuthorityStore
{
public:
    explicit AuthorityStore(const Database& database);

    void insert(const Authority& authority);
    const QList<Authority>& all() const;

    // Official name, short name, GSS code or alias, in any case, with '&' or "and".
    std::optional<qint64> resolve(const QString& typed) const;
    const Authority& byId(qint64 id) const;
    // The official names closest to `typed`, for "did you mean".
    QStringList suggestionsFor(const QString& typed) const;

private:
    void load() const;

    const Database& m_database;
    mutable bool m_loaded = false;
    mutable QList<Authority> m_authorities;
    mutable QHash<qint64, qsizetype> m_indexById;
    mutable QHash<QString, qint64> m_idByKey;
};

} // namespace spotlight
