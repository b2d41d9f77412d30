// The privacy check against made-up text: sentences it must flag, and ordinary prose from
// submissions that it must leave alone. Both error rates are measured and printed.
#include "TestSupport.h"
#include "check/PrivacyCheck.h"
#include "publishing/PublicationGate.h"

#include <QFile>

#include <algorithm>
#include <iostream>

using namespace spotlight;
using namespace spotlight::test;

namespace {

struct Sample
{
    const char* text;
    const char* kind; // what must be found; empty for prose that must not be flagged
};

// Every name, school, postcode and number here is invented.
const Sample MustFlag[] = {
    {"Jamie, aged 14, had moved placement three times.", "age"},
    {"A 15-year-old girl was referred by her school.", "age"},
    {"He was 9 years old when the family arrived.", "age"},
    {"The child (age: 7) attended every session.", "age"},
    {"Her DOB, 3 April 2011, is on the referral form.", "date of birth"},
    {"Date of birth: 03/04/2011.", "date of birth"},
    {"He was born on 12 March 2010 in Lewisham.", "date of birth"},
    {"She was born in 2012 and has lived in care since.", "date of birth"},
    {"The family lived at 14 Example Road, SE13 6ZZ.", "postcode"},
    {"Referrals came from a flat near N17 0AB.", "postcode"},
    {"Call her mum on 020 7946 0123 after 5pm.", "phone number"},
    {"Her mother's mobile, 07700 900456, was shared.", "phone number"},
    {"Contact +44 20 7946 0958 for the family.", "phone number"},
    {"Write to jamie.example@mail.example for the case notes.", "email address"},
    {"The young person attends Northwood Primary School.", "school name"},
    {"She moved to St Example's High School in Year 9.", "school name"},
    {"Staff at Riverside Academy noticed the change.", "school name"},
    {"Teachers from Greenhill School joined the meeting.", "school name"},
    {"Jamie said the group helped him feel heard.", "first name"},
    {"When we met Aisha she had not been in school for a term.", "first name"},
    {"Tyler and his sister were placed together.", "first name"},
    {"Sophie told us she wanted to stay near her friends.", "first name"},
    {"We worked with Mohammed's family over six months.", "first name"},
    {"2 children in the pilot were later adopted.", "small count"},
    {"Only three young people took part in the first cohort.", "small count"},
    {"Five families used the service in its first month.", "small count"},
    {"Two siblings were reunited with their grandmother.", "small count"},
    {"One care leaver moved into her own flat.", "small count"},
    {"The 4 girls in the group designed the leaflet.", "small count"},
    {"Over the year, seven looked after children returned home.", "small count"},
};

const char* const Ordinary[] = {
    // Saying that a date of birth is recorded discloses none; a service's number is published to be called.
    "Her DOB is recorded on the referral form.",
    "Call the duty team on 020 7946 0123 after 5pm.",
    "Calls to +44 808 800 5000 are free from any phone.", // a freephone number written from abroad
    "The service supports children aged 11 to 16 across the borough.",
    "Young people aged 16 and over can self-refer.",
    "We offer sessions for 14 to 18 year olds in youth centres.",
    "The programme runs for three years and is jointly funded.",
    "Referrals rose by 40% between 2023 and 2024.",
    "One in five children in the pilot area lives in poverty.",
    "The Virtual School Head chairs the panel each term.",
    "Forest School sessions help children regulate their emotions.",
    "We trained staff in every primary school in the borough.",
    "Mainstream schools reported fewer suspensions.",
    "The Anna Freud Centre evaluated the model in 2024.",
    "Dr Sarah Example led the clinical supervision.",
    "Contact the team through the key contact listed below.",
    "The hub is open Monday to Friday, 9am to 5pm.",
    "Practitioners use the Signs of Safety framework.",
    "Over 1,200 families have used the parenting offer.",
    "The Mockingbird model links foster carers in a constellation.",
    "Our anti-racist practice framework was launched in November 2024.",
    "The team includes social workers, therapists and youth workers.",
    "Outcomes are tracked with the Strengths and Difficulties Questionnaire.",
    "Care leavers co-designed the route to independence pathway.",
    "Partners include the NHS, the police and the Violence Reduction Unit.",
    "The evaluation found improved school attendance after six months.",
    "We recruited 25 foster carers in the first year.",
    "Children in care councils meet every month.",
    "The pre and post birth service works with parents from 20 weeks of pregnancy.",
    "Stop and search debriefs are offered to every young person.",
    "The Ofsted inspection in 2023 rated the service good.",
    "Budgets were agreed by the Health and Wellbeing Board.",
    "Families can call the main council switchboard.",
    "The Summit took place at the Guildhall in 2025.",
    "Staff completed level 3 safeguarding training.",
    "The project won a national award for innovation.",
    "Schools in Tower Hamlets and Hackney took part.",
    "Family group conferences are offered within two weeks.",
    "Data is shared under the London information sharing agreement.",
    "Sessions take place in libraries, youth centres and the Town Hall.",
    "The clinical team includes a psychologist and a speech and language therapist.",
    "Eight schools joined the second phase of the programme.",
    "The academy trust shared attendance data with the team.",
};

bool flagsKind(const PrivacyCheck& check, const char* text, const QString& kind)
{
    const QList<PrivacyFinding> findings = check.scanText(QString::fromUtf8(text));
    return std::any_of(findings.begin(), findings.end(), [&kind](const PrivacyFinding& f) { return f.kind == kind; });
}

} // namespace

TEST_CASE("The privacy check finds personal data and leaves ordinary prose alone, measured", "[privacy]")
{
    const PrivacyCheck check;
    int found = 0;
    for (const Sample& sample : MustFlag) {
        INFO(sample.text);
        const bool flagged = flagsKind(check, sample.text, QString::fromUtf8(sample.kind));
        CHECK(flagged);
        found += flagged ? 1 : 0;
    }
    int falseAlarms = 0;
    for (const char* text : Ordinary) {
        const QList<PrivacyFinding> findings = check.scanText(QString::fromUtf8(text));
        INFO(text << " -> "
                  << (findings.isEmpty()
                          ? std::string()
                          : findings.first().kind.toStdString() + ": " + findings.first().match.toStdString()));
        CHECK(findings.isEmpty());
        falseAlarms += findings.isEmpty() ? 0 : 1;
    }
    const int sensitive = int(std::size(MustFlag));
    const int ordinary = int(std::size(Ordinary));
    std::cout << "privacy check: found " << found << " of " << sensitive << " sentences with personal data ("
              << 100 * found / sensitive << "%); flagged " << falseAlarms << " of " << ordinary
              << " ordinary sentences (" << 100 * falseAlarms / ordinary << "%)\n";
}

namespace {

// Recall and precision of the check on a labelled file of tests/core/data: one sentence a line,
// after the personal data it holds ("-" for none). What it missed and flagged wrongly is printed.
struct Measured
{
    double recall = 0;
    double precision = 0;
};

Measured measure(const QString& name)
{
    QFile file(QStringLiteral(SPOTLIGHT_TEST_DATA "/") + name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const PrivacyCheck check;
    int sensitive = 0;
    int found = 0;
    int foundAsLabelled = 0;
    int ordinary = 0;
    int falseAlarms = 0;
    QStringList misses;
    QStringList wronglyFlagged;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty() || line.startsWith('#')) {
            continue;
        }
        const QList<QByteArray> columns = line.split('\t');
        REQUIRE(columns.size() == 2);
        const QString kind = QString::fromUtf8(columns.at(0));
        const QString text = QString::fromUtf8(columns.at(1));
        const QList<PrivacyFinding> findings = check.scanText(text);
        if (kind == QLatin1String("-")) {
            ++ordinary;
            if (!findings.isEmpty()) {
                ++falseAlarms;
                wronglyFlagged << findings.first().kind + QStringLiteral(" \"") + findings.first().match +
                                      QStringLiteral("\" in: ") + text;
            }
            continue;
        }
        ++sensitive;
        if (findings.isEmpty()) {
            misses << kind + QStringLiteral(": ") + text;
            continue;
        }
        ++found;
        foundAsLabelled += std::any_of(findings.begin(), findings.end(),
                                       [&kind](const PrivacyFinding& finding) { return finding.kind == kind; })
                               ? 1
                               : 0;
    }
    REQUIRE(sensitive >= 50);
    REQUIRE(ordinary >= 50);
    const Measured measured{double(found) / sensitive, double(found) / std::max(1, found + falseAlarms)};
    std::cout << name.toStdString() << ": " << sensitive << " sentences with personal data, " << ordinary
              << " without; found " << found << " (" << foundAsLabelled << " as the kind labelled), missed "
              << sensitive - found << ", flagged " << falseAlarms << " wrongly: recall " << measured.recall
              << ", precision " << measured.precision << "\n";
    for (const QString& miss : misses) {
        std::cout << "  missed: " << miss.toStdString() << "\n";
    }
    for (const QString& alarm : wronglyFlagged) {
        std::cout << "  wrongly flagged: " << alarm.toStdString() << "\n";
    }
    return measured;
}

} // namespace

// privacy-corpus.tsv: 264 sentences in the styles of published case studies, practice summaries
// and evaluation reports, written apart from the rules, measured, and then used to teach the rules
// what they missed. Each held-out set after it was written by someone who had read neither the rules
// nor the other sets, measured once, and then taught the rules its misses (edition 5: the first,
// 120 sentences; edition 6: the second, 172; edition 7: the third, 210), so that only the newest
// measures the rules honestly: privacy-holdout-4.tsv, 221 sentences.
TEST_CASE("On labelled text, the check finds personal data and leaves ordinary prose, measured", "[privacy][corpus]")
{
    for (const char* taught :
         {"privacy-corpus.tsv", "privacy-holdout.tsv", "privacy-holdout-2.tsv", "privacy-holdout-3.tsv"}) {
        const Measured measured = measure(QString::fromLatin1(taught));
        CHECK(measured.recall >= 0.95);
        CHECK(measured.precision >= 0.90);
    }
    // Not the goal of 0.95 on text the rules never saw (2026-12-03, rules edition 7: 87 of 116
    // found, 6 of 105 wrongly flagged; edition 6 found 86 of 110 of the third set, edition 5 69 of
    // 84 of the second, before each taught them): held at what it is, so that no change makes it
    // worse.
    const Measured heldOut = measure(QStringLiteral("privacy-holdout-4.tsv"));
    CHECK(heldOut.recall >= 0.75);
    CHECK(heldOut.precision >= 0.93);
}

TEST_CASE("The publication gate reads the findings kept beside each exhibit, and scans only what changed",
          "[privacy][gate]")
{
    Scratch scratch;
    const QString location = catalogueLocation(scratch, QStringLiteral("kept.sqlite"));
    auto catalogue = makeCatalogue(scratch, QStringLiteral("kept.sqlite"));
    const QList<qint64> ids = catalogue->matchingIds({});
    CHECK(PublicationGate::check(*catalogue, ids).clear());

    // Personal data typed in after the scan was kept: the gate sees it at once.
    const QString ref = QStringLiteral("waltham-forest-mockingbird");
    Exhibit exhibit = catalogue->requireExhibit(ref);
    exhibit.summary += QStringLiteral(" Jayden, aged 14, joined in March.");
    catalogue->curation().updateExhibit(exhibit);
    PublicationGate::Verdict verdict = PublicationGate::check(*catalogue, ids);
    CHECK(verdict.unreviewed == 2);
    CHECK(verdict.refs == QStringList{ref});

    // What is kept is what a scan of every exhibit finds, decisions included.
    auto keys = [](const QList<PrivacyFinding>& findings) {
        QStringList result;
        for (const PrivacyFinding& finding : findings) {
            result << finding.exhibitRef + QLatin1Char('|') + finding.key() + QLatin1Char('|') + finding.excerpt +
                          (finding.reviewed ? QStringLiteral("|reviewed") : QString());
        }
        return result;
    };
    const QList<PrivacyFinding> kept = catalogue->privacyFindingsOf(ids);
    REQUIRE(kept.size() == 2);
    catalogue->curation().markPrivacyReviewed(kept.first(), QStringLiteral("an invented name"));
    CHECK(keys(catalogue->privacyFindingsOf(ids)) == keys(catalogue->privacyFindings(QString())));
    CHECK(PublicationGate::check(*catalogue, ids).unreviewed == 1);

    // Another process takes the words out: this one's gate scans that exhibit again.
    {
        auto other = Catalogue::open(location);
        Exhibit changed = other->requireExhibit(ref);
        changed.summary = changed.summary.section(QStringLiteral(" Jayden"), 0, 0);
        other->curation().updateExhibit(changed);
    }
    CHECK(PublicationGate::check(*catalogue, ids).clear());
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("A finding names its field and excerpt, and the contact's own details are not findings", "[privacy]")
{
    Exhibit exhibit;
    exhibit.ref = QStringLiteral("made-up");
    exhibit.title = QStringLiteral("A made-up project");
    exhibit.contact = Contact{QStringLiteral("Sophie Example"), QStringLiteral("Service manager"),
                              QStringLiteral("sophie.example@council.example")};
    exhibit.summary = QStringLiteral("Write to sophie.example@council.example or ask Sophie.");
    exhibit.description =
        QStringLiteral("Many paragraphs of ordinary text come first, and then Jamie, aged 14, spoke.");
    exhibit.evidence << Evidence{EvidenceKind::CaseStudy,
                                 QStringLiteral("Case study"),
                                 QStringLiteral("Two siblings moved to Northwood Primary School."),
                                 1,
                                 {},
                                 {},
                                 {},
                                 {}};

    const QList<PrivacyFinding> findings = PrivacyCheck().scan(exhibit);
    QStringList seen;
    for (const PrivacyFinding& finding : findings) {
        seen << finding.field + QStringLiteral(": ") + finding.kind + QStringLiteral(": ") + finding.match;
    }
    std::sort(seen.begin(), seen.end());
    CHECK(seen == QStringList{QStringLiteral("description: age: aged 14"),
                              QStringLiteral("description: first name: Jamie"),
                              QStringLiteral("evidence 1 summary: school name: Northwood Primary School"),
                              QStringLiteral("evidence 1 summary: small count: Two siblings")});
    for (const PrivacyFinding& finding : findings) {
        CHECK(finding.exhibitRef == QStringLiteral("made-up"));
        CHECK(finding.excerpt.contains(finding.match));
    }
}

TEST_CASE("Curators mark findings reviewed with a reason, and edited text brings them back", "[privacy]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString ref = QStringLiteral("waltham-forest-mockingbird");
    Exhibit exhibit = *catalogue->exhibit(ref);
    exhibit.description += QStringLiteral("\n\nJamie, aged 14, told us what changed.");
    catalogue->curation().updateExhibit(exhibit);

    QList<PrivacyFinding> findings = catalogue->privacyFindings(QStringLiteral("mockingbird"));
    REQUIRE(findings.size() == 2);
    CHECK_FALSE(findings.first().reviewed);
    CHECK_THROWS_WITH(catalogue->curation().markPrivacyReviewed(findings.first(), QStringLiteral("  ")),
                      Catch::Contains("Say why"));
    for (const PrivacyFinding& finding : findings) {
        catalogue->curation().markPrivacyReviewed(finding,
                                                  QStringLiteral("Jamie is a pseudonym agreed with the family"));
    }
    findings = catalogue->privacyFindings(QStringLiteral("mockingbird"));
    CHECK(std::all_of(findings.begin(), findings.end(), [](const PrivacyFinding& f) { return f.reviewed; }));
    CHECK(findings.first().reviewReason == QStringLiteral("Jamie is a pseudonym agreed with the family"));
    CHECK(catalogue->history(ref).first().action == QStringLiteral("privacy-reviewed"));

    exhibit = *catalogue->exhibit(ref);
    exhibit.description.replace(QStringLiteral("aged 14"), QStringLiteral("aged 15"));
    catalogue->curation().updateExhibit(exhibit);
    findings = catalogue->privacyFindings(QStringLiteral("mockingbird"));
    REQUIRE(findings.size() == 2);
    CHECK(std::count_if(findings.begin(), findings.end(), [](const PrivacyFinding& f) { return !f.reviewed; }) == 1);
}

TEST_CASE("The seed exhibits, which are published text, raise no privacy findings", "[privacy]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    for (const PrivacyFinding& finding : catalogue->privacyFindings()) {
        FAIL_CHECK(finding.exhibitRef.toStdString()
                   << " " << finding.field.toStdString() << ": " << finding.kind.toStdString() << ": "
                   << finding.excerpt.toStdString());
    }
}
