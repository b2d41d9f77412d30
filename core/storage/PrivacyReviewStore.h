#pragma once

#include "domain/PrivacyFinding.h"

#include <QList>

namespace spotlight {

class Database;

// Curators' decisions that a privacy finding is fine to publish, with their reasons.
class PrivacyReviewStore
{
public:
    explicit PrivacyReviewStore(const Database& database);

    // Records `finding` as reviewed by the current author, replacing any earlier decision.
    void markReviewed(const PrivacyFinding& finding, const QString& reason, const QString& who);
    // Fills in the decision recorded for each finding, if any.
    void annotate(QList<PrivacyFinding>& findings) const;

private:
    const Database& m_database;
};

} // namespace spotlight
