#include "ConflictError.h"

#include <QLocale>

namespace spotlight {
namespace {

QString describe(const Conflict& conflict)
{
    if (!conflict.current) {
        return QStringLiteral("\"%1\" was deleted").arg(conflict.ref);
    }
    QString text = QStringLiteral("\"%1\" was changed").arg(conflict.ref);
    if (!conflict.changedBy.isEmpty()) {
        text += QStringLiteral(" by %1").arg(conflict.changedBy);
    }
    if (conflict.changedAt.isValid()) {
        text += QStringLiteral(" at %1").arg(
            QLocale::c().toString(conflict.changedAt.toLocalTime(), QStringLiteral("HH:mm:ss, d MMM")));
    }
    if (!conflict.fields.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(conflict.fields.join(QStringLiteral(", ")));
    }
    return text;
}

QString messageFor(const QList<Conflict>& conflicts)
{
    QStringList described;
    for (const Conflict& conflict : conflicts.mid(0, 5)) {
        described << describe(conflict);
    }
    if (conflicts.size() > 5) {
        described << QStringLiteral("%1 more").arg(conflicts.size() - 5);
    }
    return QStringLiteral("%1 since it was read here, so nothing was changed. Reload to see the change, then make "
                          "yours again.")
        .arg(described.join(QStringLiteral("; ")));
}

} // namespace

ConflictError::ConflictError(QList<Conflict> conflicts)
    : Error(messageFor(conflicts))
    , m_conflicts(std::move(conflicts))
{}

} // namespace spotlight
