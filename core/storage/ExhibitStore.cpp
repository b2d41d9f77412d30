#include "ExhibitStore.h"

#include "Error.h"
#include "domain/TextFold.h"
#include "storage/AuthorityStore.h"
#include "storage/Database.h"
#include "storage/EditionStore.h"
#include "storage/JsonLists.h"
#include "storage/Query.h"
#include "storage/Schema.h"
#include "storage/TagStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace spotlight {
namespace {

QStringList fromJsonList(const QString& text)
{
    QStringList result;
    for (const QJsonValue& value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        result << value.toString();
    }
    return result;
}

QString timestamp(const QDateTime& time)
{
    const QDateTime when = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QVariant dateValue(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

} // namespace

struct ExhibitStore::Links
{
    QVariant editionId;
    QList<qint64> authorityIds; // lead first
    QList<qint64> categoryIds;
};

ExhibitStore::ExhibitStore(const Database& database, const AuthorityStore& authorities, const EditionStore& editions,
                           TagStore& tags)
    : m_database(database)
    , m_authorities(authorities)
    , m_editions(editions)
    , m_tags(tags)
{}

ExhibitStore::Links ExhibitStore::resolve(const Exhibit& exhibit) const
{
    if (!exhibit.resubmissionOf.isEmpty() && exhibit.resubmissionOf == exhibit.ref) {
        throw Error(QStringLiteral("Exhibit \"%1\" cannot be a resubmission of itself.").arg(exhibit.ref));
    }
    Links links;
    for (const QString& name : exhibit.authorities()) {
        const auto id = m_authorities.resolve(name);
        if (!id) {
            throw Error(QStringLiteral("Exhibit \"%1\": unknown authority \"%2\".").arg(exhibit.ref, name));
        }
        if (links.authorityIds.contains(*id)) {
            throw Error(QStringLiteral("Exhibit \"%1\": the authority \"%2\" is named twice.").arg(exhibit.ref, name));
        }
        links.authorityIds.append(*id);
    }
    if (exhibit.edition.isEmpty()) {
        if (!exhibit.categories.isEmpty()) {
            throw Error(QStringLiteral("Exhibit \"%1\": categories need an edition.").arg(exhibit.ref));
        }
        return links;
    }
    const auto editionId = m_editions.editionId(exhibit.edition);
    if (!editionId) {
        throw Error(QStringLiteral("Exhibit \"%1\": unknown edition \"%2\".").arg(exhibit.ref, exhibit.edition));
    }
    links.editionId = *editionId;
    for (const QString& name : exhibit.categories) {
        const auto id = m_editions.categoryId(*editionId, name);
        if (!id) {
            throw Error(QStringLiteral("Exhibit \"%1\": unknown category \"%2\" in %3.")
                            .arg(exhibit.ref, name, exhibit.edition));
        }
        if (!links.categoryIds.contains(*id)) {
            links.categoryIds.append(*id);
        }
    }
    return links;
}

void ExhibitStore::writeLinks(qint64 id, const Links& links, const Exhibit& exhibit)
{
    Query& insertAuthority = m_database.statement(
        QStringLiteral("INSERT INTO exhibit_authority (exhibit_id, authority_id, role, position) VALUES (?, ?, ?, ?)"));
    for (qsizetype i = 0; i < links.authorityIds.size(); ++i) {
        insertAuthority.bind(id)
            .bind(links.authorityIds.at(i))
            .bind(i == 0 ? QStringLiteral("lead") : QStringLiteral("partner"))
            .bind(int(i))
            .exec();
    }
    Query& insertCategory =
        m_database.statement(QStringLiteral("INSERT INTO exhibit_category (exhibit_id, category_id) VALUES (?, ?)"));
    for (const qint64 categoryId : links.categoryIds) {
        insertCategory.bind(id).bind(categoryId).exec();
    }
    m_tags.add(id, exhibit.tags);
}

qint64 ExhibitStore::insert(const Exhibit& exhibit)
{
    if (idOf(exhibit.ref)) {
        throw Error(QStringLiteral("An exhibit with the ref \"%1\" already exists.").arg(exhibit.ref));
    }
    const qint64 id =
        *m_database.statement(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM exhibit")).singleInteger();
    // A new exhibit starts at 1; one put back by an undo goes on from the version it had, so that a
    // save made against its earlier life is still recognised as stale.
    Exhibit first = exhibit;
    first.version = exhibit.version + 1;
    write(id, first);
    return id;
}

void ExhibitStore::replace(qint64 id, const Exhibit& exhibit)
{
    Query created(m_database, QStringLiteral("SELECT created_at, version FROM exhibit WHERE id = ?"));
    created.bind(id).exec();
    if (!created.next()) {
        throw Error(QStringLiteral("Exhibit \"%1\" no longer exists.").arg(exhibit.ref));
    }
    Exhibit replacement = exhibit;
    replacement.created = QDateTime::fromString(created.text(0), Qt::ISODateWithMs);
    replacement.version = created.integer(1) + 1;
    if (!exhibit.updated.isValid()) {
        replacement.updated = QDateTime::currentDateTimeUtc();
    }
    resolve(replacement); // fail before anything is deleted
    // Deleting the row unlinks the exhibits that resubmit it (ON DELETE SET NULL): they are linked
    // again once it is back.
    Query resubmissions(m_database, QStringLiteral("SELECT %1 FROM exhibit r "
                                                   "JOIN exhibit e ON e.ref = r.resubmission_of WHERE e.id = ?")
                                        .arg(m_database.sql().jsonArrayOf(QStringLiteral("r.id"))));
    QString resubmissionIds = resubmissions.bind(id).singleText();
    if (resubmissionIds.isEmpty()) {
        resubmissionIds = QStringLiteral("[]"); // PostgreSQL's json_agg of no rows is NULL
    }
    // The simplest correct replacement: write the exhibit again under the same id.
    remove(id);
    write(id, replacement);
    Query(m_database,
          QStringLiteral("UPDATE exhibit SET resubmission_of = ? WHERE id IN (%1)").arg(m_database.sql().integersIn()))
        .bind(replacement.ref)
        .bind(resubmissionIds)
        .exec();
}

ExhibitStore::DeferredIndexing::DeferredIndexing(ExhibitStore& store)
    : m_store(store)
{
    m_store.m_deferIndexing = true;
}

ExhibitStore::DeferredIndexing::DeferredIndexing(ExhibitStore& store, const QList<qint64>& existing)
    : DeferredIndexing(store)
{
    // On a server each row's search vector is computed as it is written: nothing to defer.
    const Database& database = m_store.m_database;
    if (database.sql().isPostgres()) {
        return;
    }
    const QString ids = jsonList(existing);
    Query(database,
          QStringLiteral("INSERT INTO exhibit_fts (exhibit_fts, rowid, title, summary, tags_text, authorities_text, "
                         "description) SELECT 'delete', e.id, e.title, t.summary, t.tags_text, t.authorities_text, "
                         "t.description FROM exhibit_text t JOIN exhibit e ON e.id = t.exhibit_id "
                         "WHERE t.exhibit_id IN (SELECT value FROM json_each(?)) AND t.indexed"))
        .bind(ids)
        .exec();
    Query(database,
          QStringLiteral("UPDATE exhibit_text SET indexed = 0 WHERE exhibit_id IN (SELECT value FROM json_each(?))"))
        .bind(ids)
        .exec();
}

ExhibitStore::DeferredIndexing::~DeferredIndexing()
{
    m_store.m_deferIndexing = false;
}

void ExhibitStore::DeferredIndexing::finish()
{
    m_store.m_deferIndexing = false;
    if (!m_store.m_database.sql().isPostgres()) {
        m_store.m_database.exec(
            QStringLiteral("INSERT INTO exhibit_fts (rowid, title, summary, tags_text, authorities_text, description) "
                           "SELECT e.id, e.title, t.summary, t.tags_text, t.authorities_text, t.description "
                           "FROM exhibit_text t JOIN exhibit e ON e.id = t.exhibit_id WHERE t.indexed = 0"));
    }
    m_store.m_database.exec(QStringLiteral("UPDATE exhibit_text SET indexed = 1 WHERE indexed = 0"));
}

void ExhibitStore::write(qint64 id, const Exhibit& exhibit)
{
    const Links links = resolve(exhibit);
    // The links go in first (their foreign keys to exhibit are deferred), so that the exhibit's
    // text is written with its search text complete and indexed once.
    writeLinks(id, links, exhibit);

    const QString created = timestamp(exhibit.created);
    m_database
        .statement(QStringLiteral(
            "INSERT INTO exhibit (id, ref, title, title_sort, edition_id, status, contact_name, "
            "contact_role, contact_email, contact_email_public, contact_phone, contact_phone_public, age_range, "
            "stand_number, declared_level, created_at, updated_at, version, resubmission_of) VALUES (?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(id)
        .bind(exhibit.ref)
        .bind(exhibit.title)
        .bind(titleSortKey(exhibit.title))
        .bind(links.editionId)
        .bind(statusKey(exhibit.status))
        .bind(exhibit.contact.name)
        .bind(exhibit.contact.role)
        .bind(exhibit.contact.email)
        .bind(int(exhibit.contact.emailPublic))
        .bind(exhibit.contact.phone)
        .bind(int(exhibit.contact.phonePublic))
        .bind(exhibit.ageRange)
        .bind(exhibit.standNumber)
        .bind(exhibit.declaredLevel)
        .bind(created)
        .bind(exhibit.updated.isValid() ? timestamp(exhibit.updated) : created)
        .bind(exhibit.version)
        .bind(exhibit.resubmissionOf.isEmpty() ? QVariant() : QVariant(exhibit.resubmissionOf))
        .exec();
    m_database
        .statement(QStringLiteral("INSERT INTO exhibit_text (exhibit_id, summary, description, partner_organisations, "
                                  "target_groups, links, authorities_text, tags_text, indexed) "
                                  "VALUES (?, ?, ?, ?, ?, ?, %1, %2, ?)")
                       .arg(Schema::authoritiesTextOf(m_database.sql(), QStringLiteral("?")),
                            Schema::tagsTextOf(m_database.sql(), QStringLiteral("?"))))
        .bind(id)
        .bind(exhibit.summary)
        .bind(exhibit.description)
        .bind(jsonList(exhibit.partnerOrganisations))
        .bind(jsonList(exhibit.targetGroups))
        .bind(jsonList(exhibit.links))
        .bind(id) // for the authorities' search text
        .bind(id) // for the tags' search text
        .bind(m_deferIndexing ? 0 : 1)
        .exec();

    Query& insertEvidence = m_database.statement(
        QStringLiteral("INSERT INTO evidence (exhibit_id, position, kind, title, summary, level, date, source_url, "
                       "attachment, key_figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < exhibit.evidence.size(); ++i) {
        const Evidence& item = exhibit.evidence.at(i);
        insertEvidence.bind(id)
            .bind(int(i))
            .bind(evidenceKindKey(item.kind))
            .bind(item.title)
            .bind(item.summary)
            .bind(item.level)
            .bind(dateValue(item.date))
            .bind(item.sourceUrl)
            .bind(item.attachment)
            .bind(item.keyFigures)
            .exec();
    }
    Query& insertReview = m_database.statement(
        QStringLiteral("INSERT INTO review (exhibit_id, position, panel, date, reviewers, feedback, recognition) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < exhibit.reviews.size(); ++i) {
        const Review& review = exhibit.reviews.at(i);
        insertReview.bind(id)
            .bind(int(i))
            .bind(review.panel)
            .bind(dateValue(review.date))
            .bind(review.reviewers)
            .bind(review.feedback)
            .bind(review.recognition)
            .exec();
    }
    Query& insertScore = m_database.statement(QStringLiteral(
        "INSERT INTO panel_score (exhibit_id, reviewer, criterion, score, comment) VALUES (?, ?, ?, ?, ?)"));
    for (const PanelScore& score : exhibit.scores) {
        insertScore.bind(id).bind(score.reviewer).bind(score.criterion).bind(score.score).bind(score.comment).exec();
    }
}

void ExhibitStore::remove(qint64 id)
{
    // A trigger removes its search entry, then the row goes and the cascades take the rest.
    m_database.statement(QStringLiteral("DELETE FROM exhibit WHERE id = ?")).bind(id).exec();
}

void ExhibitStore::setStatus(qint64 id, CurationStatus status)
{
    Query(m_database,
          QStringLiteral("UPDATE exhibit SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?"))
        .bind(statusKey(status))
        .bind(timestamp({}))
        .bind(id)
        .exec();
}

void ExhibitStore::touch(qint64 id)
{
    Query(m_database, QStringLiteral("UPDATE exhibit SET updated_at = ?, version = version + 1 WHERE id = ?"))
        .bind(timestamp({}))
        .bind(id)
        .exec();
}

void ExhibitStore::touch(const QList<qint64>& ids)
{
    Query(m_database, QStringLiteral("UPDATE exhibit SET updated_at = ?, version = version + 1 WHERE id IN (%1)")
                          .arg(m_database.sql().integersIn()))
        .bind(timestamp({}))
        .bind(jsonList(ids))
        .exec();
}

void ExhibitStore::touchAll(const Database& database, const QString& selectIds, qint64 key)
{
    Query(database,
          QStringLiteral("UPDATE exhibit SET updated_at = ?, version = version + 1 WHERE id IN (%1)").arg(selectIds))
        .bind(timestamp({}))
        .bind(key)
        .exec();
}

QStringList ExhibitStore::refsOf(const QList<qint64>& ids) const
{
    Query rows(m_database, QStringLiteral("SELECT e.ref FROM (%1) AS j JOIN exhibit e ON e.id = j.value "
                                          "ORDER BY j.position")
                               .arg(m_database.sql().integersInOrder()));
    rows.bind(jsonList(ids)).exec();
    QStringList refs;
    while (rows.next()) {
        refs << rows.text(0);
    }
    return refs;
}

QHash<QString, qint64> ExhibitStore::idsOf(const QStringList& refs) const
{
    return keyedByRef(QStringLiteral("id"), refs);
}

QHash<QString, qint64> ExhibitStore::versions(const QStringList& refs) const
{
    return keyedByRef(QStringLiteral("version"), refs);
}

QHash<QString, qint64> ExhibitStore::keyedByRef(const QString& column, const QStringList& refs) const
{
    Query rows(m_database,
               QStringLiteral("SELECT ref, %1 FROM exhibit WHERE ref IN (%2)").arg(column, m_database.sql().textsIn()));
    rows.bind(jsonList(refs)).exec();
    QHash<QString, qint64> result;
    while (rows.next()) {
        result.insert(rows.text(0), rows.integer(1));
    }
    return result;
}

namespace {

Error noExhibit(const QString& ref)
{
    return Error(QStringLiteral("No exhibit has the ref \"%1\".").arg(ref));
}

} // namespace

qint64 ExhibitStore::requireId(const QString& ref) const
{
    if (const std::optional<qint64> id = idOf(ref)) {
        return *id;
    }
    throw noExhibit(ref);
}

Exhibit ExhibitStore::requireByRef(const QString& ref) const
{
    if (std::optional<Exhibit> found = byRef(ref)) {
        return *found;
    }
    throw noExhibit(ref);
}

QHash<QString, qint64> ExhibitStore::requireIdsOf(const QStringList& refs) const
{
    const QHash<QString, qint64> ids = idsOf(refs);
    for (const QString& ref : refs) {
        if (!ids.contains(ref)) {
            throw noExhibit(ref);
        }
    }
    return ids;
}

std::optional<qint64> ExhibitStore::idOf(const QString& ref) const
{
    return m_database.statement(QStringLiteral("SELECT id FROM exhibit WHERE ref = ?")).bind(ref).singleInteger();
}

std::optional<Exhibit> ExhibitStore::byRef(const QString& ref) const
{
    const auto id = idOf(ref);
    if (!id) {
        return std::nullopt;
    }
    const QList<Exhibit> found = load({*id});
    return found.isEmpty() ? std::nullopt : std::optional<Exhibit>(found.first());
}

qint64 ExhibitStore::authoritiesWithExhibits() const
{
    return m_database.scalar(QStringLiteral("SELECT count(DISTINCT authority_id) FROM exhibit_authority")).toLongLong();
}

QString ExhibitStore::titleOf(const QString& ref) const
{
    return m_database.statement(QStringLiteral("SELECT title FROM exhibit WHERE ref = ?")).bind(ref).singleText();
}

QList<std::pair<QString, QString>> ExhibitStore::refsAndTitlesLedBy(const QString& authority) const
{
    Query& rows = m_database.statement(
        QStringLiteral("SELECT e.ref, e.title FROM exhibit_authority ea JOIN authority a ON a.id = ea.authority_id "
                       "JOIN exhibit e ON e.id = ea.exhibit_id WHERE a.name = ? AND ea.role = 'lead'"));
    rows.bind(authority).exec();
    QList<std::pair<QString, QString>> result;
    while (rows.next()) {
        result.append({rows.text(0), rows.text(1)});
    }
    rows.finish();
    return result;
}

namespace {

QList<std::tuple<QString, QString, int>> countsOf(Query& rows)
{
    QList<std::tuple<QString, QString, int>> counts;
    while (rows.next()) {
        counts.append({rows.text(0), rows.text(1), int(rows.integer(2))});
    }
    rows.finish();
    return counts;
}

} // namespace

QList<std::tuple<QString, QString, int>> ExhibitStore::leadCountsByCategory(const QString& edition) const
{
    Query& rows = m_database.statement(QStringLiteral(
        "SELECT a.name, coalesce(c.name, ''), count(*) FROM exhibit e JOIN edition ed ON ed.id = e.edition_id "
        "JOIN exhibit_authority ea ON ea.exhibit_id = e.id AND ea.role = 'lead' JOIN authority a ON a.id = "
        "ea.authority_id LEFT JOIN exhibit_category ec ON ec.exhibit_id = e.id LEFT JOIN category c ON c.id = "
        "ec.category_id WHERE ed.name = ? AND e.status <> 'withdrawn' GROUP BY a.name, c.name"));
    rows.bind(edition.trimmed()).exec();
    return countsOf(rows);
}

QList<std::tuple<QString, QString, int>> ExhibitStore::countsByRole(const QString& edition) const
{
    Query& rows = m_database.statement(
        QStringLiteral("SELECT a.name, ea.role, count(*) FROM exhibit e JOIN edition ed ON ed.id = e.edition_id "
                       "JOIN exhibit_authority ea ON ea.exhibit_id = e.id JOIN authority a ON a.id = ea.authority_id "
                       "WHERE ed.name = ? AND e.status <> 'withdrawn' GROUP BY a.name, ea.role"));
    rows.bind(edition.trimmed()).exec();
    return countsOf(rows);
}

QStringList ExhibitStore::refsIn(const QString& edition, const QString& category) const
{
    Query& rows = m_database.statement(
        QStringLiteral("SELECT e.ref FROM exhibit e JOIN edition ed ON ed.id = e.edition_id WHERE ed.name = ? AND "
                       "(? = '' OR EXISTS (SELECT 1 FROM exhibit_category ec JOIN category c ON c.id = ec.category_id "
                       "WHERE ec.exhibit_id = e.id AND c.edition_id = ed.id AND c.name = ?)) ORDER BY e.ref"));
    rows.bind(edition.trimmed()).bind(category.trimmed()).bind(category.trimmed()).exec();
    QStringList result;
    while (rows.next()) {
        result << rows.text(0);
    }
    rows.finish();
    return result;
}

QString ExhibitStore::refAtStand(const QString& edition, const QString& stand) const
{
    return m_database
        .statement(QStringLiteral("SELECT e.ref FROM exhibit e LEFT JOIN edition ed ON ed.id = e.edition_id "
                                  "WHERE e.stand_number = ? AND coalesce(ed.name, '') = ? COLLATE NOCASE"))
        .bind(stand)
        .bind(edition)
        .singleText();
}

qint64 ExhibitStore::count() const
{
    return m_database.scalar(QStringLiteral("SELECT count(*) FROM exhibit")).toLongLong();
}

std::optional<ExhibitMention> ExhibitStore::mentionOf(const QString& ref) const
{
    const QList<ExhibitMention> found = mentions(QStringLiteral("e.ref = ?"), ref);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<ExhibitMention> ExhibitStore::resubmissionsOf(const QString& ref) const
{
    return mentions(QStringLiteral("e.resubmission_of = ?"), ref);
}

QList<ExhibitMention> ExhibitStore::mentions(const QString& where, const QString& key) const
{
    Query rows(m_database, QStringLiteral("SELECT e.ref, e.title, coalesce(ed.name, ''), coalesce(ed.year, 0) "
                                          "FROM exhibit e LEFT JOIN edition ed ON ed.id = e.edition_id "
                                          "WHERE %1 ORDER BY coalesce(ed.year, 0), e.ref")
                               .arg(where));
    rows.bind(key).exec();
    QList<ExhibitMention> result;
    while (rows.next()) {
        result.append(ExhibitMention{rows.text(0), rows.text(1), rows.text(2), int(rows.integer(3))});
    }
    return result;
}

QString ExhibitStore::uniqueRefFor(const QString& title,
                                   const std::function<bool(const QString&)>& takenElsewhere) const
{
    const QString base = slugify(title).left(60);
    const QString stem = base.isEmpty() ? QStringLiteral("exhibit") : base;
    QString candidate = stem;
    for (int n = 2; idOf(candidate) || (takenElsewhere && takenElsewhere(candidate)); ++n) {
        candidate = QStringLiteral("%1-%2").arg(stem).arg(n);
    }
    return candidate;
}

QList<Exhibit> ExhibitStore::load(const QList<qint64>& ids) const
{
    // Six queries per batch, each over the whole batch, rather than six per exhibit.
    constexpr qsizetype BatchSize = 2000;
    QList<Exhibit> result;
    result.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += BatchSize) {
        const QList<qint64> batch = ids.mid(start, BatchSize);
        const QString idsJson = jsonList(batch);
        QHash<qint64, Exhibit> byId;

        // Runs one query over the whole batch and hands each row to `read`.
        auto eachRow = [&](const char* sql, const std::function<void(const Query&)>& read) {
            Query rows(m_database, QString::fromLatin1(sql).arg(m_database.sql().integersIn()));
            rows.bind(idsJson).exec();
            while (rows.next()) {
                read(rows);
            }
        };

        eachRow("SELECT e.id, e.ref, e.title, coalesce(ed.name, ''), e.status, t.summary, t.description, "
                "e.contact_name, e.contact_role, e.contact_email, t.partner_organisations, t.target_groups, "
                "e.age_range, e.stand_number, t.links, e.declared_level, e.evidence_level, e.created_at, e.updated_at, "
                "e.version, e.contact_email_public, coalesce(e.resubmission_of, ''), e.contact_phone, "
                "e.contact_phone_public "
                "FROM exhibit e JOIN exhibit_text t ON t.exhibit_id = e.id "
                "LEFT JOIN edition ed ON ed.id = e.edition_id "
                "WHERE e.id IN (%1)",
                [&](const Query& row) {
                    Exhibit& exhibit = byId[row.integer(0)];
                    exhibit.ref = row.text(1);
                    exhibit.title = row.text(2);
                    exhibit.edition = row.text(3);
                    exhibit.status = statusFromText(row.text(4)).value_or(CurationStatus::Draft);
                    exhibit.summary = row.text(5);
                    exhibit.description = row.text(6);
                    exhibit.contact = Contact{row.text(7),          row.text(8),  row.text(9),
                                              row.integer(20) != 0, row.text(22), row.integer(23) != 0};
                    exhibit.partnerOrganisations = fromJsonList(row.text(10));
                    exhibit.targetGroups = fromJsonList(row.text(11));
                    exhibit.ageRange = row.text(12);
                    exhibit.standNumber = row.text(13);
                    exhibit.links = fromJsonList(row.text(14));
                    exhibit.declaredLevel = int(row.integer(15));
                    exhibit.evidenceLevel = int(row.integer(16));
                    exhibit.created = QDateTime::fromString(row.text(17), Qt::ISODateWithMs);
                    exhibit.updated = QDateTime::fromString(row.text(18), Qt::ISODateWithMs);
                    exhibit.version = row.integer(19);
                    exhibit.resubmissionOf = row.text(21);
                });
        eachRow("SELECT ea.exhibit_id, a.name, ea.role FROM exhibit_authority ea "
                "JOIN authority a ON a.id = ea.authority_id WHERE ea.exhibit_id IN (%1) "
                "ORDER BY ea.exhibit_id, ea.position",
                [&](const Query& row) {
                    Exhibit& exhibit = byId[row.integer(0)];
                    if (row.text(2) == QLatin1String("lead")) {
                        exhibit.leadAuthority = row.text(1);
                    } else {
                        exhibit.partnerAuthorities << row.text(1);
                    }
                });
        eachRow("SELECT ec.exhibit_id, c.name FROM exhibit_category ec JOIN category c ON c.id = ec.category_id "
                "WHERE ec.exhibit_id IN (%1) ORDER BY ec.exhibit_id, c.name",
                [&](const Query& row) { byId[row.integer(0)].categories << row.text(1); });
        eachRow("SELECT et.exhibit_id, t.name FROM exhibit_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE et.exhibit_id IN (%1) ORDER BY et.exhibit_id, t.name",
                [&](const Query& row) { byId[row.integer(0)].tags << row.text(1); });
        eachRow("SELECT exhibit_id, kind, title, summary, level, date, source_url, attachment, key_figures "
                "FROM evidence WHERE exhibit_id IN (%1) ORDER BY exhibit_id, position",
                [&](const Query& row) {
                    byId[row.integer(0)].evidence.append(
                        Evidence{evidenceKindFromText(row.text(1)).value_or(EvidenceKind::CaseStudy), row.text(2),
                                 row.text(3), int(row.integer(4)), QDate::fromString(row.text(5), Qt::ISODate),
                                 row.text(6), row.text(7), row.text(8)});
                });
        eachRow("SELECT exhibit_id, panel, date, reviewers, feedback, recognition FROM review "
                "WHERE exhibit_id IN (%1) ORDER BY exhibit_id, position",
                [&](const Query& row) {
                    byId[row.integer(0)].reviews.append(Review{row.text(1), QDate::fromString(row.text(2), Qt::ISODate),
                                                               row.text(3), row.text(4), row.text(5)});
                });
        eachRow("SELECT exhibit_id, reviewer, criterion, score, comment FROM panel_score "
                "WHERE exhibit_id IN (%1) ORDER BY exhibit_id, reviewer, criterion",
                [&](const Query& row) {
                    byId[row.integer(0)].scores.append(
                        PanelScore{row.text(1), row.text(2), int(row.integer(3)), row.text(4)});
                });

        for (const qint64 id : batch) {
            const auto found = byId.constFind(id);
            if (found != byId.constEnd() && !found->ref.isEmpty()) {
                result.append(*found);
            }
        }
    }
    return result;
}

} // namespace spotlight
