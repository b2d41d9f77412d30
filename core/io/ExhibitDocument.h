#pragma once

#include "domain/Exhibit.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QTextDocument>

class QTextCursor;
class QTextBlockFormat;
class QTextCharFormat;

namespace spotlight {

// An exhibit as rich text, written at a QTextCursor: the booklet prints it and the window's
// detail pane shows it, so both read the same.
namespace ExhibitDocument {

struct Style
{
    QString fontFamily = QStringLiteral("DejaVu Sans");
    QColor accent{0x1b, 0x6f, 0x6a};
    QColor muted{0x55, 0x5f, 0x66};
    QColor text{Qt::black};
    QColor chip{0xe4, 0xe9, 0xeb}; // behind a tag that has no colour of its own
    bool links = false;            // contact email and links as clickable anchors
    // Which parts to show; the title, authorities and summary always are.
    bool description = true;
    bool evidence = true;
    bool contact = true;
    bool tags = true;
    // What only curators see, on screen: the panels' reviews, the workflow status, and tags as
    // typed in queries ("care-leavers") rather than as read ("Care leavers").
    bool reviews = false;
    bool status = false;
    bool tagSlugs = false;
    QHash<QString, QString> tagColours; // tag name -> "#rrggbb", for chips
    // Lines under the edition that lead to another exhibit, on screen: "Submitted before, in
    // 2025:" and that exhibit's title, linked to `href`.
    struct Related
    {
        QString label;
        QString title;
        QString href;
    };
    QList<Related> related;
};

void write(QTextCursor& cursor, const Exhibit& exhibit, const Style& style);
// Markdown as every published form reads it: GitHub's dialect, with any raw HTML in it left as text.
inline constexpr QTextDocument::MarkdownFeatures PublishedMarkdown{QTextDocument::MarkdownDialectGitHub |
                                                                   QTextDocument::MarkdownNoHTML};
// Markdown inserted at `cursor` without raw HTML, and with only links that may be published
// (ExhibitRules::isPublishableLink) left live.
void insertMarkdown(QTextCursor& cursor, const QString& markdown);
// A date as the booklet, letters and detail pane write it: "3 February 2025".
QString longDate(const QDate& date);
// A block with room above and below, in points.
QTextBlockFormat spacing(double before, double after);
QTextCharFormat textFormat(const Style& style, double points, bool bold = false, bool italic = false);

} // namespace ExhibitDocument
} // namespace spotlight
