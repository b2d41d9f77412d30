#include "Generator.h"

#include <QRandomGenerator>

#include <cmath>

namespace spotlight::bench {
namespace {

// Words are drawn with a Zipf-like skew, so a few are very common and most are rare, as in real text.
const QStringList Vocabulary =
    QStringLiteral(
        "children young people families support service practice social work care safeguarding early help "
        "school education health mental wellbeing therapy parenting foster fostering kinship adoption placement "
        "placements residential leaving leavers independence housing youth justice exploitation contextual "
        "violence knife crime gangs county lines missing episodes trauma informed relational restorative "
        "systemic signs safety strengths based family group conference edge of care reunification permanence "
        "disabilities send autism adhd speech language communication sensory inclusion exclusion attendance "
        "mainstream special schools alternative provision transition adulthood employment training apprenticeship "
        "participation voice advocacy rights council children in care corporate parenting virtual school "
        "attainment literacy numeracy nursery early years infant perinatal pre birth post midwife health visitor "
        "domestic abuse substance misuse parental conflict neglect poverty cost living food insecurity "
        "asylum seeking unaccompanied refugee migrant trafficking modern slavery interpreter culturally competent "
        "anti racist racial equity disproportionality diversity leadership workforce recruitment retention "
        "supervision reflective learning academy apprenticeship newly qualified social workers practitioners "
        "multi agency partnership police nhs integrated commissioning voluntary sector community faith groups "
        "data dashboard digital app performance outcomes evaluation evidence impact measurement feedback "
        "hub hubs family hubs drop in outreach detached youth workers mentoring peer sport music arts "
        "resilience emotional regulation attachment bereavement self harm eating disorders camhs psychology "
        "clinical psychologist nurse therapist pilot scale replication borough boroughs london regional sub "
        "pan partnership funding grant budget savings efficiency prevention intervention targeted universal "
        "specialist statutory assessment plan review conference panel court proceedings pre proceedings "
        "kinship carers special guardianship connected persons respite short breaks personal budgets "
        "co production lived experience experts by experience young advisers consultation survey café naïve "
        "coaching motivational interviewing cognitive behavioural group sessions workshops training programme")
        .split(QLatin1Char(' '), Qt::SkipEmptyParts);

const QStringList TagParents =
    QStringLiteral(
        "send mental-health safeguarding fostering placements care-leavers early-help education youth-justice "
        "exploitation parenting early-years health workforce practice participation data-and-digital "
        "kinship adoption disability housing domestic-abuse asylum racial-equity family-hubs prevention "
        "commissioning partnership wellbeing community")
        .split(QLatin1Char(' '));

const QStringList TagChildren =
    QStringLiteral("autism adhd communication sensory transitions assessment therapy trauma training recruitment "
                   "retention dashboards apps outreach mentoring peer-support co-production evaluation pilots "
                   "schools nurseries camhs police nhs voluntary-sector")
        .split(QLatin1Char(' '));

const QStringList TitleOpenings =
    QStringLiteral(
        "Improving|Supporting|Building|Strengthening|Reimagining|Developing|Embedding|Transforming|Extending|Piloting")
        .split(QLatin1Char('|'));

// The long tail of real text: names of programmes, places and organisations that each appear in
// only a few exhibits. Made from syllables, deterministically, so no real name is used.
QStringList longTail()
{
    const QStringList starts = QStringLiteral("bal bren cor dal el fen gar hal ith jor kel lan mor nor ost pel quen "
                                              "ros sal tor ul vel wen yar zan")
                                   .split(QLatin1Char(' '));
    const QStringList middles = QStringLiteral("a e i o u ar en il on us").split(QLatin1Char(' '));
    const QStringList ends = QStringLiteral("brook dene field ford gate ham holt lea mere ridge stead ton well wick "
                                            "worth by cot den ley more")
                                 .split(QLatin1Char(' '));
    QStringList words;
    for (const QString& start : starts) {
        for (const QString& middle : middles) {
            for (const QString& end : ends) {
                words << start + middle + end;
            }
        }
    }
    return words; // 25 x 10 x 20 = 5,000 words
}

class Source
{
public:
    explicit Source(quint32 seed)
        : m_random(seed)
    {}

    int between(int low, int high) { return low + int(m_random.bounded(high - low + 1)); }
    double unit() { return m_random.generateDouble(); }

    template <typename List>
    const auto& pick(const List& list)
    {
        return list.at(qsizetype(m_random.bounded(quint32(list.size()))));
    }

    // Mostly the domain's vocabulary, Zipf-like (low indices far more often than high ones), and
    // sometimes a word from the long tail.
    const QString& word()
    {
        static const QStringList tail = longTail();
        if (unit() < 0.15) {
            return pick(tail);
        }
        const double skew = std::pow(unit(), 2.2);
        return Vocabulary.at(qsizetype(skew * double(Vocabulary.size() - 1)));
    }

    QString words(int count)
    {
        QStringList chosen;
        for (int i = 0; i < count; ++i) {
            chosen << word();
        }
        return chosen.join(QLatin1Char(' '));
    }

private:
    QRandomGenerator m_random;
};

QString sentenceCase(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

QString paragraphs(Source& source, int words)
{
    QStringList sentences;
    while (words > 0) {
        const int length = std::min(words, source.between(8, 18));
        sentences << sentenceCase(source.words(length)) + QLatin1Char('.');
        words -= length;
    }
    return sentences.join(QLatin1Char(' '));
}

// Gives every few exhibits one kind of awkward text.
void vary(Exhibit& exhibit, int i)
{
    switch (i % 7) {
    case 1:
        exhibit.title += QStringLiteral(" \u2014 \u062f\u0639\u0645 \u0627\u0644\u0623\u0633\u0631\u0629"); // Arabic
        exhibit.summary = QStringLiteral("\u0628\u0631\u0646\u0627\u0645\u062c \u0644\u062f\u0639\u0645 "
                                         "\u0627\u0644\u0623\u0633\u0631 \u0641\u064a \u0644\u0646\u062f\u0646. ") +
                          exhibit.summary;
        break;
    case 3:
        exhibit.description +=
            QStringLiteral("\n\n\u05ea\u05de\u05d9\u05db\u05d4 \u05d1\u05de\u05e9\u05e4\u05d7\u05d5\u05ea "
                           "\u05d5\u05d1\u05d9\u05dc\u05d3\u05d9\u05dd."); // Hebrew
        break;
    case 4:
        exhibit.title =
            QStringLiteral("Zo\u00eb, Chlo\u00e9 and the na\u00efve caf\u00e9 r\u00e9sum\u00e9: ") + exhibit.title;
        exhibit.contact.name = QStringLiteral("Siobh\u00e1n \u0141\u00f3d\u017a-M\u00fcller");
        break;
    case 5:
        exhibit.title += QStringLiteral(": a very long title of the kind boroughs write when they describe a whole "
                                        "programme of work across several services, partners and years in one line");
        exhibit.summary += QStringLiteral(
            " Pneumonoultramicroscopicsilicovolcanoconiosis-and-multiagencysafeguardingpartnershiparrangements.");
        exhibit.links << QStringLiteral("https://example.org/a/very/long/address/that/does/not/break/anywhere/at/all/"
                                        "because/it/has/no/spaces/in/it/whatsoever");
        break;
    default:
        break;
    }
}

} // namespace

ImportPlan generateCatalogue(int count, quint32 seed, bool varied)
{
    Source source(seed);
    ImportPlan plan;
    plan.files = {QStringLiteral("generated")};
    const QStringList categoryNames{QStringLiteral("Racial equity"),
                                    QStringLiteral("Impact for children with SEND"),
                                    QStringLiteral("Building safety for young Londoners"),
                                    QStringLiteral("Complex needs and placements"),
                                    QStringLiteral("Integrated working with health"),
                                    QStringLiteral("Early help"),
                                    QStringLiteral("Workforce"),
                                    QStringLiteral("Participation"),
                                    QStringLiteral("Education")};
    QStringList editions;
    for (int year = 2010; year <= 2025; ++year) {
        const QString name = QStringLiteral("Practice Spotlight %1").arg(year);
        editions << name;
        Edition edition;
        edition.name = name;
        edition.year = year;
        edition.venue = QStringLiteral("Guildhall, London");
        edition.archived = year < 2025;
        plan.newEditions.append(edition);
        for (const QString& category : categoryNames) {
            plan.newCategories.append(Category{name, category, QStringLiteral("A sponsoring group"), {}});
        }
    }
    QStringList tags;
    for (const QString& parent : TagParents) {
        tags << parent;
        for (const QString& child : TagChildren) {
            tags << parent + QLatin1Char('/') + child;
        }
    }
    const QStringList authorities =
        QStringLiteral(
            "City of London|Barking and Dagenham|Barnet|Bexley|Brent|Bromley|Camden|Croydon|Ealing|Enfield|Greenwich|"
            "Hackney|Hammersmith and Fulham|Haringey|Harrow|Havering|Hillingdon|Hounslow|Islington|Kensington and "
            "Chelsea|"
            "Kingston upon Thames|Lambeth|Lewisham|Merton|Newham|Redbridge|Richmond upon Thames|Southwark|Sutton|"
            "Tower Hamlets|Waltham Forest|Wandsworth|Westminster")
            .split(QLatin1Char('|'));
    const QStringList statuses = allStatusKeys();

    plan.rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        Exhibit exhibit;
        exhibit.ref = QStringLiteral("gen-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        exhibit.title =
            QStringLiteral("%1 %2 %3")
                .arg(source.pick(TitleOpenings), source.words(source.between(2, 5)), QString::number(i + 1));
        exhibit.leadAuthority = source.pick(authorities);
        if (source.unit() < 0.15) {
            const QString partner = source.pick(authorities);
            if (partner != exhibit.leadAuthority) {
                exhibit.partnerAuthorities << partner;
            }
        }
        exhibit.edition = source.pick(editions);
        exhibit.categories << source.pick(categoryNames);
        if (source.unit() < 0.1) {
            exhibit.categories << source.pick(categoryNames);
            exhibit.categories.removeDuplicates();
        }
        const int tagCount = source.between(3, 6);
        while (exhibit.tags.size() < tagCount) {
            const QString tag = source.pick(tags);
            if (!exhibit.tags.contains(tag)) {
                exhibit.tags << tag;
            }
        }
        exhibit.tags.sort();
        exhibit.status = statusFromText(source.pick(statuses)).value_or(CurationStatus::Submitted);
        const int words = source.between(60, 200);
        exhibit.summary = paragraphs(source, std::min(words / 3, 40));
        exhibit.description = paragraphs(source, words - std::min(words / 3, 40));
        if (source.unit() < 0.6) {
            exhibit.contact = Contact{QStringLiteral("Contact %1").arg(i + 1), QStringLiteral("Service manager"),
                                      QStringLiteral("contact%1@example.org").arg(i + 1)};
        }
        const int evidenceCount = source.between(0, 4);
        for (int e = 0; e < evidenceCount; ++e) {
            exhibit.evidence.append(Evidence{static_cast<EvidenceKind>(source.between(0, 6)),
                                             sentenceCase(source.words(source.between(3, 7))),
                                             source.words(20),
                                             source.between(0, 5),
                                             QDate(2010, 1, 1).addDays(source.between(0, 5800)),
                                             {},
                                             {},
                                             {}});
        }
        if (varied) {
            vary(exhibit, i);
        }
        ImportRow row;
        row.place = SourcePlace{plan.files.first(), {}, i + 2};
        row.exhibit = exhibit;
        plan.rows.append(row);
    }
    return plan;
}

} // namespace spotlight::bench
