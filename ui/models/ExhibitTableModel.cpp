#include "ExhibitTableModel.h"

#include "Catalogue.h"
#include "Error.h"

#include <QLocale>
#include <QSet>

namespace spotlight {
namespace {

// Pages kept in memory; a view shows a handful, so this bounds memory for any result size.
constexpr int KeptPages = 40;

} // namespace

ExhibitTableModel::ExhibitTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ExhibitTableModel::setCatalogue(const Catalogue* catalogue)
{
    beginResetModel();
    m_catalogue = catalogue;
    m_ids.clear();
    m_pages.clear();
    endResetModel();
}

void ExhibitTableModel::setResults(const QList<qint64>& ids)
{
    beginResetModel();
    m_ids = ids;
    m_pages.clear();
    endResetModel();
}

void ExhibitTableModel::reload()
{
    m_pages.clear();
    if (!m_ids.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
    }
}

void ExhibitTableModel::reload(const QStringList& refs)
{
    if (refs.isEmpty()) {
        reload();
        return;
    }
    const QSet<QString> changed(refs.begin(), refs.end());
    for (auto page = m_pages.begin(); page != m_pages.end();) {
        const bool touched = std::any_of(page->begin(), page->end(),
                                         [&changed](const Exhibit& exhibit) { return changed.contains(exhibit.ref); });
        if (!touched) {
            ++page;
            continue;
        }
        const int first = page.key() * PageSize;
        const int last = std::min(int(m_ids.size()), first + PageSize) - 1;
        page = m_pages.erase(page);
        if (first <= last) {
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        }
    }
}

const Exhibit* ExhibitTableModel::loaded(int row) const
{
    if (!m_catalogue || row < 0 || row >= m_ids.size()) {
        return nullptr;
    }
    const int page = row / PageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        if (m_pages.size() >= KeptPages) {
            m_pages.clear();
        }
        QList<Exhibit> exhibits;
        try {
            exhibits = m_catalogue->exhibitsWithIds(m_ids.mid(qsizetype(page) * PageSize, PageSize));
        } catch (const Error& error) {
            if (error.message() != m_lastLoadError) {
                m_lastLoadError = error.message();
                // Not from inside data(): the view may be painting.
                QMetaObject::invokeMethod(
                    const_cast<ExhibitTableModel*>(this),
                    [this, message = error.message()] {
                        Q_EMIT const_cast<ExhibitTableModel*>(this)->pageLoadFailed(message);
                    },
                    Qt::QueuedConnection);
            }
            return nullptr;
        }
        m_lastLoadError.clear();
        found = m_pages.insert(page, exhibits);
    }
    const int offset = row % PageSize;
    return offset < found->size() ? &found->at(offset) : nullptr;
}

std::optional<Exhibit> ExhibitTableModel::exhibitAt(int row) const
{
    const Exhibit* exhibit = loaded(row);
    return exhibit ? std::optional<Exhibit>(*exhibit) : std::nullopt;
}

qint64 ExhibitTableModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int ExhibitTableModel::rowOf(qint64 id) const
{
    // A scan, not a hash built on every result: the window asks for one row per search, and
    // scanning 100,000 ids takes microseconds.
    return int(m_ids.indexOf(id));
}

int ExhibitTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ExhibitTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExhibitTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size()) {
        return {};
    }
    if (role == ExhibitIdRole) {
        return m_ids.at(index.row());
    }
    const Exhibit* exhibit = loaded(index.row());
    if (!exhibit) {
        return {};
    }
    switch (role) {
    case RefRole:
        return exhibit->ref;
    case VersionRole:
        return exhibit->version;
    case SummaryRole:
        return exhibit->summary;
    case TagsRole:
        return exhibit->tags;
    case Qt::ToolTipRole:
        return index.column() == Level ? evidenceLevelLabel(exhibit->evidenceLevel) : exhibit->summary;
    case Qt::TextAlignmentRole:
        return index.column() == Level ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Title:
            return exhibit->title;
        case LeadAuthority:
            return exhibit->leadAuthority;
        case Partners:
            return exhibit->partnerAuthorities.join(QStringLiteral(", "));
        case Categories:
            return exhibit->categories.join(QStringLiteral("; "));
        case Level:
            return exhibit->evidenceLevel;
        case Status:
            return statusLabel(exhibit->status);
        case Updated:
            return QLocale().toString(exhibit->updated.toLocalTime().date(), QLocale::ShortFormat);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ExhibitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Title:
        return tr("Title");
    case LeadAuthority:
        return tr("Lead authority");
    case Partners:
        return tr("Partners");
    case Categories:
        return tr("Categories");
    case Level:
        return tr("Level");
    case Status:
        return tr("Status");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

SortOrder ExhibitTableModel::sortOrderFor(int column, Qt::SortOrder order)
{
    const bool descending = order == Qt::DescendingOrder;
    switch (column) {
    case Title:
        return {SortOrder::Key::Title, descending};
    case LeadAuthority:
        return {SortOrder::Key::LeadAuthority, descending};
    case Level:
        return {SortOrder::Key::Level, descending};
    case Status:
        return {SortOrder::Key::Status, descending};
    case Updated:
        return {SortOrder::Key::Updated, descending};
    default:
        return {SortOrder::Key::Relevance, false};
    }
}

void ExhibitTableModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT sortRequested(sortOrderFor(column, order));
}

} // namespace spotlight
