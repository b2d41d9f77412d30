// The write path's changes to editions and their categories, saved searches and privacy decisions.
#include "Curation.h"
#include "Error.h"
#include "check/PrivacyCheck.h"
#include "search/SearchEngine.h"
#include "storage/Stores.h"

#include <QDateTime>

namespace spotlight {
namespace {

Edition requireEdition(const EditionStore& editions, const QString& name)
{
    for (const Edition& edition : editions.editions()) {
        if (edition.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return edition;
        }
    }
    throw Error(QStringLiteral("There is no edition called \"%1\".").arg(name));
}

Category requireCategory(const EditionStore& editions, const QString& edition, const QString& name)
{
    for (const Category& category : editions.categories(requireEdition(editions, edition).name)) {
        if (category.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return category;
        }
    }
    throw Error(QStringLiteral("%1 has no category called \"%2\".").arg(edition, name));
}

// `names` with each name that `renamed` holds (by its case-folded form) replaced, without repeats.
QStringList renamedCategories(const QStringList& names, const QHash<QString, QString>& renamed)
{
    QStringList result;
    for (const QString& name : names) {
        const QString mapped = renamed.value(name.toCaseFolded(), name);
        if (!result.contains(mapped, Qt::CaseInsensitive)) {
            result << mapped;
        }
    }
    return result;
}

} // namespace

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

void Curation::removeEdition(const QString& name)
{
    const Edition edition = requireEdition(m_stores.editions, name);
    Write what{tr("Delete the edition \"%1\"").arg(edition.name),
               {},
               {},
               CatalogueChange::Editions | CatalogueChange::Categories};
    what.editionTables = true;
    write(what, [&] {
        m_stores.editions.removeEdition(edition.name);
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("remove-edition"), QStringLiteral("edition"), edition.name, {}});
    });
}

int Curation::mergeEdition(const QString& from, const QString& into, QStringList* standsCleared)
{
    const Edition source = requireEdition(m_stores.editions, from);
    const Edition target = requireEdition(m_stores.editions, into);
    if (source.name == target.name) {
        throw Error(QStringLiteral("\"%1\" cannot be merged into itself; choose another edition.").arg(source.name));
    }
    const QStringList refs = m_stores.exhibits.refsIn(source.name);
    Write what{tr("Merge the edition \"%1\" into \"%2\"").arg(source.name, target.name),
               refs,
               {},
               CatalogueChange::Editions | CatalogueChange::Categories | CatalogueChange::Exhibits};
    what.editionTables = true;
    int moved = 0;
    QStringList cleared;
    write(what, [&] {
        // Each category of `from` becomes the one of `into` with its name, or moves across whole.
        const QList<Category> targetCategories = m_stores.editions.categories(target.name);
        QHash<QString, QString> renamed;
        for (const Category& category : m_stores.editions.categories(source.name)) {
            const auto same = std::find_if(targetCategories.begin(), targetCategories.end(), [&](const Category& c) {
                return c.name.compare(category.name, Qt::CaseInsensitive) == 0;
            });
            if (same != targetCategories.end()) {
                renamed.insert(category.name.toCaseFolded(), same->name);
            } else {
                m_stores.editions.moveCategory(category, target.name);
            }
        }
        const QHash<QString, qint64> ids = m_stores.exhibits.requireIdsOf(refs);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Exhibit& before : m_stores.exhibits.load(ids.values())) {
            Exhibit after = before;
            after.edition = target.name;
            after.categories = renamedCategories(before.categories, renamed);
            // Exhibits already in `into` keep their stands; the one moving in loses a stand it would share.
            if (!after.standNumber.isEmpty() &&
                !m_stores.exhibits.refAtStand(target.name, after.standNumber).isEmpty()) {
                cleared << before.ref;
                after.standNumber.clear();
            }
            after.updated = now;
            m_stores.exhibits.replace(ids.value(before.ref), after);
            recordChanges(before, after, QStringLiteral("merge-edition"));
            ++moved;
        }
        m_stores.editions.removeEdition(source.name);
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("merge-edition"), QStringLiteral("edition"), source.name, target.name});
    });
    if (standsCleared) {
        cleared.sort();
        *standsCleared = cleared;
    }
    return moved;
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

int Curation::mergeCategory(const Category& from, const QString& into)
{
    const Category source = requireCategory(m_stores.editions, from.edition, from.name);
    const Category target = requireCategory(m_stores.editions, from.edition, into);
    if (source.name == target.name) {
        throw Error(QStringLiteral("\"%1\" cannot be merged into itself; choose another category.").arg(source.name));
    }
    const QStringList refs = m_stores.exhibits.refsIn(source.edition, source.name);
    Write what{tr("Merge the category \"%1\" into \"%2\"").arg(source.name, target.name),
               refs,
               {},
               CatalogueChange::Categories | CatalogueChange::Exhibits};
    what.editionTables = true;
    int moved = 0;
    write(what, [&] {
        const QHash<QString, QString> renamed{{source.name.toCaseFolded(), target.name}};
        const QHash<QString, qint64> ids = m_stores.exhibits.requireIdsOf(refs);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Exhibit& before : m_stores.exhibits.load(ids.values())) {
            Exhibit after = before;
            after.categories = renamedCategories(before.categories, renamed);
            after.updated = now;
            m_stores.exhibits.replace(ids.value(before.ref), after);
            recordChanges(before, after, QStringLiteral("merge-category"));
            ++moved;
        }
        m_stores.editions.remove(source);
        m_stores.changeLog.record(
            {{}, {}, {}, QStringLiteral("merge-category"), source.edition, source.name, target.name});
    });
    return moved;
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

void Curation::unmarkPrivacyReviewed(const PrivacyFinding& finding)
{
    const auto decision = m_stores.privacyReviews.decision(finding.exhibitRef, finding.key());
    if (!decision) {
        throw Error(QStringLiteral("That finding in \"%1\" is not marked reviewed.").arg(finding.exhibitRef));
    }
    Write what{
        tr("Unmark a reviewed finding in \"%1\"").arg(finding.exhibitRef), {}, {}, CatalogueChange::PrivacyReviews};
    what.privacyDecision = std::pair{finding.exhibitRef, finding.key()};
    write(what, [&] {
        m_stores.privacyReviews.restore(finding.exhibitRef, finding.key(), std::nullopt);
        m_stores.changeLog.record({{},
                                   {},
                                   finding.exhibitRef,
                                   QStringLiteral("privacy-unmarked"),
                                   finding.field,
                                   decision->reason,
                                   QStringLiteral("%1: %2").arg(finding.kind, finding.match)});
    });
}

} // namespace spotlight
