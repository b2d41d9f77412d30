#include "CurationStatus.h"

#include "KeyedNames.h"

namespace spotlight {
namespace {

constexpr KeyedNames<CurationStatus, 7> statusNames{{{
    {CurationStatus::Draft, "draft", "Draft"},
    {CurationStatus::Submitted, "submitted", "Submitted"},
    {CurationStatus::InReview, "in-review", "In review"},
    {CurationStatus::Recognised, "recognised", "Recognised"},
    {CurationStatus::Showcased, "showcased", "Showcased"},
    {CurationStatus::Archived, "archived", "Archived"},
    {CurationStatus::Withdrawn, "withdrawn", "Withdrawn"},
}}};

} // namespace

QString statusKey(CurationStatus status)
{
    return statusNames.key(status);
}

QString statusLabel(CurationStatus status)
{
    return statusNames.label(status);
}

std::optional<CurationStatus> statusFromText(const QString& text)
{
    const QString key = foldKey(text);
    return statusNames.fromFoldedKey(key == QLatin1String("recognized") ? QStringLiteral("recognised") : key);
}

QStringList allStatusKeys()
{
    return statusNames.keys();
}

} // namespace spotlight
