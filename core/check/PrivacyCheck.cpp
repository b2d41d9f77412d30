#include "PrivacyCheck.h"

#include "domain/ExhibitRules.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace spotlight {
namespace {

using Pattern = QRegularExpression;

constexpr auto Insensitive = QRegularExpression::CaseInsensitiveOption;

// A rule's pattern. One that does not compile would match nothing and pass every text in silence,
// so it stops the program at its first use instead.
Pattern rule(const QString& pattern, QRegularExpression::PatternOptions options = {})
{
    Pattern compiled(pattern, options);
    if (!compiled.isValid()) {
        qFatal("A privacy rule does not compile (%s at %lld): %s", qPrintable(compiled.errorString()),
               static_cast<long long>(compiled.patternErrorOffset()), qPrintable(pattern));
    }
    return compiled;
}
constexpr int ExcerptContext = 40; // characters either side of a match
// Marks the contact's own phone number among the ignored names, by its digits, so that it matches
// however the text writes it and never a name.
const QString ContactPhonePrefix = QStringLiteral("tel:");

const QString Months =
    QStringLiteral("(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)");

// An age as a child's is written: a number to 19, or the word for it.
const QString AgeNumber = QStringLiteral(
    R"((?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|)"
    R"(sixteen|seventeen|eighteen|nineteen))");

// "aged 14" and "a 15-year-old" describe a person; "aged 11 to 16", "aged 16 and over" and
// "15 year olds" describe a group.
// "up to age 25" and "under age 5" are limits, not a person's age.
const Pattern& agedPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"((?<!to\s)(?<!over\s)(?<!under\s)\b(?:aged|age)\s*:?\s*\d{1,2}\b(?!\s*(?:-|–|to|and|or|plus|\+|\d|%|years?\s+and)))"),
        Insensitive);
    return pattern;
}
// "a 15-year-old", "7 weeks old"; not "17–18 year old care leavers", a range.
const Pattern& yearsOldPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"((?<!\d[-–])(?<!\d\s[-–]\s)(?<!\bto\s)(?<!\band\s)\b%1[- ]?(?:years?|yrs?|months?|weeks?|days?)[- ]old\b(?!s))")
            .arg(AgeNumber),
        Insensitive);
    return pattern;
}
// An age told as part of the story: "Mo (15)", "both were 6 when they entered care", "at 13 she was
// excluded", "pregnant at 15", "when he was 16", "who was only nine at the time", "the young man,
// now seventeen,".
const Pattern& ageInStoryPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"((?-i:\b[A-Z][a-z]+)\s+\(\s*\d{1,2}\s*\))"
            R"(|\b(?:was|were|is|are)\s+(?:just\s+|only\s+|barely\s+|now\s+)?%1\s+(?:when|as|before|after|at\s+the\s+time)\b)"
            R"(|\b(?:when|since|until)\s+(?:he|she|they|I|we)\s+(?:was|were|turned)\s+(?:just\s+|only\s+)?%1\b(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|years|of|out)))"
            R"(|\bwho\s+(?:is|was)\s+(?:now\s+|only\s+|just\s+)%1\b(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|years|of|out)))"
            R"(|,\s+now\s+%1\s*,)"
            R"(|\b(?:he|she|they)\s+(?:is|was|are|were)\s+(?:now\s+|only\s+|just\s+|still\s+)?%1\b(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|years\s+(?:into|of|ago|late|behind)|of|out|in\s+(?:a|the)\s+group|-)))"
            R"(|\b(?:who|he|she|they)\s+(?:had\s+|has\s+)?(?:just\s+|recently\s+)?(?:turned|turns)\s+%1\b)"
            R"(|\b(?:since|by)\s+the\s+age\s+of\s+%1\b)"
            R"(|\b(?:is|was)\s+(?:now\s+|just\s+|only\s+)?%1\s+and\s+(?:has|had|is|was|lives|living|still)\b)"
            R"(|\b(?:at|aged)\s+%1\s*,?\s+(?:she|he|they)\b)"
            R"(|\b(?:a|an|the)\s+(?:toddler|baby|boy|girl|child|teenager|lad|son|daughter|young\s+(?:man|woman|person))\s+of\s+%1\b(?!\s*(?:%|per|of|out|children|parents|families|siblings|brothers|sisters|carers|mothers|fathers)\b))"
            R"(|\b(?:he|she|they|I)\s+will\s+be\s+%1\b(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|years|of|out)))"
            R"(|\bwho\s+(?:is|was)\s+%1\s*(?:,|\band\b))"
            R"(|\b(?:pregnant|excluded|arrested|married|adopted|homeless|missing|exploited|groomed)\s+at\s+(?:the\s+age\s+of\s+)?\d{1,2}\b)")
            .arg(AgeNumber),
        Insensitive);
    return pattern;
}
// "the twelfth of May": a day written in words.
const QString OrdinalWords = QStringLiteral(
    "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    "fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|twenty[- ](?:first|second|third|"
    "fourth|fifth|sixth|seventh|eighth|ninth)|thirty[- ]first)");

const Pattern& dateOfBirthPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"(\b(?:(?:DOB|D\.O\.B\.?|date of birth|birthday)\s*(?:is|was|as|of|[:,])?\s*\(?\s*(?=\d|%1)|born\s+(?:on\s+|in\s+)?(?:the\s+)?(?:(?:in|at)\s+(?:[A-Z][a-z]+\s+){1,3}(?:in|on)\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?|%2)\s+(?:of\s+)?%1(?:\s+\d{4})?|%1\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|(?:19|20)\d{2}(?!\s+out\s+of))))"
            R"(|(?-i:\bb\.)\s*\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b)")
            .arg(Months, OrdinalWords),
        Insensitive);
    return pattern;
}
// Full UK postcodes, written as Royal Mail prints them.
const Pattern& postcodePattern()
{
    static const Pattern pattern = rule(QStringLiteral(R"(\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b)"));
    return pattern;
}
// The same in any case ("ub4 0sh"), which is personal only where the sentence is about a home:
// lower-case letters and digits fall into that shape more often than capitals do.
const Pattern& anyCasePostcodePattern()
{
    static const Pattern pattern = rule(postcodePattern().pattern(), Insensitive);
    return pattern;
}
// A London postcode district on its own ("in N15"): personal only where the sentence says someone
// lives, stays or goes to school there; "the N17 and N18 areas" is a pilot's patch.
const Pattern& postcodeDistrictPattern()
{
    static const Pattern pattern = rule(QStringLiteral(
        R"(\b(?:EC|WC|NW|SE|SW|BR|CR|DA|EN|HA|IG|KT|RM|SM|TW|UB|WD|E|N|W)\d{1,2}[A-Z]?\b(?!\s?\d[A-Z]{2}))"));
    return pattern;
}
const Pattern& homeWordsPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"(\b(?:home|live|lives|lived|living|resides|residing|resident|staying|stayed|sleeping|slept|sofa|flat|house|address|school|her|his|their|moved|refuge|hostel)\b)"),
        Insensitive);
    return pattern;
}
// Where a council or a service receives the public: its address and number are meant to be published.
const Pattern& publicPlacePattern()
{
    static const Pattern pattern = rule(QStringLiteral(
        R"(\b(?:Hub|Centre|Council|Town Hall|Library|Offices?|Headquarters|[Tt]eam|[Ss]ervices?|[Hh]elpline|[Ff]ront [Dd]oor|[Pp]roject (?:[Ll]ead|[Mm]anager|[Cc]o-?ordinator)|[Ee]nquiries|[Ss]witchboard|[Rr]eception|office hours|[Dd]uty)\b|\bis based at\b|\bis open\b|\b[Rr]eferrals\s+(?:can|may|should)\b|\bMASH\b|\bClub\b|\b[Bb]ookings?\s+(?:are|for|can|on)\b)"));
    return pattern;
}
const Pattern& phonePattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(R"((?<![\d+])(?:\+44\s?\(?0?\)?\s?|0044\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d))"));
    return pattern;
}
// A number abroad, as a family newly arrived may have one: "+48 601 234 567", "+1 876 555 0142".
const Pattern& foreignPhonePattern()
{
    static const Pattern pattern = rule(QStringLiteral(R"((?<![\d+])\+(?!44)\d{1,3}(?:[\s-]?\d{2,4}){3,4}(?!\d))"));
    return pattern;
}
const Pattern& emailPattern()
{
    static const Pattern pattern = rule(QStringLiteral(R"(\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b)"));
    return pattern;
}
// A council's, school's or the NHS's address is a workplace's, published to be written to; so is an
// organisation's mailbox ("adopt@adoptlondonnorth.org.uk"). A family's is at a mail provider.
bool isWorkplaceEmail(const QString& mailbox, const QString& domain)
{
    static const Pattern publicSector =
        rule(QStringLiteral(R"((?:^|\.)(?:gov\.uk|nhs\.uk|nhs\.net|sch\.uk|ac\.uk|police\.uk)$)"), Insensitive);
    // Where people keep their own mail: a mailbox there is a person's, whatever its name.
    static const Pattern mailProvider =
        rule(QStringLiteral(
                 R"((?:^|\.)(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|btinternet|)"
                 R"(sky|virginmedia|talktalk|protonmail|proton|gmx|mail|zoho)\.)"),
             Insensitive);
    static const Pattern roleMailbox = rule(QStringLiteral(R"(^[A-Za-z-]+$)"));
    return publicSector.match(domain).hasMatch() ||
           (!mailProvider.match(domain).hasMatch() && roleMailbox.match(mailbox).hasMatch());
}
// One to three capitalised words, then what a school calls itself: "St Mary's Primary School",
// "Mulberry School", "Harris Academy", "Gladstone Park Primary". Not the name of something about
// schools: "the Emotionally Based School Avoidance Toolkit".
const Pattern& schoolPattern()
{
    static const Pattern pattern = rule(QStringLiteral(
        R"(\b((?:(?:St\.?|Saint)\s+)?(?:[A-Z][a-z'’]+\s+){1,3}))"
        R"((?:(?:(?:Primary|Secondary|Junior|Infant|Infants|Nursery|High|Grammar|C of E|CofE|Catholic|Community)\s+)?(?:School|Academy)|(?:(?:RC|CE|C of E|CofE)\s+)?(?:Primary|Secondary)|Nursery|Pupil Referral Unit|Sixth Form College|College of Further Education)\b)"
        R"((?!\s+(?:Avoidance|Toolkit|Programme|Network|Trust|Partnership|Award|Awards|Project|Service|Team|Forum|Framework|Model|Conference|Readiness|Nurse|Nursing|Meals|Streets|Games|Improvement|portal|Portal)\b))"));
    return pattern;
}
// Words that say what kind of school, not which one.
const QSet<QString>& genericSchoolWords()
{
    static const QSet<QString> words{
        QStringLiteral("the"),
        QStringLiteral("a"),
        QStringLiteral("our"),
        QStringLiteral("every"),
        QStringLiteral("each"),
        QStringLiteral("any"),
        QStringLiteral("all"),
        QStringLiteral("their"),
        QStringLiteral("this"),
        QStringLiteral("virtual"),
        QStringLiteral("special"),
        QStringLiteral("mainstream"),
        QStringLiteral("primary"),
        QStringLiteral("secondary"),
        QStringLiteral("local"),
        QStringLiteral("free"),
        QStringLiteral("state"),
        QStringLiteral("independent"),
        QStringLiteral("residential"),
        QStringLiteral("alternative"),
        QStringLiteral("hospital"),
        QStringLiteral("forest"),
        QStringLiteral("summer"),
        QStringLiteral("saturday"),
        QStringLiteral("sunday"),
        QStringLiteral("supplementary"),
        QStringLiteral("boarding"),
        QStringLiteral("faith"),
        QStringLiteral("grammar"),
        QStringLiteral("london"),
        QStringLiteral("national"),
        QStringLiteral("new"),
        QStringLiteral("nursery"),
        QStringLiteral("high"),
        QStringLiteral("junior"),
        QStringLiteral("infant"),
        QStringLiteral("community"),
        QStringLiteral("catholic"),
        QStringLiteral("church"),
        QStringLiteral("academy"),
        QStringLiteral("school"),
        QStringLiteral("schools"),
        QStringLiteral("in"),
        QStringLiteral("at"),
        QStringLiteral("whole"),
        QStringLiteral("healthy"),
        QStringLiteral("inclusive"),
        QStringLiteral("specialist"),
        // what academies for adults teach: "the Social Work Academy", "our Leadership Academy"
        QStringLiteral("social"),
        QStringLiteral("work"),
        QStringLiteral("leadership"),
        QStringLiteral("practice"),
        QStringLiteral("teaching"),
        QStringLiteral("training"),
        QStringLiteral("football"),
        QStringLiteral("sports"),
        QStringLiteral("youth"),
        QStringLiteral("management"),
        QStringLiteral("coaching"),
        QStringLiteral("research"),
        // nurseries named for what they are: "the Day Nursery", "a Workplace Nursery"
        QStringLiteral("day"),
        QStringLiteral("workplace"),
        QStringLiteral("early"),
        QStringLiteral("years"),
        QStringLiteral("children's"),
        QStringLiteral("council"),
    };
    return words;
}
// "2 children", "five families": a group small enough to point at someone.
const Pattern& smallCountPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"((?<!\bin\s)(?<!\bYear\s)(?<!\bYears\s)\b(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|a\s+single|a\s+lone)\s+(?:(?:young|looked[- ]after|disabled|unaccompanied|older|younger|vulnerable|other|local|black|white|asian|[a-z]+-(?:speaking|born)|(?-i:[A-Z][a-z]+)(?:-[a-z]+)?)\s+){0,2}(?:children|child|young people|young person|girls?|boys?|famil(?:y|ies)|siblings?|cousins?|twins?|care leavers?|pupils?|bab(?:y|ies)|teenagers?|mothers?|fathers?|parents?|carers?|sisters?|brothers?|adolescents?)\b(?!\s+(?:hubs?|centres?|groups?|homes?|courts?|services?|workers?|members|days|sessions|practitioners|support|therapists?|network)\b))"),
        Insensitive);
    return pattern;
}
// One person picked out of a group: "the only Somali girl", "the single Roma family"; and a few of
// them: "three of the young people", "both of the disabled children".
const Pattern& pickedOutPattern()
{
    static const Pattern pattern = rule(
        QStringLiteral(
            R"(\bthe\s+(?:only|single|sole|one)\s+(?:[A-Za-z0-9-]+\s+){0,2}?(?:girl|boy|child|children|young person|young people|young man|young woman|family|mother|father|parent|carer|pupil|student|learner|baby|teenager|sibling|twins?|care leaver|user|wheelchair user|speaker)\b(?!['’])(?!\s+(?:hubs?|centres?|groups?|homes?|services?|workers?|support|network|court|of\s+its)\b))"
            R"(|\b(?:two|three|four|five|both)\s+of\s+(?:the|them|these|those)\s+(?:[A-Za-z-]+\s+){0,2}?(?:children|young people|girls|boys|siblings|families|pupils|teenagers|sisters|brothers)\b)"),
        Insensitive);
    return pattern;
}
// Capitalised words the story patterns below would otherwise take for a child's or parent's name.
const QSet<QString>& notNames()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* word : {"He",
                                 "She",
                                 "They",
                                 "We",
                                 "I",
                                 "It",
                                 "You",
                                 "This",
                                 "That",
                                 "These",
                                 "Those",
                                 "There",
                                 "Here",
                                 "Our",
                                 "Their",
                                 "His",
                                 "Her",
                                 "Its",
                                 "One",
                                 "Each",
                                 "Every",
                                 "All",
                                 "Most",
                                 "Some",
                                 "Many",
                                 "Both",
                                 "Neither",
                                 "Either",
                                 "Nobody",
                                 "Everyone",
                                 "Someone",
                                 "Anyone",
                                 "The",
                                 "A",
                                 "An",
                                 "In",
                                 "At",
                                 "On",
                                 "After",
                                 "When",
                                 "Once",
                                 "Since",
                                 "While",
                                 "If",
                                 "Because",
                                 "Until",
                                 "Before",
                                 "Mum",
                                 "Dad",
                                 "Mother",
                                 "Father",
                                 "Nan",
                                 "Gran",
                                 "Grandma",
                                 "Grandad",
                                 "Staff",
                                 "Parents",
                                 "Children",
                                 "Families",
                                 "Schools",
                                 "Leaders",
                                 "Inspectors",
                                 "Practitioners",
                                 "Professionals",
                                 "Carers",
                                 "Managers",
                                 "Teachers",
                                 "Police",
                                 "Council",
                                 "Government",
                                 "Ofsted",
                                 "Young",
                                 "Social",
                                 "London",
                                 "England",
                                 "Britain",
                                 "Wales",
                                 "Scotland",
                                 "Europe",
                                 "Christmas",
                                 "Easter",
                                 "Ramadan",
                                 "Eid",
                                 "Monday",
                                 "Tuesday",
                                 "Wednesday",
                                 "Thursday",
                                 "Friday",
                                 "Saturday",
                                 "Sunday",
                                 "January",
                                 "February",
                                 "March",
                                 "April",
                                 "May",
                                 "June",
                                 "July",
                                 "August",
                                 "September",
                                 "October",
                                 "November",
                                 "December",
                                 "Barking",
                                 "Dagenham",
                                 "Barnet",
                                 "Bexley",
                                 "Brent",
                                 "Bromley",
                                 "Camden",
                                 "City",
                                 "Croydon",
                                 "Ealing",
                                 "Enfield",
                                 "Greenwich",
                                 "Hackney",
                                 "Hammersmith",
                                 "Fulham",
                                 "Haringey",
                                 "Harrow",
                                 "Havering",
                                 "Hillingdon",
                                 "Hounslow",
                                 "Islington",
                                 "Kensington",
                                 "Chelsea",
                                 "Kingston",
                                 "Lambeth",
                                 "Lewisham",
                                 "Merton",
                                 "Newham",
                                 "Redbridge",
                                 "Richmond",
                                 "Southwark",
                                 "Sutton",
                                 "Tower",
                                 "Hamlets",
                                 "Waltham",
                                 "Forest",
                                 "Wandsworth",
                                 "Westminster"}) {
            set.insert(QString::fromLatin1(word));
        }
        return set;
    }();
    return words;
}
// A child or parent named in the telling, whatever the name, by what the sentence does with it:
// "Bartek's mum", "we met Oluwaseun", "Tendai wanted", "Amira and her mum", "once Ciaran felt safe",
// "her advocate, Precious was able", "Rukhsana, a young carer". Group 1 is the name.
const QList<Pattern>& namedInStoryPatterns()
{
    static const QString Start = QStringLiteral(R"((?:^|[.!?;:]\s+|["“]\s*))");
    static const QList<Pattern>
        patterns{
            rule(QStringLiteral(
                R"(\b([A-Z][a-z]+)['’]s\s+(?:(?:younger|older|little|big|baby|new|birth|foster|maternal|paternal|own|twin|step|half)[- ]?)*(?:mum|mother|dad|father|parents?|sister|brother|siblings?|grandmother|grandfather|grandparents?|gran|nan|aunt|auntie|uncle|baby|son|daughter|family|carers?|school|friends?|boyfriend|girlfriend|partner|worker|social worker|home|phone|mobile|email|life|head of year|teacher|SENCo)\b)")),
            rule(QStringLiteral(
                R"(\b(?:met|meet|meeting|visited|visiting|supported|supporting|helped|helping|told|asked|contacted|called|placed|referred|saw|seeing|mentored)\s+([A-Z][a-z]+)\b(?!\s+[A-Z]))")),
            rule(
                Start +
                QStringLiteral(
                    R"(([A-Z][a-z]+)\s+(?:(?:now|then|later|also|still|often|never|always|finally|first)\s+)?(?:said|says|told|tells|wanted|wants|explained|explains|felt|feels|asked|asks|helps|hopes|hoped|decided|refused|agreed|disclosed|spoke|speaks|struggled)\b)")),
            rule(
                Start +
                QStringLiteral(
                    R"(([A-Z][a-z]+)\s+and\s+(?:her|his|their)\s+(?:mum|mother|dad|father|sister|brother|siblings?|grandmother|grandfather|family|children|baby|son|daughter)\b)")),
            rule(QStringLiteral(
                R"(\b(?:[Oo]nce|[Ww]hen|[Aa]fter|[Uu]ntil|[Bb]efore|[Ss]ince|[Bb]ecause|[Ww]hile|[Ii]f)\s+([A-Z][a-z]+)\s+(?:felt|was|were|had|is|said|told|moved|started|turned|arrived|came|got|went|left|began|returned|disclosed)\b)")),
            rule(QStringLiteral(
                R"(,\s+([A-Z][a-z]+)\s+(?:was|is|had|has|felt|said|told|wanted|began|started|secured|got|found|completed|passed|gained|joined|achieved|returned)\b)")),
            // "the young person (Zainab)", "to Oluwaseun and his younger sister", "after Lucía and her mum"
            rule(QStringLiteral(
                R"(\b(?:young person|child|girl|boy|son|daughter|sibling|pupil|mother|father|carer|parent)\s+\((\p{Lu}\p{Ll}+)\))")),
            rule(QStringLiteral(
                R"(\b(?:to|for|with|after|once|when|until|helping|supporting|and)\s+(\p{Lu}\p{Ll}+)\s+and\s+(?:her|his|their)\s+(?:(?:younger|older|little|big|baby|twin)\s+)?(?:mum|mother|dad|father|sister|brother|siblings?|grandmother|grandfather|family|children|baby|son|daughter|aunt|uncle)\b)")),
            rule(QStringLiteral(R"(\b(?:said|says|added|explained|recalled|remembers)\s+([A-Z][a-z]+)\b(?!\s+[A-Z]))")),
            rule(QStringLiteral(
                R"(\b(?i:her|his|their|my|our)\s+(?:(?:younger|older|little|big|baby|twin|step|half)[- ]?)*(?:brother|sister|son|daughter|mum|mother|dad|father|cousin|nan|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|niece|nephew|friend|partner|boyfriend|girlfriend|child)\s*,?\s+([A-Z][a-z]+)\b(?!\s+[A-Z]))")),
            rule(QStringLiteral(R"(\b(?:Mum|Dad|Mother|Father|Carer|Nan|Gran|Grandma|Grandad)\s+\(([A-Z][a-z]+)\))")),
            rule(QStringLiteral(
                R"(\b(?:Nan|Nana|Gran|Granny|Grandma|Grandad|Grandpa|Auntie|Aunty|Aunt|Uncle)\s+([A-Z][a-z]+)\b(?!\s+[A-Z]))")),
            rule(
                Start +
                QStringLiteral(
                    R"(([A-Z][a-z]+)\s+(?:(?:now|then|later|also|still|finally|first)\s+)?(?:moved\s+(?:into|in\s+with|back)|attends|attended|started\s+(?:at|school|college|nursery|Year|secondary|primary|reception))\b)")),
            rule(QStringLiteral(
                R"((?:^|["“‘']\s*)([A-Z][a-z]+)\s+(?:is|was|has|had)\s+(?:doing|been|getting|now|so|really|much|a\s+different|happier|settled|back))")),
            rule(QStringLiteral(
                R"(\b(?:summer|winter|spring|autumn|holidays|weekend|week|month|term|year|time)\s+([A-Z][a-z]+)\s+(?:started|began|stopped|joined|moved|went|was|had|felt|said|told|met|returned)\b)")),
            rule(Start + QStringLiteral(R"(([A-Z][a-z]+),\s+(?:a|an|who|now|aged|whose)\s)")),
        };
    return patterns;
}
const Pattern& capitalisedWordPattern()
{
    static const Pattern pattern = rule(QStringLiteral(R"(\b[A-Z][a-z]+\b)"));
    return pattern;
}
const Pattern& titleBeforePattern()
{
    static const Pattern pattern = rule(QStringLiteral(
        R"((?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|St|Saint)\.?\s+$)"));
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

// The sentence around a match, for the words that say whose the address or number is.
QString sentenceAround(const QString& text, qsizetype start, qsizetype end)
{
    static const Pattern sentenceEnd = rule(QStringLiteral(R"([.!?](?:\s|$))"));
    // A sentence starts after a stop and a space; the stop in "gov.uk" ends nothing.
    auto startsSentence = [&text](qsizetype at) {
        return QStringView(u".!?").contains(text.at(at - 1)) && text.at(at).isSpace();
    };
    qsizetype from = start;
    while (from > 0 && !startsSentence(from)) {
        --from;
    }
    const QRegularExpressionMatch next = sentenceEnd.match(text, end);
    return text.mid(from, (next.hasMatch() ? next.capturedEnd() : text.size()) - from);
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
    // Each with where it starts, so that they can be listed in reading order.
    QList<std::pair<qsizetype, PrivacyFinding>> found;
    auto add = [&](const QString& kind, qsizetype start, qsizetype length) {
        PrivacyFinding finding;
        finding.kind = kind;
        finding.match = text.mid(start, length).simplified();
        finding.excerpt = excerptAround(text, start, length);
        found.append({start, finding});
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

    auto inSentenceOf = [&text](const QRegularExpressionMatch& match, const Pattern& words) {
        return words.match(sentenceAround(text, match.capturedStart(), match.capturedEnd())).hasMatch();
    };

    each(agedPattern(), QStringLiteral("age"), {});
    // "until the baby is six months old" is a service's limit, not a child's age.
    each(yearsOldPattern(), QStringLiteral("age"), [&text](const QRegularExpressionMatch& match) {
        static const Pattern limitBefore =
            rule(QStringLiteral(R"(\b(?:until|up to|under|over|from)\b[^.;:!?]{0,25}$)"), Insensitive);
        const qsizetype from = std::max<qsizetype>(0, match.capturedStart() - 40);
        return !limitBefore.match(text.mid(from, match.capturedStart() - from)).hasMatch();
    });
    each(ageInStoryPattern(), QStringLiteral("age"), {});
    each(dateOfBirthPattern(), QStringLiteral("date of birth"), {});
    each(postcodePattern(), QStringLiteral("postcode"),
         [&](const QRegularExpressionMatch& match) { return !inSentenceOf(match, publicPlacePattern()); });
    each(anyCasePostcodePattern(), QStringLiteral("postcode"), [&](const QRegularExpressionMatch& match) {
        return match.captured() != match.captured().toUpper() && inSentenceOf(match, homeWordsPattern()) &&
               !inSentenceOf(match, publicPlacePattern());
    });
    each(postcodeDistrictPattern(), QStringLiteral("postcode"),
         [&](const QRegularExpressionMatch& match) { return inSentenceOf(match, homeWordsPattern()); });
    // A mobile is a person's; a landline in a sentence about a team or a service is the service's, and
    // a freephone number always is.
    each(phonePattern(), QStringLiteral("phone number"), [&](const QRegularExpressionMatch& match) {
        // "0044 7700 …" is "+44 7700 …" dialled from abroad.
        const bool fromAbroad = match.captured().startsWith(QLatin1String("0044"));
        const QString digitsOnly =
            ExhibitRules::phoneDigits(fromAbroad ? QLatin1Char('+') + match.captured().mid(2) : match.captured());
        const int digits = digitCount(match.captured()) - (match.captured().startsWith(QLatin1String("+44")) ? 1
                                                           : fromAbroad                                      ? 3
                                                                                                             : 0);
        if (digits != 10 && digits != 11) {
            return false;
        }
        if (ignoredNames.contains(ContactPhonePrefix + digitsOnly)) {
            return false;
        }
        // phoneDigits() writes "+44 7700 …" as "07700 …" already.
        if (digitsOnly.startsWith(QLatin1String("07"))) {
            return true;
        }
        return !digitsOnly.startsWith(QLatin1String("080")) && !inSentenceOf(match, publicPlacePattern());
    });
    each(foreignPhonePattern(), QStringLiteral("phone number"), {});
    each(emailPattern(), QStringLiteral("email address"), [&ignoredNames](const QRegularExpressionMatch& match) {
        return !ignoredNames.contains(match.captured().toLower()) &&
               !isWorkplaceEmail(match.captured(1), match.captured(2));
    });
    // A school that hosts, partners or delivers is an organisation in the story, not a child's school.
    static const Pattern schoolAsOrganisation = rule(
        QStringLiteral(
            R"(\b(?:hosted|hosts|host|co-deliver(?:ed|s)?|delivered|partner schools?|staff from|pilot sites?|venue|was held|were held|hall|steering group|headteachers?|schools,?\s+including)\b)"),
        Insensitive);
    each(schoolPattern(), QStringLiteral("school name"), [&](const QRegularExpressionMatch& match) {
        if (inSentenceOf(match, schoolAsOrganisation)) {
            return false;
        }
        const QStringList words = match.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return std::any_of(words.begin(), words.end(), [](const QString& word) {
            return !genericSchoolWords().contains(word.toLower()) && word != QLatin1String("St") &&
                   word != QLatin1String("St.");
        });
    });
    each(smallCountPattern(), QStringLiteral("small count"), {});
    each(pickedOutPattern(), QStringLiteral("small count"), {});
    // A first name: one from the list on its own ("Jamie said"), or any name the sentence shows to be
    // a child's or a parent's ("Bartek's mum"). Followed by another capitalised word it is most often
    // a professional's full name or an organisation ("Anna Freud Centre"); after a title, an adult;
    // after a first name, a surname; "in Jordan" and "the Elizabeth line" are places.
    QSet<qsizetype> named;
    auto personal = [&](qsizetype start, qsizetype end) {
        const QString word = text.mid(start, end - start);
        if (named.contains(start) || ignoredNames.contains(word.toLower()) || notNames().contains(word)) {
            return false;
        }
        const QString before = text.mid(std::max<qsizetype>(0, start - 16), std::min<qsizetype>(16, start));
        static const Pattern placeBefore = rule(QStringLiteral(R"(\bin\s+$)"));
        static const Pattern nameBefore = rule(QStringLiteral(R"(\b([A-Z][a-z]+)\s+$)"));
        const QRegularExpressionMatch previous = nameBefore.match(before);
        return !titleBeforePattern().match(before).hasMatch() && !before.endsWith(QLatin1Char('@')) &&
               !before.endsWith(QLatin1Char('.')) && !placeBefore.match(before).hasMatch() &&
               !(previous.hasMatch() && m_firstNames.contains(previous.captured(1)));
    };
    auto addName = [&](qsizetype start, qsizetype end) {
        named.insert(start);
        add(QStringLiteral("first name"), start, end - start);
    };
    for (const Pattern& pattern : namedInStoryPatterns()) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (personal(match.capturedStart(1), match.capturedEnd(1))) {
                addName(match.capturedStart(1), match.capturedEnd(1));
            }
        }
    }
    static const Pattern nextCapitalised = rule(QStringLiteral(R"(^\s+(?:[A-Z][a-z'’]+|[A-Z]\.|line\b))"));
    for (auto it = capitalisedWordPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (m_firstNames.contains(match.captured()) &&
            !nextCapitalised.match(text.mid(match.capturedEnd(), 40)).hasMatch() &&
            personal(match.capturedStart(), match.capturedEnd())) {
            addName(match.capturedStart(), match.capturedEnd());
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<PrivacyFinding> findings;
    findings.reserve(found.size());
    for (const auto& [start, finding] : found) {
        findings << finding;
    }
    return findings;
}

QString PrivacyCheck::identity() const
{
    QStringList names(m_firstNames.begin(), m_firstNames.end());
    names.sort();
    const QByteArray digest =
        QCryptographicHash::hash(names.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QStringLiteral("rules %1, names %2").arg(RulesEdition).arg(QString::fromLatin1(digest));
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
