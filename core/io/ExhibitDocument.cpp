#include "ExhibitDocument.h"

#include "Contrast.h"
#include "domain/EvidenceKind.h"
#include "domain/ExhibitRules.h"
#include "domain/Tag.h"

#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace spotlight::ExhibitDocument {
namespace {

QTextCharFormat coloured(QTextCharFormat format, const QColor& colour)
{
    format.setForeground(colour);
    return format;
}

QTextCharFormat linked(QTextCharFormat format, const QString& href, const Style& style)
{
    if (style.links && ExhibitRules::isPublishableLink(href)) {
        format.setAnchor(true);
        format.setAnchorHref(href);
        format.setFontUnderline(true);
        format.setForeground(style.accent);
    }
    return format;
}

void writeEvidence(QTextCursor& cursor, const Exhibit& exhibit, const Style& style)
{
    cursor.insertBlock(spacing(10, 4));
    cursor.insertText(QStringLiteral("Evidence"), coloured(textFormat(style, 11, true), style.accent));
    QTextTableFormat tableFormat;
    tableFormat.setBorder(0.5);
    tableFormat.setBorderBrush(QColor(0xc8, 0xd0, 0xd4));
    tableFormat.setCellPadding(4);
    tableFormat.setCellSpacing(0);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    tableFormat.setHeaderRowCount(1);
    QTextTable* table = cursor.insertTable(int(exhibit.evidence.size()) + 1, 4, tableFormat);
    const QStringList headings{QStringLiteral("Kind"), QStringLiteral("Title"), QStringLiteral("Level"),
                               QStringLiteral("Date")};
    for (int column = 0; column < 4; ++column) {
        table->cellAt(0, column).firstCursorPosition().insertText(headings.at(column),
                                                                  coloured(textFormat(style, 9, true), style.muted));
    }
    for (int row = 0; row < exhibit.evidence.size(); ++row) {
        const Evidence& item = exhibit.evidence.at(row);
        table->cellAt(row + 1, 0).firstCursorPosition().insertText(evidenceKindLabel(item.kind), textFormat(style, 9));
        QTextCursor title = table->cellAt(row + 1, 1).firstCursorPosition();
        title.insertText(item.title, item.sourceUrl.isEmpty() ? textFormat(style, 9)
                                                              : linked(textFormat(style, 9), item.sourceUrl, style));
        QTextCharFormat badge = coloured(textFormat(style, 9, true), Contrast::textOn(style.accent));
        badge.setBackground(style.accent);
        badge.setToolTip(evidenceLevelLabel(item.level));
        table->cellAt(row + 1, 2)
            .firstCursorPosition()
            .insertText(QStringLiteral("\u00a0Level %1\u00a0").arg(item.level), badge);
        table->cellAt(row + 1, 3)
            .firstCursorPosition()
            .insertText(item.date.toString(Qt::ISODate), textFormat(style, 9));
    }
    cursor.movePosition(QTextCursor::End);
}

} // namespace

void insertMarkdown(QTextCursor& cursor, const QString& markdown)
{
    const int start = cursor.position();
    cursor.insertMarkdown(markdown, PublishedMarkdown);
    // A link a reader's viewer would open must be one that may be published; others stay as text.
    QList<std::pair<int, int>> unsafe; // position, length
    for (QTextBlock block = cursor.document()->findBlock(start);
         block.isValid() && block.position() <= cursor.position(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor() &&
                !ExhibitRules::isPublishableLink(fragment.charFormat().anchorHref())) {
                unsafe << std::pair{fragment.position(), fragment.length()};
            }
        }
    }
    for (const auto& [position, length] : unsafe) {
        QTextCursor plain(cursor.document());
        plain.setPosition(position);
        plain.setPosition(position + length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(false);
        format.setAnchorHref(QString());
        format.setFontUnderline(false);
        plain.mergeCharFormat(format);
    }
}

QTextBlockFormat spacing(double before, double after)
{
    QTextBlockFormat format;
    format.setTopMargin(before);
    format.setBottomMargin(after);
    return format;
}

QTextCharFormat textFormat(const Style& style, double points, bool bold, bool italic)
{
    QTextCharFormat format;
    format.setFontFamilies({style.fontFamily});
    format.setFontPointSize(points);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    format.setForeground(style.text);
    // No cosmetic shaping: a ligature would put "ﬁ" instead of "fi" into a PDF's text, which
    // breaks copying, searching and screen readers. Scripts that need shaping still get it.
    format.setFontStyleStrategy(QFont::PreferNoShaping);
    return format;
}

QString longDate(const QDate& date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

void write(QTextCursor& cursor, const Exhibit& exhibit, const Style& style)
{
    cursor.insertBlock(spacing(0, 4));
    cursor.insertText(exhibit.title, textFormat(style, 16, true));
    QStringList authorities{exhibit.leadAuthority +
                            (exhibit.partnerAuthorities.isEmpty() ? QString() : QStringLiteral(" (lead)"))};
    authorities << exhibit.partnerAuthorities;
    cursor.insertBlock(spacing(0, 2));
    cursor.insertText(authorities.join(QStringLiteral(", ")), coloured(textFormat(style, 10.5, true), style.accent));
    QStringList details;
    if (!exhibit.categories.isEmpty()) {
        details << exhibit.categories.join(QStringLiteral("; "));
    }
    if (!exhibit.edition.isEmpty()) {
        details << exhibit.edition;
    }
    if (style.status) {
        details << statusLabel(exhibit.status);
    }
    if (!exhibit.standNumber.isEmpty()) {
        details << QStringLiteral("Stand %1").arg(exhibit.standNumber);
    }
    cursor.insertBlock(spacing(0, style.related.isEmpty() ? 8 : 4));
    cursor.insertText(details.join(QStringLiteral("  \u00b7  ")), coloured(textFormat(style, 9), style.muted));
    for (qsizetype i = 0; i < style.related.size(); ++i) {
        const Style::Related& related = style.related.at(i);
        cursor.insertBlock(spacing(0, i + 1 == style.related.size() ? 8 : 2));
        cursor.insertText(related.label + QLatin1Char(' '), coloured(textFormat(style, 9), style.muted));
        // Not linked(): this link leads within the window, never out of it.
        QTextCharFormat title = coloured(textFormat(style, 9), style.accent);
        title.setAnchor(true);
        title.setAnchorHref(related.href);
        title.setFontUnderline(true);
        cursor.insertText(related.title, title);
    }

    if (exhibit.evidenceLevel > MinEvidenceLevel) {
        cursor.insertBlock(spacing(0, 8));
        cursor.insertText(QStringLiteral("Evidence level %1 of %2  ").arg(exhibit.evidenceLevel).arg(MaxEvidenceLevel),
                          coloured(textFormat(style, 9, true), style.accent));
        cursor.insertText(evidenceLevelLabel(exhibit.evidenceLevel), coloured(textFormat(style, 9), style.muted));
    }
    if (!exhibit.summary.isEmpty()) {
        cursor.insertBlock(spacing(0, 8));
        cursor.insertText(exhibit.summary, textFormat(style, 11, false, true));
    }
    if (style.description && !exhibit.description.isEmpty()) {
        cursor.insertBlock(spacing(0, 6));
        cursor.setCharFormat(textFormat(style, 10));
        insertMarkdown(cursor, exhibit.description);
    }
    if (style.evidence && !exhibit.evidence.isEmpty()) {
        writeEvidence(cursor, exhibit, style);
    }
    if (style.contact && !exhibit.contact.isEmpty()) {
        cursor.insertBlock(spacing(10, 2));
        cursor.insertText(QStringLiteral("Key contact  "), coloured(textFormat(style, 10, true), style.accent));
        QStringList contact{exhibit.contact.name, exhibit.contact.role};
        contact.removeAll(QString());
        cursor.insertText(contact.join(QStringLiteral(", ")), textFormat(style, 10));
        if (!exhibit.contact.email.isEmpty()) {
            cursor.insertText(contact.isEmpty() ? QString() : QStringLiteral(", "), textFormat(style, 10));
            cursor.insertText(exhibit.contact.email,
                              linked(textFormat(style, 10), QStringLiteral("mailto:") + exhibit.contact.email, style));
        }
        if (!exhibit.contact.phone.isEmpty()) {
            const bool first = contact.isEmpty() && exhibit.contact.email.isEmpty();
            cursor.insertText(first ? QString() : QStringLiteral(", "), textFormat(style, 10));
            cursor.insertText(exhibit.contact.phone,
                              linked(textFormat(style, 10), ExhibitRules::phoneLink(exhibit.contact.phone), style));
        }
    }
    for (const QString& link : exhibit.links) {
        cursor.insertBlock(spacing(2, 0));
        cursor.insertText(link, linked(textFormat(style, 9), link, style));
    }
    if (style.reviews && !exhibit.reviews.isEmpty()) {
        cursor.insertBlock(spacing(10, 2));
        cursor.insertText(QStringLiteral("Reviews"), coloured(textFormat(style, 11, true), style.accent));
        for (const Review& review : exhibit.reviews) {
            cursor.insertBlock(spacing(4, 0));
            cursor.insertText(QStringLiteral("%1, %2").arg(review.panel, longDate(review.date)),
                              textFormat(style, 10, true));
            if (!review.recognition.isEmpty()) {
                cursor.insertText(QStringLiteral(": %1").arg(review.recognition), textFormat(style, 10, true));
            }
            if (!review.reviewers.isEmpty()) {
                cursor.insertBlock(spacing(0, 0));
                cursor.insertText(QStringLiteral("Reviewed by %1").arg(review.reviewers),
                                  coloured(textFormat(style, 9), style.muted));
            }
            if (!review.feedback.isEmpty()) {
                cursor.insertBlock(spacing(2, 0));
                cursor.insertText(review.feedback, textFormat(style, 10));
            }
        }
    }
    if (style.reviews && !exhibit.scores.isEmpty()) {
        // A line per reviewer, in the order scores are kept: what the panel has given so far.
        cursor.insertBlock(spacing(10, 2));
        cursor.insertText(QStringLiteral("Panel scores"), coloured(textFormat(style, 11, true), style.accent));
        QString reviewer;
        for (const PanelScore& score : exhibit.scores) {
            if (score.reviewer != reviewer) {
                reviewer = score.reviewer;
                cursor.insertBlock(spacing(2, 0));
                cursor.insertText(reviewer + QStringLiteral(": "), textFormat(style, 10, true));
            } else {
                cursor.insertText(QStringLiteral(", "), textFormat(style, 10));
            }
            cursor.insertText(QStringLiteral("%1 %2").arg(score.criterion).arg(score.score), textFormat(style, 10));
        }
    }
    if (style.tags && !exhibit.tags.isEmpty()) {
        cursor.insertBlock(spacing(8, 0));
        cursor.insertText(QStringLiteral("Tags  "), coloured(textFormat(style, 9, true), style.muted));
        for (const QString& tag : exhibit.tags) {
            // A chip: the tag on its colour, or on a quiet grey.
            const QString colour = style.tagColours.value(tag);
            const QColor background = colour.isEmpty() ? style.chip : QColor::fromString(colour);
            QTextCharFormat chip = coloured(textFormat(style, 9), Contrast::textOn(background));
            chip.setBackground(background);
            cursor.insertText(QStringLiteral("\u00a0%1\u00a0").arg(style.tagSlugs ? tag : tagDisplayName(tag)), chip);
            cursor.insertText(QStringLiteral(" "), textFormat(style, 9));
        }
    }
}

} // namespace spotlight::ExhibitDocument
