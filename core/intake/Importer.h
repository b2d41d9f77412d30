#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"
#include "io/Csv.h"
#include "io/Xlsx.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace spotlight {

struct Stores;

struct ImportOptions
{
    bool update = false; // rows whose ref exists update that exhibit instead of being refused
    // Editions and categories the file names that the catalogue lacks are created; otherwise each
    // is a problem with a suggestion, so that a typo never becomes a new edition.
    bool createEditions = false;
};

// What to do with one row; a curator may change it before the import is applied.
enum class ImportDecision
{
    Create, // a new exhibit
    Update, // replaces the exhibit `ImportRow::exhibit.ref` names
    Skip,
};

// An exhibit a row may repeat: the same ref, or a similar title (TitleSimilarity) for the same
// lead authority, in the catalogue or on an earlier line of the same file.
struct PossibleDuplicate
{
    QString ref; // the exhibit's ref; for an earlier row, the ref that row would get
    QString title;
    int line = 0;   // the earlier row's line, or 0 for an exhibit already in the catalogue
    QString reason; // "the same ref" or "a similar title (87%) for the same lead authority"
};

struct ImportRow
{
    int line = 0;
    ImportDecision decision = ImportDecision::Create;
    Exhibit exhibit;      // names already resolved to the catalogue's own spelling
    QStringList resolved; // how typed names were read: "lead_authority: "RBKC" -> Kensington and Chelsea (alias)"
    QStringList problems; // what must be fixed before this row can be imported; its line is `line`
    QList<PossibleDuplicate> duplicates;

    bool update() const { return decision == ImportDecision::Update; }
};

// What an import would do, worked out in full before anything is written.
struct ImportPlan
{
    QString file;
    // The CSV columns the file has: an update changes only those. Empty for JSON, whose exhibits
    // are whole.
    QStringList columns;
    QList<ImportRow> rows;
    // The editions and categories that are new: those a JSON catalogue lists, which are created
    // whatever happens to its rows, and those rows name, which are created only for a row that is
    // written (see editionsToCreate).
    QList<Edition> newEditions;
    QList<Category> newCategories;
    QSet<QString> listedEditions;     // of newEditions, the file's own, case-folded
    QSet<QString> listedCategories;   // of newCategories, the file's own, as categoryKey()
    QList<Tag> tagColours;            // from a JSON catalogue
    QList<SavedSearch> savedSearches; // from a JSON catalogue
    // Problems that are not one row's: the file's encoding, its header, a ragged row...
    QList<CsvProblem> fileProblems;
    // How the file was read when it was not UTF-8 (Csv::parse): one sentence for the curator.
    QString encoding;
    // For a workbook, the sheet the rows come from: lines are then its row numbers, and problems
    // read "FILE:Sheet!ROW: message" as a spreadsheet shows them.
    QString sheet;

    // Every problem as "FILE:LINE: message", in file order: the file's and each row's.
    QStringList problems() const;
    // One problem as problems() writes it.
    QString describe(int line, const QString& message) const;
    QString describe(const CsvProblem& problem) const;

    // Whether apply() may run: no file problems, and no problems on a row that is not skipped.
    bool isValid() const;
    // What apply() creates, given the rows' decisions as they are now.
    QList<Edition> editionsToCreate() const;
    QList<Category> categoriesToCreate() const;
    // How categories are told apart: by edition and name, ignoring case.
    static QString categoryKey(const QString& edition, const QString& category);
    int creates() const;
    int updates() const;
    int skips() const;
    // Sets a row's decision. Update needs the ref of the exhibit to replace: the row's own when
    // it exists, or one of its possible duplicates. Error if the decision cannot be carried out.
    void decide(qsizetype row, ImportDecision decision, const QString& updateRef = {});
};

// Reads CSV (PRODUCT.md section 6) or a JSON catalogue, chosen by the file's extension, and
// validates every row against the catalogue: nothing is written here.
class Importer
{
public:
    explicit Importer(const Stores& stores);

    ImportPlan plan(const QString& path, const ImportOptions& options) const;
    ImportPlan planCsv(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;
    ImportPlan planJson(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;
    // The Submissions sheet of a workbook (or its first), read as the CSV columns are.
    ImportPlan planXlsx(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;

    // Writes a valid plan. The caller holds the transaction.
    static void apply(Stores& stores, const ImportPlan& plan);

private:
    class Resolver;
    // Plans the rows of a table whose first record is the header (a CSV file, a worksheet).
    void planRecords(ImportPlan& plan, const QList<CsvRecord>& records, const ImportOptions& options) const;
    void planEvidence(ImportPlan& plan, const XlsxSheet& sheet) const;
    const Stores& m_stores;
};

} // namespace spotlight
