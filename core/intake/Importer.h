#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"
#include "domain/SavedSearch.h"
#include "domain/Tag.h"
#include "io/Csv.h"
#include "io/Xlsx.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace spotlight {

struct Stores;

// A cell the curator corrected while importing (in the wizard): it wins over what the file says.
// The file itself is never changed.
struct CellCorrection
{
    QString file;
    int line = 0; // the spreadsheet row
    QString column;
    QString value;
};

// Told how far planning or writing has got, in rows; the work stops with an Error, having written
// nothing, when it returns false.
using ImportProgress = std::function<bool(qsizetype done, qsizetype total)>;

struct ImportOptions
{
    bool update = false; // rows whose ref exists update that exhibit instead of being refused
    // Editions and categories the file names that the catalogue lacks are created; otherwise each
    // is a problem with a suggestion, so that a typo never becomes a new edition.
    bool createEditions = false;
    QList<CellCorrection> corrections = {};
    ImportProgress progress = {};
};

// A fix for a row's problem that one click applies: `suggested` in place of `typed` in `column`.
struct ImportSuggestion
{
    QString column;
    QString typed;
    QString suggested;

    // The cell with the fix made: in a list cell ("Croydn; Sutton"), only the item that was typed.
    QString appliedTo(const QString& cell) const;
};

// What to do with one row; a curator may change it before the import is applied.
enum class ImportDecision
{
    Create, // a new exhibit
    Update, // replaces the exhibit `ImportRow::exhibit.ref` names, of the row's own edition
    // A new exhibit linked to the exhibit of another edition that it submits again
    // (`ImportRow::exhibit.resubmissionOf`); that exhibit is left as it was.
    Resubmit,
    Skip,
};

// Where an import read a row or found a problem, as the curator finds it again: in a spreadsheet
// by its row number ("boroughs.csv:4", "hackney.xlsx:Submissions!4"), in JSON by its line.
struct SourcePlace
{
    QString file = {};  // as the curator named it
    QString sheet = {}; // in a workbook
    int line = 0;       // the spreadsheet row, or the JSON text line
    // In a CSV file whose quoted fields span lines, the text line when it is not the row; else 0.
    int textLine = 0;
    bool json = false; // whether `line` is a text line rather than a spreadsheet row

    // "FILE:ROW", "FILE:Sheet!ROW" or "FILE:ROW (text line N)".
    QString toString() const;
    // In a sentence about something read from `file`: "row 4", or "row 4 of other.csv" when this
    // place is in another file.
    QString inWords(const QString& file) const;
};

struct ImportProblem
{
    SourcePlace place;
    QString message;

    QString toString() const { return place.toString() + QStringLiteral(": ") + message; }
};

// An exhibit a row may repeat: the same ref, or a similar title (TitleSimilarity) for the same
// lead authority, in the catalogue or on an earlier row of the files being imported.
struct PossibleDuplicate
{
    QString ref; // the exhibit's ref; for an earlier row, the ref that row would get
    QString title;
    std::optional<SourcePlace> earlierRow; // none for an exhibit already in the catalogue
    QString reason;                        // "the same ref" or "a similar title (87%) for the same lead authority"
    // For an exhibit in the catalogue: its edition and that edition's year, and whether that is
    // another edition than the row's. A row may resubmit such an exhibit, never update it.
    QString edition = {};
    int year = 0;
    bool otherEdition = false;

    bool inCatalogue() const { return !earlierRow; }
    // "2025", or the edition's name when it has no year.
    QString when() const { return year > 0 ? QString::number(year) : edition; }
};

struct ImportRow
{
    SourcePlace place;
    ImportDecision decision = ImportDecision::Create;
    Exhibit exhibit;      // names already resolved to the catalogue's own spelling
    QStringList resolved; // how typed names were read: "lead_authority: "RBKC" -> Kensington and Chelsea (alias)"
    QStringList problems; // what must be fixed before this row can be imported: "column: message"
    QList<ImportSuggestion> suggestions; // one-click fixes for some of them
    QList<PossibleDuplicate> duplicates;
    // A table row's cells by column, as read with the curator's corrections: its file's columns,
    // which are all an update changes, and the values to correct further. Empty for JSON, whose
    // exhibits are whole and are corrected in the window once imported.
    QMap<QString, QString> cells; // a map: a row's dozen cells cost half what they do in a QHash

    bool update() const { return decision == ImportDecision::Update; }
    // The column a problem is about ("lead_authority" of "lead_authority: unknown authority"), or
    // empty when it is not one of the row's cells.
    QString columnOf(const QString& problem) const;
};

// What an import of one or more files would do, worked out in full before anything is written.
struct ImportPlan
{
    QStringList files; // in the order they were read
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
    // Problems that are not one row's: a file's header, a ragged row, a sheet of evidence...
    QList<ImportProblem> fileProblems;
    // How each file that was not UTF-8 was read (Csv::parse): one sentence for the curator each.
    QList<ImportProblem> encodings;

    // Every problem as "FILE:ROW: message", in file order: the files' and each row's.
    QStringList problems() const;
    // "subs.csv", or "3 files" when there are several.
    QString filesInWords() const;

    // Whether apply() may run: no file problems, and no problems on a row that is not skipped.
    bool isValid() const;
    // What apply() creates, given the rows' decisions as they are now.
    QList<Edition> editionsToCreate() const;
    QList<Category> categoriesToCreate() const;
    // How categories are told apart: by edition and name, ignoring case.
    static QString categoryKey(const QString& edition, const QString& category);
    int creates() const; // new exhibits, resubmissions among them
    int updates() const;
    int skips() const;
    // Sets a row's decision. Update needs the ref of the exhibit to replace: the row's own when
    // it exists, or one of its possible duplicates, of the row's edition. Resubmit needs the ref of
    // a possible duplicate of another edition. Error if the decision cannot be carried out.
    void decide(qsizetype row, ImportDecision decision, const QString& updateRef = {});
};

// Reads spreadsheets (CSV, .xlsx; PRODUCT.md section 6) and JSON catalogues, each chosen by its
// file's extension, and validates every row against the catalogue and against the other rows of
// the same import: nothing is written here.
class Importer
{
public:
    explicit Importer(const Stores& stores);

    // One plan for all the files, so that they are imported (and undone) together.
    ImportPlan plan(const QStringList& paths, const ImportOptions& options) const;
    ImportPlan planCsv(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;
    ImportPlan planJson(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;
    // The Submissions sheet of a workbook (or its first), read as the CSV columns are, and its
    // Evidence sheet.
    ImportPlan planXlsx(const QByteArray& bytes, const QString& fileName, const ImportOptions& options) const;

    // Writes a valid plan. The caller holds the transaction, which a cancel (Error) rolls back.
    static void apply(Stores& stores, const ImportPlan& plan, const ImportProgress& progress = {});

private:
    class Resolver;
    enum class Format
    {
        Csv,
        Xlsx,
        Json,
    };
    static Format formatOf(const QString& path);
    ImportPlan planOne(Format format, const QByteArray& bytes, const QString& fileName,
                       const ImportOptions& options) const;
    void read(Resolver& resolver, Format format, QIODevice& file, const QString& fileName) const;
    void readCsv(Resolver& resolver, QIODevice& file, const QString& fileName) const;
    void readJson(Resolver& resolver, const QByteArray& bytes, const QString& fileName) const;
    void readXlsx(Resolver& resolver, const QByteArray& bytes, const QString& fileName) const;
    // The rows of a table whose first record is the header (a CSV file, a worksheet), taken one at
    // a time from `next` (false after the last); `expected` counts them at most, for progress.
    void readRecords(Resolver& resolver, const SourcePlace& table, const std::function<bool(CsvRecord&)>& next,
                     qsizetype expected) const;
    void readEvidence(ImportPlan& plan, const QString& fileName, const XlsxSheet& sheet) const;
    static Exhibit withResubmissionLink(const Stores& stores, const ImportRow& row, const QSet<QString>& created);
    const Stores& m_stores;
};

} // namespace spotlight
