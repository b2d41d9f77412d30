#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace spotlight {

// What a piece of evidence is.
enum class EvidenceKind
{
    EvaluationReport,
    OutcomeData,
    CaseStudy,
    PractitionerFeedback,
    ChildFamilyVoice,
    InspectionFinding,
    ExternalRating,
};

// The stable key stored in files and typed in queries, e.g. "outcome-data".
QString evidenceKindKey(EvidenceKind kind);
// The label a person reads, e.g. "Outcome data".
QString evidenceKindLabel(EvidenceKind kind);
// Accepts the key, the label, and spellings such as "outcome data".
std::optional<EvidenceKind> evidenceKindFromText(const QString& text);
QStringList allEvidenceKindKeys();

// The Nesta Standards of Evidence, 0 (none recorded) to 5 (delivered at scale by others).
constexpr int MinEvidenceLevel = 0;
constexpr int MaxEvidenceLevel = 5;
QString evidenceLevelLabel(int level);
// What reaching the level means, in a sentence a practitioner can act on.
QString evidenceLevelExplanation(int level);

} // namespace spotlight
