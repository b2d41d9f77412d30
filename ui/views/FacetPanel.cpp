#include "FacetPanel.h"

#include "search/QueryEdit.h"

#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace spotlight {
namespace {

constexpr int FilterRole = Qt::UserRole + 1;
constexpr int SavedQueryRole = Qt::UserRole + 2;
constexpr int GroupKeyRole = Qt::UserRole + 3;
constexpr int AuthorityRole = Qt::UserRole + 4;

} // namespace

FacetPanel::FacetPanel(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Filters with counts"));
    m_tree->setAccessibleDescription(tr("Activate a value to add it to the search"));
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QString code = item->data(0, AuthorityRole).toString(); !code.isEmpty()) {
            Q_EMIT authorityChosen(code);
        } else if (const QString filter = item->data(0, FilterRole).toString(); !filter.isEmpty()) {
            Q_EMIT filterChosen(filter);
        } else if (const QString query = item->data(0, SavedQueryRole).toString(); !query.isNull()) {
            Q_EMIT savedSearchChosen(query);
        }
    });

    auto* save = new QPushButton(tr("Save this search…"), this);
    save->setAccessibleName(tr("Save this search"));
    connect(save, &QPushButton::clicked, this, &FacetPanel::saveSearchRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(save);
}

QTreeWidgetItem* FacetPanel::group(const QString& title, const QString& key)
{
    auto* item = new QTreeWidgetItem(m_tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setData(0, GroupKeyRole, key);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

QTreeWidgetItem* FacetPanel::add(QTreeWidgetItem* parent, const QString& label, qint64 count, const QString& filter)
{
    auto* item = new QTreeWidgetItem(parent, {label, QString::number(count)});
    item->setData(0, FilterRole, filter);
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(0, tr("%1 exhibits; activate to add %2 to the search").arg(count).arg(filter));
    item->setData(0, Qt::AccessibleTextRole, tr("%1, %2 exhibits").arg(label).arg(count));
    return item;
}

void FacetPanel::setFacets(const Facets& facets, const QList<SavedSearch>& savedSearches)
{
    // Keep what the person opened or closed across refreshes.
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!m_tree->topLevelItem(i)->isExpanded()) {
            collapsed.insert(m_tree->topLevelItem(i)->data(0, GroupKeyRole).toString());
        }
    }
    const bool firstTime = m_tree->topLevelItemCount() == 0;
    m_tree->clear();

    // A flat group: each value filters by `field`.
    auto addGroup = [this](const QString& title, const QString& key, const QList<FacetValue>& values,
                           const QString& field) {
        QTreeWidgetItem* item = group(title, key);
        for (const FacetValue& value : values) {
            add(item, value.label, value.count, QueryEdit::filterTerm(field, value.key));
        }
        return item;
    };
    // Authorities are keyed by GSS code; the window writes the name into the query.
    QTreeWidgetItem* authorities = group(tr("Authorities"), QStringLiteral("authorities"));
    for (const FacetValue& value : facets.authorities) {
        QTreeWidgetItem* item = add(authorities, value.label, value.count, QString());
        item->setData(0, AuthorityRole, value.key);
        item->setToolTip(
            0, tr("%1 exhibits; activate to add %2 to the authorities searched").arg(value.count).arg(value.label));
    }
    addGroup(tr("Categories"), QStringLiteral("categories"), facets.categories, QStringLiteral("category"));
    QTreeWidgetItem* tags = group(tr("Tags"), QStringLiteral("tags"));
    QHash<QString, QTreeWidgetItem*> tagItems;
    for (const FacetValue& value : facets.tags) { // sorted, so parents come before children
        const qsizetype slash = value.key.lastIndexOf(QLatin1Char('/'));
        QTreeWidgetItem* parent = slash < 0 ? tags : tagItems.value(value.key.left(slash), tags);
        add(parent, value.key.mid(slash + 1), value.count, QueryEdit::filterTerm(QStringLiteral("tag"), value.key));
        tagItems.insert(value.key, parent->child(parent->childCount() - 1));
    }
    QTreeWidgetItem* levels = group(tr("Evidence level"), QStringLiteral("levels"));
    for (const FacetValue& value : facets.levels) {
        add(levels, QStringLiteral("%1 \u2014 %2").arg(value.key, value.label), value.count,
            QueryEdit::filterTerm(QStringLiteral("level"), value.key));
    }
    addGroup(tr("Evidence kind"), QStringLiteral("kinds"), facets.kinds, QStringLiteral("kind"));
    addGroup(tr("Status"), QStringLiteral("statuses"), facets.statuses, QStringLiteral("status"));
    addGroup(tr("Editions"), QStringLiteral("editions"), facets.editions, QStringLiteral("edition"));
    QTreeWidgetItem* saved = group(tr("Saved searches"), QStringLiteral("saved"));
    for (const SavedSearch& search : savedSearches) {
        auto* item = new QTreeWidgetItem(saved, {search.name});
        item->setData(0, SavedQueryRole, search.query);
        item->setToolTip(0, search.query);
    }

    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        const QString key = item->data(0, GroupKeyRole).toString();
        // At first, the long lists start closed so that every group's title is in view.
        const bool closedAtFirst = key == QLatin1String("tags") || key == QLatin1String("editions");
        item->setExpanded(firstTime ? !closedAtFirst : !collapsed.contains(key));
    }
}

} // namespace spotlight
