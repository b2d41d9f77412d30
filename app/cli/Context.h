#pragma once

#include "Catalogue.h"

#include <QString>

#include <memory>

namespace spotlight::cli {

// What every command needs: the catalogue chosen by --db (or the default one), and the streams.
class Context
{
public:
    explicit Context(QString databasePath);

    // Opens the chosen catalogue on first use. The default catalogue is created and seeded on first
    // use; a path given with --db must already hold one.
    Catalogue& catalogue();
    // The path init should create: --db, else the default location.
    QString targetPath() const;

    static void out(const QString& text);
    static void err(const QString& text);
    static void outBytes(const QByteArray& bytes);

private:
    QString m_databasePath;
    std::unique_ptr<Catalogue> m_catalogue;
};

} // namespace spotlight::cli
