#include "StatusWorkflow.h"

#include <QSet>

namespace spotlight::StatusWorkflow {
namespace {

using enum CurationStatus;

QList<CurationStatus> movesFrom(CurationStatus from)
{
    switch (from) {
    case Draft:
        return {Submitted, Withdrawn};
    case Submitted:
        return {Draft, InReview, Withdrawn};
    case InReview:
        return {Submitted, Recognised, Withdrawn};
    case Recognised:
        return {InReview, Showcased, Archived, Withdrawn};
    case Showcased:
        return {Recognised, Archived, Withdrawn};
    case Archived:
        return {Recognised};
    case Withdrawn:
        return {Draft};
    }
    return {};
}

// What the exhibit must hold before it can enter `to`, beyond the move itself being allowed.
std::optional<QString> missingFor(const Exhibit& exhibit, CurationStatus to)
{
    if (to == Submitted && exhibit.summary.trimmed().isEmpty()) {
        return QStringLiteral("it has no summary yet");
    }
    if (to == Submitted && exhibit.contact.email.trimmed().isEmpty()) {
        return QStringLiteral("it has no key contact email yet");
    }
    if ((to == Recognised || to == Showcased) && exhibit.reviews.isEmpty()) {
        return QStringLiteral("no panel review is recorded for it; record the review first");
    }
    return std::nullopt;
}

} // namespace

QList<CurationStatus> nextStatuses(const Exhibit& exhibit)
{
    QList<CurationStatus> allowed;
    for (const CurationStatus to : movesFrom(exhibit.status)) {
        if (!missingFor(exhibit, to)) {
            allowed << to;
        }
    }
    return allowed;
}

std::optional<QString> refusal(const Exhibit& exhibit, CurationStatus to)
{
    const QString move = QStringLiteral("\"%1\" cannot move from %2 to %3")
                             .arg(exhibit.ref, statusLabel(exhibit.status).toLower(), statusLabel(to).toLower());
    if (exhibit.status == to) {
        return QStringLiteral("\"%1\" is already %2").arg(exhibit.ref, statusLabel(to).toLower());
    }
    if (!movesFrom(exhibit.status).contains(to)) {
        QStringList labels;
        for (const CurationStatus next : movesFrom(exhibit.status)) {
            labels << statusLabel(next).toLower();
        }
        return QStringLiteral("%1: from %2 it can go to %3")
            .arg(move, statusLabel(exhibit.status).toLower(), labels.join(QStringLiteral(", ")));
    }
    if (const auto missing = missingFor(exhibit, to)) {
        return QStringLiteral("%1: %2").arg(move, *missing);
    }
    return std::nullopt;
}

} // namespace spotlight::StatusWorkflow
