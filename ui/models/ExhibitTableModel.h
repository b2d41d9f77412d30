#pragma once

#include "domain/Exhibit.h"
#include "search/SearchEngine.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace spotlight {

class Catalogue;

// The results of a search as a table. It knows every match's id from the start (so the
// scrollbar is right for 100,000 rows) and loads the exhibits it is asked to show, a page at a
// time, from the catalogue. Sorting is done by the search, in SQL: sort() asks for it.
class ExhibitTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Title,
        LeadAuthority,
        Partners,
        Categories,
        Level,
        Status,
        Updated,
        ColumnCount,
    };
    enum Role
    {
        ExhibitIdRole = Qt::UserRole + 1,
        RefRole,
        VersionRole, // the version the row was read at, for changes made from this list
        SummaryRole,
        TagsRole,
    };

    explicit ExhibitTableModel(QObject* parent = nullptr);

    void setCatalogue(const Catalogue* catalogue);
    void setResults(const QList<qint64>& ids);
    // Drops loaded rows so that they are read again, after the catalogue changed: all of them, or
    // only the rows of the exhibits with `refs`.
    void reload();
    void reload(const QStringList& refs);

    std::optional<Exhibit> exhibitAt(int row) const;
    qint64 idAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static SortOrder sortOrderFor(int column, Qt::SortOrder order);

Q_SIGNALS:
    void sortRequested(spotlight::SortOrder order);
    // Rows could not be read from the catalogue; they show empty until it can be read again.
    void pageLoadFailed(const QString& message);

private:
    static constexpr int PageSize = 100;
    const Exhibit* loaded(int row) const;

    const Catalogue* m_catalogue = nullptr;
    QList<qint64> m_ids;
    mutable QHash<int, QList<Exhibit>> m_pages; // page number -> its exhibits
    mutable QString m_lastLoadError;            // said once, not for every row painted
};

} // namespace spotlight
