#pragma once

#include <QStyledItemDelegate>

namespace spotlight {

// Draws a row of ExhibitTableModel as a card: title, authorities, the start of the summary, the
// evidence level as a badge, and the tags.
class ExhibitCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace spotlight
