#include "PrivacyScanStore.h"

#include "storage/Database.h"
#include "storage/JsonLists.h"
#include "storage/Query.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spotlight {
namespace {

QString encoded(const QList<PrivacyFinding>& findings)
{
    QJsonArray array;
    for (const PrivacyFinding& finding : findings) {
        array.append(QJsonObject{{QStringLiteral("field"), finding.field},
                                 {QStringLiteral("kind"), finding.kind},
                                 {QStringLiteral("match"), finding.match},
                                 {QStringLiteral("excerpt"), finding.excerpt}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

PrivacyScanStore::PrivacyScanStore(const Database& database)
    : m_database(database)
{}

QHash<QString, qint64> PrivacyScanStore::stale(const QList<qint64>& ids, const QString& rules) const
{
    Query rows(m_database,
               QStringLiteral("SELECT e.ref, e.id FROM exhibit e LEFT JOIN privacy_scan s ON s.exhibit_id = e.id "
                              "WHERE e.id IN (%1) AND (s.exhibit_id IS NULL OR s.exhibit_version <> "
                              "e.version OR s.rules <> ?)")
                   .arg(m_database.sql().integersIn()));
    rows.bind(jsonList(ids)).bind(rules).exec();
    QHash<QString, qint64> result;
    while (rows.next()) {
        result.insert(rows.text(0), rows.integer(1));
    }
    return result;
}

void PrivacyScanStore::store(qint64 exhibitId, qint64 version, const QString& rules,
                             const QList<PrivacyFinding>& findings)
{
    m_database
        .statement(QStringLiteral("INSERT INTO privacy_scan (exhibit_id, exhibit_version, rules, findings) VALUES (?, "
                                  "?, ?, ?) ON CONFLICT (exhibit_id) DO UPDATE SET exhibit_version = "
                                  "excluded.exhibit_version, rules = excluded.rules, findings = excluded.findings"))
        .bind(exhibitId)
        .bind(version)
        .bind(rules)
        .bind(encoded(findings))
        .exec();
}

QList<PrivacyFinding> PrivacyScanStore::findings(const QList<qint64>& ids, const QString& rules) const
{
    // Exhibits without a finding store "[]": only the others are read and parsed.
    Query rows(m_database,
               QStringLiteral("SELECT e.ref, e.title, s.findings FROM (%1) AS wanted JOIN exhibit e ON e.id = "
                              "wanted.value JOIN privacy_scan s ON s.exhibit_id = e.id AND s.exhibit_version = "
                              "e.version AND s.rules = ? WHERE s.findings <> '[]' ORDER BY wanted.position")
                   .arg(m_database.sql().integersInOrder()));
    rows.bind(jsonList(ids)).bind(rules).exec();
    QList<PrivacyFinding> result;
    while (rows.next()) {
        const QJsonArray stored = QJsonDocument::fromJson(rows.text(2).toUtf8()).array();
        for (const QJsonValue& value : stored) {
            const QJsonObject object = value.toObject();
            PrivacyFinding finding;
            finding.exhibitRef = rows.text(0);
            finding.exhibitTitle = rows.text(1);
            finding.field = object.value(QStringLiteral("field")).toString();
            finding.kind = object.value(QStringLiteral("kind")).toString();
            finding.match = object.value(QStringLiteral("match")).toString();
            finding.excerpt = object.value(QStringLiteral("excerpt")).toString();
            result << finding;
        }
    }
    return result;
}

} // namespace spotlight
