#include "HistoryView.h"

#include <QHeaderView>

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
    // When, who and what take what they need; the values share the rest.
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(3, QHeaderView::Stretch);
    header()->setSectionResizeMode(4, QHeaderView::Stretch);
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
        item->setToolTip(3, entry.before);
        item->setToolTip(4, entry.after);
        items << item;
    }
    addTopLevelItems(items);
}

} // namespace spotlight
