#include "ExhibitRules.h"

#include <QRegularExpression>

namespace spotlight::ExhibitRules {
namespace {

void checkLength(QList<Problem>& problems, const char* field, const QString& value, int limit)
{
    if (value.size() > limit) {
        problems.append(
            {QString::fromLatin1(field),
             QStringLiteral("is %1 characters long; shorten it to %2 or fewer").arg(value.size()).arg(limit)});
    }
}

} // namespace

bool isValidEmail(const QString& email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return pattern.match(email).hasMatch();
}

bool isValidRef(const QString& ref)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return pattern.match(ref).hasMatch();
}

QList<Problem> check(const Exhibit& exhibit)
{
    QList<Problem> problems;
    if (!exhibit.ref.isEmpty() && !isValidRef(exhibit.ref)) {
        problems.append({QStringLiteral("ref"), QStringLiteral("\"%1\" is not a valid ref: use letters, digits, "
                                                               "'-', '_' and '.', starting with a letter or digit")
                                                    .arg(exhibit.ref)});
    }
    checkLength(problems, "ref", exhibit.ref, MaxRefLength);
    if (exhibit.title.trimmed().isEmpty()) {
        problems.append({QStringLiteral("title"), QStringLiteral("is required")});
    }
    checkLength(problems, "title", exhibit.title, MaxTitleLength);
    if (exhibit.leadAuthority.trimmed().isEmpty()) {
        problems.append({QStringLiteral("lead_authority"), QStringLiteral("is required")});
    }
    checkLength(problems, "summary", exhibit.summary, MaxSummaryLength);
    checkLength(problems, "description", exhibit.description, MaxDescriptionLength);
    checkLength(problems, "contact_name", exhibit.contact.name, MaxShortFieldLength);
    checkLength(problems, "contact_role", exhibit.contact.role, MaxShortFieldLength);
    checkLength(problems, "contact_email", exhibit.contact.email, MaxShortFieldLength);
    if (!exhibit.contact.email.isEmpty() && !isValidEmail(exhibit.contact.email)) {
        problems.append(
            {QStringLiteral("contact_email"),
             QStringLiteral("\"%1\" is not an email address; give one such as name@council.gov.uk, or leave it empty")
                 .arg(exhibit.contact.email)});
    }
    if (exhibit.declaredLevel < MinEvidenceLevel || exhibit.declaredLevel > MaxEvidenceLevel) {
        problems.append({QStringLiteral("evidence_level"), QStringLiteral("must be a whole number from 0 to 5")});
    }
    for (const Evidence& item : exhibit.evidence) {
        if (item.title.trimmed().isEmpty()) {
            problems.append({QStringLiteral("evidence"), QStringLiteral("every piece of evidence needs a title")});
        }
        if (item.level < MinEvidenceLevel || item.level > MaxEvidenceLevel) {
            problems.append(
                {QStringLiteral("evidence"),
                 QStringLiteral("\"%1\" has level %2; levels run from 0 to 5").arg(item.title).arg(item.level)});
        }
    }
    return problems;
}

} // namespace spotlight::ExhibitRules
