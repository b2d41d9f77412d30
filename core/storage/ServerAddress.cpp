#include "ServerAddress.h"

#include "Error.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace spotlight {
namespace {

// libpq's connection keywords a team catalogue's address may carry. Anything else is more likely
// a typing mistake than a wish, and libpq would reject it with a less helpful message.
const QStringList KnownOptions{
    QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),      QStringLiteral("sslcert"),
    QStringLiteral("sslkey"),          QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
    QStringLiteral("service"),         QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
    QStringLiteral("keepalives"),      QStringLiteral("keepalives_idle"),  QStringLiteral("gssencmode"),
    QStringLiteral("channel_binding"), QStringLiteral("passfile"),
};

[[noreturn]] void refuse(const QString& address, const QString& why)
{
    throw Error(QStringLiteral("%1 is not a team catalogue address: %2. Write it as "
                               "postgresql://user@host:port/database.")
                    .arg(address, why));
}

} // namespace

ServerAddress ServerAddress::parse(const QString& address)
{
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))) {
        refuse(address, url.isValid() ? QStringLiteral("it does not start with postgresql://") : url.errorString());
    }
    if (!url.password().isEmpty()) {
        throw Error(QStringLiteral("The address %1 holds a password. Leave it out: a password in an address ends "
                                   "up in shell history and settings. Put it in ~/.pgpass (or PGPASSFILE) "
                                   "instead, or let the window ask for it.")
                        .arg(url.toString(QUrl::RemovePassword)));
    }
    ServerAddress server;
    server.user = url.userName();
    server.host = url.host();
    server.port = url.port(-1);
    server.database = url.path().mid(1);
    if (server.database.isEmpty() || server.database.contains(QLatin1Char('/'))) {
        refuse(address, QStringLiteral("it names no database after the host"));
    }
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!KnownOptions.contains(key)) {
            refuse(address, QStringLiteral("\"%1\" is not a connection option Spotlight knows (%2)")
                                .arg(key, KnownOptions.join(QStringLiteral(", "))));
        }
        if (value.contains(QRegularExpression(QStringLiteral("[\\s;'\\\\]")))) {
            refuse(address, QStringLiteral("the value of %1 has a space, quote or semicolon in it").arg(key));
        }
        server.options.append({key, value});
    }
    return server;
}

QString ServerAddress::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    for (const auto& [key, value] : options) {
        query.addQueryItem(key, value);
    }
    url.setQuery(query);
    QString text = url.toString();
    if (!text.startsWith(QLatin1String("postgresql://"))) {
        // QUrl drops the empty authority of postgresql:///db, which libpq reads as "the local socket".
        text.replace(0, int(qstrlen("postgresql:")), QStringLiteral("postgresql://"));
    }
    return text;
}

QString ServerAddress::describe() const
{
    const QString where = host.isEmpty() ? QStringLiteral("the local server") : host;
    return QStringLiteral("database %1 on %2%3")
        .arg(database, where, port > 0 ? QStringLiteral(":%1").arg(port) : QString());
}

QString ServerAddress::connectOptions(const QStringList& extra) const
{
    QStringList all;
    for (const auto& [key, value] : options) {
        all << key + QLatin1Char('=') + value;
    }
    all << extra;
    return all.join(QLatin1Char(';'));
}

QString ServerAddress::option(const QString& key) const
{
    for (const auto& [name, value] : options) {
        if (name == key) {
            return value;
        }
    }
    return {};
}

} // namespace spotlight
