#pragma once

#include "domain/Authority.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;

namespace spotlight {

struct QueryNode;

// The field filters that narrow the current query, as chips that can be removed one by one: each
// filter AND-ed at the top level, and each of a top-level OR group of filters on one field, such
// as the boroughs chosen on the map. A borough shows the authority's name, however it was typed.
class FilterChips : public QWidget
{
    Q_OBJECT

public:
    explicit FilterChips(QWidget* parent = nullptr);
    void setAuthorities(const QList<Authority>& authorities);
    void showFiltersOf(const QString& query);

Q_SIGNALS:
    // The query with one filter taken out.
    void queryEdited(const QString& query);

private:
    QString labelOf(const QueryNode& filter, const QString& typed) const;

    QHBoxLayout* m_layout;
    QList<Authority> m_authorities;
};

} // namespace spotlight
