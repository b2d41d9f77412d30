#include "ExhibitCardDelegate.h"

#include "io/Contrast.h"
#include "models/ExhibitTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace spotlight {
namespace {

constexpr int Padding = 10;

// Up to `lines` lines of `text` wrapped to `width`, the last one elided.
QString wrapped(const QString& text, const QFontMetrics& metrics, int width, int lines)
{
    QStringList result;
    QString rest = text;
    for (int line = 0; line < lines && !rest.isEmpty(); ++line) {
        if (line == lines - 1 || metrics.horizontalAdvance(rest) <= width) {
            result << metrics.elidedText(rest, Qt::ElideRight, width);
            break;
        }
        qsizetype cut = rest.size();
        while (cut > 0 && metrics.horizontalAdvance(rest.left(cut)) > width) {
            cut = rest.lastIndexOf(QLatin1Char(' '), cut - 1);
        }
        if (cut <= 0) {
            cut = rest.size();
        }
        result << rest.left(cut);
        rest = rest.mid(cut).trimmed();
    }
    return result.join(QLatin1Char('\n'));
}

} // namespace

ExhibitCardDelegate::Colours ExhibitCardDelegate::colours(const QPalette& palette)
{
    Colours colours;
    colours.card = palette.color(QPalette::Base);
    colours.text = Contrast::readable(palette.color(QPalette::Text), colours.card);
    colours.authorities = Contrast::readable(palette.color(QPalette::Link), colours.card);
    colours.badge = palette.color(QPalette::Highlight);
    colours.badgeText = Contrast::readable(palette.color(QPalette::HighlightedText), colours.badge);
    colours.noEvidence = palette.color(QPalette::Mid);
    colours.noEvidenceText = Contrast::textOn(colours.noEvidence);
    colours.chip = palette.color(QPalette::AlternateBase);
    colours.chipText = Contrast::readable(palette.color(QPalette::PlaceholderText), colours.chip);
    return colours;
}

QSize ExhibitCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics metrics(option.font);
    return {option.rect.width() > 0 ? option.rect.width() : 400, metrics.height() * 6 + 3 * Padding};
}

void ExhibitCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto* model = qobject_cast<const ExhibitTableModel*>(index.model());
    const std::optional<Exhibit> exhibit = model ? model->exhibitAt(index.row()) : std::nullopt;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& palette = option.palette;
    const Colours colours = ExhibitCardDelegate::colours(palette);
    const bool selected = option.state & QStyle::State_Selected;
    const QRectF card = QRectF(option.rect).adjusted(4, 3, -4, -3);
    painter->setPen(
        QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid), selected ? 2 : 1));
    painter->setBrush(colours.card);
    painter->drawRoundedRect(card, 6, 6);
    if (option.state & QStyle::State_HasFocus) {
        // The current card of a focused list: a second, heavier ring outside the card, so that it
        // shows whether or not the card is also selected.
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1, -1.5, -1), 8, 8);
    }
    if (!exhibit) {
        painter->restore();
        return;
    }

    const QRect inner = card.toRect().adjusted(Padding, Padding, -Padding, -Padding);
    QFont titleFont = option.font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(option.font.pointSizeF() * 1.1);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics metrics(option.font);

    // The level badge, top right.
    const QString badge = tr("Level %1").arg(exhibit->evidenceLevel);
    const int badgeWidth = metrics.horizontalAdvance(badge) + 12;
    const QRect badgeRect(inner.right() - badgeWidth, inner.top(), badgeWidth, metrics.height() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(exhibit->evidenceLevel > 0 ? colours.badge : colours.noEvidence);
    painter->drawRoundedRect(badgeRect, 8, 8);
    painter->setPen(exhibit->evidenceLevel > 0 ? colours.badgeText : colours.noEvidenceText);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    int y = inner.top();
    painter->setFont(titleFont);
    painter->setPen(colours.text);
    painter->drawText(QRect(inner.left(), y, inner.width() - badgeWidth - 8, titleMetrics.height()), Qt::AlignLeft,
                      titleMetrics.elidedText(exhibit->title, Qt::ElideRight, inner.width() - badgeWidth - 8));
    y += titleMetrics.height() + 2;

    painter->setFont(option.font);
    painter->setPen(colours.authorities);
    QStringList authorities{exhibit->leadAuthority};
    authorities << exhibit->partnerAuthorities;
    painter->drawText(QRect(inner.left(), y, inner.width(), metrics.height()), Qt::AlignLeft,
                      metrics.elidedText(authorities.join(QStringLiteral(", ")), Qt::ElideRight, inner.width()));
    y += metrics.height() + 4;

    painter->setPen(colours.text);
    const QString summary = wrapped(exhibit->summary, metrics, inner.width(), 2);
    painter->drawText(QRect(inner.left(), y, inner.width(), metrics.height() * 2), Qt::AlignLeft, summary);
    y += metrics.height() * 2 + 4;

    // Tags as small chips along the bottom.
    int x = inner.left();
    for (const QString& tag : exhibit->tags) {
        const int width = metrics.horizontalAdvance(tag) + 10;
        if (x + width > inner.right()) {
            break;
        }
        const QRect chip(x, y, width, metrics.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.chip);
        painter->drawRoundedRect(chip, 6, 6);
        painter->setPen(colours.chipText);
        painter->drawText(chip, Qt::AlignCenter, tag);
        x += width + 4;
    }
    painter->restore();
}

} // namespace spotlight
