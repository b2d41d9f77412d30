#pragma once

#include <QString>
#include <QStringList>

namespace spotlight {

// Where a team catalogue lives: postgresql://[user@]host[:port]/dbname[?sslmode=...&...], the form
// libpq itself reads. Passwords never appear in one: libpq finds them in ~/.pgpass, PGPASSFILE or a
// service file, and the window asks when it finds none.
struct ServerAddress
{
    QString user;     // empty: libpq's default (PGUSER, else the login name)
    QString host;     // empty: the local socket (PGHOST, else libpq's default folder)
    int port = -1;    // -1: libpq's default (PGPORT, else 5432)
    QString database; // required
    // Everything after '?', as libpq keywords and values: sslmode, connect_timeout, service...
    QList<std::pair<QString, QString>> options;

    // Throws Error, naming what is wrong, for anything that is not such an address, and for one that
    // carries a password.
    static ServerAddress parse(const QString& address);
    // The address again, in a canonical form: what messages, title bars and Open Recent show.
    QString toString() const;
    // "database spotlight on db.example.org:5432": for sentences.
    QString describe() const;
    // Options for QSqlDatabase::setConnectOptions: the address's own and `extra`, "k=v;k=v".
    QString connectOptions(const QStringList& extra = {}) const;
    QString option(const QString& key) const;
};

} // namespace spotlight
