// The in-memory index (IndexedSearch) must give exactly what the FTS5 path gives: the same
// matches, the same order, the same counts and facets, and it must follow every change to the
// catalogue, made by its own connection or another.

#include "../bench/Generator.h"
#include "TestSupport.h"

using namespace spotlight;
using namespace spotlight::test;

namespace {

// The same file through two connections: one searching through FTS5, one through the index.
struct TwoWays
{
    std::unique_ptr<Catalogue> fts;
    std::unique_ptr<Catalogue> indexed;

    explicit TwoWays(const QString& path)
        : fts(Catalogue::open(path))
        , indexed(Catalogue::open(path, Catalogue::UndoHistory::Kept))
    {
        indexed->keepSearchIndexInMemory();
        indexed->waitForSearchIndex();
    }

    // Runs `query` both ways and checks they agree.
    void agree(const QString& query) const
    {
        INFO(query.toStdString());
        const qint64 answeredBefore = indexed->searchesAnsweredInMemory();
        const ExhibitPage expected = fts->search(query, 20, 5);
        const ExhibitPage actual = indexed->search(query, 20, 5);
        CHECK(refsOf(actual.exhibits) == refsOf(expected.exhibits));
        CHECK(actual.total == expected.total);
        CHECK(actual.ranked == expected.ranked);
        CHECK(indexed->matchingIds(query) == fts->matchingIds(query));
        const SortOrder byTitleDown{SortOrder::Key::Title, true};
        CHECK(indexed->matchingIds(query, byTitleDown) == fts->matchingIds(query, byTitleDown));
        CHECK(facetsText(indexed->facets(query)) == facetsText(fts->facets(query)));
        CHECK(indexed->searchesAnsweredInMemory() == answeredBefore + 4);
    }

    static QStringList facetsText(const Facets& facets)
    {
        QStringList lines;
        for (const auto* values : {&facets.authorities, &facets.categories, &facets.tags, &facets.levels, &facets.kinds,
                                   &facets.statuses, &facets.editions}) {
            for (const FacetValue& value : *values) {
                lines << value.key + QLatin1Char('=') + QString::number(value.count);
            }
            lines << QStringLiteral("|");
        }
        return lines;
    }
};

QString generatedCatalogue(const Scratch& scratch, int count)
{
    const QString path = catalogueLocation(scratch, QStringLiteral("generated.sqlite"));
    makeCatalogue(scratch, QStringLiteral("generated.sqlite"), true)
        ->curation()
        .applyImport(bench::generateCatalogue(count));
    return path;
}

// More generated exhibits for a catalogue that already has the generator's editions and categories.
ImportPlan moreExhibits(int count, quint32 seed)
{
    ImportPlan plan = bench::generateCatalogue(count, seed);
    plan.newEditions.clear();
    plan.newCategories.clear();
    for (ImportRow& row : plan.rows) {
        row.exhibit.ref = QStringLiteral("more-%1-%2").arg(seed).arg(row.exhibit.ref);
        row.exhibit.categories.clear(); // each seed makes categories of its own
        row.exhibit.standNumber.clear();
    }
    return plan;
}

} // namespace

TEST_CASE("The in-memory index finds, ranks and counts exactly as FTS5 does", "[search][index]")
{
    Scratch scratch;
    const TwoWays ways(generatedCatalogue(scratch, 400));

    QStringList queries;
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        queries << QString(QLatin1Char(letter));
    }
    for (const char* query :
         {"sa", "fo", "safeguarding", "safeg", "mental", "mental health", "fostering", "exploitation", "autism",
          "children", "young people", "social work", "care", "support", "kel", "bereavement", "cafe", "CAFÉ",
          "mockingbird", "\"children\"", "children -care", "-children", "support -care -mental", "fostering OR autism",
          "(fostering OR autism) -care", "children (mental OR -support)", "borough:hackney", "tag:send",
          "status:showcased", "level:>=3", "edition:2020", "has:evidence", "kind:case-study", "category:racial",
          "-borough:hackney", "autism borough:camden", "mental tag:send level:>=2",
          "fostering status:recognised edition:2024", "children has:evidence", "safeguarding -tag:send",
          "children OR borough:hackney", "tag:send OR tag:mental", "autism (borough:camden OR borough:hackney)",
          "zzzzqqq", "s -s", "camden", "hackney children", "contact:a", "has:contact",
          // Phrases of several words that only include or leave out: FTS5 finds
          // them, the index ranks.
          "support -\"young people\"", "children -social-work", "\"young people\" OR borough:hackney",
          "children -(mental health)", "support -(care young) -\"social work\""}) {
        queries << QString::fromUtf8(query);
    }
    for (const QString& query : queries) {
        ways.agree(query);
    }
}

TEST_CASE("The in-memory index follows edits, imports, undo and other connections at once", "[search][index][shared]")
{
    Scratch scratch;
    const QString path = generatedCatalogue(scratch, 150);
    const TwoWays ways(path);
    Catalogue& window = *ways.indexed;
    auto cli = Catalogue::open(path); // another connection, as the command line would be

    const QStringList probes{QStringLiteral("zebrafish"), QStringLiteral("zeb"),           QStringLiteral("children"),
                             QStringLiteral("quokka"),    QStringLiteral("tag:zebrafish"), QStringLiteral("fostering")};
    auto agreeOnAll = [&] {
        for (const QString& probe : probes) {
            ways.agree(probe);
        }
    };

    // The window's own edit.
    Exhibit exhibit = window.exhibits(QStringLiteral("fostering")).constFirst();
    exhibit.title = QStringLiteral("Zebrafish fostering week");
    window.curation().updateExhibit(exhibit);
    CHECK(window.search(QStringLiteral("zebrafish"), 10).total == 1);
    agreeOnAll();

    // Undo puts the old title back.
    window.undoStack()->undo();
    CHECK(window.search(QStringLiteral("zebrafish"), 10).total == 0);
    agreeOnAll();

    // Another connection tags, renames the tag and removes an exhibit.
    const QStringList some = cli->refs(QStringLiteral("children")).mid(0, 30);
    cli->curation().addTags(some, {QStringLiteral("zebrafish/pilots")});
    CHECK(window.search(QStringLiteral("zebrafish"), 10).total == 30);
    agreeOnAll();
    cli->curation().renameTag(QStringLiteral("zebrafish"), QStringLiteral("quokka"));
    CHECK(window.search(QStringLiteral("zebrafish"), 10).total == 0);
    CHECK(window.search(QStringLiteral("quokka"), 10).total == 30);
    agreeOnAll();
    cli->curation().removeExhibit(some.first());
    CHECK(window.search(QStringLiteral("quokka"), 10).total == 29);
    agreeOnAll();

    // An import through the other connection, big enough to be caught up with and not rebuilt.
    cli->curation().applyImport(moreExhibits(40, 7));
    agreeOnAll();
    CHECK(window.search(QString(), 10).total == cli->search(QString(), 10).total);
    CHECK(window.check() == QStringList{});
}

TEST_CASE("An index that has fallen too far behind is built again, and searches meanwhile still agree",
          "[search][index][shared]")
{
    Scratch scratch;
    const QString path = generatedCatalogue(scratch, 50);
    const TwoWays ways(path);
    auto cli = Catalogue::open(path);
    // More changed exhibits than the index catches up with in one search: it rebuilds on its own
    // thread and the search runs on FTS5 meanwhile.
    cli->curation().applyImport(moreExhibits(6000, 11));
    const qint64 answered = ways.indexed->searchesAnsweredInMemory();
    const ExhibitPage during = ways.indexed->search(QStringLiteral("children"), 10);
    CHECK(during.total == cli->search(QStringLiteral("children"), 10).total);
    CHECK(ways.indexed->searchesAnsweredInMemory() == answered); // FTS5 answered

    ways.indexed->waitForSearchIndex();
    ways.agree(QStringLiteral("children"));
    ways.agree(QStringLiteral("sa -care borough:hackney"));
}

TEST_CASE("Ranking by phrases of several words, and other orders, are left to FTS5 and SQL", "[search][index]")
{
    Scratch scratch;
    const TwoWays ways(generatedCatalogue(scratch, 100));
    const qint64 answered = ways.indexed->searchesAnsweredInMemory();
    CHECK(ways.indexed->search(QStringLiteral("\"young people\""), 10).total ==
          ways.fts->search(QStringLiteral("\"young people\""), 10).total);
    CHECK(ways.indexed->search(QStringLiteral("anti-racist"), 10).total ==
          ways.fts->search(QStringLiteral("anti-racist"), 10).total);
    const SortOrder byLevel{SortOrder::Key::Level, false};
    CHECK(ways.indexed->matchingIds(QStringLiteral("children"), byLevel) ==
          ways.fts->matchingIds(QStringLiteral("children"), byLevel));
    CHECK(ways.indexed->searchesAnsweredInMemory() == answered);
}
