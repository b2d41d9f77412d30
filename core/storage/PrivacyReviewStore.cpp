#include "PrivacyReviewStore.h"

#include "storage/ChangeLogStore.h"
#include "storage/Database.h"
#include "storage/Query.h"

namespace spotlight {

PrivacyReviewStore::PrivacyReviewStore(const Database& database)
    : m_database(database)
{}

void PrivacyReviewStore::markReviewed(const PrivacyFinding& finding, const QString& reason, const QString& who)
{
    m_database
        .statement(QStringLiteral("INSERT INTO privacy_review (exhibit_ref, finding_key, reason, who, at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (exhibit_ref, finding_key) DO UPDATE SET "
                                  "reason = excluded.reason, who = excluded.who, at = excluded.at"))
        .bind(finding.exhibitRef)
        .bind(finding.key())
        .bind(reason)
        .bind(who)
        .bind(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .exec();
}

std::optional<PrivacyReviewStore::Decision> PrivacyReviewStore::decision(const QString& exhibitRef,
                                                                         const QString& findingKey) const
{
    Query row(m_database,
              QStringLiteral("SELECT reason, who, at FROM privacy_review WHERE exhibit_ref = ? AND finding_key = ?"));
    row.bind(exhibitRef).bind(findingKey).exec();
    if (!row.next()) {
        return std::nullopt;
    }
    return Decision{row.text(0), row.text(1), row.text(2)};
}

void PrivacyReviewStore::restore(const QString& exhibitRef, const QString& findingKey,
                                 const std::optional<Decision>& decision)
{
    if (!decision) {
        Query(m_database, QStringLiteral("DELETE FROM privacy_review WHERE exhibit_ref = ? AND finding_key = ?"))
            .bind(exhibitRef)
            .bind(findingKey)
            .exec();
        return;
    }
    Query(m_database, QStringLiteral("INSERT INTO privacy_review (exhibit_ref, finding_key, reason, who, at) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (exhibit_ref, finding_key) DO UPDATE SET "
                                     "reason = excluded.reason, who = excluded.who, at = excluded.at"))
        .bind(exhibitRef)
        .bind(findingKey)
        .bind(decision->reason)
        .bind(decision->who)
        .bind(decision->at)
        .exec();
}

void PrivacyReviewStore::annotate(QList<PrivacyFinding>& findings) const
{
    Query& lookup = m_database.statement(
        QStringLiteral("SELECT reason, who, at FROM privacy_review WHERE exhibit_ref = ? AND finding_key = ?"));
    for (PrivacyFinding& finding : findings) {
        lookup.bind(finding.exhibitRef).bind(finding.key()).exec();
        if (lookup.next()) {
            finding.reviewed = true;
            finding.reviewReason = lookup.text(0);
            finding.reviewedBy = lookup.text(1);
            finding.reviewedAt = QDateTime::fromString(lookup.text(2), Qt::ISODateWithMs);
        }
        lookup.finish();
    }
}

} // namespace spotlight
