#pragma once

#include "Error.h"
#include "ShowcaseSite.h"
#include "WebShowcase.h"
#include "io/SafeFile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace spotlight::showcase {

// Writes the site's files under a folder, counting pages and reporting progress.
class SiteWriter
{
public:
    // Files go under `root`; messages name `publishedAs`, where they are going.
    SiteWriter(const QString& root, const QString& publishedAs, int total,
               const WebShowcasePublisher::Progress& progress)
        : m_root(root)
        , m_publishedAs(publishedAs)
        , m_total(total)
        , m_progress(progress)
    {}

    void file(const QString& path, const QByteArray& bytes)
    {
        const QString target = m_root + QLatin1Char('/') + path;
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            throw Error(QStringLiteral("Could not make the folder for %1; nothing was published.").arg(path));
        }
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush()) {
            throw Error(
                QStringLiteral("Could not write %1: %2. Nothing was published; an earlier showcase is as it was.")
                    .arg(path, writeFailure(target, out.errorString()).replace(m_root, m_publishedAs)));
        }
    }

    void page(const QString& path, const QByteArray& html)
    {
        file(path, html);
        ++m_pages;
        step(1);
    }

    void step(int units)
    {
        if (!advance(units)) {
            throw Error(QStringLiteral("Publishing was cancelled; the earlier showcase, if any, is as it was."));
        }
    }

    // False once the person has cancelled.
    bool advance(int units)
    {
        m_done += units;
        return !m_progress || m_progress(std::min(m_done, m_total), m_total);
    }

    int pages() const { return m_pages; }

private:
    QString m_root;
    QString m_publishedAs;
    int m_total;
    int m_done = 0;
    int m_pages = 0;
    const WebShowcasePublisher::Progress& m_progress;
};

// Writes every page of the site, its assets, search index and CSV (not the booklet).
void writeSite(SiteWriter& writer, const Site& site);

} // namespace spotlight::showcase
