#include "ExhibitRules.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

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

namespace {

// A domain of at least two labels of letters, digits and inner hyphens, ending in a top-level
// domain of letters: "croydon.gov.uk", not "croydon.gov,uk" or "croydon".
const QString DomainPattern = QStringLiteral("([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}");

} // namespace

bool isValidEmail(const QString& email)
{
    // The local part as RFC 5322's dot-atom: no spaces, commas or doubled, leading or trailing dots.
    static const QRegularExpression pattern(QStringLiteral("^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+"
                                                           "(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*@") +
                                            DomainPattern + QLatin1Char('$'));
    return pattern.match(email).hasMatch();
}

bool isValidPhone(const QString& phone)
{
    // As people write them: "020 7946 0000", "+44 (0)20 7946 0000", "07700-900123".
    static const QRegularExpression pattern(QStringLiteral(R"(^\+?[0-9 ()./-]+$)"));
    const qsizetype digits = std::count_if(phone.begin(), phone.end(), [](QChar c) { return c.isDigit(); });
    return pattern.match(phone).hasMatch() && digits >= 7 && digits <= 15;
}

QString phoneLink(const QString& phone)
{
    QString href = QStringLiteral("tel:");
    for (const QChar c : phone) {
        if (c.isDigit() || c == QLatin1Char('+')) {
            href += c;
        }
    }
    return href;
}

QString phoneDigits(const QString& phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit()) {
            digits += c;
        }
    }
    // "+44 20 …" and "+44 (0)20 …" are the same line as "020 …".
    if (phone.trimmed().startsWith(QLatin1String("+44"))) {
        digits = digits.mid(2);
        if (!digits.startsWith(QLatin1Char('0'))) {
            digits.prepend(QLatin1Char('0'));
        }
    }
    return digits;
}

bool isValidWebAddress(const QString& address)
{
    static const QRegularExpression host(QLatin1Char('^') + DomainPattern + QLatin1Char('$'));
    const QUrl url(address, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           host.match(url.host()).hasMatch() && !address.contains(QLatin1Char(' '));
}

bool isPublishableLink(const QString& href)
{
    if (href.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
        return isValidEmail(QUrl::fromPercentEncoding(href.mid(7).toUtf8()));
    }
    if (href.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
        return isValidPhone(href.mid(4));
    }
    return isValidWebAddress(href);
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
    checkLength(problems, "contact_phone", exhibit.contact.phone, MaxShortFieldLength);
    if (!exhibit.contact.phone.isEmpty() && !isValidPhone(exhibit.contact.phone)) {
        problems.append(
            {QStringLiteral("contact_phone"),
             QStringLiteral("\"%1\" is not a phone number; give one such as 020 7946 0000, or leave it empty")
                 .arg(exhibit.contact.phone)});
    }
    for (const QString& link : exhibit.links) {
        if (!isValidWebAddress(link)) {
            problems.append(
                {QStringLiteral("links"),
                 QStringLiteral("\"%1\" is not a web address; give one such as https://www.council.gov.uk/page")
                     .arg(link)});
        }
    }
    if (exhibit.declaredLevel < MinEvidenceLevel || exhibit.declaredLevel > MaxEvidenceLevel) {
        problems.append({QStringLiteral("evidence_level"), QStringLiteral("must be a whole number from 0 to 5")});
    }
    for (const Evidence& item : exhibit.evidence) {
        if (item.title.trimmed().isEmpty()) {
            problems.append({QStringLiteral("evidence"), QStringLiteral("every piece of evidence needs a title")});
        }
        if (!item.sourceUrl.isEmpty() && !isValidWebAddress(item.sourceUrl)) {
            problems.append(
                {QStringLiteral("evidence"),
                 QStringLiteral("\"%1\" has the source \"%2\", which is not a web address; give one such as "
                                "https://www.council.gov.uk/report")
                     .arg(item.title, item.sourceUrl)});
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
