#include "WebShowcase.h"

#include "BookletPublisher.h"
#include "Catalogue.h"
#include "Error.h"
#include "PublicView.h"
#include "PublicationGate.h"
#include "ShowcasePages.h"
#include "ShowcaseSite.h"
#include "domain/ExhibitRules.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <fcntl.h>
#include <stdio.h>

namespace spotlight {
namespace {

using namespace showcase;

// Replaces `target` with the folder at `built`, keeping the earlier showcase until the new one is
// in place. A folder that holds anything but an earlier showcase is never replaced.
void moveIntoPlace(const QString& built, const QString& target)
{
    const QFileInfo info(target);
    const QString aside = built + QStringLiteral("-earlier");
    if (info.isSymLink()) {
        // Swapping would replace the link, not what it points to: say so rather than guess.
        throw Error(QStringLiteral("%1 is a symbolic link; publish to the folder it points to, %2. Nothing was "
                                   "published.")
                        .arg(target, info.symLinkTarget()));
    }
    bool movedAside = false;
    if (info.exists()) {
        if (!info.isDir()) {
            throw Error(QStringLiteral("%1 is a file, not a folder; nothing was published.").arg(target));
        }
        const QDir existing(target);
        const bool empty = existing.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        if (!empty && !existing.exists(WebShowcasePublisher::markerFileName())) {
            throw Error(QStringLiteral("%1 holds other files and is not a web showcase Spotlight wrote, so it was left "
                                       "alone; publish to an empty or new folder.")
                            .arg(target));
        }
        // Swapped in one step where the file system can (Linux's RENAME_EXCHANGE), so that even a
        // crash leaves one whole showcase at the target, never none.
        if (::renameat2(AT_FDCWD, QFile::encodeName(built).constData(), AT_FDCWD, QFile::encodeName(target).constData(),
                        RENAME_EXCHANGE) == 0) {
            QDir(built).removeRecursively(); // now the earlier showcase
            return;
        }
        if (!QDir().rename(target, aside)) {
            throw Error(QStringLiteral("Could not replace %1 (is it open elsewhere, or read-only?); nothing was "
                                       "published.")
                            .arg(target));
        }
        movedAside = true;
    }
    if (!QDir().rename(built, target)) {
        if (movedAside) {
            QDir().rename(aside, target);
        }
        throw Error(
            QStringLiteral("Could not move the new showcase into %1; the earlier one is as it was.").arg(target));
    }
    if (movedAside) {
        QDir(aside).removeRecursively();
    }
}

// A publish killed part way leaves its hidden build folder beside the target. One untouched for an
// hour belongs to no publish still running (100,000 exhibits take about a minute), so it goes.
void removeAbandonedBuilds(const QString& parent, const QString& name)
{
    const QFileInfoList builds = QDir(parent).entryInfoList({QLatin1Char('.') + name + QStringLiteral("-publishing-*")},
                                                            QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    const QDateTime anHourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo& build : builds) {
        if (build.lastModified().toUTC() < anHourAgo && !build.isSymLink()) {
            QDir(build.absoluteFilePath()).removeRecursively();
        }
    }
}

} // namespace

QString WebShowcasePublisher::markerFileName()
{
    return QStringLiteral(".spotlight-showcase");
}

WebShowcasePublisher::WebShowcasePublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

WebShowcaseResult WebShowcasePublisher::publish(const QString& query, const WebShowcaseOptions& options,
                                                const QString& folder, const Progress& progress) const
{
    return publish(m_catalogue.matchingIds(query), options, folder, progress);
}

WebShowcaseResult WebShowcasePublisher::publish(const QList<qint64>& ids, const WebShowcaseOptions& options,
                                                const QString& folder, const Progress& progress) const
{
    if (!ExhibitRules::isValidEmail(options.contactEmail)) {
        throw Error(QStringLiteral("The accessibility statement needs an email address where readers can report a "
                                   "problem or ask for another format; give one (for example --contact "
                                   "spotlight@liia.london)."));
    }
    QList<Exhibit> chosen;
    for (Exhibit& exhibit : m_catalogue.exhibitsWithIds(ids)) {
        if (options.includeUnrecognised || PublicView::isPublished(exhibit.status)) {
            chosen << std::move(exhibit);
        }
    }
    if (chosen.isEmpty()) {
        throw Error(options.includeUnrecognised
                        ? QStringLiteral("No exhibits match; nothing was published.")
                        : QStringLiteral("None of the matching exhibits is recognised or showcased yet, so there is "
                                         "nothing to publish; include the others on purpose to publish them."));
    }
    const PublicationGate::Verdict verdict = PublicationGate::check(m_catalogue, chosen);
    if (!verdict.clear()) {
        throw Error(
            QStringLiteral("%1 in %2 not been reviewed, so nothing was published: %3. Review them first "
                           "(privacy).")
                .arg(plural(verdict.unreviewed, QStringLiteral("likely piece of personal data"),
                            QStringLiteral("likely pieces of personal data")),
                     plural(verdict.refs.size(), QStringLiteral("exhibit has"), QStringLiteral("exhibits have")),
                     verdict.refs.join(QStringLiteral(", "))));
    }

    Site site = siteFor(m_catalogue, PublicView::of(chosen), options);
    site.booklet = options.booklet && site.exhibits.size() <= BookletLimit;

    const QFileInfo target(QDir::cleanPath(folder)); // "site/" names the folder "site", not its contents
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent)) {
        throw Error(QStringLiteral("Could not make the folder %1; nothing was published.").arg(parent));
    }
    removeAbandonedBuilds(parent, target.fileName());
    QTemporaryDir built(parent + QStringLiteral("/.") + target.fileName() + QStringLiteral("-publishing-XXXXXX"));
    if (!built.isValid()) {
        throw Error(
            QStringLiteral("Could not write in %1 (%2); nothing was published.").arg(parent, built.errorString()));
    }
    const int bookletSteps = site.booklet ? int(site.exhibits.size()) * 2 : 0;
    SiteWriter writer(built.path(), target.absoluteFilePath(), pagesToWrite(site) + bookletSteps, progress);
    writeSite(writer, site);
    if (site.booklet) {
        BookletOptions booklet;
        booklet.title = options.title;
        booklet.webShowcase = options.address;
        BookletPublisher(m_catalogue)
            .write(site.exhibits, booklet, built.path() + QStringLiteral("/downloads/showcase.pdf"),
                   [&writer](int, int) { return writer.advance(1); });
    }
    // Readable by a web server and by the people it is uploaded for, not just its writer.
    QFile::setPermissions(built.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                            QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    moveIntoPlace(built.path(), target.absoluteFilePath());
    built.setAutoRemove(false);
    return WebShowcaseResult{int(site.exhibits.size()), writer.pages(), site.booklet};
}

} // namespace spotlight
