// The write path's changes to editions and their categories, saved searches and privacy decisions.
#include "Curation.h"
#include "Error.h"
#include "check/PrivacyCheck.h"
#include "search/SearchEngine.h"
#include "storage/Stores.h"

namespace spotlight {

void Curation::saveEdition(const QString& originalName, const Edition& edition)
{
    if (edition.name.trimmed().isEmpty()) {
        throw Error(QStringLiteral("An edition needs a name, such as \"Practice Spotlight 2026\"."));
    }
    if (edition.year < 2000 || edition.year > 2100) {
        throw Error(QStringLiteral("The year of \"%1\" must be between 2000 and 2100.").arg(edition.name));
    }
    if (edition.startsOn.isValid() && edition.endsOn.isValid() && edition.endsOn < edition.startsOn) {
        throw Error(QStringLiteral("\"%1\" ends before it starts.").arg(edition.name));
    }
    Write what{
        tr("Save the edition \"%1\"").arg(edition.name), {}, {}, CatalogueChange::Editions | CatalogueChange::Exhibits};
    what.editionTables = true;
    write(what, [&] {
        if (originalName.isEmpty()) {
            if (m_stores.editions.editionId(edition.name)) {
                throw Error(QStringLiteral("There is already an edition called \"%1\".").arg(edition.name));
            }
            m_stores.editions.insert(edition);
        } else {
            m_stores.editions.update(originalName, edition);
        }
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("edition"), QStringLiteral("edition"), originalName, edition.name});
    });
}

void Curation::setEditionArchived(const QString& name, bool archived)
{
    for (Edition edition : m_stores.editions.editions()) {
        if (edition.name.compare(name, Qt::CaseInsensitive) == 0) {
            edition.archived = archived;
            saveEdition(edition.name, edition);
            return;
        }
    }
    throw Error(QStringLiteral("There is no edition called \"%1\".").arg(name));
}

void Curation::saveCategory(const QString& originalName, const Category& category)
{
    if (category.name.trimmed().isEmpty()) {
        throw Error(QStringLiteral("A category needs a name."));
    }
    Write what{tr("Save the category \"%1\"").arg(category.name),
               {},
               {},
               CatalogueChange::Categories | CatalogueChange::Exhibits};
    what.editionTables = true;
    write(what, [&] {
        if (originalName.isEmpty()) {
            const auto edition = m_stores.editions.editionId(category.edition);
            if (edition && m_stores.editions.categoryId(*edition, category.name)) {
                throw Error(QStringLiteral("\"%1\" already has a category called \"%2\".")
                                .arg(category.edition, category.name));
            }
            m_stores.editions.insert(category);
        } else {
            m_stores.editions.update(originalName, category);
        }
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("category"), category.edition, originalName, category.name});
    });
}

void Curation::removeCategory(const Category& category)
{
    Write what{tr("Remove the category \"%1\"").arg(category.name), {}, {}, CatalogueChange::Categories};
    what.editionTables = true;
    write(what, [&] {
        m_stores.editions.remove(category);
        m_stores.changeLog.record({{}, {}, {}, QStringLiteral("remove-category"), category.edition, category.name, {}});
    });
}

void Curation::saveSearch(const SavedSearch& search)
{
    if (search.name.trimmed().isEmpty()) {
        throw Error(QStringLiteral("A saved search needs a name."));
    }
    m_search.search(search.query, 1); // refuse a query that cannot run
    Write what{tr("Save the search \"%1\"").arg(search.name), {}, {}, CatalogueChange::SavedSearches};
    what.savedSearches = true;
    write(what, [&] { m_stores.savedSearches.save(search); });
}

bool Curation::removeSearch(const QString& name)
{
    bool removed = false;
    Write what{tr("Remove the search \"%1\"").arg(name), {}, {}, CatalogueChange::SavedSearches};
    what.savedSearches = true;
    write(what, [&] { removed = m_stores.savedSearches.remove(name); });
    return removed;
}

void Curation::markPrivacyReviewed(const PrivacyFinding& finding, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        throw Error(QStringLiteral("Say why this finding is fine to publish, for whoever reads the history."));
    }
    Write what{
        tr("Mark a finding in \"%1\" reviewed").arg(finding.exhibitRef), {}, {}, CatalogueChange::PrivacyReviews};
    what.privacyDecision = std::pair{finding.exhibitRef, finding.key()};
    write(what, [&] {
        m_stores.privacyReviews.markReviewed(finding, reason.trimmed(), author());
        m_stores.changeLog.record({{},
                                   {},
                                   finding.exhibitRef,
                                   QStringLiteral("privacy-reviewed"),
                                   finding.field,
                                   QStringLiteral("%1: %2").arg(finding.kind, finding.match),
                                   reason.trimmed()});
    });
}

} // namespace spotlight
