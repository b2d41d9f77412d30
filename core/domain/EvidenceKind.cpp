#include "EvidenceKind.h"

#include "KeyedNames.h"

#include <array>

namespace spotlight {
namespace {

constexpr KeyedNames<EvidenceKind, 7> kindNames{{{
    {EvidenceKind::EvaluationReport, "evaluation-report", "Evaluation report"},
    {EvidenceKind::OutcomeData, "outcome-data", "Outcome data"},
    {EvidenceKind::CaseStudy, "case-study", "Case study"},
    {EvidenceKind::PractitionerFeedback, "practitioner-feedback", "Practitioner feedback"},
    {EvidenceKind::ChildFamilyVoice, "child-family-voice", "Child and family voice"},
    {EvidenceKind::InspectionFinding, "inspection-finding", "Inspection finding"},
    {EvidenceKind::ExternalRating, "external-rating", "External rating"},
}}};

constexpr std::array levelLabels{
    "None recorded",
    "A clear account of what is done and why",
    "Data showing positive change",
    "Causal impact against a comparison group",
    "Independent replication",
    "Delivered at scale by others with the same results",
};

} // namespace

QString evidenceKindKey(EvidenceKind kind)
{
    return kindNames.key(kind);
}

QString evidenceKindLabel(EvidenceKind kind)
{
    return kindNames.label(kind);
}

std::optional<EvidenceKind> evidenceKindFromText(const QString& text)
{
    QString key = foldKey(text);
    key.replace(QLatin1String("child-and-family"), QLatin1String("child-family"));
    key.replace(QLatin1String("child/family"), QLatin1String("child-family"));
    return kindNames.fromFoldedKey(key);
}

QStringList allEvidenceKindKeys()
{
    return kindNames.keys();
}

QString evidenceLevelLabel(int level)
{
    if (level < MinEvidenceLevel || level > MaxEvidenceLevel) {
        return QString();
    }
    return QString::fromLatin1(levelLabels.at(static_cast<std::size_t>(level)));
}

} // namespace spotlight
