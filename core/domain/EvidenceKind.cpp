#include "EvidenceKind.h"

#include <array>

namespace spotlight {
namespace {

struct KindName
{
    EvidenceKind kind;
    const char* key;
    const char* label;
};

constexpr std::array kindNames{
    KindName{EvidenceKind::EvaluationReport, "evaluation-report", "Evaluation report"},
    KindName{EvidenceKind::OutcomeData, "outcome-data", "Outcome data"},
    KindName{EvidenceKind::CaseStudy, "case-study", "Case study"},
    KindName{EvidenceKind::PractitionerFeedback, "practitioner-feedback", "Practitioner feedback"},
    KindName{EvidenceKind::ChildFamilyVoice, "child-family-voice", "Child and family voice"},
    KindName{EvidenceKind::InspectionFinding, "inspection-finding", "Inspection finding"},
    KindName{EvidenceKind::ExternalRating, "external-rating", "External rating"},
};

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
    return QString::fromLatin1(kindNames.at(static_cast<std::size_t>(kind)).key);
}

QString evidenceKindLabel(EvidenceKind kind)
{
    return QString::fromLatin1(kindNames.at(static_cast<std::size_t>(kind)).label);
}

std::optional<EvidenceKind> evidenceKindFromText(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('_'), QLatin1Char('-'));
    key.replace(QLatin1String("child-and-family"), QLatin1String("child-family"));
    key.replace(QLatin1String("child/family"), QLatin1String("child-family"));
    for (const KindName& name : kindNames) {
        if (key == QLatin1String(name.key)) {
            return name.kind;
        }
    }
    return std::nullopt;
}

QStringList allEvidenceKindKeys()
{
    QStringList keys;
    for (const KindName& name : kindNames) {
        keys << QString::fromLatin1(name.key);
    }
    return keys;
}

QString evidenceLevelLabel(int level)
{
    if (level < MinEvidenceLevel || level > MaxEvidenceLevel) {
        return QString();
    }
    return QString::fromLatin1(levelLabels.at(static_cast<std::size_t>(level)));
}

} // namespace spotlight
