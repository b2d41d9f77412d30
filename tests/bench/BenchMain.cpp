// spotlight-bench: builds large generated catalogues and prints timings (PRODUCT.md section 8).
//   spotlight-bench generate N FILE [--varied]
//                                     a catalogue of N generated exhibits, through the importer;
//                                     --varied adds long, accented and right-to-left text
//   spotlight-bench search FILE       the query mix: p50/p95/max per class, and against bare FTS5
//   spotlight-bench io FILE           CSV export of the whole catalogue, and its import into an empty one
//   spotlight-bench booklet FILE N    a PDF booklet of the first N exhibits by title: time and peak memory
//   spotlight-bench web FILE N        the web showcase of the first N exhibits: time, pages, peak memory
//   spotlight-bench privacy FILE N    the privacy check over the first N exhibits by title
//   spotlight-bench workbook N        an .xlsx of N generated submissions read and imported
//   spotlight-bench server FILE ADDRESS
//                                     a team catalogue on PostgreSQL: FILE copied to the empty server
//                                     address ADDRESS_copy, the query mix there beside bare SQL, facets,
//                                     FILE's CSV imported into ADDRESS_import, and the copy back
// Figures are printed, never asserted: a machine's speed is not a test result.

#include "Catalogue.h"
#include "Error.h"
#include "Generator.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"
#include "publishing/CsvPublisher.h"
#include "publishing/WebShowcase.h"
#include "search/SearchEngine.h"
#include "storage/Database.h"
#include "storage/Query.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <xlsxwriter.h>

using namespace spotlight;

namespace {

void print(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

double millisecondsOf(const std::function<void()>& work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Stats
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Stats statsOf(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    auto at = [&samples](double quantile) {
        return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(quantile * double(samples.size()))));
    };
    return Stats{at(0.5), at(0.95), samples.last()};
}

// One row of timings: a name, then p50, p95 and max in milliseconds.
void printStats(const QString& name, const Stats& stats)
{
    print(QStringLiteral("%1 %2 %3 %4")
              .arg(name, -34)
              .arg(stats.p50, 8, 'f', 1)
              .arg(stats.p95, 8, 'f', 1)
              .arg(stats.max, 8, 'f', 1));
}

// The bare FTS5 equivalent of a words-only query: the same MATCH, ranking, page and count.
QString bareMatch(const QString& words)
{
    QStringList terms;
    for (const QString& word : words.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        terms << QStringLiteral("\"%1\"*").arg(word);
    }
    return terms.join(QStringLiteral(" AND "));
}

struct QueryClass
{
    QString name;
    QStringList queries;
    bool wordsOnly; // has a bare FTS5 equivalent
};

QList<QueryClass> queryMix()
{
    // Each word as it is typed, letter by letter: the first two letters are PRODUCT.md's "1-2
    // letters" class (goal 100 ms), the rest its "typed prefixes" (goal 25 ms).
    QStringList short_;
    QStringList typed;
    for (const char* word : {"safeguarding", "mental", "fostering", "exploitation", "autism", "kelarbrook"}) {
        const QString full = QLatin1String(word);
        for (qsizetype length = 1; length <= full.size(); ++length) {
            (length <= 2 ? short_ : typed) << full.left(length);
        }
    }
    return {
        {QStringLiteral("prefixes of 1-2 letters"), short_, true},
        {QStringLiteral("prefixes typed, 3+ letters"), typed, true},
        {QStringLiteral("common words"),
         {QStringLiteral("children"), QStringLiteral("support"), QStringLiteral("care"), QStringLiteral("young people"),
          QStringLiteral("social work")},
         true},
        {QStringLiteral("rare words"),
         {QStringLiteral("bereavement"), QStringLiteral("trafficking"), QStringLiteral("respite"),
          QStringLiteral("naive"), QStringLiteral("cafe"), QStringLiteral("apprenticeship"),
          QStringLiteral("dalonholt"), QStringLiteral("rosusmere"), QStringLiteral("velenbrook")},
         true},
        {QStringLiteral("field filters alone"),
         {QStringLiteral("borough:hackney"), QStringLiteral("tag:send"), QStringLiteral("status:showcased"),
          QStringLiteral("level:>=3"), QStringLiteral("edition:2020"), QStringLiteral("has:evidence"),
          QStringLiteral("kind:case-study"), QStringLiteral("category:racial")},
         false},
        {QStringLiteral("words plus filters"),
         {QStringLiteral("autism borough:camden"), QStringLiteral("mental tag:send level:>=2"),
          QStringLiteral("fostering status:recognised edition:2024"), QStringLiteral("children has:evidence"),
          QStringLiteral("safeguarding borough:\"kensington & chelsea\"")},
         false},
        {QStringLiteral("negations"),
         {QStringLiteral("children -care"), QStringLiteral("-borough:hackney"),
          QStringLiteral("safeguarding -tag:send"), QStringLiteral("support -\"young people\"")},
         false},
    };
}

int generate(int count, const QString& path, bool varied)
{
    if (QFile::exists(path)) {
        print(QStringLiteral("%1 exists; choose a new file.").arg(path));
        return 1;
    }
    ImportPlan plan;
    const double generating = millisecondsOf([&] { plan = bench::generateCatalogue(count, 2025, varied); });
    auto catalogue = Catalogue::create(path, true);
    const double writing = millisecondsOf([&] { catalogue->curation().applyImport(plan); });
    print(QStringLiteral("generated %1 exhibits in %2 ms; wrote them through the importer in one transaction in %3 ms")
              .arg(count)
              .arg(generating, 0, 'f', 0)
              .arg(writing, 0, 'f', 0));
    return 0;
}

// Resident memory of this process, in MB.
double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * 4096.0 / 1e6 : 0;
}

// 200 queries of every class, made from the generator's words, for comparing rankings.
QStringList generatedQueries(const Catalogue& catalogue)
{
    QStringList words;
    for (const Exhibit& exhibit : catalogue.search(QString(), 40).exhibits) {
        for (const QString& word : exhibit.summary.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString plain = word.toLower().remove(QRegularExpression(QStringLiteral("[^a-z]")));
            if (plain.size() > 3 && !words.contains(plain)) {
                words << plain;
            }
        }
    }
    const QStringList filters{QStringLiteral("borough:hackney"), QStringLiteral("tag:send"),
                              QStringLiteral("level:>=2"), QStringLiteral("has:evidence"),
                              QStringLiteral("status:showcased")};
    QStringList queries;
    for (qsizetype i = 0; queries.size() < 200 && !words.isEmpty(); ++i) {
        const QString& a = words.at(i % words.size());
        const QString& b = words.at((i * 7 + 3) % words.size());
        switch (i % 8) {
        case 0:
            queries << a.left(1 + i % 2);
            break;
        case 1:
            queries << a.left(3 + i % 3);
            break;
        case 2:
            queries << a;
            break;
        case 3:
            queries << a + QLatin1Char(' ') + b;
            break;
        case 4:
            queries << a + QStringLiteral(" -") + b;
            break;
        case 5:
            queries << a + QLatin1Char(' ') + filters.at(i % filters.size());
            break;
        case 6:
            queries << QStringLiteral("%1 OR %2").arg(a, b.left(4));
            break;
        default:
            queries << a.left(4) + QLatin1Char(' ') + b.left(2);
            break;
        }
    }
    return queries;
}

int search(const QString& path)
{
    auto fts = Catalogue::open(path); // today's path: every search on FTS5
    auto bare = Database::open(path, Database::OpenMode::MustExist);
    auto catalogue = Catalogue::open(path);
    const double memoryBefore = residentMegabytes();
    const double building = millisecondsOf([&] {
        catalogue->keepSearchIndexInMemory();
        catalogue->waitForSearchIndex();
    });
    print(QStringLiteral("%1 exhibits; in-memory index built in %2 ms on its own thread: %3 MB more resident memory, "
                         "of which the index holds %4 MB")
              .arg(catalogue->summary().exhibits)
              .arg(building, 0, 'f', 0)
              .arg(residentMegabytes() - memoryBefore, 0, 'f', 0)
              .arg(double(catalogue->searchIndexBytes()) / 1e6, 0, 'f', 0));

    constexpr int Repeats = 7;
    print(QStringLiteral("each query run %1 times warm; page of 50 with its total count").arg(Repeats));
    print(QStringLiteral("%1 %2 %3 %4 %5 %6")
              .arg(QStringLiteral("class"), -34)
              .arg(QStringLiteral("p50 ms"), 8)
              .arg(QStringLiteral("p95 ms"), 8)
              .arg(QStringLiteral("max ms"), 8)
              .arg(QStringLiteral("FTS5 path p50/p95"), 20)
              .arg(QStringLiteral("bare FTS5 p50/p95")));
    const qint64 answeredBefore = catalogue->searchesAnsweredInMemory();
    qint64 searches = 0;
    QList<double> facetTimes;
    for (const QueryClass& queryClass : queryMix()) {
        QList<double> ours;
        QList<double> old;
        QList<double> baseline;
        QString slowest;
        double slowestTime = 0;
        for (const QString& query : queryClass.queries) {
            catalogue->search(query, 50); // warm
            ++searches;
            fts->search(query, 50);
            for (int r = 0; r < Repeats; ++r) {
                const double elapsed = millisecondsOf([&] { catalogue->search(query, 50); });
                ++searches;
                ours << elapsed;
                if (elapsed > slowestTime) {
                    slowestTime = elapsed;
                    slowest = query;
                }
                old << millisecondsOf([&] { fts->search(query, 50); });
                if (queryClass.wordsOnly) {
                    baseline << millisecondsOf([&] {
                        Query page(*bare, QStringLiteral("SELECT rowid FROM exhibit_fts WHERE exhibit_fts MATCH ? "
                                                         "ORDER BY %1 LIMIT 50")
                                              .arg(SearchEngine::rankExpression()));
                        page.bind(bareMatch(query)).exec();
                        while (page.next()) {
                        }
                        Query count(*bare,
                                    QStringLiteral("SELECT count(*) FROM exhibit_fts WHERE exhibit_fts MATCH ?"));
                        count.bind(bareMatch(query)).exec();
                        count.next();
                    });
                }
            }
            facetTimes << millisecondsOf([&] { catalogue->facets(query); });
            ++searches;
        }
        const Stats stats = statsOf(ours);
        const Stats before = statsOf(old);
        QString bareFigures = QStringLiteral("-");
        if (!baseline.isEmpty()) {
            const Stats base = statsOf(baseline);
            bareFigures = QStringLiteral("%1 / %2").arg(base.p50, 0, 'f', 1).arg(base.p95, 0, 'f', 1);
        }
        print(QStringLiteral("%1 %2 %3 %4 %5 %6   slowest: %7")
                  .arg(queryClass.name, -34)
                  .arg(stats.p50, 8, 'f', 1)
                  .arg(stats.p95, 8, 'f', 1)
                  .arg(stats.max, 8, 'f', 1)
                  .arg(QStringLiteral("%1 / %2").arg(before.p50, 0, 'f', 1).arg(before.p95, 0, 'f', 1), 20)
                  .arg(bareFigures, slowest));
    }
    // Facets of each query above, the first time it is asked (as the window asks once per search).
    printStats(QStringLiteral("facet counts, each query above"), statsOf(facetTimes));
    print(QStringLiteral("answered from memory: %1 of %2 searches (the rest have phrases of several words)")
              .arg(catalogue->searchesAnsweredInMemory() - answeredBefore)
              .arg(searches));

    // The ranking against FTS5's exact BM25, position by position in the top 10.
    qint64 positions = 0;
    qint64 agreeing = 0;
    const QStringList queries = generatedQueries(*fts);
    for (const QString& query : queries) {
        const QStringList expected = fts->refs(query).mid(0, 10);
        const QStringList actual = catalogue->refs(query).mid(0, 10);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            ++positions;
            agreeing += actual.value(i) == expected.at(i) ? 1 : 0;
        }
    }
    print(QStringLiteral("top 10 against FTS5's BM25, %1 generated queries: %2 of %3 positions agree (%4%)")
              .arg(queries.size())
              .arg(agreeing)
              .arg(positions)
              .arg(positions > 0 ? 100.0 * double(agreeing) / double(positions) : 100.0, 0, 'f', 1));
    return 0;
}

int io(const QString& path)
{
    QTemporaryDir scratch;
    auto catalogue = Catalogue::open(path);
    const QString file = QDir(scratch.path()).filePath(QStringLiteral("all.csv"));
    const double exporting = millisecondsOf(
        [&] { writeFileAtomically(file, [&](QIODevice& out) { CsvPublisher(*catalogue).write(QString(), out); }); });
    print(QStringLiteral("CSV export of %1 exhibits to a file: %2 ms (%3 MB)")
              .arg(catalogue->summary().exhibits)
              .arg(exporting, 0, 'f', 0)
              .arg(double(QFileInfo(file).size()) / 1e6, 0, 'f', 1));

    auto empty = Catalogue::create(QDir(scratch.path()).filePath(QStringLiteral("import.sqlite")), true);
    ImportPlan plan;
    const double planning =
        millisecondsOf([&] { plan = empty->planImport(file, ImportOptions{.createEditions = true}); });
    const double applying = millisecondsOf([&] { empty->curation().applyImport(plan); });
    print(QStringLiteral("CSV import of the same file into an empty catalogue: %1 ms to read and validate, %2 ms to "
                         "write and index, %3 ms in all (%4 problems)")
              .arg(planning, 0, 'f', 0)
              .arg(applying, 0, 'f', 0)
              .arg(planning + applying, 0, 'f', 0)
              .arg(plan.problems().size()));
    return 0;
}

int booklet(const QString& path, int count)
{
    QTemporaryDir scratch;
    auto catalogue = Catalogue::open(path);
    const QList<Exhibit> exhibits = catalogue->search(QString(), count).exhibits;
    BookletResult result;
    const double elapsed = millisecondsOf([&] {
        result = Booklet::write(exhibits, BookletOptions{}, QDir(scratch.path()).filePath(QStringLiteral("b.pdf")));
    });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    print(QStringLiteral("PDF booklet of %1 exhibits: %2 pages in %3 ms, peak memory %4 MB")
              .arg(exhibits.size())
              .arg(result.pages)
              .arg(elapsed, 0, 'f', 0)
              .arg(double(usage.ru_maxrss) / 1024.0, 0, 'f', 0));
    return 0;
}

// The web showcase of the first `count` exhibits by title (all statuses), with and without the
// booklet among its downloads.
int web(const QString& path, int count)
{
    QTemporaryDir scratch;
    auto catalogue = Catalogue::open(path);
    const QList<qint64> ids = catalogue->matchingIds(QString()).mid(0, count);
    WebShowcaseOptions options;
    options.contactEmail = QStringLiteral("spotlight@liia.example");
    options.includeUnrecognised = true;
    for (const bool booklet : {false, true}) {
        if (booklet && ids.size() > WebShowcasePublisher::BookletLimit) {
            continue;
        }
        options.booklet = booklet;
        WebShowcaseResult result;
        const double elapsed = millisecondsOf([&] {
            result = WebShowcasePublisher(*catalogue)
                         .publish(ids, options, QDir(scratch.path()).filePath(QStringLiteral("site")));
        });
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        print(QStringLiteral("web showcase of %1 exhibits%2: %3 pages in %4 ms, peak memory %5 MB")
                  .arg(result.exhibits)
                  .arg(booklet ? QStringLiteral(" with the booklet") : QStringLiteral(", pages and CSV"))
                  .arg(result.pages)
                  .arg(elapsed, 0, 'f', 0)
                  .arg(double(usage.ru_maxrss) / 1024.0, 0, 'f', 0));
    }
    return 0;
}

int privacy(const QString& path, int count)
{
    auto catalogue = Catalogue::open(path);
    const QList<Exhibit> exhibits = catalogue->search(QString(), count).exhibits;
    QList<PrivacyFinding> findings;
    const double elapsed = millisecondsOf([&] { findings = catalogue->privacyFindings(exhibits); });
    print(QStringLiteral("Privacy check of %1 exhibits: %2 ms, %3 findings")
              .arg(exhibits.size())
              .arg(elapsed, 0, 'f', 0)
              .arg(findings.size()));
    for (int i = 0; i < std::min<qsizetype>(12, findings.size()); ++i) {
        print(findings.at(i).kind + QStringLiteral(": ") + findings.at(i).excerpt);
    }
    return 0;
}

// The tsquery a words-only query becomes: every word a prefix, all of them required.
QString bareTsquery(const QString& words)
{
    QStringList terms;
    for (const QString& word : words.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        terms << word + QStringLiteral(":*");
    }
    return terms.join(QStringLiteral(" & "));
}

// The query mix on a team catalogue, each beside the same search sent bare (what psql would send
// over the same kind of connection): the ranked page of 50 and the count.
void serverSearch(const QString& address)
{
    auto catalogue = Catalogue::open(address);
    auto bare = Database::open(address, Database::OpenMode::MustExist);
    constexpr int Repeats = 7;
    print(QStringLiteral("search on the server, %1 exhibits, each query %2 times warm; page of 50 with its total")
              .arg(catalogue->summary().exhibits)
              .arg(Repeats));
    print(QStringLiteral("%1 %2 %3 %4 %5")
              .arg(QStringLiteral("class"), -34)
              .arg(QStringLiteral("p50 ms"), 8)
              .arg(QStringLiteral("p95 ms"), 8)
              .arg(QStringLiteral("max ms"), 8)
              .arg(QStringLiteral("bare SQL p50/p95")));
    QList<double> facetTimes;
    QList<double> facetsOfMatches;
    for (const QueryClass& queryClass : queryMix()) {
        QList<double> ours;
        QList<double> baseline;
        for (const QString& query : queryClass.queries) {
            catalogue->search(query, 50); // warm
            for (int r = 0; r < Repeats; ++r) {
                ours << millisecondsOf([&] { catalogue->search(query, 50); });
                if (queryClass.wordsOnly) {
                    baseline << millisecondsOf([&] {
                        Query page(*bare,
                                   QStringLiteral("SELECT exhibit_id FROM exhibit_text, to_tsquery('simple', ?) q "
                                                  "WHERE search_vector @@ q ORDER BY ts_rank('{0.1, 0.3, 0.5, 1.0}', "
                                                  "search_vector, q) DESC LIMIT 50"));
                        page.bind(bareTsquery(query)).exec();
                        while (page.next()) {
                        }
                        Query count(*bare, QStringLiteral("SELECT count(*) FROM exhibit_text WHERE search_vector @@ "
                                                          "to_tsquery('simple', ?)"));
                        count.bind(bareTsquery(query)).exec();
                        count.next();
                    });
                }
            }
            facetTimes << millisecondsOf([&] { catalogue->facets(query); });
            const QList<qint64> matching = catalogue->matchingIds(query);
            facetsOfMatches << millisecondsOf([&] { catalogue->facetsOf(matching); });
        }
        const Stats stats = statsOf(ours);
        QString bareFigures = QStringLiteral("-");
        if (!baseline.isEmpty()) {
            const Stats base = statsOf(baseline);
            bareFigures = QStringLiteral("%1 / %2 (p95 %3x)")
                              .arg(base.p50, 0, 'f', 1)
                              .arg(base.p95, 0, 'f', 1)
                              .arg(stats.p95 / base.p95, 0, 'f', 2);
        }
        print(QStringLiteral("%1 %2 %3 %4 %5")
                  .arg(queryClass.name, -34)
                  .arg(stats.p50, 8, 'f', 1)
                  .arg(stats.p95, 8, 'f', 1)
                  .arg(stats.max, 8, 'f', 1)
                  .arg(bareFigures));
    }
    printStats(QStringLiteral("facet counts, each query above"), statsOf(facetTimes));
    // What the window does: counts the matches its search already fetched.
    printStats(QStringLiteral("... of the matches already found"), statsOf(facetsOfMatches));
}

int server(const QString& path, const QString& address)
{
    QTemporaryDir scratch;
    const QString copied = address + QStringLiteral("_copy");
    const double toServer = millisecondsOf([&] { Catalogue::copy(path, copied); });
    print(QStringLiteral("copy of %1 to the server: %2 ms").arg(path).arg(toServer, 0, 'f', 0));

    serverSearch(copied);

    const QString back = QDir(scratch.path()).filePath(QStringLiteral("back.sqlite"));
    const double fromServer = millisecondsOf([&] { Catalogue::copy(copied, back); });
    print(QStringLiteral("copy from the server to a file: %1 ms").arg(fromServer, 0, 'f', 0));

    const QString csv = QDir(scratch.path()).filePath(QStringLiteral("all.csv"));
    writeFileAtomically(csv, [&](QIODevice& out) { CsvPublisher(*Catalogue::open(path)).write(QString(), out); });
    auto empty = Catalogue::create(address + QStringLiteral("_import"), true);
    ImportPlan plan;
    const double planning =
        millisecondsOf([&] { plan = empty->planImport(csv, ImportOptions{.createEditions = true}); });
    const double applying = millisecondsOf([&] { empty->curation().applyImport(plan); });
    print(QStringLiteral("CSV import of %1 rows into an empty team catalogue: %2 ms to read and validate, %3 ms to "
                         "write and index, %4 ms in all")
              .arg(plan.rows.size())
              .arg(planning, 0, 'f', 0)
              .arg(applying, 0, 'f', 0)
              .arg(planning + applying, 0, 'f', 0));
    return 0;
}

} // namespace

// An .xlsx of `count` generated submissions, written as Excel would, then read and imported.
int workbook(int count)
{
    QTemporaryDir scratch;
    const QString file = QDir(scratch.path()).filePath(QStringLiteral("submissions.xlsx"));
    const ImportPlan generated = bench::generateCatalogue(count);
    double writing = millisecondsOf([&] {
        lxw_workbook* book = workbook_new(file.toUtf8().constData());
        lxw_worksheet* sheet = workbook_add_worksheet(book, "Submissions");
        const QStringList columns = ExhibitCsv::columns();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            worksheet_write_string(sheet, 0, lxw_col_t(c), columns.at(c).toUtf8().constData(), nullptr);
        }
        for (qsizetype r = 0; r < generated.rows.size(); ++r) {
            const QStringList record = ExhibitCsv::toRecord(generated.rows.at(r).exhibit);
            for (qsizetype c = 0; c < record.size(); ++c) {
                worksheet_write_string(sheet, lxw_row_t(r + 1), lxw_col_t(c), record.at(c).toUtf8().constData(),
                                       nullptr);
            }
        }
        workbook_close(book);
    });
    auto catalogue = Catalogue::create(QDir(scratch.path()).filePath(QStringLiteral("into.sqlite")), true);
    ImportPlan plan;
    const double planning = millisecondsOf([&] { plan = catalogue->planImport(file, ImportOptions{false, true}); });
    const double applying = millisecondsOf([&] { catalogue->curation().applyImport(plan); });
    print(QStringLiteral("workbook of %1 rows (%2 MB, written in %3 ms): read and validate %4 ms, write %5 ms, in all "
                         "%6 ms; %7 problems")
              .arg(count)
              .arg(double(QFileInfo(file).size()) / 1e6, 0, 'f', 1)
              .arg(writing, 0, 'f', 0)
              .arg(planning, 0, 'f', 0)
              .arg(applying, 0, 'f', 0)
              .arg(planning + applying, 0, 'f', 0)
              .arg(plan.problems().size()));
    return 0;
}

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication application(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    try {
        if ((arguments.size() == 4 || (arguments.size() == 5 && arguments.at(4) == QLatin1String("--varied"))) &&
            arguments.at(1) == QLatin1String("generate")) {
            return generate(arguments.at(2).toInt(), arguments.at(3), arguments.size() == 5);
        }
        if (arguments.size() == 3 && arguments.at(1) == QLatin1String("search")) {
            return search(arguments.at(2));
        }
        if (arguments.size() == 4 && arguments.at(1) == QLatin1String("booklet")) {
            return booklet(arguments.at(2), arguments.at(3).toInt());
        }
        if (arguments.size() == 4 && arguments.at(1) == QLatin1String("web")) {
            return web(arguments.at(2), arguments.at(3).toInt());
        }
        if (arguments.size() == 4 && arguments.at(1) == QLatin1String("privacy")) {
            return privacy(arguments.at(2), arguments.at(3).toInt());
        }
        if (arguments.size() == 3 && arguments.at(1) == QLatin1String("io")) {
            return io(arguments.at(2));
        }
        if (arguments.size() == 4 && arguments.at(1) == QLatin1String("server")) {
            return server(arguments.at(2), arguments.at(3));
        }
        if (arguments.size() == 3 && arguments.at(1) == QLatin1String("workbook")) {
            return workbook(arguments.at(2).toInt());
        }
    } catch (const Error& error) {
        print(error.message());
        return 1;
    }
    print(QStringLiteral("usage: spotlight-bench generate N FILE [--varied] | search FILE | io FILE | booklet FILE N | "
                         "web FILE N | privacy FILE N | "
                         "workbook N | server FILE ADDRESS"));
    return 2;
}
