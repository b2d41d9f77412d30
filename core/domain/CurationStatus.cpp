#include "CurationStatus.h"

#include <array>

namespace spotlight {
namespace {

struct StatusName
{
    CurationStatus status;
    const char* key;
    const char* label;
};

constexpr std::array statusNames{
    StatusName{CurationStatus::Draft, "draft", "Draft"},
    StatusName{CurationStatus::Submitted, "submitted", "Submitted"},
    StatusName{CurationStatus::InReview, "in-review", "In review"},
    StatusName{CurationStatus::Recognised, "recognised", "Recognised"},
    StatusName{CurationStatus::Showcased, "showcased", "Showcased"},
    StatusName{CurationStatus::Archived, "archived", "Archived"},
    StatusName{CurationStatus::Withdrawn, "withdrawn", "Withdrawn"},
};

const StatusName& nameOf(CurationStatus status)
{
    return statusNames.at(static_cast<std::size_t>(status));
}

} // namespace

QString statusKey(CurationStatus status)
{
    return QString::fromLatin1(nameOf(status).key);
}

QString statusLabel(CurationStatus status)
{
    return QString::fromLatin1(nameOf(status).label);
}

std::optional<CurationStatus> statusFromText(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('_'), QLatin1Char('-'));
    if (key == QLatin1String("recognized")) {
        key = QStringLiteral("recognised");
    }
    for (const StatusName& name : statusNames) {
        if (key == QLatin1String(name.key)) {
            return name.status;
        }
    }
    return std::nullopt;
}

QStringList allStatusKeys()
{
    QStringList keys;
    for (const StatusName& name : statusNames) {
        keys << QString::fromLatin1(name.key);
    }
    return keys;
}

} // namespace spotlight
