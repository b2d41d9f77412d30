#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace spotlight {

// Draws a row of ExhibitTableModel as a card: title, authorities, the start of the summary, the
// evidence level as a badge, and the tags.
class ExhibitCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // What a card draws with: the palette's roles, each text colour made readable on what it is
    // drawn over, so that a card reads on a dark palette as on a light one.
    struct Colours
    {
        QColor card;
        QColor text; // the title and summary
        QColor authorities;
        QColor badge; // an exhibit with evidence; without, the badge is `noEvidence`
        QColor badgeText;
        QColor noEvidence;
        QColor noEvidenceText;
        QColor chip;
        QColor chipText;
    };
    static Colours colours(const QPalette& palette);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace spotlight
