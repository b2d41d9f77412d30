#include "FilterChips.h"

#include "search/Query.h"

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

void FilterChips::showFiltersOf(const QString& query)
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    std::vector<QueryNode> fields;
    try {
        fields = QueryParser::topLevelFields(QueryParser::parse(query));
    } catch (const QueryError&) {
        // A broken query has no chips; the search bar says what is wrong.
    }
    setVisible(!fields.empty());
    if (fields.empty()) {
        return;
    }
    m_layout->addWidget(new QLabel(tr("Filters:"), this));
    for (const QueryNode& field : fields) {
        const QString text = query.mid(field.column - 1, field.length);
        auto* chip = new QToolButton(this);
        chip->setText(text + QStringLiteral("  \u2715"));
        chip->setToolTip(tr("Remove the filter %1").arg(text));
        chip->setAccessibleName(tr("Remove filter %1").arg(text));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, [this, query, field] {
            QString edited = query;
            edited.remove(field.column - 1, field.length);
            Q_EMIT queryEdited(edited.simplified());
        });
        m_layout->addWidget(chip);
    }
    m_layout->addStretch(1);
}

} // namespace spotlight
