#include "AuthorityStore.h"

#include "Error.h"
#include "domain/Suggest.h"
#include "domain/TextFold.h"
#include "storage/Database.h"
#include "storage/Query.h"

namespace spotlight {

AuthorityStore::AuthorityStore(const Database& database)
    : m_database(database)
{}

void AuthorityStore::insert(const Authority& authority)
{
    Query insert(m_database, QStringLiteral("INSERT INTO authority (gss_code, name, short_name, abbreviation, "
                                            "inner_london, tile_row, tile_column, aliases) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(authority.gssCode)
        .bind(authority.name)
        .bind(authority.shortName)
        .bind(authority.abbreviation)
        .bind(authority.innerLondon ? 1 : 0)
        .bind(authority.tileRow)
        .bind(authority.tileColumn)
        .bind(authority.aliases.join(QLatin1Char(';')));
    const qint64 id = insert.singleInteger().value_or(0);
    Query key(m_database,
              QStringLiteral("INSERT INTO authority_key (key, authority_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    for (const QString& name : authority.names()) {
        key.bind(foldForMatching(name)).bind(id).exec();
    }
    m_loaded = false;
}

const QList<Authority>& AuthorityStore::all() const
{
    load();
    return m_authorities;
}

std::optional<qint64> AuthorityStore::resolve(const QString& typed) const
{
    load();
    for (const QString& key : authorityKeysFor(typed)) {
        const auto found = m_idByKey.constFind(key);
        if (found != m_idByKey.constEnd()) {
            return found.value();
        }
    }
    return std::nullopt;
}

const Authority& AuthorityStore::byId(qint64 id) const
{
    load();
    const auto found = m_indexById.constFind(id);
    if (found == m_indexById.constEnd()) {
        throw Error(QStringLiteral("%1: no authority has id %2.").arg(m_database.path()).arg(id));
    }
    return m_authorities.at(found.value());
}

QStringList AuthorityStore::suggestionsFor(const QString& typed) const
{
    load();
    QStringList names;
    for (const Authority& authority : m_authorities) {
        names << authority.name << authority.shortName;
    }
    QStringList official;
    for (const QString& match : closestMatches(typed, names)) {
        const QString name = byId(*resolve(match)).name;
        if (!official.contains(name)) {
            official << name;
        }
    }
    return official;
}

void AuthorityStore::load() const
{
    if (m_loaded) {
        return;
    }
    m_authorities.clear();
    m_indexById.clear();
    m_idByKey.clear();
    Query rows(m_database, QStringLiteral("SELECT id, gss_code, name, short_name, abbreviation, inner_london, "
                                          "tile_row, tile_column, aliases FROM authority ORDER BY gss_code"));
    rows.exec();
    while (rows.next()) {
        Authority authority;
        authority.gssCode = rows.text(1);
        authority.name = rows.text(2);
        authority.shortName = rows.text(3);
        authority.abbreviation = rows.text(4);
        authority.innerLondon = rows.integer(5) != 0;
        authority.tileRow = int(rows.integer(6));
        authority.tileColumn = int(rows.integer(7));
        authority.aliases = rows.text(8).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        m_indexById.insert(rows.integer(0), m_authorities.size());
        m_authorities.append(authority);
    }
    Query keys(m_database, QStringLiteral("SELECT key, authority_id FROM authority_key"));
    keys.exec();
    while (keys.next()) {
        m_idByKey.insert(keys.text(0), keys.integer(1));
    }
    m_loaded = true;
}

} // namespace spotlight
