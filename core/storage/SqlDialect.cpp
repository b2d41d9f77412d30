#include "SqlDialect.h"

namespace spotlight {

QString SqlDialect::integersIn() const
{
    return isPostgres() ? QStringLiteral("SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(? AS json))")
                        : QStringLiteral("SELECT value FROM json_each(?)");
}

QString SqlDialect::integersInOrder() const
{
    return isPostgres()
               ? QStringLiteral("SELECT CAST(value AS bigint) AS value, position FROM "
                                "json_array_elements_text(CAST(? AS json)) WITH ORDINALITY AS j(value, position)")
               : QStringLiteral("SELECT value, key AS position FROM json_each(?)");
}

QString SqlDialect::textsIn() const
{
    return isPostgres() ? QStringLiteral("SELECT value FROM json_array_elements_text(CAST(? AS json))")
                        : QStringLiteral("SELECT value FROM json_each(?)");
}

QString SqlDialect::joined(const QString& expression, const QString& separator) const
{
    // In a stated order on a server, so that the same rows always give the same text.
    return (isPostgres() ? QStringLiteral("string_agg(%1, %2 ORDER BY %1)") : QStringLiteral("group_concat(%1, %2)"))
        .arg(expression, separator);
}

QString SqlDialect::greatest(const QString& a, const QString& b) const
{
    return (isPostgres() ? QStringLiteral("greatest(%1, %2)") : QStringLiteral("max(%1, %2)")).arg(a, b);
}

QVariant SqlDialect::noLimit() const
{
    return isPostgres() ? QVariant() : QVariant(-1); // LIMIT NULL; SQLite reads a negative limit as none
}

QString SqlDialect::jsonArrayOf(const QString& expression) const
{
    return (isPostgres() ? QStringLiteral("json_agg(%1)") : QStringLiteral("json_group_array(%1)")).arg(expression);
}

} // namespace spotlight
