// Making an import plan: reading CSV, .xlsx and JSON, resolving each row's names to the catalogue's
// own, and finding possible duplicates. ImportPlan.cpp is the plan itself; ImportApply.cpp applies it.
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

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <memory>
#include <vector>

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

// Resolves the names in each row to the catalogue's own spelling, and collects what a plan would
// create, so that later rows, in the same file or the next, can use an edition or category an
// earlier row named.
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

    ImportPlan& plan() { return m_plan; }
    const ImportOptions& options() const { return m_options; }

    // Counts `rows` more rows to plan, for progress; each is counted twice, being resolved and then
    // compared with the others.
    void expect(qsizetype rows) { m_total += 2 * rows; }
    // One more step done; throws when the curator cancelled.
    void step()
    {
        ++m_done;
        if (m_options.progress && m_done % 64 == 0 && !m_options.progress(m_done, std::max(m_done, m_total))) {
            throw Error(QStringLiteral("The import was cancelled; nothing was written."));
        }
    }
    // For a spreadsheet's rows; not for a JSON catalogue, whose exhibits name their editions.
    void setBlankEditionIsCurrent(bool blankIsCurrent) { m_blankIsCurrent = blankIsCurrent; }

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
    void resolve(Exhibit exhibit, const SourcePlace& place, const QMap<QString, QString>& cells,
                 QStringList problems = {})
    {
        step();
        for (const ExhibitRules::Problem& problem : ExhibitRules::check(exhibit)) {
            problems << QStringLiteral("%1: %2").arg(problem.field, problem.message);
        }
        resolveAuthorities(exhibit, problems);
        resolveTags(exhibit, problems);
        ImportRow row;
        row.place = place;
        row.cells = cells;
        row.decision = resolveRef(exhibit, place, problems, row.duplicates);
        const bool update = row.decision == ImportDecision::Update;
        resolveEdition(exhibit, update, problems);
        row.exhibit = exhibit;
        row.problems = problems;
        row.resolved = m_resolved;
        row.suggestions = m_suggestions;
        m_resolved.clear();
        m_suggestions.clear();
        m_plan.rows.append(row);
    }

    // Adds to each row the exhibits with the same lead authority and a similar title, in the
    // catalogue or on an earlier row, other than those it already repeats by ref.
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
            step();
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
                        inCatalogue ? std::nullopt : std::optional(earlier->place),
                        QStringLiteral("a similar title (%1%) for the same lead authority")
                            .arg(qRound(match.similarity * 100))};
                    describeEdition(row.duplicates.last(), row);
                }
            }
        }
    }

    // A link read from a JSON file names an exhibit in the catalogue or in the files read; one that
    // names neither is dropped with a note, as the exhibit is still worth importing without it.
    void checkResubmissionLinks()
    {
        for (ImportRow& row : m_plan.rows) {
            QString& earlier = row.exhibit.resubmissionOf;
            if (earlier.isEmpty() || row.decision == ImportDecision::Resubmit) {
                continue;
            }
            if (earlier == row.exhibit.ref) {
                row.resolved << QStringLiteral("resubmission_of: an exhibit cannot be a resubmission of itself; the "
                                               "link was left out");
            } else if (!m_refPlaces.contains(earlier) && !m_stores.exhibits.idOf(earlier)) {
                row.resolved << QStringLiteral("resubmission_of: no exhibit \"%1\" is in the catalogue or the files "
                                               "read; the link to it was left out")
                                    .arg(earlier);
            } else {
                continue;
            }
            earlier.clear();
        }
    }

private:
    void suggest(const QString& column, const QString& typed, const QStringList& suggestions) const
    {
        for (const QString& suggested : suggestions) {
            m_suggestions << ImportSuggestion{column, typed, suggested};
        }
    }

    // Says which edition a possible duplicate in the catalogue belongs to, and whether that is
    // another edition than the row's, which it may resubmit but not update.
    void describeEdition(PossibleDuplicate& duplicate, const ImportRow& row) const
    {
        if (!duplicate.inCatalogue()) {
            return;
        }
        const std::optional<ExhibitMention> found = m_stores.exhibits.mentionOf(duplicate.ref);
        if (!found) {
            return;
        }
        duplicate.edition = found->edition;
        duplicate.year = found->year;
        QString rowEdition = row.exhibit.edition;
        if (row.update()) { // a spreadsheet's update may leave the edition out: it keeps its own
            rowEdition = m_stores.exhibits.mentionOf(row.exhibit.ref).value_or(ExhibitMention{}).edition;
        }
        duplicate.otherEdition =
            !found->edition.isEmpty() && found->edition.compare(rowEdition, Qt::CaseInsensitive) != 0;
    }

    // The edition a row is for, as resolveEdition() will read it: a spreadsheet's blank cell is the
    // current edition.
    QString editionOfRow(const Exhibit& exhibit) const
    {
        const QString typed = exhibit.edition.trimmed();
        if (typed.isEmpty()) {
            return m_blankIsCurrent && m_current ? m_current->name : QString();
        }
        if (const auto known = m_editions.constFind(typed.toCaseFolded()); known != m_editions.constEnd()) {
            return known.value();
        }
        const QString ofYear = editionOfYear(typed);
        return ofYear.isEmpty() ? typed : ofYear;
    }

    int yearOfEdition(const QString& name) const
    {
        for (const Edition& edition : m_known) {
            if (edition.name.compare(name, Qt::CaseInsensitive) == 0) {
                return edition.year;
            }
        }
        return yearIn(name);
    }

    // A row that repeats the ref of an exhibit of an earlier edition is that project submitted
    // again: a new exhibit in the row's edition, under a ref of its own, linked to the earlier one,
    // which stays as its edition showed it.
    ImportDecision resubmit(Exhibit& exhibit, const ExhibitMention& earlier, const SourcePlace& place,
                            QStringList& problems)
    {
        const QString edition = editionOfRow(exhibit);
        if (edition.isEmpty()) {
            problems << QStringLiteral("ref: \"%1\" is an exhibit of %2; give this row's edition to add it as a new "
                                       "exhibit linked to that one, or clear the ref")
                            .arg(earlier.ref, earlier.edition);
            return ImportDecision::Create;
        }
        if (earlier.year > yearOfEdition(edition)) {
            problems << QStringLiteral("ref: \"%1\" is an exhibit of %2, a later edition than %3; clear the ref to "
                                       "add this row as a new exhibit")
                            .arg(earlier.ref, earlier.edition, edition);
            return ImportDecision::Create;
        }
        exhibit.resubmissionOf = earlier.ref;
        exhibit.ref = m_stores.exhibits.uniqueRefFor(exhibit.title,
                                                     [this](const QString& ref) { return m_refPlaces.contains(ref); });
        m_refPlaces.insert(exhibit.ref, place);
        m_resolved << QStringLiteral("ref: \"%1\" was submitted before, in %2; added as a new exhibit linked to it")
                          .arg(earlier.ref, earlier.edition);
        return ImportDecision::Resubmit;
    }

    std::optional<QString> authorityName(const QString& typed, const char* column, QStringList& problems) const
    {
        const auto id = m_stores.authorities.resolve(typed);
        if (!id) {
            const QStringList suggestions = m_stores.authorities.suggestionsFor(typed);
            problems << QStringLiteral("%1: unknown authority \"%2\"%3")
                            .arg(QLatin1String(column), typed, didYouMean(suggestions));
            suggest(QLatin1String(column), typed, suggestions);
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
            const QStringList suggestions = closestMatches(exhibit.edition, m_editions.values());
            problems << QStringLiteral("edition: there is no edition \"%1\"%2; to create it, confirm new editions "
                                       "and categories (in the import wizard, or with --create-editions)")
                            .arg(exhibit.edition, didYouMean(suggestions));
            suggest(QStringLiteral("edition"), exhibit.edition, suggestions);
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
                const QStringList suggestions = closestMatches(name, categoriesOf(exhibit.edition));
                problems << QStringLiteral("categories: %1 has no category \"%2\"%3; to create it, confirm new "
                                           "editions and categories (in the import wizard, or with --create-editions)")
                                .arg(exhibit.edition, name, didYouMean(suggestions));
                suggest(QStringLiteral("categories"), name, suggestions);
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

    // Returns what the row does: update an exhibit of its own edition, resubmit one of another, or
    // (otherwise) create one.
    ImportDecision resolveRef(Exhibit& exhibit, const SourcePlace& place, QStringList& problems,
                              QList<PossibleDuplicate>& duplicates)
    {
        exhibit.ref = exhibit.ref.trimmed();
        if (exhibit.ref == SubmissionTemplate::ExampleRef) {
            problems << QStringLiteral(
                "this is the template's example row; replace it with your submission or delete it");
        }
        if (exhibit.ref.isEmpty()) {
            exhibit.ref = m_stores.exhibits.uniqueRefFor(
                exhibit.title, [this](const QString& ref) { return m_refPlaces.contains(ref); });
        }
        if (const auto earlier = m_refPlaces.constFind(exhibit.ref); earlier != m_refPlaces.constEnd()) {
            problems << QStringLiteral("ref: \"%1\" is also used on %2; each ref must be unique")
                            .arg(exhibit.ref, earlier.value().inWords(place.file));
            duplicates << PossibleDuplicate{exhibit.ref, {}, earlier.value(), QStringLiteral("the same ref")};
            return ImportDecision::Create;
        }
        m_refPlaces.insert(exhibit.ref, place);
        const std::optional<ExhibitMention> existing = m_stores.exhibits.mentionOf(exhibit.ref);
        if (!existing) {
            return ImportDecision::Create;
        }
        PossibleDuplicate same{exhibit.ref,       existing->title, std::nullopt, QStringLiteral("the same ref"),
                               existing->edition, existing->year};
        // An update stays within one edition, whatever the options say.
        same.otherEdition =
            !existing->edition.isEmpty() && existing->edition.compare(editionOfRow(exhibit), Qt::CaseInsensitive) != 0;
        duplicates << same;
        if (same.otherEdition) {
            return resubmit(exhibit, *existing, place, problems);
        }
        if (!m_options.update) {
            problems << QStringLiteral("ref: an exhibit \"%1\" already exists; use --update to update it, or "
                                       "clear the ref to add a new exhibit")
                            .arg(exhibit.ref);
        }
        return ImportDecision::Update;
    }

    const Stores& m_stores;
    ImportPlan& m_plan;
    const ImportOptions& m_options;
    QList<Edition> m_known; // the catalogue's
    std::optional<Edition> m_current;
    bool m_blankIsCurrent = false;                 // a spreadsheet's blank edition cell means this cycle's
    QHash<QString, QString> m_editions;            // folded name -> name
    QHash<QString, QString> m_categories;          // folded edition + name -> name
    QHash<QString, SourcePlace> m_refPlaces;       // where each ref was first read
    mutable QStringList m_resolved;                // the current row's notes on names read through an alias or code
    mutable QList<ImportSuggestion> m_suggestions; // the current row's one-click fixes
    qsizetype m_done = 0;                          // steps, for progress
    qsizetype m_total = 0;
};

Importer::Importer(const Stores& stores)
    : m_stores(stores)
{}

Importer::Format Importer::formatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    // .txt and .tsv: what Excel's "Unicode text" and other tab-separated saves are called.
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv")) {
        return Format::Csv;
    }
    if (suffix == QLatin1String("json")) {
        return Format::Json;
    }
    if (suffix == QLatin1String("xlsx")) {
        return Format::Xlsx;
    }
    throw Error(QStringLiteral("Cannot import %1: the file must end in .xlsx, .csv, .txt, .tsv or .json.").arg(path));
}

ImportPlan Importer::plan(const QStringList& paths, const ImportOptions& options) const
{
    // Every file tried before any is read, so that one that cannot be read stops the plan at once;
    // each is then opened again as its turn comes, so that hundreds need not be open together.
    const auto open = [](QFile& file) {
        if (!file.open(QIODevice::ReadOnly)) {
            throw Error(QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
    };
    for (const QString& path : paths) {
        formatOf(path);
        QFile file(path);
        open(file);
    }
    ImportPlan plan;
    Resolver resolver(m_stores, plan, options);
    for (const QString& path : paths) {
        QFile file(path);
        open(file);
        read(resolver, formatOf(path), file, path);
    }
    resolver.findSimilarTitles();
    resolver.checkResubmissionLinks();
    return plan;
}

ImportPlan Importer::planOne(Format format, const QByteArray& bytes, const QString& fileName,
                             const ImportOptions& options) const
{
    QBuffer file;
    file.setData(bytes);
    file.open(QIODevice::ReadOnly);
    ImportPlan plan;
    Resolver resolver(m_stores, plan, options);
    read(resolver, format, file, fileName);
    resolver.findSimilarTitles();
    resolver.checkResubmissionLinks();
    return plan;
}

ImportPlan Importer::planCsv(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    return planOne(Format::Csv, bytes, fileName, options);
}

ImportPlan Importer::planXlsx(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    return planOne(Format::Xlsx, bytes, fileName, options);
}

ImportPlan Importer::planJson(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const
{
    return planOne(Format::Json, bytes, fileName, options);
}

void Importer::read(Resolver& resolver, Format format, QIODevice& file, const QString& fileName) const
{
    resolver.plan().files << fileName;
    resolver.setBlankEditionIsCurrent(format != Format::Json);
    switch (format) {
    case Format::Csv:
        readCsv(resolver, file, fileName);
        break;
    case Format::Xlsx:
        readXlsx(resolver, file.readAll(), fileName);
        break;
    case Format::Json:
        readJson(resolver, file.readAll(), fileName);
        break;
    }
}

// Streamed, record by record: a CSV file may be the whole catalogue of another team, 200 MB.
void Importer::readCsv(Resolver& resolver, QIODevice& file, const QString& fileName) const
{
    ImportPlan& plan = resolver.plan();
    CsvReader reader(file);
    if (!reader.encoding().isEmpty()) {
        plan.encodings << ImportProblem{SourcePlace{fileName, {}, 1}, reader.encoding()};
    }
    qsizetype reported = 0;
    const auto next = [&](CsvRecord& record) {
        const bool more = reader.next(record);
        for (; reported < reader.problems().size(); ++reported) {
            const CsvProblem& problem = reader.problems().at(reported);
            plan.fileProblems << ImportProblem{SourcePlace{fileName, {}, problem.line, problem.textLine},
                                               problem.message};
        }
        return more;
    };
    readRecords(resolver, SourcePlace{fileName}, next, reader.lineCount());
}

void Importer::readXlsx(Resolver& resolver, const QByteArray& bytes, const QString& fileName) const
{
    ImportPlan& plan = resolver.plan();
    QList<XlsxSheet> sheets;
    try {
        sheets = Xlsx::read(bytes);
    } catch (const Error& error) {
        plan.fileProblems << ImportProblem{SourcePlace{fileName, {}, 1}, error.message()};
        return;
    }
    // The submission template's sheet, or else the workbook's first.
    const auto named = [](const QString& name) {
        return [name](const XlsxSheet& sheet) { return sheet.name.compare(name, Qt::CaseInsensitive) == 0; };
    };
    const auto submissions = std::find_if(sheets.cbegin(), sheets.cend(), named(QStringLiteral("Submissions")));
    if (sheets.isEmpty()) {
        plan.fileProblems << ImportProblem{SourcePlace{fileName, {}, 1},
                                           QStringLiteral("the workbook has no worksheet")};
        return;
    }
    const XlsxSheet& sheet = submissions != sheets.cend() ? *submissions : sheets.first();
    QList<CsvRecord> records;
    for (const XlsxRow& row : sheet.rows) {
        records << CsvRecord{row.number, row.number, row.cells};
    }
    // A spreadsheet leaves out the empty cells at the end of a row.
    const qsizetype width = records.isEmpty() ? 0 : records.first().fields.size();
    for (CsvRecord& record : records) {
        while (record.fields.size() < width) {
            record.fields << QString();
        }
    }
    qsizetype at = 0;
    readRecords(
        resolver, SourcePlace{fileName, sheet.name},
        [&](CsvRecord& record) {
            if (at == records.size()) {
                return false;
            }
            record = records.at(at++);
            return true;
        },
        records.size());
    const auto evidence = std::find_if(sheets.cbegin(), sheets.cend(), named(QStringLiteral("Evidence")));
    if (evidence != sheets.cend() && evidence->name != sheet.name) {
        readEvidence(plan, fileName, *evidence);
    }
}

// The Evidence sheet: one piece of evidence per row, given to the new exhibit its ref names.
void Importer::readEvidence(ImportPlan& plan, const QString& fileName, const XlsxSheet& sheet) const
{
    const auto problem = [&](int row, const QString& message) {
        plan.fileProblems << ImportProblem{SourcePlace{fileName, sheet.name, row}, message};
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
        const auto exhibit =
            std::find_if(plan.rows.begin(), plan.rows.end(), [&ref, &fileName](const ImportRow& candidate) {
                // A resubmission's row keeps the ref the borough typed, which its evidence names.
                const QString& typed = candidate.decision == ImportDecision::Resubmit ? candidate.exhibit.resubmissionOf
                                                                                      : candidate.exhibit.ref;
                return candidate.place.file == fileName && typed.compare(ref, Qt::CaseInsensitive) == 0;
            });
        if (ref.isEmpty() || exhibit == plan.rows.end()) {
            problem(row.number, ref.isEmpty()
                                    ? QStringLiteral("ref: give the ref of the project this evidence is for")
                                    : QStringLiteral("ref: no project in this workbook has the ref \"%1\"").arg(ref));
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

void Importer::readRecords(Resolver& resolver, const SourcePlace& table, const std::function<bool(CsvRecord&)>& next,
                           qsizetype expected) const
{
    ImportPlan& plan = resolver.plan();
    const auto placeOf = [&table](const CsvRecord& record) {
        SourcePlace place = table;
        place.line = record.row;
        place.textLine = record.line != record.row ? record.line : 0;
        return place;
    };
    const auto fileProblem = [&](const SourcePlace& place, const QString& message) {
        plan.fileProblems << ImportProblem{place, message};
    };
    // A file of millions of one-letter lines would plan millions of rows, or of problems: reading
    // stops with a problem that says so, in bounded memory, far beyond any real import (PRODUCT.md's
    // reference catalogue is 100,000 exhibits).
    constexpr qsizetype MostRows = 500'000;
    constexpr qsizetype MostProblems = 1'000;
    const qsizetype problemsBefore = plan.fileProblems.size(); // from earlier files of the same plan
    const auto tooManyProblems = [&] { return plan.fileProblems.size() - problemsBefore >= MostProblems; };

    CsvRecord header;
    if (!next(header)) {
        if (plan.fileProblems.size() == problemsBefore) { // not already called something other than text
            fileProblem(SourcePlace{table.file, table.sheet, 1},
                        QStringLiteral("the file is empty; it needs the header line %1")
                            .arg(ExhibitCsv::columns().join(QLatin1Char(','))));
        }
        return;
    }

    const SourcePlace headerPlace = placeOf(header);
    const qsizetype headerProblemsBefore = plan.fileProblems.size();
    QHash<QString, qsizetype> columnOf;
    for (qsizetype i = 0; i < header.fields.size() && !tooManyProblems(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (!ExhibitCsv::columns().contains(name)) {
            fileProblem(headerPlace,
                        QStringLiteral("unknown column \"%1\"%2")
                            .arg(header.fields.at(i), didYouMean(closestMatches(name, ExhibitCsv::columns()))));
        } else if (columnOf.contains(name)) {
            fileProblem(headerPlace, QStringLiteral("the column \"%1\" appears twice").arg(name));
        } else {
            columnOf.insert(name, i);
        }
    }
    for (const char* required : {"title", "lead_authority"}) {
        if (!columnOf.contains(QLatin1String(required))) {
            fileProblem(headerPlace,
                        QStringLiteral("the required column \"%1\" is missing").arg(QLatin1String(required)));
        }
    }
    if (plan.fileProblems.size() != headerProblemsBefore) {
        return;
    }
    // The curator's corrections to this table's cells, by row.
    QHash<int, QMap<QString, QString>> corrected;
    for (const CellCorrection& correction : resolver.options().corrections) {
        if (correction.file == table.file && columnOf.contains(correction.column)) {
            corrected[correction.line].insert(correction.column, correction.value);
        }
    }
    resolver.expect(expected - 1);

    qsizetype rows = 0;
    CsvRecord record;
    while (next(record)) {
        if (++rows > MostRows) {
            fileProblem(placeOf(record), QStringLiteral("the file has more than %1 rows, more than one import takes; "
                                                        "split it into files of %1 rows or fewer")
                                             .arg(MostRows));
            return;
        }
        if (tooManyProblems()) {
            fileProblem(placeOf(record),
                        QStringLiteral("reading stopped here after %1 problems; fix those first").arg(MostProblems));
            return;
        }
        if (record.fields.size() != header.fields.size()) {
            fileProblem(placeOf(record),
                        table.sheet.isEmpty()
                            ? QStringLiteral("this row has %1 fields but the header has %2; check for a missing "
                                             "or extra comma, or a comma that needs quotes")
                                  .arg(record.fields.size())
                                  .arg(header.fields.size())
                            : QStringLiteral("this row has a value in column %1, which has no heading")
                                  .arg(Xlsx::columnName(int(record.fields.size()) - 1)));
            continue;
        }
        QMap<QString, QString> cells = corrected.value(record.row);
        for (auto column = columnOf.constBegin(); column != columnOf.constEnd(); ++column) {
            if (!cells.contains(column.key())) {
                cells.insert(column.key(), record.fields.at(column.value()));
            }
        }
        auto cell = [&cells](const char* column) {
            return ExhibitCsv::restore(cells.value(QLatin1String(column))).trimmed();
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
        exhibit.contact.phone = cell("contact_phone");

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
        resolver.resolve(exhibit, placeOf(record), cells, cellProblems);
    }
}

void Importer::readJson(Resolver& resolver, const QByteArray& bytes, const QString& fileName) const
{
    ImportPlan& plan = resolver.plan();
    const auto placeAt = [&fileName](int line) { return SourcePlace{fileName, {}, line, 0, true}; };
    QList<JsonProblem> problems;
    const CatalogueDocument document = JsonCodec::read(bytes, problems);
    QSet<int> badLines;
    for (const JsonProblem& problem : problems) {
        plan.fileProblems << ImportProblem{placeAt(problem.line), problem.message};
        badLines.insert(problem.line);
    }
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
            plan.fileProblems << ImportProblem{
                placeAt(document.savedSearchLines.at(i)),
                QStringLiteral("saved_searches: \"%1\": %2").arg(document.savedSearches.at(i).name, error.message())};
        }
    }
    resolver.expect(document.exhibits.size());
    for (qsizetype i = 0; i < document.exhibits.size(); ++i) {
        const int line = document.exhibitLines.at(i);
        if (!badLines.contains(line)) {
            resolver.resolve(document.exhibits.at(i), placeAt(line), {});
        }
    }
    plan.tagColours << document.tags;
    plan.savedSearches << document.savedSearches;
}

} // namespace spotlight
