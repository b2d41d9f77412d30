#include "Context.h"

#include <QSettings>

#include <cstdio>

namespace spotlight::cli {

Context::Context(QString databasePath)
    : m_databasePath(std::move(databasePath))
{}

Catalogue& Context::catalogue()
{
    if (!m_catalogue) {
        m_catalogue = m_databasePath.isEmpty() ? Catalogue::openDefault() : Catalogue::open(m_databasePath);
        // Changes are recorded under SPOTLIGHT_CURATOR, else the name set in the window, else the login.
        m_catalogue->curation().setAuthor(
            qEnvironmentVariable("SPOTLIGHT_CURATOR", QSettings().value(QStringLiteral("curator/name")).toString()));
    }
    return *m_catalogue;
}

QString Context::targetPath() const
{
    return m_databasePath.isEmpty() ? Catalogue::defaultPath() : m_databasePath;
}

void Context::outBytes(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

void Context::out(const QString& text)
{
    outBytes(text.toUtf8() + '\n');
}

void Context::err(const QString& text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

} // namespace spotlight::cli
