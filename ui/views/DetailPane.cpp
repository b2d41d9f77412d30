#include "DetailPane.h"

#include "io/Contrast.h"
#include "io/ExhibitDocument.h"

#include <QDesktopServices>
#include <QTextCursor>
#include <QUrl>

namespace spotlight {
namespace {

const QString ExhibitScheme = QStringLiteral("exhibit");

ExhibitDocument::Style::Related related(const QString& label, const ExhibitMention& other)
{
    QUrl href;
    href.setScheme(ExhibitScheme);
    href.setPath(other.ref);
    const QString when = other.when().isEmpty() ? QString() : DetailPane::tr(", in %1").arg(other.when());
    return {label + when + QLatin1Char(':'), other.title, href.toString()};
}

} // namespace

DetailPane::DetailPane(QWidget* parent)
    : QTextBrowser(parent)
{
    // Links to other exhibits select them here; the others open outside, as before.
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &DetailPane::follow);
    setAccessibleName(tr("Exhibit details"));
    setPlaceholderText(tr("Choose an exhibit to read about it."));
}

void DetailPane::follow(const QUrl& url)
{
    if (url.scheme() == ExhibitScheme) {
        Q_EMIT exhibitChosen(url.path());
    } else {
        QDesktopServices::openUrl(url);
    }
}

void DetailPane::showExhibit(const std::optional<Exhibit>& exhibit, const QHash<QString, QString>& tagColours,
                             const Resubmissions& resubmissions)
{
    clear();
    if (!exhibit) {
        return;
    }
    ExhibitDocument::Style style;
    style.fontFamily = font().family();
    style.links = true;
    style.reviews = true;
    style.status = true;
    style.tagSlugs = true;
    style.tagColours = tagColours;
    // The palette's colours where they read on its base: a dark palette's link colour may be a pure
    // blue nobody can read on black.
    const QColor base = palette().color(QPalette::Base);
    style.text = Contrast::readable(palette().color(QPalette::Text), base);
    style.muted = Contrast::readable(palette().color(QPalette::PlaceholderText), base);
    style.accent = Contrast::readable(palette().color(QPalette::Link), base);
    style.chip = palette().color(QPalette::Midlight);
    if (resubmissions.earlier) {
        style.related << related(tr("Submitted before"), *resubmissions.earlier);
    }
    for (const ExhibitMention& later : resubmissions.later) {
        style.related << related(tr("Submitted again"), later);
    }
    QTextCursor cursor(document());
    ExhibitDocument::write(cursor, *exhibit, style);
    moveCursor(QTextCursor::Start);
}

} // namespace spotlight
