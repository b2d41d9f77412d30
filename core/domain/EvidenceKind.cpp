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

constexpr std::array levelExplanations{
    "No evidence has been recorded for this project yet.",
    "The project can say what it does and why it matters, logically, coherently and convincingly.",
    "The project collects data showing positive change, but cannot yet show that it caused the change.",
    "The project can show that it caused the change, by comparing with a control or comparison group.",
    "One or more independent evaluations have repeated the results and confirm them.",
    "The project has manuals, systems and procedures that let others deliver it at scale with the same "
    "positive impact.",
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

QString evidenceLevelExplanation(int level)
{
    if (level < MinEvidenceLevel || level > MaxEvidenceLevel) {
        return QString();
    }
    return QString::fromLatin1(levelExplanations.at(static_cast<std::size_t>(level)));
}

} // namespace spotlight
