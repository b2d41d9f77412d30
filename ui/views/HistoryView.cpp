#include "HistoryView.h"

#include <QHeaderView>

#include <algorithm>

namespace spotlight {
namespace {

// Long values (a description) are shown by their start; the tooltip has them whole.
QString shortened(const QString& value)
{
    const QString line = value.simplified();
    return line.size() > 80 ? line.left(79) + QStringLiteral("…") : line;
}

} // namespace

HistoryView::HistoryView(QWidget* parent)
    : QTreeWidget(parent)
{
    setAccessibleName(tr("Change history"));
    setColumnCount(5);
    setHeaderLabels({tr("When"), tr("Who"), tr("Change"), tr("Before"), tr("After")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    // The pane is narrow beside the list: fitColumns shares its width out, and the last column takes
    // what is left, so that the values are never pushed off to the right behind a scroll bar.
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setStretchLastSection(true);
    // What a stretched last column keeps at least: its default width would outgrow a narrow pane.
    header()->setDefaultSectionSize(header()->minimumSectionSize());
}

void HistoryView::showHistory(const QList<ChangeLogEntry>& entries)
{
    clear();
    QList<QTreeWidgetItem*> items;
    for (const ChangeLogEntry& entry : entries) {
        const QString change =
            entry.field.isEmpty() ? entry.action : QStringLiteral("%1 %2").arg(entry.action, entry.field);
        auto* item = new QTreeWidgetItem({entry.at.toLocalTime().toString(QStringLiteral("d MMM yyyy HH:mm")),
                                          entry.who, change, shortened(entry.before), shortened(entry.after)});
        item->setToolTip(1, entry.who);
        item->setToolTip(2, change);
        item->setToolTip(3, entry.before);
        item->setToolTip(4, entry.after);
        items << item;
    }
    addTopLevelItems(items);
    fitColumns();
}

void HistoryView::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    fitColumns();
}

void HistoryView::fitColumns()
{
    // When takes what it needs; who and what change, what they need up to a fifth of the pane each
    // (a long name or field is elided, and whole in its tooltip); Before gets half of the rest and
    // After, the last, stretches over the other half.
    const int available = viewport()->width();
    int used = 0;
    for (int column = 0; column < 3; ++column) {
        const int wanted = std::max(sizeHintForColumn(column), header()->sectionSizeHint(column));
        const int width = column == 0 ? wanted : std::min(wanted, available / 5);
        setColumnWidth(column, width);
        used += width;
    }
    const int rest = std::max(available - used, 0);
    setColumnWidth(3, rest / 2);
    setColumnWidth(4, rest - rest / 2);
}

} // namespace spotlight
