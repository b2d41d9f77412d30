#pragma once

#include "domain/SavedSearch.h"
#include "search/SearchEngine.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace spotlight {

// Counts for the current query by authority, category, tag (as a tree), evidence level, status
// and edition, and the saved searches. Activating a value (click, Enter) adds it as a filter, or
// removes it when the query has it; an authority is announced by its GSS code for the window to
// write into the query, as the map's tiles are.
class FacetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FacetPanel(QWidget* parent = nullptr);
    void setFacets(const Facets& facets, const QList<SavedSearch>& savedSearches);

Q_SIGNALS:
    void filterChosen(const QString& filter);
    void authorityChosen(const QString& gssCode);
    void savedSearchChosen(const QString& query);
    void saveSearchRequested();

private:
    QTreeWidgetItem* group(const QString& title, const QString& key);
    QTreeWidgetItem* add(QTreeWidgetItem* parent, const QString& label, qint64 count, const QString& filter);

    QTreeWidget* m_tree;
};

} // namespace spotlight
