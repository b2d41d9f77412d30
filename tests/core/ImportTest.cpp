#include "../bench/Generator.h"
#include "Error.h"
#include "TestSupport.h"
#include "domain/ExhibitRules.h"
#include "domain/TitleSimilarity.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"
#include "publishing/CsvPublisher.h"
#include "publishing/JsonPublisher.h"

#include <QBuffer>
#include <QUndoStack>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QByteArray Header =
    "ref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,description,"
    "contact_name,contact_role,contact_email,evidence_level\n";

} // namespace

TEST_CASE("CSV export, import into an empty catalogue and export again gives the same bytes", "[import]")
{
    Scratch scratch;
    auto seeded = makeCatalogue(scratch);
    // Make the seed harder: formula-like cells, a partner, quotes, newlines and a contact.
    Exhibit tricky = *seeded->exhibit(QStringLiteral("waltham-forest-mockingbird"));
    tricky.summary = QStringLiteral("=1+1 \"quoted\", with a comma\nand a second line");
    tricky.contact =
        Contact{QStringLiteral("@Sam Example"), QStringLiteral("-Lead"), QStringLiteral("sam@example.org")};
    tricky.partnerAuthorities = {QStringLiteral("Redbridge")};
    seeded->curation().updateExhibit(tricky);

    const QByteArray first = csvOf(*seeded);
    auto empty = makeCatalogue(scratch, QStringLiteral("empty.sqlite"), true);
    const ImportPlan plan =
        empty->planImport(scratch.write(QStringLiteral("first.csv"), first), ImportOptions{false, true});
    REQUIRE(plan.problems() == QStringList{});
    CHECK(plan.creates() == 17);
    empty->curation().applyImport(plan);
    const QByteArray second = csvOf(*empty);
    CHECK(second == first);
    CHECK(first.startsWith("\xEF\xBB\xBF"));
    CHECK(first.contains(",\"'=1+1 "));
}

TEST_CASE("A catalogue copied into an empty one, and copied back to a file, exports the same JSON bytes",
          "[import][copy]")
{
    // Enough exhibits, with evidence, partners and tags, that every table crosses the copy's batches
    // of rows; a tag colour and a saved search too. On the server pass the copy goes to the server
    // and back.
    Scratch scratch;
    auto source = makeCatalogue(scratch, QStringLiteral("catalogue.sqlite"), true);
    source->curation().applyImport(bench::generateCatalogue(700));
    source->curation().setTagColour(source->tags().first().name, QStringLiteral("#1b7f79"));
    source->curation().saveSearch(SavedSearch{QStringLiteral("SEND"), QStringLiteral("tag:send")});
    const QByteArray original = JsonPublisher(*source).write();

    const QString copy = catalogueLocation(scratch, QStringLiteral("copy.sqlite"));
    Catalogue::copy(source->path(), copy);
    CHECK(JsonPublisher(*Catalogue::open(copy)).write() == original);
    const QString back = scratch.path(QStringLiteral("back.sqlite"));
    Catalogue::copy(copy, back);
    auto returned = Catalogue::open(back);
    CHECK(JsonPublisher(*returned).write() == original);
    CHECK(returned->summary().exhibits == 700);
    const QString title = returned->search(QString(), 1).exhibits.first().title;
    CHECK(returned->search(QStringLiteral("\"%1\"").arg(title), 5).total >= 1); // the search text came along
    CHECK_THROWS_AS(Catalogue::copy(source->path(), copy), Error);              // never into a catalogue
}

TEST_CASE("JSON export, import into an empty catalogue and export again gives the same bytes", "[import]")
{
    Scratch scratch;
    auto seeded = makeCatalogue(scratch);
    Exhibit withEvidence = *seeded->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    withEvidence.evidence.append(Evidence{EvidenceKind::OutcomeData,
                                          QStringLiteral("Termly attendance data"),
                                          QStringLiteral("Made-up test evidence"),
                                          2,
                                          QDate(2025, 3, 1),
                                          QStringLiteral("https://example.org/report"),
                                          {},
                                          QStringLiteral("n/a")});
    withEvidence.reviews.append(Review{QStringLiteral("London SEND Steering Group"), QDate(2025, 2, 1),
                                       QStringLiteral("Panel A"), QStringLiteral("Clear and replicable."),
                                       QStringLiteral("Letter of Recognition")});
    seeded->curation().updateExhibit(withEvidence);
    seeded->curation().setTagColour(QStringLiteral("send/autism"), QStringLiteral("#1b7f79"));
    seeded->curation().saveSearch(SavedSearch{QStringLiteral("SEND"), QStringLiteral("tag:send")});

    const QByteArray first = JsonPublisher(*seeded).write();
    auto empty = makeCatalogue(scratch, QStringLiteral("empty.sqlite"), true);
    const ImportPlan plan = empty->planImport(scratch.write(QStringLiteral("first.json"), first), {});
    REQUIRE(plan.problems() == QStringList{});
    empty->curation().applyImport(plan);
    CHECK(JsonPublisher(*empty).write() == first);
    CHECK(empty->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"))->evidenceLevel == 2);
}

TEST_CASE("An import with any invalid row writes nothing and lists every problem by line", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray before = JsonPublisher(*catalogue).write();
    const QString file =
        scratch.write(QStringLiteral("bad.csv"), Header + ",A good new project,Hackney,,,,,,,,,,,\n"
                                                          ",No authority here,,,,,,,,,,,,\n"
                                                          ",Typo in borough,Hackny,,,,,,,,,,,\n"
                                                          ",Bad email,Camden,,,,,,,,,,not-an-email,\n"
                                                          ",Bad level,Camden,,,,,,,,,,,7\n"
                                                          "dup,First,Camden,,,,,,,,,,,\n"
                                                          "dup,Second,Camden,,,,,,,,,,,\n"
                                                          "waltham-forest-mockingbird,Exists,Camden,,,,,,,,,,,\n"
                                                          ",Too few fields,Camden\n"
                                                          ",Odd status,Camden,,,,,pending,,,,,,\n");
    const ImportPlan plan = catalogue->planImport(file, {});
    CHECK_FALSE(plan.isValid());
    const QStringList problems = plan.problems();
    auto has = [&](int line, const char* text) {
        const QString prefix = QStringLiteral("%1:%2: ").arg(file).arg(line);
        return std::any_of(problems.begin(), problems.end(), [&](const QString& problem) {
            return problem.startsWith(prefix) && problem.contains(QLatin1String(text));
        });
    };
    CHECK(has(3, "lead_authority: is required"));
    CHECK(has(4, "unknown authority \"Hackny\"; did you mean \"Hackney\""));
    CHECK(has(5, "not an email address"));
    CHECK(has(6, "evidence_level"));
    CHECK(has(8, "also used on row 7"));
    CHECK(has(9, "already exists; use --update"));
    CHECK(has(10, "has 3 fields but the header has 14"));
    CHECK(has(11, "unknown status \"pending\""));
    CHECK(problems.size() == 8);
    REQUIRE_THROWS_AS(catalogue->curation().applyImport(plan), Error);
    CHECK(JsonPublisher(*catalogue).write() == before);
}

TEST_CASE("Rows without refs whose titles agree in their first 60 slug characters get refs of their own",
          "[import][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString title =
        QStringLiteral("Improving outcomes for children in care through family group conferencing in ");
    // This pair used to loop for ever: each retry cut the slug back to the same 60 characters.
    const QString file =
        scratch.write(QStringLiteral("long-titles.csv"), Header + QStringLiteral(",%1Hackney,Hackney,,,,,,,,,,,\n"
                                                                                 ",%1Camden,Camden,,,,,,,,,,,\n"
                                                                                 ",%1Islington,Islington,,,,,,,,,,,\n")
                                                                      .arg(title)
                                                                      .toUtf8());
    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.isValid());
    QStringList refs;
    for (const ImportRow& row : plan.rows) {
        refs << row.exhibit.ref;
    }
    CHECK(refs.size() == 3);
    CHECK(QSet<QString>(refs.begin(), refs.end()).size() == 3);
    CHECK(refs.value(1) == refs.value(0) + QStringLiteral("-2"));
    catalogue->curation().applyImport(plan);
    CHECK(catalogue->summary().exhibits == 20);
}

TEST_CASE("Import resolves authority aliases and codes, and --update updates by ref", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file = scratch.write(
        QStringLiteral("aliases.csv"),
        Header +
            "new-one,New One,RBKC,LBBD;E09000013;Richmond,Practice Spotlight 2025,racial EQUITY,Care Leavers,,,,,,,\n"
            "waltham-forest-mockingbird,Mockingbird Service (updated),Waltham Forest,,,,,showcased,,,,,,3\n");
    REQUIRE_FALSE(catalogue->planImport(file, {}).isValid());
    const ImportPlan plan = catalogue->planImport(file, ImportOptions{true});
    REQUIRE(plan.problems() == QStringList{});
    CHECK(plan.creates() == 1);
    CHECK(plan.updates() == 1);
    catalogue->curation().applyImport(plan);
    const Exhibit added = *catalogue->exhibit(QStringLiteral("new-one"));
    CHECK(added.leadAuthority == QStringLiteral("Kensington and Chelsea"));
    CHECK(added.partnerAuthorities == QStringList{QStringLiteral("Barking and Dagenham"),
                                                  QStringLiteral("Hammersmith and Fulham"),
                                                  QStringLiteral("Richmond upon Thames")});
    CHECK(added.categories == QStringList{QStringLiteral("Racial equity")});
    CHECK(added.tags == QStringList{QStringLiteral("care-leavers")});
    CHECK(added.status == CurationStatus::Submitted);
    const Exhibit updated = *catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(updated.title == QStringLiteral("Mockingbird Service (updated)"));
    CHECK(updated.evidenceLevel == 3);
    CHECK(catalogue->summary().exhibits == 18);
}

TEST_CASE("Malformed files are refused with a clear message and nothing written", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray before = JsonPublisher(*catalogue).write();
    struct Case
    {
        const char* name;
        QByteArray bytes;
        const char* expected;
    };
    const QList<Case> cases{
        {"empty.csv", "", "the file is empty"},
        {"header.csv", "title,borough\n", "unknown column \"borough\""},
        {"quote.csv", Header + ",\"Unclosed,Hackney,,,,,,,,,,,\n", "closing quote is missing"},
        {"document.csv", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "looks like a PDF document"},
        {"broken.json", "{\"format\": \"spotlight-catalogue\", \"exhibits\": [", "not valid JSON"},
        {"other.json", "{\"hello\": 1}", "not a Spotlight catalogue export"},
        {"typed.json", "{\"format\": \"spotlight-catalogue\", \"version\": 1,\n \"exhibits\": [\n  {\"title\": 5}\n]}",
         "\"title\" must be a string"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const ImportPlan plan = catalogue->planImport(scratch.write(QLatin1String(c.name), c.bytes), {});
        REQUIRE_FALSE(plan.isValid());
        CHECK(plan.problems().join(QLatin1Char('\n')).contains(QLatin1String(c.expected)));
    }
    CHECK_THROWS_WITH(catalogue->planImport(scratch.write(QStringLiteral("notes.docx"), "x"), {}),
                      Catch::Contains("must end in .xlsx, .csv, .txt, .tsv or .json"));
    CHECK(JsonPublisher(*catalogue).write() == before);
}

// A 20 MB file of one-letter lines planned ten million problems in 5 GB before reading stopped
// at the first thousand.
TEST_CASE("Reading a file of endless bad rows stops at a thousand problems and says so", "[import][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    QByteArray bytes = "title,lead_authority\n";
    for (int line = 0; line < 5000; ++line) {
        bytes += "x\n";
    }
    const ImportPlan plan = catalogue->planImport(scratch.write(QStringLiteral("lines.csv"), bytes), {});
    const QStringList problems = plan.problems();
    REQUIRE(problems.size() == 1001);
    CHECK(problems.first().contains(QStringLiteral("lines.csv:2: this row has 1 fields but the header has 2")));
    CHECK(problems.last().contains(QStringLiteral("lines.csv:1002: reading stopped here after 1000 problems")));
    CHECK(plan.rows.isEmpty());
}

TEST_CASE("A dry run finds everything the schema would refuse, each on its line", "[import][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray before = JsonPublisher(*catalogue).write();
    struct Case
    {
        const char* name;
        QByteArray bytes;
        int line;
        const char* expected;
    };
    const QByteArray start = "{\"format\": \"spotlight-catalogue\", \"version\": 1,\n";
    const QList<Case> cases{
        {"edition.json", "{\"format\":\"spotlight-catalogue\",\"editions\":[{}]}", 1,
         "editions: each edition needs a \"name\""},
        {"category.json", start + "\"editions\": [\n {\"name\": \"Summit 2031\",\n  \"categories\": [{}]}]}", 3,
         "editions: each category of \"Summit 2031\" needs a \"name\""},
        {"exhibit-category.json",
         start + "\"exhibits\": [\n {\"title\": \"A\", \"lead_authority\": \"Camden\", \"edition\": \"Summit "
                 "2025\",\n  \"categories\": [\"\"]}]}",
         3, "categories: a category needs a name"},
        {"colour.json", start + "\"tags\": [\n {\"name\": \"send\", \"colour\": \"not-a-colour\"}]}", 3,
         "tags: \"not-a-colour\" is not a colour for \"send\""},
        {"tag.json", start + "\"tags\": [\n {\"name\": \"***\"}]}", 3, "tags: \"***\" is not a usable tag name"},
        {"search.json", start + "\"saved_searches\": [\n {\"query\": \"a\"},\n {\"name\": \"y\", \"query\": \"(a\"}]}",
         3, "saved_searches: each needs a \"name\""},
        {"query.json", start + "\"saved_searches\": [\n {\"name\": \"y\", \"query\": \"(a\"}]}", 3,
         "saved_searches: \"y\": This \"(\" is never closed"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const QString file = scratch.write(QLatin1String(c.name), c.bytes);
        const ImportPlan plan = catalogue->planImport(file, ImportOptions{false, true});
        REQUIRE_FALSE(plan.isValid());
        CHECK_THAT(plan.problems().join(QLatin1Char('\n')).toStdString(),
                   Catch::Contains(QStringLiteral("%1:%2: ").arg(file).arg(c.line).toStdString() + c.expected));
        CHECK_THROWS_AS(catalogue->curation().applyImport(plan), Error);
    }
    CHECK(JsonPublisher(*catalogue).write() == before);
}

TEST_CASE("Editions and categories named only by skipped rows are not created", "[import][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const std::optional<Edition> current = catalogue->currentEdition();
    const QString file =
        scratch.write(QStringLiteral("ghost.csv"), Header + ",Kept row,Hackney,,,,,,,,,,,\n"
                                                            ",Skipped row,Hackny,,Summit 2031,Ghosts,,,,,,,,\n");
    ImportPlan plan = catalogue->planImport(file, ImportOptions{false, true});
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.editionsToCreate().size() == 1);
    plan.decide(1, ImportDecision::Skip);
    REQUIRE(plan.isValid());
    CHECK(plan.editionsToCreate().isEmpty());
    CHECK(plan.categoriesToCreate().isEmpty());
    catalogue->curation().applyImport(plan);
    CHECK(catalogue->exhibit(QStringLiteral("kept-row")).has_value());
    const QList<Edition> editions = catalogue->editions();
    CHECK(std::none_of(editions.begin(), editions.end(),
                       [](const Edition& edition) { return edition.name == QStringLiteral("Summit 2031"); }));
    CHECK(catalogue->currentEdition()->name == current->name);
}

TEST_CASE("A JSON problem is reported on the line of its exhibit", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch, QStringLiteral("c.sqlite"), true);
    const QString file =
        scratch.write(QStringLiteral("lines.json"), "{\n"
                                                    "  \"format\": \"spotlight-catalogue\",\n"
                                                    "  \"version\": 1,\n"
                                                    "  \"exhibits\": [\n"
                                                    "    {\"title\": \"Fine\", \"authorities\": [\"Hackney\"]},\n"
                                                    "    {\"title\": \"Nowhere\",\n"
                                                    "     \"authorities\": [\"Atlantis\"]}\n"
                                                    "  ]\n"
                                                    "}\n");
    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.problems().size() == 1);
    CHECK(plan.problems().first().startsWith(file + QStringLiteral(":6: ")));
    CHECK(plan.problems().first().contains(QStringLiteral("Atlantis")));
}

TEST_CASE("The fast CSV export gives exactly the bytes of the exhibit-by-exhibit writer", "[import][csv]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit tricky = *catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"));
    tricky.summary = QStringLiteral("=SUM(A1) \"quoted\", comma\r\nand a line; Café ✓");
    tricky.description = QStringLiteral("'=already apostrophed");
    tricky.contact = Contact{QStringLiteral("@Sam"), QStringLiteral("-Lead"), QStringLiteral("sam@example.org")};
    tricky.partnerAuthorities = {QStringLiteral("Redbridge"), QStringLiteral("City of London")};
    tricky.categories << QStringLiteral("Building safety for young Londoners");
    catalogue->curation().updateExhibit(tricky);
    // Enough long exhibits that the export goes out in several chunks.
    QList<Exhibit> many;
    for (int i = 0; i < 1500; ++i) {
        Exhibit copy = tricky;
        copy.ref = QStringLiteral("copy-%1").arg(i);
        copy.title = QStringLiteral("Copy %1 of %2").arg(i).arg(tricky.title);
        copy.description = QStringLiteral("Paragraph %1, \"quoted\".\n").arg(i).repeated(60);
        many << copy;
    }
    catalogue->curation().applyImport(
        catalogue->planImport(scratch.write(QStringLiteral("many.csv"), ExhibitCsv::write(many)), {}));

    for (const QString& query : {QString(), QStringLiteral("safeguarding"), QStringLiteral("borough:redbridge")}) {
        INFO(query.toStdString());
        CHECK(csvOf(*catalogue, query) == ExhibitCsv::write(catalogue->exhibits(query)));
    }
    CHECK(csvOf(*catalogue).size() > 2 * 1024 * 1024);
}

TEST_CASE("A CSV export that cannot be written leaves the earlier file", "[import][csv]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString target = scratch.write(QStringLiteral("earlier.csv"), "earlier");
    CHECK_THROWS_WITH(writeFileAtomically(target,
                                          [&](QIODevice& file) {
                                              CsvPublisher(*catalogue).write(QString(), file);
                                              throw Error(QStringLiteral("disk full"));
                                          }),
                      Catch::Contains("disk full") && Catch::Contains("unchanged"));
    CHECK(readFile(target) == "earlier");

    QBuffer closed;
    CHECK_THROWS_WITH(CsvPublisher(*catalogue).write(QString(), closed),
                      Catch::Contains("Writing the CSV export failed"));
}

TEST_CASE("Per-row decisions: skip a bad row, update the exhibit a row repeats, undo the whole import", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray before = JsonPublisher(*catalogue).write();
    const QString file = scratch.write(QStringLiteral("subs.csv"),
                                       Header + ",The Mockingbird Programme,Waltham Forest,,,,,,New summary.,,,,,\n"
                                                ",Kinship care hub,Croydon,,,,,,A hub.,,,,not-an-email,\n"
                                                ",Early help front door,Sutton,,,,,,A door.,,,,,\n");
    ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.rows.size() == 3);
    CHECK_FALSE(plan.isValid());
    CHECK(plan.rows.at(1).problems.first().startsWith(QStringLiteral("contact_email")));

    const ImportRow& repeat = plan.rows.at(0);
    REQUIRE(repeat.duplicates.size() == 1);
    CHECK(repeat.duplicates.first().ref == QStringLiteral("waltham-forest-mockingbird"));
    CHECK_THROWS_WITH(plan.decide(0, ImportDecision::Update, QStringLiteral("redbridge-your-choice")),
                      Catch::Contains("can only update an exhibit"));
    plan.decide(0, ImportDecision::Update, QStringLiteral("waltham-forest-mockingbird"));
    plan.decide(1, ImportDecision::Skip);
    CHECK(plan.isValid());
    CHECK((plan.creates() == 1 && plan.updates() == 1 && plan.skips() == 1));

    catalogue->curation().applyImport(plan);
    CHECK(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird"))->summary == QStringLiteral("New summary."));
    CHECK(catalogue->exhibit(QStringLiteral("early-help-front-door")).has_value());
    CHECK_FALSE(catalogue->exhibit(QStringLiteral("kinship-care-hub")).has_value());

    REQUIRE(catalogue->undoStack()->undoText() == QStringLiteral("Import subs.csv"));
    catalogue->undoStack()->undo();
    CHECK(JsonPublisher(*catalogue).write() == before);
    catalogue->undoStack()->redo();
    CHECK(catalogue->exhibit(QStringLiteral("early-help-front-door")).has_value());
}

TEST_CASE("Title similarity finds the same project retitled, and not different ones", "[import]")
{
    CHECK(titleSimilarity(QStringLiteral("Mockingbird Programme"), QStringLiteral("The Mockingbird programme")) == 1.0);
    CHECK(titleSimilarity(QStringLiteral("Care Journeys"), QStringLiteral("Care Journey")) >= DuplicateTitleThreshold);
    CHECK(titleSimilarity(QStringLiteral("Kensington & Chelsea Family Hub"),
                          QStringLiteral("Kensington and Chelsea family hubs")) >= DuplicateTitleThreshold);
    CHECK(titleSimilarity(QStringLiteral("Sunrise Hub"), QStringLiteral("Diamond Project")) < 0.3);
    CHECK(titleSimilarity(QStringLiteral("Route to Independence"),
                          QStringLiteral("Racial Equity & Inclusion Service")) < DuplicateTitleThreshold);
    CHECK(titleSimilarity(QStringLiteral("The"), QStringLiteral("The")) == 0.0); // nothing left to compare
}

TEST_CASE("Updating from a spreadsheet changes only the columns it has, and keeps evidence and reviews", "[import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString ref = QStringLiteral("waltham-forest-mockingbird");
    Exhibit exhibit = *catalogue->exhibit(ref);
    exhibit.evidence << Evidence{
        EvidenceKind::OutcomeData, QStringLiteral("Made-up outcome data"), {}, 2, {}, {}, {}, {}};
    exhibit.reviews << Review{
        QStringLiteral("A panel"), QDate(2025, 2, 3), {}, QStringLiteral("Good."), QStringLiteral("Commended")};
    exhibit.standNumber = QStringLiteral("7");
    catalogue->curation().updateExhibit(exhibit);
    const Exhibit before = *catalogue->exhibit(ref);

    const QString file =
        scratch.write(QStringLiteral("update.csv"), "ref,title,lead_authority,summary\n" + ref.toUtf8() +
                                                        ",Mockingbird Service,Waltham Forest,A new summary.\n");
    catalogue->curation().applyImport(catalogue->planImport(file, ImportOptions{true}));
    const Exhibit after = *catalogue->exhibit(ref);
    CHECK(after.summary == QStringLiteral("A new summary."));
    CHECK(after.evidence == before.evidence);
    CHECK(after.reviews == before.reviews);
    CHECK(after.standNumber == QStringLiteral("7"));
    CHECK(after.description == before.description);
    CHECK(after.categories == before.categories);
    CHECK(after.tags == before.tags);
    const ChangeLogEntry latest = catalogue->history(ref).first();
    CHECK((latest.action == QStringLiteral("import-update") && latest.field == QStringLiteral("summary")));
    CHECK(latest.after == QStringLiteral("A new summary."));
}

TEST_CASE("Finding similar titles through the index gives exactly the brute-force pairs", "[import]")
{
    // Titles from a small vocabulary, so that many pairs are alike and many share bigrams.
    const QStringList words{QStringLiteral("family"), QStringLiteral("families"), QStringLiteral("hub"),
                            QStringLiteral("hubs"),   QStringLiteral("care"),     QStringLiteral("carers"),
                            QStringLiteral("early"),  QStringLiteral("help"),     QStringLiteral("youth"),
                            QStringLiteral("voice"),  QStringLiteral("send"),     QStringLiteral("the")};
    QList<SimilarTitles::Title> titles;
    quint32 seed = 7;
    auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    for (int i = 0; i < 400; ++i) {
        QStringList title;
        for (quint32 n = 1 + next() % 3; n > 0; --n) {
            title << words.at(int(next() % words.size()));
        }
        titles << SimilarTitles::Title{QStringLiteral("group %1").arg(next() % 3), title.join(QLatin1Char(' '))};
    }
    SimilarTitles index(titles);
    int pairs = 0;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        QList<qsizetype> found;
        for (const SimilarTitles::Match& match : index.matchAndAdd(i)) {
            found << match.index;
            CHECK(match.similarity == Approx(titleSimilarity(titles.at(i).title, titles.at(match.index).title)));
        }
        QList<qsizetype> expected;
        for (qsizetype j = 0; j < i; ++j) {
            if (titles.at(j).group == titles.at(i).group &&
                titleSimilarity(titles.at(i).title, titles.at(j).title) >= DuplicateTitleThreshold) {
                expected << j;
            }
        }
        INFO(titles.at(i).title.toStdString());
        CHECK(found == expected);
        pairs += int(expected.size());
    }
    CHECK(pairs > 100); // the check above compared something
}

TEST_CASE("An import that fails half-way leaves the catalogue indexing every later add and edit", "[import][shared]")
{
    Scratch scratch;
    auto window = makeCatalogue(scratch);
    const QString file = scratch.write(QStringLiteral("new.csv"),
                                       Header + "first-new,First new project,Hackney,,,,,draft,Summary one.,,,,,0\n"
                                                "second-new,Second new project,Hackney,,,,,draft,Summary two.,,,,,0\n");
    const ImportPlan plan = window->planImport(file, {});
    REQUIRE(plan.creates() == 2);

    // Another process imports one of the same refs between planning and applying.
    {
        auto other = Catalogue::open(window->path());
        Exhibit second;
        second.ref = QStringLiteral("second-new");
        second.title = QStringLiteral("Second new project, added elsewhere");
        second.leadAuthority = QStringLiteral("Camden");
        other->curation().addExhibit(second);
    }
    CHECK_THROWS_WITH(window->curation().applyImport(plan),
                      Catch::Contains("second-new") && Catch::Contains("added by someone else"));
    CHECK_FALSE(window->exhibit(QStringLiteral("first-new")).has_value());

    Exhibit added;
    added.ref = QStringLiteral("after-the-failure");
    added.title = QStringLiteral("Zanzibar outreach");
    added.leadAuthority = QStringLiteral("Lambeth");
    window->curation().addExhibit(added);
    CHECK(refsOf(window->search(QStringLiteral("zanzib"), 10).exhibits) == QStringList{added.ref});
    Exhibit edited = *window->exhibit(QStringLiteral("waltham-forest-mockingbird"));
    edited.title = QStringLiteral("Quokka constellation");
    window->curation().updateExhibit(edited);
    CHECK(refsOf(window->search(QStringLiteral("quokka"), 10).exhibits) == QStringList{edited.ref});
    CHECK(window->check() == QStringList{});
}

TEST_CASE("An update import whose exhibit was deleted meanwhile is refused, not crashed on", "[import][shared]")
{
    Scratch scratch;
    auto window = makeCatalogue(scratch);
    const QString file = scratch.write(
        QStringLiteral("update.csv"),
        Header + "waltham-forest-mockingbird,Mockingbird renamed,Waltham Forest,,,,,submitted,New summary.,,,,,0\n");
    ImportOptions options;
    options.update = true;
    const ImportPlan plan = window->planImport(file, options);
    REQUIRE(plan.problems() == QStringList{});
    REQUIRE(plan.updates() == 1);
    Catalogue::open(window->path())->curation().removeExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK_THROWS_WITH(window->curation().applyImport(plan), Catch::Contains("was deleted"));
    CHECK(window->check() == QStringList{});
}

TEST_CASE("Excel's CSV (Comma delimited), in Windows-1252, imports with one notice", "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QByteArray row = ",Caf\xE9 \x96 a \x91safe\x92 space,Hackney,,,,,,,,,,,\r\n";
    const ImportPlan plan = catalogue->planImport(scratch.write(QStringLiteral("excel.csv"), Header + row), {});
    CHECK(plan.problems() == QStringList{});
    REQUIRE(plan.encodings.size() == 1);
    CHECK(plan.encodings.first().message.startsWith(QStringLiteral("Windows-1252")));
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows.first().exhibit.title == QStringLiteral("Café – a ‘safe’ space"));
}

TEST_CASE("CSV problems name the spreadsheet's row, and the text line when a field spans lines", "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file = scratch.write(QStringLiteral("rows.csv"),
                                       Header + ",First,Hackney,,,,,,,\"A description\nover\nthree lines\",,,,\n"
                                                "\n"
                                                ",Second,Hackny,,,,,,,,,,,\n");
    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows.at(0).place.line == 2);
    CHECK(plan.rows.at(1).place.line == 4); // the blank line is row 3 in a spreadsheet
    CHECK(plan.problems() ==
          QStringList{file + QStringLiteral(":4 (text line 6): lead_authority: unknown authority \"Hackny\"; did "
                                            "you mean \"Hackney\"?")});
}

TEST_CASE("Many files are one plan, one transaction and one undo step, each problem naming its file",
          "[import][intake][undo]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString hackney =
        scratch.write(QStringLiteral("hackney.csv"), Header + "hk-1,Family hubs,LB Hackney,,,,,,,,,,,\n"
                                                              "shared,Youth panel,Hackney,,,,,,,,,,,\n");
    const QString croydon =
        scratch.write(QStringLiteral("croydon.csv"), Header + "cr-1,Kinship circles,Croydon,,,,,,,,,,,\n"
                                                              "shared,Youth voice,Croydon,,,,,,,,,,,\n");
    const ImportPlan clash = catalogue->planImport(QStringList{hackney, croydon}, {});
    CHECK(clash.files == QStringList{hackney, croydon});
    CHECK(clash.problems() == QStringList{croydon + QStringLiteral(":3: ref: \"shared\" is also used on row 3 of "
                                                                   "hackney.csv; each ref must be unique")});

    const QString fixed =
        scratch.write(QStringLiteral("croydon.csv"), Header + "cr-1,Kinship circles,Croydon,,,,,,,,,,,\n"
                                                              "cr-2,Youth voice,Croydon,,,,,,,,,,,\n");
    const int before = catalogue->summary().exhibits;
    const ImportPlan plan = catalogue->planImport(QStringList{hackney, fixed}, {});
    REQUIRE(plan.problems() == QStringList{});
    catalogue->curation().applyImport(plan);
    CHECK(catalogue->summary().exhibits == before + 4);
    CHECK(catalogue->undoStack()->undoText() == QStringLiteral("Import 2 files"));
    catalogue->undoStack()->undo();
    CHECK(catalogue->summary().exhibits == before);
    CHECK_FALSE(catalogue->exhibit(QStringLiteral("hk-1")).has_value());
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("Corrections win over the file's cells, and suggestions fix only the item typed", "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file = scratch.write(QStringLiteral("fix.csv"), "ref,title,lead_authority,partner_authorities\n"
                                                                  "fx-1,Family hubs,Croydn,Sutton; Merton; Hackny\n");
    const ImportPlan before = catalogue->planImport(file, {});
    REQUIRE(before.rows.size() == 1);
    const ImportRow& row = before.rows.first();
    CHECK(row.cells.value(QStringLiteral("partner_authorities")) == QStringLiteral("Sutton; Merton; Hackny"));
    CHECK(row.columnOf(row.problems.first()) == QStringLiteral("lead_authority"));
    const auto hackney = std::find_if(row.suggestions.begin(), row.suggestions.end(), [](const ImportSuggestion& s) {
        return s.column == QLatin1String("partner_authorities") && s.suggested == QLatin1String("Hackney");
    });
    REQUIRE(hackney != row.suggestions.end());
    CHECK(hackney->appliedTo(row.cells.value(QStringLiteral("partner_authorities"))) ==
          QStringLiteral("Sutton; Merton; Hackney"));

    ImportOptions options;
    options.corrections = {CellCorrection{file, 2, QStringLiteral("lead_authority"), QStringLiteral("Croydon")},
                           CellCorrection{file, 2, QStringLiteral("partner_authorities"),
                                          hackney->appliedTo(row.cells.value(QStringLiteral("partner_authorities")))}};
    const ImportPlan after = catalogue->planImport(file, options);
    CHECK(after.problems() == QStringList{});
    CHECK(after.rows.first().exhibit.partnerAuthorities ==
          QStringList{QStringLiteral("Sutton"), QStringLiteral("Merton"), QStringLiteral("Hackney")});
}

TEST_CASE("Planning reports progress and stops when cancelled", "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    QByteArray csv = "title,lead_authority\n";
    for (int i = 0; i < 500; ++i) {
        csv += "Project " + QByteArray::number(i) + ",Hackney\n";
    }
    const QString file = scratch.write(QStringLiteral("many.csv"), csv);
    qsizetype lastDone = 0;
    qsizetype lastTotal = 0;
    ImportOptions options;
    options.progress = [&](qsizetype done, qsizetype total) {
        CHECK(done >= lastDone);
        lastDone = done;
        lastTotal = total;
        return true;
    };
    CHECK(catalogue->planImport(file, options).rows.size() == 500);
    CHECK(lastTotal == 1000); // each row resolved, then compared
    CHECK(lastDone > 900);

    options.progress = [](qsizetype done, qsizetype) { return done < 200; };
    CHECK_THROWS_WITH(catalogue->planImport(file, options), Catch::Contains("cancelled"));
}

TEST_CASE("Authority names as councils write them resolve without a word from the curator", "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<std::pair<const char*, const char*>> spellings{
        {"LB Hackney", "Hackney"},
        {"London Borough of Hackney", "Hackney"},
        {"lb   of  hackney", "Hackney"},
        {"RB Kensington and Chelsea", "Kensington and Chelsea"},
        {"Royal Borough of Kensington & Chelsea", "Kensington and Chelsea"},
        {"Tower Hamlets Council", "Tower Hamlets"},
        {"SOUTHWARK COUNCIL", "Southwark"},
        {"Newham Council", "Newham"},
        {"Ealing Council", "Ealing"},
        {"Ealing London Borough Council", "Ealing"},
        {"Royal Borough of Kingston", "Kingston upon Thames"},
        {"Kingston upon Thames", "Kingston upon Thames"},
        {"Richmond upon Thames", "Richmond upon Thames"},
        {"City of Westminster", "Westminster"},
        {"Westminster City Council", "Westminster"},
        {"City of London Corporation", "City of London"},
        {"City of London", "City of London"},
        {"The London Borough of Barnet", "Barnet"},
    };
    QByteArray csv = "title,lead_authority\n";
    for (qsizetype i = 0; i < spellings.size(); ++i) {
        csv += QByteArray("Project ") + QByteArray::number(i) + ",\"" + spellings.at(i).first + "\"\n";
    }
    csv += "Project elsewhere,Manchester City Council\nProject nowhere,Borough Council\n";
    const ImportPlan plan = catalogue->planImport(scratch.write(QStringLiteral("boroughs.csv"), csv), {});
    REQUIRE(plan.rows.size() == spellings.size() + 2);
    for (qsizetype i = 0; i < spellings.size(); ++i) {
        INFO(spellings.at(i).first);
        CHECK(plan.rows.at(i).problems == QStringList{});
        CHECK(plan.rows.at(i).exhibit.leadAuthority == QLatin1String(spellings.at(i).second));
    }
    CHECK_FALSE(plan.rows.at(spellings.size()).problems.isEmpty());
    CHECK_FALSE(plan.rows.at(spellings.size() + 1).problems.isEmpty());
}

TEST_CASE("Emails and web addresses are checked properly: a bad one is a problem, not data", "[import][intake]")
{
    for (const char* good : {"m.adeyemi@croydon.gov.uk", "first.last+spotlight@hackney.gov.uk", "o'neill@rbkc.gov.uk",
                             "team@lbbd.gov.uk", "josé@ealing.gov.uk"}) {
        INFO(good);
        CHECK(ExhibitRules::isValidEmail(QString::fromUtf8(good)));
    }
    for (const char* bad : {"m.adeyemi@croydon.gov,uk", "m.adeyemi@croydon", "m adeyemi@croydon.gov.uk",
                            "m..adeyemi@croydon.gov.uk", ".m@croydon.gov.uk", "m@-croydon.gov.uk", "m@croydon..gov.uk",
                            "m@@croydon.gov.uk", "croydon.gov.uk", "m@croydon.gov.u1"}) {
        INFO(bad);
        CHECK_FALSE(ExhibitRules::isValidEmail(QString::fromUtf8(bad)));
    }
    for (const char* good : {"https://www.hackney.gov.uk/fostering", "http://example.org/a?b=c#d"}) {
        INFO(good);
        CHECK(ExhibitRules::isValidWebAddress(QString::fromUtf8(good)));
    }
    for (const char* bad : {"www.hackney.gov.uk", "https://hackney", "ftp://files.example.org/x",
                            "https://exa mple.org", "javascript:alert(1)", "https://hackney.gov,uk/x"}) {
        INFO(bad);
        CHECK_FALSE(ExhibitRules::isValidWebAddress(QString::fromUtf8(bad)));
    }

    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const ImportPlan plan =
        catalogue->planImport(scratch.write(QStringLiteral("contact.csv"),
                                            "title,lead_authority,status,contact_email\n"
                                            "Reading circles,Croydon,submitted,\"m.adeyemi@croydon.gov,uk\"\n"),
                              {});
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.problems().join(QLatin1Char('\n')).contains(QStringLiteral("is not an email address")));
    CHECK_FALSE(plan.isValid());
}

TEST_CASE("A spreadsheet's edition cell: blank is this cycle, a year finds its edition, a new one needs confirming",
          "[import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Edition current = *catalogue->currentEdition();
    const QString category = catalogue->categories(current.name).first().name;
    const QByteArray csv = "title,lead_authority,edition,categories\n"
                           "Blank edition,Hackney,," +
                           category.toUtf8() + "\nBy year,Hackney," + QByteArray::number(current.year) + "," +
                           category.toUtf8() +
                           "\nNew cycle,Hackney,2031,\n"
                           "New category,Hackney,,SEND\n";
    const QString file = scratch.write(QStringLiteral("editions.csv"), csv);
    const QByteArray before = JsonPublisher(*catalogue).write();

    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.rows.size() == 4);
    CHECK(plan.rows.at(0).exhibit.edition == current.name);
    CHECK(plan.rows.at(0).problems == QStringList{});
    CHECK(plan.rows.at(1).exhibit.edition == current.name);
    CHECK(plan.rows.at(1).problems == QStringList{});
    CHECK(plan.rows.at(2).problems.join(QLatin1Char('\n')).contains(QStringLiteral("there is no edition \"2031\"")));
    CHECK(plan.rows.at(3).problems.join(QLatin1Char('\n')).contains(QStringLiteral("has no category \"SEND\"")));
    CHECK(plan.editionsToCreate().isEmpty());
    CHECK(plan.categoriesToCreate().isEmpty());
    CHECK(JsonPublisher(*catalogue).write() == before);

    const ImportPlan confirmed = catalogue->planImport(file, ImportOptions{false, true});
    CHECK(confirmed.problems() == QStringList{});
    CHECK(confirmed.editionsToCreate().size() == 1);
    CHECK(confirmed.categoriesToCreate().size() == 1);
}

TEST_CASE("An import written on another connection becomes the window's undo step, and Cancel writes nothing",
          "[import][undo]")
{
    Scratch scratch;
    auto window = makeCatalogue(scratch, QStringLiteral("catalogue.sqlite"), true);
    const ImportPlan plan = bench::generateCatalogue(250);

    // Cancelled part-way: the transaction is rolled back.
    {
        auto worker = Catalogue::open(window->path(), Catalogue::UndoHistory::Recorded);
        qsizetype reached = 0;
        CHECK_THROWS_WITH(worker->curation().applyImport(plan,
                                                         [&reached](qsizetype done, qsizetype total) {
                                                             reached = done;
                                                             CHECK(total == 250);
                                                             return done < 100;
                                                         }),
                          Catch::Contains("cancelled"));
        CHECK(reached == 100);
        CHECK_FALSE(worker->curation().takeRecordedStep());
    }
    CHECK(window->summary().exhibits == 0);

    // Written by the worker, adopted by the window: one undo step there takes it all back.
    auto worker = Catalogue::open(window->path(), Catalogue::UndoHistory::Recorded);
    worker->curation().applyImport(plan);
    const std::optional<Curation::RecordedStep> recorded = worker->curation().takeRecordedStep();
    REQUIRE(recorded);
    CHECK_FALSE(worker->curation().takeRecordedStep()); // taken once
    window->pollForChanges();
    window->curation().adopt(*recorded);
    CHECK(window->summary().exhibits == 250);
    REQUIRE(window->undoStack()->count() == 1);
    CHECK(window->undoStack()->undoText().startsWith(QStringLiteral("Import")));
    window->undoStack()->undo();
    CHECK(window->summary().exhibits == 0);
    window->undoStack()->redo();
    CHECK(window->summary().exhibits == 250);
}

TEST_CASE("One file's thousand problems do not stop the next file of the same import being read",
          "[import][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    QByteArray bad = "title,lead_authority\n";
    for (int line = 0; line < 1500; ++line) {
        bad += "x\n";
    }
    const ImportPlan plan = catalogue->planImport(
        {scratch.write(QStringLiteral("bad.csv"), bad),
         scratch.write(QStringLiteral("good.csv"), "title,lead_authority\nReading circles,Croydon\n")},
        {});
    CHECK(plan.problems().last().contains(QStringLiteral("bad.csv:1002: reading stopped here")));
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows.first().exhibit.title == QStringLiteral("Reading circles"));
    CHECK(plan.rows.first().problems.isEmpty());
}
