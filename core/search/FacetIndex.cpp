#include "FacetIndex.h"

#include "domain/CurationStatus.h"
#include "domain/EvidenceKind.h"
#include "storage/Database.h"
#include "storage/Query.h"

#include <algorithm>

namespace spotlight {
namespace {

// The index of `name` in `names`, adding it when new.
int indexOf(QStringList& names, QHash<QString, int>& lookup, const QString& name)
{
    const auto found = lookup.constFind(name);
    if (found != lookup.constEnd()) {
        return found.value();
    }
    names << name;
    lookup.insert(name, int(names.size() - 1));
    return int(names.size() - 1);
}

void sortByCountThenLabel(QList<FacetValue>& values)
{
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.label.localeAwareCompare(b.label) < 0;
    });
}

} // namespace

FacetIndex::FacetIndex(const Database& database)
    : m_database(database)
{}

void FacetIndex::reloadIfChanged()
{
    const std::pair<quint64, qint64> now{m_database.commitCount(), m_database.dataVersion()};
    if (m_loadedAt != now) {
        load();
        m_loadedAt = now;
    }
}

void FacetIndex::load()
{
    m_exhibits.clear();
    m_rowOf.clear();
    m_statusKeys = allStatusKeys();
    m_editionNames.clear();
    m_categoryNames.clear();
    m_familyNames.clear();
    m_authorities.clear();

    QHash<qint64, int> editionIndex;
    Query editions(m_database, QStringLiteral("SELECT id, name FROM edition ORDER BY year DESC, name"));
    editions.exec();
    while (editions.next()) {
        editionIndex.insert(editions.integer(0), int(m_editionNames.size()));
        m_editionNames << editions.text(1);
    }

    Query exhibits(m_database, QStringLiteral("SELECT id, evidence_level, status, edition_id FROM exhibit"));
    exhibits.exec();
    while (exhibits.next()) {
        Exhibit exhibit;
        exhibit.level = int(exhibits.integer(1));
        exhibit.status = int(m_statusKeys.indexOf(exhibits.text(2)));
        exhibit.edition = exhibits.value(3).isNull() ? -1 : editionIndex.value(exhibits.integer(3), -1);
        m_rowOf.insert(exhibits.integer(0), m_exhibits.size());
        m_exhibits.append(exhibit);
    }

    const QStringList kindKeys = allEvidenceKindKeys();
    Query kinds(m_database, QStringLiteral("SELECT DISTINCT exhibit_id, kind FROM evidence"));
    kinds.exec();
    while (kinds.next()) {
        const qsizetype kind = kindKeys.indexOf(kinds.text(1));
        if (kind >= 0) {
            m_exhibits[m_rowOf.value(kinds.integer(0))].kinds |= 1U << kind;
        }
    }

    Query authorities(m_database, QStringLiteral("SELECT id, gss_code, name FROM authority"));
    authorities.exec();
    while (authorities.next()) {
        m_authorities.insert(int(authorities.integer(0)), {authorities.text(1), authorities.text(2)});
    }
    Query exhibitAuthorities(m_database, QStringLiteral("SELECT exhibit_id, authority_id FROM exhibit_authority"));
    exhibitAuthorities.exec();
    while (exhibitAuthorities.next()) {
        m_exhibits[m_rowOf.value(exhibitAuthorities.integer(0))].authorities << int(exhibitAuthorities.integer(1));
    }

    // Categories count by name, so one category in several editions is one facet value.
    QHash<QString, int> categoryLookup;
    QHash<qint64, int> categoryIndex;
    Query categories(m_database, QStringLiteral("SELECT id, name FROM category"));
    categories.exec();
    while (categories.next()) {
        categoryIndex.insert(categories.integer(0), indexOf(m_categoryNames, categoryLookup, categories.text(1)));
    }
    Query exhibitCategories(m_database, QStringLiteral("SELECT exhibit_id, category_id FROM exhibit_category"));
    exhibitCategories.exec();
    while (exhibitCategories.next()) {
        QList<int>& list = m_exhibits[m_rowOf.value(exhibitCategories.integer(0))].categories;
        const int index = categoryIndex.value(exhibitCategories.integer(1));
        if (!list.contains(index)) {
            list << index;
        }
    }

    // Each tag stands for itself and its ancestors: "send/autism" counts towards "send" too.
    QHash<QString, int> familyLookup;
    QHash<qint64, QList<int>> familiesOfTag;
    Query tags(m_database, QStringLiteral("SELECT id, name FROM tag"));
    tags.exec();
    while (tags.next()) {
        const QStringList levels = tags.text(1).split(QLatin1Char('/'));
        QList<int> families;
        for (qsizetype depth = 1; depth <= levels.size(); ++depth) {
            families << indexOf(m_familyNames, familyLookup, levels.mid(0, depth).join(QLatin1Char('/')));
        }
        familiesOfTag.insert(tags.integer(0), families);
    }
    Query exhibitTags(m_database, QStringLiteral("SELECT exhibit_id, tag_id FROM exhibit_tag"));
    exhibitTags.exec();
    while (exhibitTags.next()) {
        QList<int>& list = m_exhibits[m_rowOf.value(exhibitTags.integer(0))].tagFamilies;
        for (const int family : familiesOfTag.value(exhibitTags.integer(1))) {
            if (!list.contains(family)) {
                list << family;
            }
        }
    }
}

Facets FacetIndex::count(const std::optional<QList<qint64>>& ids)
{
    reloadIfChanged();
    QList<qint64> levelCounts(MaxEvidenceLevel + 1);
    QList<qint64> statusCounts(m_statusKeys.size());
    QList<qint64> editionCounts(m_editionNames.size());
    QList<qint64> categoryCounts(m_categoryNames.size());
    QList<qint64> familyCounts(m_familyNames.size());
    const QStringList kindKeys = allEvidenceKindKeys();
    QList<qint64> kindCounts(kindKeys.size());
    // Authority ids are small (33 of them): counted by id, without hashing 100,000 times.
    int lastAuthority = 0;
    for (auto it = m_authorities.constBegin(); it != m_authorities.constEnd(); ++it) {
        lastAuthority = std::max(lastAuthority, it.key());
    }
    QList<qint64> authorityCounts(lastAuthority + 1);

    auto add = [&](const Exhibit& exhibit) {
        ++levelCounts[exhibit.level];
        if (exhibit.status >= 0) {
            ++statusCounts[exhibit.status];
        }
        if (exhibit.edition >= 0) {
            ++editionCounts[exhibit.edition];
        }
        for (const int authority : exhibit.authorities) {
            if (authority <= lastAuthority) {
                ++authorityCounts[authority];
            }
        }
        for (const int category : exhibit.categories) {
            ++categoryCounts[category];
        }
        for (const int family : exhibit.tagFamilies) {
            ++familyCounts[family];
        }
        for (qsizetype kind = 0; kind < kindCounts.size(); ++kind) {
            kindCounts[kind] += (exhibit.kinds >> kind) & 1U;
        }
    };
    if (ids) {
        for (const qint64 id : *ids) {
            const auto row = m_rowOf.constFind(id);
            if (row != m_rowOf.constEnd()) {
                add(m_exhibits.at(row.value()));
            }
        }
    } else {
        for (const Exhibit& exhibit : m_exhibits) {
            add(exhibit);
        }
    }

    Facets facets;
    for (int authority = 0; authority <= lastAuthority; ++authority) {
        if (authorityCounts.at(authority) > 0) {
            const auto& [code, name] = m_authorities.value(authority);
            facets.authorities.append(FacetValue{code, name, authorityCounts.at(authority)});
        }
    }
    sortByCountThenLabel(facets.authorities);
    for (qsizetype i = 0; i < m_categoryNames.size(); ++i) {
        if (categoryCounts.at(i) > 0) {
            facets.categories.append(FacetValue{m_categoryNames.at(i), m_categoryNames.at(i), categoryCounts.at(i)});
        }
    }
    sortByCountThenLabel(facets.categories);
    for (qsizetype i = 0; i < m_familyNames.size(); ++i) {
        if (familyCounts.at(i) > 0) {
            facets.tags.append(FacetValue{m_familyNames.at(i), m_familyNames.at(i), familyCounts.at(i)});
        }
    }
    std::sort(facets.tags.begin(), facets.tags.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.key < b.key; });
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        if (levelCounts.at(level) > 0) {
            facets.levels.append(FacetValue{QString::number(level), evidenceLevelLabel(level), levelCounts.at(level)});
        }
    }
    for (qsizetype i = 0; i < kindKeys.size(); ++i) {
        if (kindCounts.at(i) > 0) {
            const QString& key = kindKeys.at(i);
            facets.kinds.append(FacetValue{
                key, evidenceKindLabel(evidenceKindFromText(key).value_or(EvidenceKind::CaseStudy)), kindCounts.at(i)});
        }
    }
    sortByCountThenLabel(facets.kinds);
    for (qsizetype i = 0; i < m_statusKeys.size(); ++i) {
        if (statusCounts.at(i) > 0) {
            const QString& key = m_statusKeys.at(i);
            facets.statuses.append(
                FacetValue{key, statusLabel(statusFromText(key).value_or(CurationStatus::Draft)), statusCounts.at(i)});
        }
    }
    sortByCountThenLabel(facets.statuses);
    for (qsizetype i = 0; i < m_editionNames.size(); ++i) {
        if (editionCounts.at(i) > 0) {
            facets.editions.append(FacetValue{m_editionNames.at(i), m_editionNames.at(i), editionCounts.at(i)});
        }
    }
    return facets;
}

} // namespace spotlight
