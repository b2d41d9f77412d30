#include "PrivacyCheck.h"

#include "domain/ExhibitRules.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace spotlight {
namespace {

using Pattern = QRegularExpression;

constexpr auto Insensitive = QRegularExpression::CaseInsensitiveOption;
constexpr int ExcerptContext = 40; // characters either side of a match
// Marks the contact's own phone number among the ignored names, by its digits, so that it matches
// however the text writes it and never a name.
const QString ContactPhonePrefix = QStringLiteral("tel:");

const QString Months =
    QStringLiteral("(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)");

// "aged 14" and "a 15-year-old" describe a person; "aged 11 to 16", "aged 16 and over" and
// "15 year olds" describe a group.
const Pattern& agedPattern()
{
    static const Pattern pattern(
        QStringLiteral(R"(\b(?:aged|age)\s*:?\s*\d{1,2}\b(?!\s*(?:-|–|to|and|or|plus|\+|\d|%|years?\s+and)))"),
        Insensitive);
    return pattern;
}
const Pattern& yearsOldPattern()
{
    static const Pattern pattern(QStringLiteral(R"(\b\d{1,2}[- ]?(?:years?|yrs?)[- ]old\b(?!s))"), Insensitive);
    return pattern;
}
const Pattern& dateOfBirthPattern()
{
    static const Pattern pattern(
        QStringLiteral(
            R"(\b(?:DOB|D\.O\.B\.?|date of birth|born\s+(?:on\s+|in\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+%1(?:\s+\d{4})?|%1\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|(?:19|20)\d{2})))")
            .arg(Months),
        Insensitive);
    return pattern;
}
// Full UK postcodes, written as Royal Mail prints them.
const Pattern& postcodePattern()
{
    static const Pattern pattern(QStringLiteral(R"(\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b)"));
    return pattern;
}
const Pattern& phonePattern()
{
    static const Pattern pattern(
        QStringLiteral(R"((?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d))"));
    return pattern;
}
const Pattern& emailPattern()
{
    static const Pattern pattern(QStringLiteral(R"(\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b)"));
    return pattern;
}
// One to three capitalised words, then what a school calls itself: "St Mary's Primary School",
// "Mulberry School", "Harris Academy".
const Pattern& schoolPattern()
{
    static const Pattern pattern(QStringLiteral(
        R"(\b((?:(?:St\.?|Saint)\s+)?(?:[A-Z][a-z'’]+\s+){1,3})(?:(?:Primary|Secondary|Junior|Infant|Infants|Nursery|High|Grammar|C of E|CofE|Catholic|Community)\s+)?(?:School|Academy)\b)"));
    return pattern;
}
// Words that say what kind of school, not which one.
const QSet<QString>& genericSchoolWords()
{
    static const QSet<QString> words{
        QStringLiteral("the"),         QStringLiteral("a"),
        QStringLiteral("our"),         QStringLiteral("every"),
        QStringLiteral("each"),        QStringLiteral("any"),
        QStringLiteral("all"),         QStringLiteral("their"),
        QStringLiteral("this"),        QStringLiteral("virtual"),
        QStringLiteral("special"),     QStringLiteral("mainstream"),
        QStringLiteral("primary"),     QStringLiteral("secondary"),
        QStringLiteral("local"),       QStringLiteral("free"),
        QStringLiteral("state"),       QStringLiteral("independent"),
        QStringLiteral("residential"), QStringLiteral("alternative"),
        QStringLiteral("hospital"),    QStringLiteral("forest"),
        QStringLiteral("summer"),      QStringLiteral("saturday"),
        QStringLiteral("sunday"),      QStringLiteral("supplementary"),
        QStringLiteral("boarding"),    QStringLiteral("faith"),
        QStringLiteral("grammar"),     QStringLiteral("london"),
        QStringLiteral("national"),    QStringLiteral("new"),
        QStringLiteral("nursery"),     QStringLiteral("high"),
        QStringLiteral("junior"),      QStringLiteral("infant"),
        QStringLiteral("community"),   QStringLiteral("catholic"),
        QStringLiteral("church"),      QStringLiteral("academy"),
        QStringLiteral("school"),      QStringLiteral("schools"),
        QStringLiteral("in"),          QStringLiteral("at"),
        QStringLiteral("whole"),       QStringLiteral("healthy"),
        QStringLiteral("inclusive"),   QStringLiteral("specialist"),
    };
    return words;
}
// "2 children", "five families": a group small enough to point at someone.
const Pattern& smallCountPattern()
{
    static const Pattern pattern(
        QStringLiteral(
            R"((?<!\bin\s)\b(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)\s+(?:(?:young|looked[- ]after|disabled|unaccompanied|older|younger|vulnerable|other|local|black|white|asian)\s+)?(?:children|child|young people|young person|girls?|boys?|famil(?:y|ies)|siblings?|care leavers?|pupils?|bab(?:y|ies)|teenagers?|mothers?|fathers?|parents?|carers?|sisters?|brothers?|adolescents?)\b)"),
        Insensitive);
    return pattern;
}
const Pattern& capitalisedWordPattern()
{
    static const Pattern pattern(QStringLiteral(R"(\b[A-Z][a-z]+\b)"));
    return pattern;
}
const Pattern& titleBeforePattern()
{
    static const Pattern pattern(
        QStringLiteral(R"((?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady)\.?\s+$)"));
    return pattern;
}

QString excerptAround(const QString& text, qsizetype start, qsizetype length)
{
    qsizetype from = std::max<qsizetype>(0, start - ExcerptContext);
    qsizetype to = std::min(text.size(), start + length + ExcerptContext);
    while (from > 0 && !text.at(from - 1).isSpace()) {
        --from;
    }
    while (to < text.size() && !text.at(to).isSpace()) {
        ++to;
    }
    QString excerpt = text.mid(from, to - from).simplified();
    if (from > 0) {
        excerpt.prepend(QStringLiteral("… "));
    }
    if (to < text.size()) {
        excerpt.append(QStringLiteral(" …"));
    }
    return excerpt;
}

int digitCount(const QString& text)
{
    return int(std::count_if(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }));
}

QSet<QString> loadFirstNames()
{
    QSet<QString> names;
    QFile file(QStringLiteral(":/seed/first-names.txt"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            const QString name = QString::fromUtf8(line).trimmed();
            if (!name.isEmpty() && !name.startsWith(QLatin1Char('#'))) {
                names.insert(name);
            }
        }
    }
    return names;
}

} // namespace

PrivacyCheck::PrivacyCheck()
    : PrivacyCheck(loadFirstNames())
{}

PrivacyCheck::PrivacyCheck(QSet<QString> firstNames)
    : m_firstNames(std::move(firstNames))
{}

QList<PrivacyFinding> PrivacyCheck::scanText(const QString& text, const QSet<QString>& ignoredNames) const
{
    QList<PrivacyFinding> findings;
    auto add = [&](const QString& kind, qsizetype start, qsizetype length) {
        PrivacyFinding finding;
        finding.kind = kind;
        finding.match = text.mid(start, length).simplified();
        finding.excerpt = excerptAround(text, start, length);
        findings << finding;
    };
    auto each = [&](const Pattern& pattern, const QString& kind,
                    const std::function<bool(const QRegularExpressionMatch&)>& keep) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (!keep || keep(match)) {
                add(kind, match.capturedStart(), match.capturedLength());
            }
        }
    };

    each(agedPattern(), QStringLiteral("age"), {});
    each(yearsOldPattern(), QStringLiteral("age"), {});
    each(dateOfBirthPattern(), QStringLiteral("date of birth"), {});
    each(postcodePattern(), QStringLiteral("postcode"), {});
    each(phonePattern(), QStringLiteral("phone number"), [&ignoredNames](const QRegularExpressionMatch& match) {
        const int digits = digitCount(match.captured()) - (match.captured().startsWith(QLatin1String("+44")) ? 1 : 0);
        return (digits == 10 || digits == 11) &&
               !ignoredNames.contains(ContactPhonePrefix + ExhibitRules::phoneDigits(match.captured()));
    });
    each(emailPattern(), QStringLiteral("email address"), [&ignoredNames](const QRegularExpressionMatch& match) {
        return !ignoredNames.contains(match.captured().toLower());
    });
    each(schoolPattern(), QStringLiteral("school name"), [](const QRegularExpressionMatch& match) {
        const QStringList words = match.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return std::any_of(words.begin(), words.end(), [](const QString& word) {
            return !genericSchoolWords().contains(word.toLower()) && word != QLatin1String("St") &&
                   word != QLatin1String("St.");
        });
    });
    each(smallCountPattern(), QStringLiteral("small count"), {});
    // A first name on its own: "Jamie said". Followed by another capitalised word it is most often
    // a professional's full name or an organisation ("Anna Freud Centre"); after a title, an adult.
    each(capitalisedWordPattern(), QStringLiteral("first name"), [&](const QRegularExpressionMatch& match) {
        const QString word = match.captured();
        if (!m_firstNames.contains(word) || ignoredNames.contains(word.toLower())) {
            return false;
        }
        const QString after = text.mid(match.capturedEnd(), 40);
        static const Pattern nextCapitalised(QStringLiteral(R"(^\s+(?:[A-Z][a-z'’]+|[A-Z]\.))"));
        if (nextCapitalised.match(after).hasMatch()) {
            return false;
        }
        const QString before = text.mid(std::max<qsizetype>(0, match.capturedStart() - 16),
                                        std::min<qsizetype>(16, match.capturedStart()));
        return !titleBeforePattern().match(before).hasMatch() && !before.endsWith(QLatin1Char('@')) &&
               !before.endsWith(QLatin1Char('.'));
    });
    return findings;
}

QList<PrivacyFinding> PrivacyCheck::scan(const Exhibit& exhibit) const
{
    // The key contact is meant to be named; so are the reviewers, in their own field.
    QSet<QString> ignored;
    for (const QString& part : exhibit.contact.name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        ignored.insert(part.toLower());
    }
    if (!exhibit.contact.email.isEmpty()) {
        ignored.insert(exhibit.contact.email.toLower());
    }
    if (!exhibit.contact.phone.isEmpty()) {
        ignored.insert(ContactPhonePrefix + ExhibitRules::phoneDigits(exhibit.contact.phone));
    }
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("title"), exhibit.title},
        {QStringLiteral("summary"), exhibit.summary},
        {QStringLiteral("description"), exhibit.description},
        {QStringLiteral("contact_role"), exhibit.contact.role},
        {QStringLiteral("partner_organisations"), exhibit.partnerOrganisations.join(QStringLiteral("; "))},
        {QStringLiteral("target_groups"), exhibit.targetGroups.join(QStringLiteral("; "))},
    };
    for (qsizetype i = 0; i < exhibit.evidence.size(); ++i) {
        const Evidence& evidence = exhibit.evidence.at(i);
        const QString prefix = QStringLiteral("evidence %1 ").arg(i + 1);
        fields << std::pair{prefix + QStringLiteral("title"), evidence.title}
               << std::pair{prefix + QStringLiteral("summary"), evidence.summary}
               << std::pair{prefix + QStringLiteral("key figures"), evidence.keyFigures};
    }
    for (qsizetype i = 0; i < exhibit.reviews.size(); ++i) {
        fields << std::pair{QStringLiteral("review %1 feedback").arg(i + 1), exhibit.reviews.at(i).feedback};
    }
    QList<PrivacyFinding> findings;
    for (const auto& [field, text] : fields) {
        for (PrivacyFinding finding : scanText(text, ignored)) {
            finding.exhibitRef = exhibit.ref;
            finding.exhibitTitle = exhibit.title;
            finding.field = field;
            findings << finding;
        }
    }
    return findings;
}

} // namespace spotlight
