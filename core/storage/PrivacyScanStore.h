#pragma once

#include "domain/PrivacyFinding.h"

#include <QHash>
#include <QList>
#include <QString>

namespace spotlight {

class Database;

// Each exhibit's privacy findings as the check last found them, kept beside the exhibit with the
// exhibit's version and the rules that scanned it, so that the publication gate reads them instead
// of scanning every text again. A scan is stale once the exhibit changes (its version moves on) or
// the rules do; the catalogue scans those again and stores them here.
class PrivacyScanStore
{
public:
    explicit PrivacyScanStore(const Database& database);

    // Of these exhibits, those with no scan by `rules` at their current version, by id and ref.
    QHash<QString, qint64> stale(const QList<qint64>& ids, const QString& rules) const;
    // Stores one exhibit's findings as scanned at `version`; the caller holds a write transaction.
    void store(qint64 exhibitId, qint64 version, const QString& rules, const QList<PrivacyFinding>& findings);
    // The stored findings of these exhibits, each with its exhibit's ref and title, in the order of
    // `ids`. Exhibits whose scan is stale are left out: the caller scans those.
    QList<PrivacyFinding> findings(const QList<qint64>& ids, const QString& rules) const;

private:
    const Database& m_database;
};

} // namespace spotlight
