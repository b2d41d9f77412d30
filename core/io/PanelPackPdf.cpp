#include "PanelPackPdf.h"

#include "io/ExhibitDocument.h"
#include "io/PdfDocumentInfo.h"
#include "io/SafeFile.h"

#include <QAbstractTextDocumentLayout>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace spotlight::PanelPackPdf {
namespace {

constexpr double MarginMm = 18;
constexpr double FooterMm = 8;

QString reviewerLine(const Reviewer& reviewer)
{
    return reviewer.authority.isEmpty() ? reviewer.name
                                        : QStringLiteral("%1 (%2)").arg(reviewer.name, reviewer.authority);
}

void heading(QTextCursor& cursor, const ExhibitDocument::Style& style, const QString& text, double points,
             bool newPage = false)
{
    QTextBlockFormat block = ExhibitDocument::spacing(newPage ? 0 : 10, 4);
    if (newPage) {
        block.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    }
    cursor.insertBlock(block);
    QTextCharFormat format = ExhibitDocument::textFormat(style, points, true);
    format.setForeground(style.accent);
    cursor.insertText(text, format);
}

void paragraph(QTextCursor& cursor, const ExhibitDocument::Style& style, const QString& text, bool italic = false)
{
    cursor.insertBlock(ExhibitDocument::spacing(2, 2));
    cursor.insertText(text, ExhibitDocument::textFormat(style, 10, false, italic));
}

// A table with rules a pen can write between. Padding and rules are in the device's pixels, so
// they follow its resolution.
QTextTable* table(QTextCursor& cursor, const QPaintDevice& device, int rows, int columns)
{
    const double mm = device.logicalDpiX() / 25.4;
    QTextTableFormat format;
    format.setCellPadding(2 * mm);
    format.setCellSpacing(0);
    format.setBorder(0.3 * mm);
    format.setBorderBrush(QColor(0x70, 0x70, 0x70));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setHeaderRowCount(1);
    return cursor.insertTable(rows, columns, format);
}

void cell(QTextTable* table, int row, int column, const QString& text, const QTextCharFormat& format)
{
    QTextCursor at = table->cellAt(row, column).firstCursorPosition();
    at.insertText(text, format);
}

void coverPage(QTextCursor& cursor, const ExhibitDocument::Style& style, const Pack& pack)
{
    cursor.setBlockFormat(ExhibitDocument::spacing(0, 4));
    QTextCharFormat title = ExhibitDocument::textFormat(style, 20, true);
    title.setForeground(style.accent);
    cursor.insertText(QStringLiteral("Panel pack: %1").arg(pack.panel.name), title);
    paragraph(cursor, style, QStringLiteral("%1 · %2").arg(pack.panel.edition, Panel::nameOf(pack.panel)));

    heading(cursor, style, QStringLiteral("Reviewers"), 13);
    if (pack.panel.reviewers.isEmpty()) {
        paragraph(cursor, style, QStringLiteral("No reviewers are recorded for this panel yet."), true);
    }
    for (const Reviewer& reviewer : pack.panel.reviewers) {
        paragraph(cursor, style, QStringLiteral("• ") + reviewerLine(reviewer));
    }

    heading(cursor, style, QStringLiteral("How to score"), 13);
    paragraph(cursor, style,
              QStringLiteral("Score each submission against each criterion from %1 (little shown) to %2 (strongly "
                             "shown), with a short comment. A reviewer from one of a submission's own authorities "
                             "does not score it: the sheet marks the conflict.")
                  .arg(PanelScore::Lowest)
                  .arg(PanelScore::Highest));
    for (const QString& criterion : pack.criteria) {
        paragraph(cursor, style, QStringLiteral("• ") + criterion);
    }

    heading(cursor, style, QStringLiteral("Submissions (%1)").arg(pack.submissions.size()), 13);
    for (const Submission& submission : pack.submissions) {
        QString line = QStringLiteral("• %1, %2")
                           .arg(submission.shown.title, submission.shown.authorities().join(QStringLiteral(", ")));
        const QStringList conflicts = Panel::conflictsOf(pack.panel, submission.scored);
        if (!conflicts.isEmpty()) {
            line += QStringLiteral(" (conflict of interest: %1)").arg(conflicts.join(QStringLiteral(", ")));
        }
        paragraph(cursor, style, line);
    }
}

void scoringSheet(QTextCursor& cursor, const ExhibitDocument::Style& style, const Pack& pack,
                  const Submission& submission)
{
    heading(cursor, style, QStringLiteral("Scoring sheet: %1").arg(submission.shown.title), 13, true);
    QList<Reviewer> scoring;
    for (const Reviewer& reviewer : pack.panel.reviewers) {
        if (Panel::hasConflict(reviewer, submission.scored)) {
            paragraph(cursor, style,
                      QStringLiteral("Conflict of interest: %1 is from %2, an authority of this submission, and does "
                                     "not score it.")
                          .arg(reviewer.name, reviewer.authority),
                      true);
        } else {
            scoring << reviewer;
        }
    }
    if (scoring.isEmpty()) {
        paragraph(cursor, style, QStringLiteral("No reviewer on the panel is free to score this submission."), true);
        return;
    }
    cursor.insertBlock(ExhibitDocument::spacing(4, 0));
    QTextTable* sheet = table(cursor, *cursor.document()->documentLayout()->paintDevice(),
                              int(pack.criteria.size()) + 2, int(scoring.size()) + 1);
    const QTextCharFormat bold = ExhibitDocument::textFormat(style, 9.5, true);
    const QTextCharFormat plain = ExhibitDocument::textFormat(style, 9.5);
    const QTextCharFormat blank = ExhibitDocument::textFormat(style, 9.5, false, true);
    cell(sheet, 0, 0, QStringLiteral("Criterion"), bold);
    for (int r = 0; r < scoring.size(); ++r) {
        cell(sheet, 0, r + 1, scoring.at(r).name, bold);
    }
    for (int c = 0; c < pack.criteria.size(); ++c) {
        cell(sheet, c + 1, 0, pack.criteria.at(c), bold);
        for (int r = 0; r < scoring.size(); ++r) {
            QString text = QStringLiteral("1  2  3  4\n\n");
            QTextCharFormat format = blank;
            for (const PanelScore& score : submission.scored.scores) {
                if (score.reviewer == scoring.at(r).name && score.criterion == pack.criteria.at(c)) {
                    text = QStringLiteral("%1 of %2").arg(score.score).arg(PanelScore::Highest);
                    if (!score.comment.isEmpty()) {
                        text += QLatin1Char('\n') + score.comment;
                    }
                    format = plain;
                }
            }
            cell(sheet, c + 1, r + 1, text, format);
        }
    }
    const PanelResult result = Panel::resultOf(pack.panel, pack.criteria, submission.scored);
    const int last = int(pack.criteria.size()) + 1;
    sheet->mergeCells(last, 0, 1, int(scoring.size()) + 1);
    cell(sheet, last, 0,
         result.hasScores() ? QStringLiteral("Panel so far: %1 of %2, suggesting \"%3\".")
                                  .arg(QString::number(result.overall, 'f', 1))
                                  .arg(PanelScore::Highest)
                                  .arg(result.recognition())
                            : QStringLiteral("Agreed recognition and feedback:\n\n\n"),
         result.hasScores() ? bold : blank);
    cursor.movePosition(QTextCursor::End);
}

} // namespace

int paint(const Pack& pack, QPagedPaintDevice& device)
{
    const ExhibitDocument::Style style; // as printed: no reviews, status or tag slugs
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&device);
    document.setDocumentMargin(0);
    QTextCursor cursor(&document);
    coverPage(cursor, style, pack);
    for (const Submission& submission : pack.submissions) {
        QTextBlockFormat pageStart;
        pageStart.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.insertBlock(pageStart);
        ExhibitDocument::write(cursor, submission.shown, style);
        scoringSheet(cursor, style, pack, submission);
    }

    const double mm = device.logicalDpiX() / 25.4;
    const QRectF content(MarginMm * mm, MarginMm * mm, device.width() - 2 * MarginMm * mm,
                         device.height() - (2 * MarginMm + FooterMm) * mm);
    document.setPageSize(content.size());
    QPainter painter(&device);
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            device.newPage();
        }
        painter.save();
        painter.translate(content.left(), content.top() - page * content.height());
        document.drawContents(&painter, QRectF(0, page * content.height(), content.width(), content.height()));
        painter.restore();
        QFont footer(style.fontFamily);
        footer.setPointSizeF(8);
        painter.setFont(footer);
        painter.setPen(style.muted);
        painter.drawText(QRectF(content.left(), content.bottom() + 3 * mm, content.width(), FooterMm * mm),
                         Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("Panel pack: %1 · for the panel only").arg(pack.panel.name));
        painter.drawText(QRectF(content.left(), content.bottom() + 3 * mm, content.width(), FooterMm * mm),
                         Qt::AlignRight | Qt::AlignTop, QStringLiteral("page %1 of %2").arg(page + 1).arg(pages));
    }
    return pages;
}

int write(const Pack& pack, const QString& path)
{
    int pages = 0;
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF());
    writeFileAtomically(path, paintedPdf(layout,
                                         QStringLiteral("Panel pack: %1, %2").arg(pack.panel.name, pack.panel.edition),
                                         QStringLiteral("Practice Spotlight sponsoring panel pack"),
                                         [&](QPagedPaintDevice& device) { pages = paint(pack, device); }));
    return pages;
}

} // namespace spotlight::PanelPackPdf
