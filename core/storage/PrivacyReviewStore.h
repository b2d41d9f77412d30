#pragma once

#include "domain/PrivacyFinding.h"

#include <QList>

#include <optional>

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

    // One recorded decision as stored, for undo.
    struct Decision
    {
        QString reason;
        QString who;
        QString at;
        friend bool operator==(const Decision&, const Decision&) = default;
    };
    std::optional<Decision> decision(const QString& exhibitRef, const QString& findingKey) const;
    // Puts back the decision on one finding as it was: recorded, or none.
    void restore(const QString& exhibitRef, const QString& findingKey, const std::optional<Decision>& decision);

private:
    const Database& m_database;
};

} // namespace spotlight
