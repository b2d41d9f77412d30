#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "PrivacyCommands.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"
#include "io/SubmissionTemplate.h"
#include "publishing/BookletPublisher.h"
#include "publishing/CsvPublisher.h"
#include "publishing/JsonPublisher.h"
#include "publishing/TemplatePublisher.h"
#include "publishing/WebShowcase.h"

#include <QFile>
#include <QFileInfo>

#include <limits>

namespace spotlight::cli {

int runInit(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {}, {QStringLiteral("empty")});
    arguments.requireCount(0, 0, QStringLiteral("[--db PATH] init [--empty]"));
    const QString path = context.targetPath();
    if (QFileInfo(path).size() > 0) {
        throw Error(QStringLiteral("%1 already exists; init never overwrites a file. Choose another path with --db.")
                        .arg(path));
    }
    const auto catalogue = Catalogue::create(path, arguments.has(QStringLiteral("empty")));
    const CatalogueSummary summary = catalogue->summary();
    Context::out(QStringLiteral("Created %1 with %2 authorities and %3 exhibits.")
                     .arg(path)
                     .arg(summary.authorities)
                     .arg(summary.exhibits));
    return 0;
}

namespace {

// One row of an import as the dry run reports it: what will happen, how names were read, and the
// exhibits it may repeat.
void printRow(const ImportRow& row)
{
    static const QHash<ImportDecision, QString> verbs{{ImportDecision::Create, QStringLiteral("add")},
                                                      {ImportDecision::Update, QStringLiteral("update")},
                                                      {ImportDecision::Resubmit, QStringLiteral("add")},
                                                      {ImportDecision::Skip, QStringLiteral("skip")}};
    const QString resubmits = row.decision == ImportDecision::Resubmit
                                  ? QStringLiteral(" as a resubmission of \"%1\"").arg(row.exhibit.resubmissionOf)
                                  : QString();
    Context::out(QStringLiteral("%1: %2 \"%3\" (%4)%5%6")
                     .arg(row.place.toString())
                     .arg(verbs.value(row.decision), row.exhibit.title, row.exhibit.ref, resubmits,
                          row.problems.isEmpty() ? QString() : QStringLiteral(", which has problems")));
    for (const QString& note : row.resolved) {
        Context::out(QStringLiteral("  read %1").arg(note));
    }
    for (const PossibleDuplicate& duplicate : row.duplicates) {
        const QString where = duplicate.inCatalogue() ? QStringLiteral("\"%1\" in the catalogue").arg(duplicate.ref)
                                                      : duplicate.earlierRow->inWords(row.place.file);
        // The edition matters only when it is another than the row's.
        const QString edition = duplicate.otherEdition && !duplicate.when().isEmpty()
                                    ? QStringLiteral(" (%1)").arg(duplicate.when())
                                    : QString();
        Context::out(QStringLiteral("  possible duplicate of %1%2%3: %4")
                         .arg(where,
                              duplicate.title.isEmpty() ? QString() : QStringLiteral(", \"%1\"").arg(duplicate.title),
                              edition, duplicate.reason));
        // The command line takes no decisions row by row: say where one is taken.
        if (duplicate.otherEdition && row.decision == ImportDecision::Create) {
            Context::out(QStringLiteral("  if it is \"%1\" submitted again, add it as a resubmission of that one in "
                                        "the window's import wizard, or give the row that ref")
                             .arg(duplicate.ref));
        }
    }
}

// The row a --skip entry names: "ROW" when one file is imported, "FILE:ROW" (the file as given, or
// its name) when several are; "Sheet!ROW" may stand for ROW.
qsizetype rowToSkip(const ImportPlan& plan, const QString& entry)
{
    const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
    const QString file = colon < 0 ? QString() : entry.left(colon);
    QString row = entry.mid(colon + 1);
    row = row.mid(row.lastIndexOf(QLatin1Char('!')) + 1);
    if (file.isEmpty() && plan.files.size() > 1) {
        throw UsageError(QStringLiteral("--skip %1: with several files, name the file too, as FILE:ROW").arg(entry));
    }
    for (qsizetype i = 0; i < plan.rows.size(); ++i) {
        const SourcePlace& place = plan.rows.at(i).place;
        const bool inFile = file.isEmpty() || place.file == file || QFileInfo(place.file).fileName() == file;
        if (inFile && QString::number(place.line) == row) {
            return i;
        }
    }
    throw UsageError(QStringLiteral("--skip %1: no exhibit starts on that row").arg(entry));
}

} // namespace

int runImport(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral(
        "import FILE... [--dry-run] [--update] [--create-editions] [--skip ROW,ROW... | --skip FILE:ROW,...]");
    const Arguments arguments(words, {QStringLiteral("skip")},
                              {QStringLiteral("dry-run"), QStringLiteral("update"), QStringLiteral("create-editions")});
    arguments.requireCount(1, std::numeric_limits<int>::max(), usage);
    Catalogue& catalogue = context.catalogue();
    ImportPlan plan =
        catalogue.planImport(arguments.positional(), ImportOptions{arguments.has(QStringLiteral("update")),
                                                                   arguments.has(QStringLiteral("create-editions"))});
    for (const QString& entry : arguments.value(QStringLiteral("skip")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        plan.decide(rowToSkip(plan, entry.trimmed()), ImportDecision::Skip);
    }
    const bool dryRun = arguments.has(QStringLiteral("dry-run"));
    for (const ImportProblem& encoding : plan.encodings) {
        Context::err(QStringLiteral("%1: read as %2.").arg(encoding.place.file, encoding.message));
    }
    for (const ImportRow& row : plan.rows) {
        if (dryRun || !row.duplicates.isEmpty()) {
            printRow(row);
        }
    }
    int problems = 0;
    for (const ImportProblem& problem : plan.fileProblems) {
        Context::err(problem.toString());
        ++problems;
    }
    for (const ImportRow& row : plan.rows) {
        for (const QString& problem : row.problems) {
            if (row.decision != ImportDecision::Skip) {
                Context::err(ImportProblem{row.place, problem}.toString());
                ++problems;
            }
        }
    }
    if (!plan.isValid()) {
        Context::err(QStringLiteral("%1 problem(s) found, so nothing was imported; fix them, or leave out the rows "
                                    "with --skip.")
                         .arg(problems));
        return 1;
    }
    for (const Edition& edition : plan.editionsToCreate()) {
        Context::out(QStringLiteral("New edition: %1").arg(edition.name));
    }
    for (const Category& category : plan.categoriesToCreate()) {
        Context::out(QStringLiteral("New category: %1 (%2)").arg(category.name, category.edition));
    }
    if (dryRun) {
        Context::out(QStringLiteral("Dry run: %1 would add %2 exhibit(s), update %3 and skip %4; nothing was written.")
                         .arg(plan.filesInWords())
                         .arg(plan.creates())
                         .arg(plan.updates())
                         .arg(plan.skips()));
        return 0;
    }
    catalogue.curation().applyImport(plan);
    Context::out(QStringLiteral("Imported %1: %2 exhibit(s) added, %3 updated, %4 skipped.")
                     .arg(plan.filesInWords())
                     .arg(plan.creates())
                     .arg(plan.updates())
                     .arg(plan.skips()));
    return 0;
}

int runExport(Context& context, const QStringList& words)
{
    const Arguments arguments(words,
                              {QStringLiteral("format"), QStringLiteral("query"), QStringLiteral("o"),
                               QStringLiteral("output"), QStringLiteral("group-by"), QStringLiteral("title"),
                               QStringLiteral("subtitle"), QStringLiteral("page-size"), QStringLiteral("intro")},
                              {QStringLiteral("pdfa"), QStringLiteral("compact"), QStringLiteral("allow-unreviewed")});
    arguments.requireCount(0, 0, QStringLiteral("export --format csv|json|pdf [--query Q] -o FILE"));
    if (!arguments.has(QStringLiteral("format"))) {
        throw UsageError(QStringLiteral("export needs --format csv, json or pdf"));
    }
    const QString format = arguments.choice(QStringLiteral("format"),
                                            {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("pdf")}, {});
    const QString output = arguments.value(QStringLiteral("o"), arguments.value(QStringLiteral("output")));
    if (output.isEmpty()) {
        throw UsageError(QStringLiteral("export needs an output file: -o FILE"));
    }
    const QString query = arguments.value(QStringLiteral("query"));
    Catalogue& catalogue = context.catalogue();
    requirePrivacyReviewed(catalogue, query, arguments.has(QStringLiteral("allow-unreviewed")));
    if (format == QLatin1String("pdf")) {
        BookletOptions options;
        const QString grouping =
            arguments.choice(QStringLiteral("group-by"),
                             {QStringLiteral("authority"), QStringLiteral("category"), QStringLiteral("none")},
                             QStringLiteral("authority"));
        options.grouping = grouping == QLatin1String("category") ? BookletOptions::Grouping::Category
                           : grouping == QLatin1String("none")   ? BookletOptions::Grouping::None
                                                                 : BookletOptions::Grouping::Authority;
        options.title = arguments.value(QStringLiteral("title"), options.title);
        options.subtitle = arguments.value(QStringLiteral("subtitle"));
        options.introduction = arguments.value(QStringLiteral("intro"));
        options.pageSize =
            arguments.choice(QStringLiteral("page-size"), {QStringLiteral("a4"), QStringLiteral("letter")},
                             QStringLiteral("a4")) == QLatin1String("letter")
                ? QPageSize::Letter
                : QPageSize::A4;
        options.pdfA = arguments.has(QStringLiteral("pdfa"));
        options.compact = arguments.has(QStringLiteral("compact"));
        const BookletResult booklet = BookletPublisher(catalogue).write(query, options, output);
        Context::out(QStringLiteral("Wrote %1 (%2 pages)").arg(output).arg(booklet.pages));
        return 0;
    }
    if (format == QLatin1String("csv")) {
        writeFileAtomically(output, [&](QIODevice& file) { CsvPublisher(catalogue).write(query, file); });
    } else {
        writeFileAtomically(output, JsonPublisher(catalogue).write(query));
    }
    Context::out(QStringLiteral("Wrote %1").arg(output));
    return 0;
}

int runPublish(Context& context, const QStringList& words)
{
    const Arguments arguments(words,
                              {QStringLiteral("query"), QStringLiteral("o"), QStringLiteral("output"),
                               QStringLiteral("title"), QStringLiteral("intro"), QStringLiteral("contact"),
                               QStringLiteral("address")},
                              {QStringLiteral("include-unrecognised"), QStringLiteral("no-booklet")});
    const QString usage = QStringLiteral("publish [--query Q] [--title T] [--intro FILE.md] --contact EMAIL -o DIR");
    arguments.requireCount(0, 0, usage);
    const QString output = arguments.value(QStringLiteral("o"), arguments.value(QStringLiteral("output")));
    if (output.isEmpty()) {
        throw UsageError(QStringLiteral("publish needs a folder to write the showcase to: %1").arg(usage));
    }
    WebShowcaseOptions options;
    options.title = arguments.value(QStringLiteral("title"), options.title);
    options.contactEmail = arguments.value(QStringLiteral("contact"));
    options.address = arguments.value(QStringLiteral("address"));
    options.includeUnrecognised = arguments.has(QStringLiteral("include-unrecognised"));
    options.booklet = !arguments.has(QStringLiteral("no-booklet"));
    if (const QString intro = arguments.value(QStringLiteral("intro")); !intro.isEmpty()) {
        QFile file(intro);
        if (!file.open(QIODevice::ReadOnly)) {
            throw Error(QStringLiteral("Could not read the introduction %1: %2").arg(intro, file.errorString()));
        }
        options.introduction = QString::fromUtf8(file.readAll());
    }
    const WebShowcaseResult result =
        WebShowcasePublisher(context.catalogue()).publish(arguments.value(QStringLiteral("query")), options, output);
    Context::out(
        QStringLiteral("Published %1 exhibits to %2 (%3 pages%4); open %2/index.html")
            .arg(result.exhibits)
            .arg(output)
            .arg(result.pages)
            .arg(result.booklet ? QStringLiteral(", the CSV and the booklet") : QStringLiteral(" and the CSV")));
    return 0;
}

int runTemplate(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {QStringLiteral("o"), QStringLiteral("output")}, {});
    arguments.requireCount(0, 0, QStringLiteral("template -o FILE.xlsx|FILE.csv"));
    const QString output = arguments.value(QStringLiteral("o"), arguments.value(QStringLiteral("output")));
    if (output.isEmpty()) {
        throw UsageError(QStringLiteral("template needs an output file: -o FILE.xlsx (a workbook) or -o FILE.csv"));
    }
    TemplatePublisher(context.catalogue()).write(output);
    if (output.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        Context::out(QStringLiteral("Wrote the submission template %1").arg(output));
    } else {
        Context::out(QStringLiteral("Wrote the submission template %1 and its guide %2")
                         .arg(output, SubmissionTemplate::guidePathFor(output)));
    }
    return 0;
}

int runCheck(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {QStringLiteral("query"), QStringLiteral("format")},
                              {QStringLiteral("privacy"), QStringLiteral("all")});
    arguments.requireCount(0, 0, QStringLiteral("check [--privacy [--query Q] [--all] [--format text|json]]"));
    if (arguments.has(QStringLiteral("privacy"))) {
        return runPrivacyCheck(context, arguments);
    }
    QStringList problems;
    try {
        problems = context.catalogue().check();
    } catch (const Error& error) {
        if (error.kind() != Error::Kind::Damaged) {
            throw;
        }
        // The usual advice, to run check, is no help to someone running it.
        Context::err(QStringLiteral("%1 is too damaged to be checked: SQLite cannot read it. Spotlight has not "
                                    "changed it; restore it from a backup.")
                         .arg(context.targetPath()));
        return 1;
    }
    if (problems.isEmpty()) {
        Context::out(QStringLiteral("%1: ok").arg(context.catalogue().path()));
        return 0;
    }
    for (const QString& problem : problems) {
        Context::err(QStringLiteral("%1: %2").arg(context.catalogue().path(), problem));
    }
    return 1;
}

int runBackup(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {}, {});
    arguments.requireCount(1, 1, QStringLiteral("backup FILE"));
    const QString target = arguments.positional().first();
    if (QFileInfo::exists(target)) {
        throw Error(QStringLiteral("%1 already exists; backup never overwrites a file.").arg(target));
    }
    context.catalogue().backup(target);
    Context::out(QStringLiteral("Backed up %1 to %2").arg(context.catalogue().path(), target));
    return 0;
}

} // namespace spotlight::cli
