#include "DetailPane.h"

#include "io/ExhibitDocument.h"

#include <QTextCursor>

namespace spotlight {

DetailPane::DetailPane(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setAccessibleName(tr("Exhibit details"));
    setPlaceholderText(tr("Choose an exhibit to read about it."));
}

void DetailPane::showExhibit(const std::optional<Exhibit>& exhibit, const QHash<QString, QString>& tagColours)
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
    style.text = palette().color(QPalette::Text);
    style.muted = palette().color(QPalette::PlaceholderText);
    style.accent = palette().color(QPalette::Link);
    QTextCursor cursor(document());
    ExhibitDocument::write(cursor, *exhibit, style);
    moveCursor(QTextCursor::Start);
}

} // namespace spotlight
