#pragma once

#include "domain/ChangeLogEntry.h"

#include <QTreeWidget>

namespace spotlight {

// An exhibit's change history, newest first: when, who, what, and the value before and after.
class HistoryView : public QTreeWidget
{
    Q_OBJECT

public:
    explicit HistoryView(QWidget* parent = nullptr);
    void showHistory(const QList<ChangeLogEntry>& entries);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitColumns();
};

} // namespace spotlight
