#include "Importer.h"

#include "Error.h"
#include "domain/ExhibitDiff.h"
#include "domain/ExhibitRules.h"
#include "domain/Suggest.h"
#include "domain/TextFold.h"
#include "domain/TitleSimilarity.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/JsonCodec.h"
#include "io/SubmissionTemplate.h"
#include "io/Xlsx.h"
#include "search/Query.h"
#include "storage/Stores.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace spotlight {
namespace {

int yearIn(const QString& editionName)
{
    static const QRegularExpression year(QStringLiteral("\\b(19|20)\\d\\d\\b"));
    QRegularExpressionMatchIterator matches = year.globalMatch(editionName);
    int result = 0;
    while (matches.hasNext()) {
        result = matches.next().captured(0).toInt();
    }
    return result;
}

// An evidence level as typed ("2") or as the template's drop-down gives it ("2 - Data showing
// positive change").
int levelIn(const QString& text, bool* ok)
{
    static const QRegularExpression level(QStringLiteral("^\\s*(\\d+)\\s*(?:[-\u2013:].*)?$"));
    const QRegularExpressionMatch match = level.match(text);
    *ok = match.hasMatch();
    return *ok ? match.captured(1).toInt() : 0;
}

QString didYouMean(const QStringList& suggestions)
{
    if (suggestions.isEmpty()) {
        return {};
    }
    return QStringLiteral("; did you mean \"%1\"?").arg(suggestions.join(QStringLiteral("\" or \"")));
}

} // namespace

QString ImportPlan::describe(int line, const QString& message) const
{
    if (!sheet.isEmpty()) {
        return QStringLiteral("%1:%2!%3: %4").arg(file, sheet).arg(line).arg(message);
    }
    return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
}

QString ImportPlan::describe(const CsvProblem& problem) const
{
    if (!problem.sheet.isEmpty()) {
        return QStringLiteral("%1:%2!%3: %4").arg(file, problem.sheet).arg(problem.line).arg(problem.message);
    }
    return describe(problem.line, problem.message);
}

QStringList ImportPlan::problems() const
{
    QList<CsvProblem> all = fileProblems;
    for (const ImportRow& row : rows) {
        for (const QString& problem : row.problems) {
            all << CsvProblem{row.line, problem};
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const CsvProblem& a, const CsvProblem& b) {
        return a.sheet != b.sheet ? a.sheet < b.sheet : a.line < b.line;
    });
    QStringList described;
    for (const CsvProblem& problem : all) {
        described << describe(problem);
    }
    return described;
}

bool ImportPlan::isValid() const
{
    return fileProblems.isEmpty() && std::none_of(rows.begin(), rows.end(), [](const ImportRow& row) {
               return row.decision != ImportDecision::Skip && !row.problems.isEmpty();
           });
}

QString ImportPlan::categoryKey(const QString& edition, const QString& category)
{
    return edition.toCaseFolded() + QLatin1Char('\n') + category.toCaseFolded();
}

QList<Edition> ImportPlan::editionsToCreate() const
{
    QSet<QString> named;
    for (const ImportRow& row : rows) {
        if (row.decision != ImportDecision::Skip) {
            named.insert(row.exhibit.edition.toCaseFolded());
        }
    }
    QList<Edition> result;
    for (const Edition& edition : newEditions) {
        const QString key = edition.name.toCaseFolded();
        if (listedEditions.contains(key) || named.contains(key)) {
            result << edition;
        }
    }
    return result;
}

QList<Category> ImportPlan::categoriesToCreate() const
{
    QSet<QString> named;
    for (const ImportRow& row : rows) {
        if (row.decision != ImportDecision::Skip) {
            for (const QString& category : row.exhibit.categories) {
                named.insert(categoryKey(row.exhibit.edition, category));
            }
        }
    }
    QList<Category> result;
    for (const Category& category : newCategories) {
        const QString key = categoryKey(category.edition, category.name);
        if (listedCategories.contains(key) || named.contains(key)) {
            result << category;
        }
    }
    return result;
}

int ImportPlan::creates() const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const ImportRow& row) { return row.decision == ImportDecision::Create; }));
}

int ImportPlan::updates() const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const ImportRow& row) { return row.decision == ImportDecision::Update; }));
}

int ImportPlan::skips() const
{
    return int(rows.size()) - creates() - updates();
}

void ImportPlan::decide(qsizetype index, ImportDecision decision, const QString& updateRef)
{
    ImportRow& row = rows[index];
    if (decision == ImportDecision::Update) {
        const bool known =
            std::any_of(row.duplicates.begin(), row.duplicates.end(),
                        [&updateRef](const PossibleDuplicate& d) { return d.line == 0 && d.ref == updateRef; });
        if (!known) {
            throw Error(
                QStringLiteral("Line %1 can only update an exhibit already in the catalogue that it may repeat.")
                    .arg(row.line));
        }
        row.exhibit.ref = updateRef;
        // The ref clash is what an update resolves.
        row.problems.removeIf(
            [](const QString& problem) { return problem.startsWith(QLatin1String("ref: an exhibit")); });
    } else if (decision == ImportDecision::Create && row.decision == ImportDecision::Update &&
               std::any_of(row.duplicates.begin(), row.duplicates.end(), [&row](const PossibleDuplicate& d) {
                   return d.line == 0 && d.ref == row.exhibit.ref && d.reason == QLatin1String("the same ref");
               })) {
        throw Error(
            QStringLiteral("Line %1 has the ref of an exhibit already in the catalogue: update it, skip the row, "
                           "or clear its ref in the file to add it as new.")
                .arg(row.line));
    }
    row.decision = decision;
}

// Resolves the names in each row to the catalogue's own spelling, and collects what a plan would
// create, so that later rows in the same file can use an edition or category an earlier row named.
class Importer::Resolver
{
public:
    Resolver(const Stores& stores, ImportPlan& plan, const ImportOptions& options)
        : m_stores(stores)
        , m_plan(plan)
        , m_options(options)
    {
        m_known = stores.editions.editions();
        for (const Edition& edition : m_known) {
            m_editions.insert(edition.name.toCaseFolded(), edition.name);
        }
        m_current = stores.editions.current();
        for (const Category& category : stores.editions.categories()) {
            m_categories.insert(ImportPlan::categoryKey(category.edition, category.name), category.name);
        }
    }

    void treatBlankEditionAsCurrent() { m_blankIsCurrent = true; }

    void addEdition(const Edition& edition)
    {
        if (!m_editions.contains(edition.name.toCaseFolded())) {
            m_editions.insert(edition.name.toCaseFolded(), edition.name);
            m_plan.newEditions.append(edition);
        }
    }

    void addCategory(const Category& category)
    {
        const QString key = ImportPlan::categoryKey(category.edition, category.name);
        if (!m_categories.contains(key)) {
            m_categories.insert(key, category.name);
            m_plan.newCategories.append(category);
        }
    }

    // `problems` holds what was already wrong with the row's cells.
    void resolve(Exhibit exhibit, int line, QStringList problems = {})
    {
        for (const ExhibitRules::Problem& problem : ExhibitRules::check(exhibit)) {
            problems << QStringLiteral("%1: %2").arg(problem.field, problem.message);
        }
        resolveAuthorities(exhibit, problems);
        resolveTags(exhibit, problems);
        ImportRow row;
        row.line = line;
        const bool update = resolveRef(exhibit, line, problems, row.duplicates);
        resolveEdition(exhibit, update, problems);
        row.decision = update ? ImportDecision::Update : ImportDecision::Create;
        row.exhibit = exhibit;
        row.problems = problems;
        row.resolved = m_resolved;
        m_resolved.clear();
        m_plan.rows.append(row);
    }

    // Adds to each row the exhibits with the same lead authority and a similar title, in the
    // catalogue or earlier in the file, other than those it already repeats by ref.
    void findSimilarTitles()
    {
        QList<SimilarTitles::Title> titles;
        QList<std::pair<QString, QString>> existing; // (ref, title), in the order of `titles`
        QSet<QString> leads;
        for (const ImportRow& row : m_plan.rows) {
            leads.insert(row.exhibit.leadAuthority);
        }
        leads.remove(QString());
        for (const QString& lead : leads) {
            for (const auto& [ref, title] : m_stores.exhibits.refsAndTitlesLedBy(lead)) {
                titles << SimilarTitles::Title{lead, title};
                existing << std::pair{ref, title};
            }
        }
        for (const ImportRow& row : m_plan.rows) {
            titles << SimilarTitles::Title{row.exhibit.leadAuthority, row.exhibit.title};
        }
        SimilarTitles similar(titles);
        for (qsizetype i = 0; i < existing.size(); ++i) {
            similar.add(i);
        }
        for (qsizetype r = 0; r < m_plan.rows.size(); ++r) {
            ImportRow& row = m_plan.rows[r];
            if (row.exhibit.leadAuthority.isEmpty()) {
                continue;
            }
            for (const SimilarTitles::Match& match : similar.matchAndAdd(existing.size() + r)) {
                const bool inCatalogue = match.index < existing.size();
                const ImportRow* earlier = inCatalogue ? nullptr : &m_plan.rows.at(match.index - existing.size());
                const QString ref = inCatalogue ? existing.at(match.index).first : earlier->exhibit.ref;
                const bool known = std::any_of(row.duplicates.begin(), row.duplicates.end(),
                                               [&ref](const PossibleDuplicate& d) { return d.ref == ref; });
                if (!known && ref != row.exhibit.ref) {
                    row.duplicates << PossibleDuplicate{
                        ref, inCatalogue ? existing.at(match.index).second : earlier->exhibit.title,
                        inCatalogue ? 0 : earlier->line,
                        QStringLiteral("a similar title (%1%) for the same lead authority")
                            .arg(qRound(match.similarity * 100))};
                }
            }
        }
    }

private:
    std::optional<QString> authorityName(const QString& typed, const char* column, QStringList& problems) const
    {
        const auto id = m_stores.authorities.resolve(typed);
        if (!id) {
            problems << QStringLiteral("%1: unknown authority \"%2\"%3")
                            .arg(QLatin1String(column), typed, didYouMean(m_stores.authorities.suggestionsFor(typed)));
            return std::nullopt;
        }
        const QString name = m_stores.authorities.byId(*id).name;
        if (foldForMatching(name) != foldForMatching(typed)) { // an alias or code, not just another case
            m_resolved << QStringLiteral("%1: \"%2\" is %3").arg(QLatin1String(column), typed, name);
        }
        return name;
    }

    void resolveAuthorities(Exhibit& exhibit, QStringList& problems) const
    {
        if (!exhibit.leadAuthority.trimmed().isEmpty()) {
            exhibit.leadAuthority =
                authorityName(exhibit.leadAuthority, "lead_authority", problems).value_or(QString());
        }
        QStringList partners;
        for (const QString& typed : exhibit.partnerAuthorities) {
            const auto name = authorityName(typed, "partner_authorities", problems);
            if (!name) {
                continue;
            }
            if (*name == exhibit.leadAuthority || partners.contains(*name)) {
                problems << QStringLiteral("partner_authorities: \"%1\" is named more than once").arg(*name);
                continue;
            }
            partners << *name;
        }
        exhibit.partnerAuthorities = partners;
    }

    // A spreadsheet's blank edition means this cycle's, for a new exhibit; a year finds the edition
    // of that year. What the catalogue lacks is created only when the curator said so.
    void resolveEdition(Exhibit& exhibit, bool update, QStringList& problems)
    {
        exhibit.edition = exhibit.edition.trimmed();
        if (exhibit.edition.isEmpty() && m_blankIsCurrent && !update && m_current) {
            exhibit.edition = m_current->name;
        }
        if (exhibit.edition.isEmpty()) {
            if (!exhibit.categories.isEmpty()) {
                problems << QStringLiteral("categories: a category belongs to an edition, so the edition is needed");
            }
            return;
        }
        if (const auto known = m_editions.constFind(exhibit.edition.toCaseFolded()); known != m_editions.constEnd()) {
            exhibit.edition = known.value();
        } else if (const QString ofYear = editionOfYear(exhibit.edition); !ofYear.isEmpty()) {
            exhibit.edition = ofYear;
        } else if (m_options.createEditions) {
            Edition named;
            named.name = exhibit.edition;
            named.year = yearIn(exhibit.edition);
            addEdition(named);
        } else {
            problems << QStringLiteral("edition: there is no edition \"%1\"%2; to create it, confirm new editions "
                                       "and categories (in the import wizard, or with --create-editions)")
                            .arg(exhibit.edition, didYouMean(closestMatches(exhibit.edition, m_editions.values())));
            return;
        }
        QStringList categories;
        for (const QString& name : exhibit.categories) {
            if (name.trimmed().isEmpty()) {
                problems << QStringLiteral("categories: a category needs a name");
                continue;
            }
            const QString key = ImportPlan::categoryKey(exhibit.edition, name);
            if (const auto known = m_categories.constFind(key); known != m_categories.constEnd()) {
                categories << known.value();
            } else if (m_options.createEditions) {
                addCategory(Category{exhibit.edition, name, {}, {}});
                categories << name;
            } else {
                problems << QStringLiteral("categories: %1 has no category \"%2\"%3; to create it, confirm new "
                                           "editions and categories (in the import wizard, or with --create-editions)")
                                .arg(exhibit.edition, name,
                                     didYouMean(closestMatches(name, categoriesOf(exhibit.edition))));
            }
        }
        categories.removeDuplicates();
        exhibit.categories = categories;
    }

    // The one existing edition of the year a cell such as "2025" names.
    QString editionOfYear(const QString& typed) const
    {
        bool isYear = false;
        const int year = typed.toInt(&isYear);
        if (!isYear) {
            return {};
        }
        QStringList found;
        for (const Edition& edition : m_known) {
            if (edition.year == year) {
                found << edition.name;
            }
        }
        return found.size() == 1 ? found.first() : QString();
    }

    QStringList categoriesOf(const QString& edition) const
    {
        QStringList names;
        const QString prefix = ImportPlan::categoryKey(edition, QString());
        for (auto it = m_categories.constBegin(); it != m_categories.constEnd(); ++it) {
            if (it.key().startsWith(prefix)) {
                names << it.value();
            }
        }
        return names;
    }

    static void resolveTags(Exhibit& exhibit, QStringList& problems)
    {
        QStringList tags;
        for (const QString& typed : exhibit.tags) {
            const QString tag = normaliseTagName(typed);
            if (tag.isEmpty()) {
                problems << QStringLiteral("tags: \"%1\" is not a usable tag name").arg(typed);
            } else {
                tags << tag;
            }
        }
        tags.removeDuplicates();
        tags.sort();
        exhibit.tags = tags;
    }

    // Returns whether the row updates an existing exhibit.
    bool resolveRef(Exhibit& exhibit, int line, QStringList& problems, QList<PossibleDuplicate>& duplicates)
    {
        exhibit.ref = exhibit.ref.trimmed();
        if (exhibit.ref == SubmissionTemplate::ExampleRef) {
            problems << QStringLiteral(
                "this is the template's example row; replace it with your submission or delete it");
        }
        if (exhibit.ref.isEmpty()) {
            exhibit.ref = m_stores.exhibits.uniqueRefFor(
                exhibit.title, [this](const QString& ref) { return m_refLines.contains(ref); });
        }
        if (const auto earlier = m_refLines.constFind(exhibit.ref); earlier != m_refLines.constEnd()) {
            problems << QStringLiteral("ref: \"%1\" is also used on line %2; each ref must be unique")
                            .arg(exhibit.ref)
                            .arg(earlier.value());
            duplicates << PossibleDuplicate{exhibit.ref, {}, earlier.value(), QStringLiteral("the same ref")};
            return false;
        }
        m_refLines.insert(exhibit.ref, line);
        if (!m_stores.exhibits.idOf(exhibit.ref)) {
            return false;
        }
        duplicates << PossibleDuplicate{exhibit.ref, m_stores.exhibits.titleOf(exhibit.ref), 0,
                                        QStringLiteral("the same ref")};
        if (!m_options.update) {
            problems << QStringLiteral("ref: an exhibit \"%1\" already exists; use --update to update it, or "
                                       "clear the ref to add a new exhibit")
                            .arg(exhibit.ref);
        }
        return true;
    }

    const Stores& m_stores;
    ImportPlan& m_plan;
    const ImportOptions& m_options;
    QList<Edition> m_known; // the catalogue's
    std::optional<Edition> m_current;
    bool m_blankIsCurrent = false;        // a spreadsheet's blank edition cell means this cycle's
    QHash<QString, QString> m_editions;   // folded name -> name
    QHash<QString, QString> m_categories; // folded edition + name -> name
    QHash<QString, int> m_refLines;
    mutable QStringList m_resolved; // the current row's notes on names read through an alias or code
};

Importer::Importer(const Stores& stores)
    : m_stores(stores)
{}

ImportPlan Importer::plan(const QString& path, const ImportOptions& options) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    // .txt and .tsv: what Excel's "Unicode text" and other tab-separated saves are called.
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv")) {
        return planCsv(bytes, path, options);
    }
    if (suffix == QLatin1String("json")) {
        return planJson(bytes, path, options);
    }
    if (suffix == QLatin1String("xlsx")) {
        return planXlsx(bytes, path, options);
    }
    throw Error(QStringLiteral("Cannot import %1: the file must end in .xlsx, .csv, .txt, .tsv or .json.").arg(path));
}

ImportPlan Importer::planCsv(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    ImportPlan plan;
    plan.file = fileName;
    const CsvDocument csv = Csv::parse(bytes);
    plan.fileProblems = csv.problems;
    plan.encoding = csv.encoding;
    planRecords(plan, csv.records, options);
    return plan;
}

ImportPlan Importer::planXlsx(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    ImportPlan plan;
    plan.file = fileName;
    QList<XlsxSheet> sheets;
    try {
        sheets = Xlsx::read(bytes);
    } catch (const Error& error) {
        plan.fileProblems << CsvProblem{1, error.message()};
        return plan;
    }
    // The submission template's sheet, or else the workbook's first.
    const auto named = [](const QString& name) {
        return [name](const XlsxSheet& sheet) { return sheet.name.compare(name, Qt::CaseInsensitive) == 0; };
    };
    const auto submissions = std::find_if(sheets.cbegin(), sheets.cend(), named(QStringLiteral("Submissions")));
    if (sheets.isEmpty()) {
        plan.fileProblems << CsvProblem{1, QStringLiteral("the workbook has no worksheet")};
        return plan;
    }
    const XlsxSheet& sheet = submissions != sheets.cend() ? *submissions : sheets.first();
    plan.sheet = sheet.name;
    QList<CsvRecord> records;
    for (const XlsxRow& row : sheet.rows) {
        records << CsvRecord{row.number, row.cells};
    }
    // A spreadsheet leaves out the empty cells at the end of a row.
    const qsizetype width = records.isEmpty() ? 0 : records.first().fields.size();
    for (CsvRecord& record : records) {
        while (record.fields.size() < width) {
            record.fields << QString();
        }
    }
    planRecords(plan, records, options);
    const auto evidence = std::find_if(sheets.cbegin(), sheets.cend(), named(QStringLiteral("Evidence")));
    if (evidence != sheets.cend() && evidence->name != plan.sheet) {
        planEvidence(plan, *evidence);
    }
    return plan;
}

// The Evidence sheet: one piece of evidence per row, given to the new exhibit its ref names.
void Importer::planEvidence(ImportPlan& plan, const XlsxSheet& sheet) const
{
    const auto problem = [&plan, &sheet](int row, const QString& message) {
        plan.fileProblems << CsvProblem{row, message, sheet.name};
    };
    if (sheet.rows.isEmpty()) {
        return;
    }
    QHash<QString, qsizetype> columnOf;
    const XlsxRow& header = sheet.rows.first();
    for (qsizetype i = 0; i < header.cells.size(); ++i) {
        const QString name = header.cells.at(i).trimmed().toLower();
        if (SubmissionTemplate::evidenceColumns().contains(name)) {
            columnOf.insert(name, i);
        } else if (!name.isEmpty()) {
            problem(header.number, QStringLiteral("unknown column \"%1\"%2")
                                       .arg(header.cells.at(i),
                                            didYouMean(closestMatches(name, SubmissionTemplate::evidenceColumns()))));
        }
    }
    for (const char* required : {"ref", "title"}) {
        if (!columnOf.contains(QLatin1String(required))) {
            problem(header.number,
                    QStringLiteral("the required column \"%1\" is missing").arg(QLatin1String(required)));
            return;
        }
    }
    for (qsizetype r = 1; r < sheet.rows.size(); ++r) {
        const XlsxRow& row = sheet.rows.at(r);
        auto cell = [&](const char* column) {
            const qsizetype index = columnOf.value(QLatin1String(column), -1);
            return index >= 0 && index < row.cells.size() ? row.cells.at(index).trimmed() : QString();
        };
        const QString ref = cell("ref");
        const auto exhibit = std::find_if(plan.rows.begin(), plan.rows.end(), [&ref](const ImportRow& candidate) {
            return candidate.exhibit.ref.compare(ref, Qt::CaseInsensitive) == 0;
        });
        if (ref.isEmpty() || exhibit == plan.rows.end()) {
            problem(row.number,
                    ref.isEmpty()
                        ? QStringLiteral("ref: give the ref of the project this evidence is for")
                        : QStringLiteral("ref: no project on the %1 sheet has the ref \"%2\"").arg(plan.sheet, ref));
            continue;
        }
        if (exhibit->update()) {
            problem(row.number, QStringLiteral("ref: \"%1\" updates an exhibit already in the catalogue; add its "
                                               "evidence there, in the window")
                                    .arg(ref));
            continue;
        }
        Evidence item;
        item.title = cell("title");
        item.summary = cell("summary");
        item.sourceUrl = cell("link");
        const QString kind = cell("kind");
        if (const auto known = evidenceKindFromText(kind.isEmpty() ? QStringLiteral("case-study") : kind)) {
            item.kind = *known;
        } else {
            problem(row.number, QStringLiteral("kind: unknown kind of evidence \"%1\"%2")
                                    .arg(kind, didYouMean(closestMatches(kind, allEvidenceKindKeys()))));
        }
        bool isNumber = true;
        item.level = cell("level").isEmpty() ? 0 : levelIn(cell("level"), &isNumber);
        if (!isNumber || item.level < MinEvidenceLevel || item.level > MaxEvidenceLevel) {
            problem(row.number, QStringLiteral("level: \"%1\" is not a whole number from 0 to 5").arg(cell("level")));
        }
        const QString date = cell("date");
        item.date = QDate::fromString(date, Qt::ISODate);
        if (!date.isEmpty() && !item.date.isValid()) {
            item.date = QDate::fromString(date, QStringLiteral("dd/MM/yyyy"));
        }
        if (!date.isEmpty() && !item.date.isValid()) {
            problem(row.number, QStringLiteral("date: \"%1\" is not a date; give one such as 2026-03-14").arg(date));
        }
        Exhibit withEvidence = exhibit->exhibit;
        withEvidence.evidence = {item};
        for (const ExhibitRules::Problem& found : ExhibitRules::check(withEvidence)) {
            if (found.field == QLatin1String("evidence")) {
                problem(row.number, found.message);
            }
        }
        exhibit->exhibit.evidence << item;
    }
}

void Importer::planRecords(ImportPlan& plan, const QList<CsvRecord>& records, const ImportOptions& options) const
{
    if (records.isEmpty()) {
        plan.fileProblems << CsvProblem{1, QStringLiteral("the file is empty; it needs the header line %1")
                                               .arg(ExhibitCsv::columns().join(QLatin1Char(',')))};
        return;
    }

    const CsvRecord& header = records.first();
    QHash<QString, qsizetype> columnOf;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (!ExhibitCsv::columns().contains(name)) {
            plan.fileProblems << CsvProblem{
                header.line, QStringLiteral("unknown column \"%1\"%2")
                                 .arg(header.fields.at(i), didYouMean(closestMatches(name, ExhibitCsv::columns())))};
        } else if (columnOf.contains(name)) {
            plan.fileProblems << CsvProblem{header.line, QStringLiteral("the column \"%1\" appears twice").arg(name)};
        } else {
            columnOf.insert(name, i);
        }
    }
    for (const char* required : {"title", "lead_authority"}) {
        if (!columnOf.contains(QLatin1String(required))) {
            plan.fileProblems << CsvProblem{
                header.line, QStringLiteral("the required column \"%1\" is missing").arg(QLatin1String(required))};
        }
    }
    if (!plan.fileProblems.isEmpty()) {
        return;
    }
    plan.columns = columnOf.keys();

    Resolver resolver(m_stores, plan, options);
    resolver.treatBlankEditionAsCurrent();
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records.at(r);
        if (record.fields.size() != header.fields.size()) {
            plan.fileProblems << CsvProblem{
                record.line, plan.sheet.isEmpty()
                                 ? QStringLiteral("this row has %1 fields but the header has %2; check for a missing "
                                                  "or extra comma, or a comma that needs quotes")
                                       .arg(record.fields.size())
                                       .arg(header.fields.size())
                                 : QStringLiteral("this row has a value in column %1, which has no heading")
                                       .arg(Xlsx::columnName(int(record.fields.size()) - 1))};
            continue;
        }
        auto cell = [&](const char* column) {
            const auto index = columnOf.constFind(QLatin1String(column));
            return index == columnOf.constEnd() ? QString() : ExhibitCsv::restore(record.fields.at(*index)).trimmed();
        };
        Exhibit exhibit;
        exhibit.ref = cell("ref");
        exhibit.title = cell("title");
        exhibit.leadAuthority = cell("lead_authority");
        exhibit.partnerAuthorities = ExhibitCsv::splitList(cell("partner_authorities"));
        exhibit.edition = cell("edition");
        exhibit.categories = ExhibitCsv::splitList(cell("categories"));
        exhibit.tags = ExhibitCsv::splitList(cell("tags"));
        exhibit.summary = cell("summary");
        exhibit.description = cell("description");
        exhibit.contact = Contact{cell("contact_name"), cell("contact_role"), cell("contact_email")};

        QStringList cellProblems;
        const QString status = cell("status");
        if (const auto known = statusFromText(status.isEmpty() ? QStringLiteral("submitted") : status)) {
            exhibit.status = *known;
        } else {
            cellProblems << QStringLiteral("status: unknown status \"%1\"; use one of %2")
                                .arg(status, allStatusKeys().join(QStringLiteral(", ")));
        }
        const QString level = cell("evidence_level");
        bool isNumber = true;
        exhibit.declaredLevel = level.isEmpty() ? 0 : levelIn(level, &isNumber);
        if (!isNumber) {
            cellProblems << QStringLiteral("evidence_level: \"%1\" is not a whole number from 0 to 5").arg(level);
            exhibit.declaredLevel = 0;
        }
        resolver.resolve(exhibit, record.line, cellProblems);
    }
    resolver.findSimilarTitles();
}

ImportPlan Importer::planJson(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    ImportPlan plan;
    plan.file = fileName;
    QList<JsonProblem> problems;
    const CatalogueDocument document = JsonCodec::read(bytes, problems);
    QSet<int> badLines;
    for (const JsonProblem& problem : problems) {
        plan.fileProblems << CsvProblem{problem.line, problem.message};
        badLines.insert(problem.line);
    }
    Resolver resolver(m_stores, plan, options);
    for (const Edition& edition : document.editions) {
        resolver.addEdition(edition);
        plan.listedEditions.insert(edition.name.toCaseFolded());
    }
    for (const Category& category : document.categories) {
        resolver.addCategory(category);
        plan.listedCategories.insert(ImportPlan::categoryKey(category.edition, category.name));
    }
    for (qsizetype i = 0; i < document.savedSearches.size(); ++i) {
        try {
            QueryParser::parse(document.savedSearches.at(i).query);
        } catch (const QueryError& error) {
            plan.fileProblems << CsvProblem{
                document.savedSearchLines.at(i),
                QStringLiteral("saved_searches: \"%1\": %2").arg(document.savedSearches.at(i).name, error.message())};
        }
    }
    for (qsizetype i = 0; i < document.exhibits.size(); ++i) {
        const int line = document.exhibitLines.at(i);
        if (!badLines.contains(line)) {
            resolver.resolve(document.exhibits.at(i), line);
        }
    }
    resolver.findSimilarTitles();
    plan.tagColours = document.tags;
    plan.savedSearches = document.savedSearches;
    return plan;
}

void Importer::apply(Stores& stores, const ImportPlan& plan)
{
    if (!plan.isValid()) {
        throw Error(QStringLiteral("%1 has problems, so nothing was imported.").arg(plan.file));
    }
    for (const Edition& edition : plan.editionsToCreate()) {
        stores.editions.insert(edition);
    }
    for (const Category& category : plan.categoriesToCreate()) {
        stores.editions.insert(category);
    }
    // Search indexing waits for the end: one statement indexes every new row (see Schema).
    ExhibitStore::DeferredIndexing deferred(stores.exhibits);
    for (const ImportRow& row : plan.rows) {
        if (row.decision == ImportDecision::Skip) {
            continue;
        }
        // The plan was made outside this transaction: another window or process may have added or
        // deleted the same exhibit since.
        const std::optional<qint64> existingId = stores.exhibits.idOf(row.exhibit.ref);
        if (row.update() && !existingId) {
            throw Error(QStringLiteral("\"%1\" was deleted after %2 was read, so nothing was imported. Import the "
                                       "file again to see what it would do now.")
                            .arg(row.exhibit.ref, plan.file));
        }
        if (!row.update() && existingId) {
            throw Error(QStringLiteral("\"%1\" was added by someone else after %2 was read, so nothing was imported. "
                                       "Import the file again to see what it would do now.")
                            .arg(row.exhibit.ref, plan.file));
        }
        // Which file it came from, then (for an update) each field it changed.
        stores.changeLog.record(
            ChangeLogEntry{{},
                           {},
                           row.exhibit.ref,
                           row.update() ? QStringLiteral("import-update") : QStringLiteral("import"),
                           {},
                           {},
                           plan.file});
        if (row.update()) {
            const Exhibit existing = *stores.exhibits.byRef(row.exhibit.ref);
            const Exhibit updated =
                plan.columns.isEmpty() ? row.exhibit : ExhibitCsv::overlay(existing, row.exhibit, plan.columns);
            stores.exhibits.replace(*existingId, updated);
            for (const FieldChange& change : changedFields(existing, updated)) {
                stores.changeLog.record({{},
                                         {},
                                         row.exhibit.ref,
                                         QStringLiteral("import-update"),
                                         change.field,
                                         change.before,
                                         change.after});
            }
        } else {
            stores.exhibits.insert(row.exhibit);
        }
    }
    deferred.finish();
    for (const Tag& tag : plan.tagColours) {
        if (!normaliseTagName(tag.name).isEmpty()) {
            stores.tags.setColour(tag.name, tag.colour);
        }
    }
    for (const SavedSearch& search : plan.savedSearches) {
        stores.savedSearches.save(search);
    }
}

} // namespace spotlight
