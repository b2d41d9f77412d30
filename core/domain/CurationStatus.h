#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace spotlight {

// Where an exhibit is in the curator's workflow: draft -> submitted -> in review -> recognised ->
// showcased, plus archived and withdrawn.
enum class CurationStatus
{
    Draft,
    Submitted,
    InReview,
    Recognised,
    Showcased,
    Archived,
    Withdrawn,
};

// The stable key stored in files and typed in queries, e.g. "in-review".
QString statusKey(CurationStatus status);
// The label a person reads, e.g. "In review".
QString statusLabel(CurationStatus status);
// Accepts the key, the label, and spellings such as "in review" or "IN_REVIEW".
std::optional<CurationStatus> statusFromText(const QString& text);
QStringList allStatusKeys();

} // namespace spotlight
