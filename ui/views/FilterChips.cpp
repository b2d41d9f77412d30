#include "FilterChips.h"

#include "search/QueryEdit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace spotlight {

FilterChips::FilterChips(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    setAccessibleName(tr("Active filters"));
}

void FilterChips::setAuthorities(const QList<Authority>& authorities)
{
    m_authorities = authorities;
}

QString FilterChips::labelOf(const QueryNode& filter, const QString& typed) const
{
    if (filter.field == QLatin1String("borough")) {
        for (const Authority& authority : m_authorities) {
            if (authority.isCalled(filter.text)) {
                return tr("borough: %1").arg(authority.name);
            }
        }
    }
    return typed;
}

void FilterChips::showFiltersOf(const QString& query)
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    std::vector<std::vector<QueryNode>> chosen;
    try {
        chosen = QueryEdit::chosenFilters(QueryParser::parse(query));
    } catch (const QueryError&) {
        // A broken query has no chips; the search bar says what is wrong.
    }
    setVisible(!chosen.empty());
    if (chosen.empty()) {
        return;
    }
    m_layout->addWidget(new QLabel(tr("Filters:"), this));
    for (const std::vector<QueryNode>& alternatives : chosen) {
        for (std::size_t i = 0; i < alternatives.size(); ++i) {
            const QueryNode& filter = alternatives.at(i);
            const QString typed = query.mid(filter.column - 1, filter.length);
            const QString label = i == 0 ? labelOf(filter, typed) : tr("or %1").arg(labelOf(filter, typed));
            auto* chip = new QToolButton(this);
            chip->setText(label + QStringLiteral("  \u2715"));
            chip->setToolTip(tr("Remove the filter %1").arg(typed));
            chip->setAccessibleName(tr("Remove filter %1").arg(label));
            chip->setAutoRaise(false);
            connect(chip, &QToolButton::clicked, this,
                    [this, query, typed] { Q_EMIT queryEdited(QueryEdit::removeFilter(query, typed)); });
            m_layout->addWidget(chip);
        }
    }
    m_layout->addStretch(1);
}

} // namespace spotlight
