#pragma once

#include <QWidget>

class QHBoxLayout;

namespace spotlight {

// The field filters that narrow the current query, as chips that can be removed one by one.
class FilterChips : public QWidget
{
    Q_OBJECT

public:
    explicit FilterChips(QWidget* parent = nullptr);
    void showFiltersOf(const QString& query);

Q_SIGNALS:
    // The query with one filter taken out.
    void queryEdited(const QString& query);

private:
    QHBoxLayout* m_layout;
};

} // namespace spotlight
