// spotlight-cli: the Practice Spotlight catalogue from the command line (PRODUCT.md section 5).
// Exit status: 0 success, 1 failure (message on stderr), 2 usage error.

#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"

#include <QGuiApplication>
#include <QSettings>

#include <functional>
#include <map>

using namespace spotlight;
using namespace spotlight::cli;

namespace {

const char* const Help = R"(Usage: spotlight-cli [--db PATH|ADDRESS] COMMAND [ARGS]

Without --db, the default catalogue in your data folder is used (created on first use).
A team catalogue on a PostgreSQL server is given by its ADDRESS,
postgresql://user@host:port/database[?sslmode=require]; the password comes from ~/.pgpass.

Commands:
  init [--empty]                       create a catalogue: the 33 authorities, and the
                                       Practice Spotlight 2025 exhibits unless --empty
  summary                              what the catalogue holds
  search [QUERY] [--format table|json|csv] [--limit N] [--offset N] [--saved NAME]
  show REF [--format text|json]        one exhibit with its evidence, reviews and tags
  facets [QUERY] [--format text|json]  counts per authority, category, tag, level, status
  history REF                          the changes recorded for an exhibit
  import FILE [--dry-run] [--update] [--create-editions] [--skip LINE,...]
                                       .xlsx, CSV or JSON; nothing is written if any row is
                                       invalid; --dry-run shows each row, how names were read,
                                       possible duplicates; --skip leaves rows out;
                                       --create-editions confirms new editions and categories
  export --format csv|json|pdf [--query Q] -o FILE [--allow-unreviewed]
         [--group-by authority|category|none] [--title T] [--subtitle S] [--page-size a4|letter] [--pdfa]
         [--intro TEXT] [--compact]          --compact: short exhibits share a page
  publish --contact EMAIL -o DIR [--query Q] [--title T] [--intro FILE.md] [--address URL]
          [--include-unrecognised] [--no-booklet]
                                       the accessible web showcase: a folder of HTML pages with
                                       search, map, downloads and an accessibility statement;
                                       recognised and showcased exhibits only, unless included
  tag add REF TAG... | tag add --query Q TAG... | tag remove ... | tag rename OLD NEW
  tag merge FROM... INTO | tag colour TAG COLOUR | tag list [--format json]
  saved add NAME QUERY | saved list | saved remove NAME
  edition list | edition add NAME --year YYYY [--event E] [--starts YYYY-MM-DD] [--ends YYYY-MM-DD]
          [--venue V] [--description T] [--signatory NAME] [--signatory-role ROLE]
  edition edit NAME [the same options] [--name NEW] | edition archive NAME | edition unarchive NAME
  edition remove NAME | edition merge FROM --into NAME
                                       remove an empty edition; or move every exhibit of FROM,
                                       its categories carried across, into NAME and remove FROM
  category add EDITION NAME [--sponsor S] [--description T] | category edit EDITION NAME [--name NEW]
          [--sponsor S] [--description T] | category remove EDITION NAME
  category merge EDITION FROM --into NAME
                                       move FROM's exhibits into the category NAME, remove FROM
  category set REF CATEGORY...         move an exhibit to other categories, or give it several
  status REF... STATUS | status --query Q STATUS
                                       move exhibits through the workflow: draft, submitted,
                                       in-review, recognised, showcased, archived, withdrawn
  review add REF --panel P --date YYYY-MM-DD [--reviewers NAMES] [--feedback TEXT]
         [--recognition TEXT]          record a panel review
  panel list [--edition E]             each category's sponsoring panel, its reviewers, and the
                                       edition's criteria (set with edition edit --criteria)
  panel reviewer add|remove CATEGORY NAME [--authority A] [--edition E]
                                       who sits on a panel; a reviewer from an exhibit's own
                                       authority is a conflict of interest and does not score it
  panel score REF --reviewer NAME CRITERION=SCORE[:COMMENT]...
                                       a reviewer's scores, 1 to 4; CRITERION=- takes one back
  panel results CATEGORY [--edition E] each exhibit's mean scores and the recognition they suggest
  panel agree CATEGORY [--query Q] [--date YYYY-MM-DD]
                                       record the review each scored exhibit's panel agrees:
                                       recognition and feedback from the scores; letters use it
  panel pack [CATEGORY] [--edition E] -o DIR|FILE.pdf
                                       a PDF per panel: its submissions and a scoring sheet each
  letters [--query Q] [--template FILE.html] [--allow-unreviewed] -o DIR
                                       a Letter of Recognition (PDF) per reviewed exhibit, DIR/REF.pdf;
                                       with --combined -o FILE.pdf, all of them in one PDF to print.
                                       A template's <meta name="letterhead" content="IMAGE"> puts
                                       that image (beside the template) at the top of each letter
  stand set REF NUMBER | stand clear REF | stand assign [REF... | --query Q] [--from N]
  stand list [--query Q] [-o FILE.csv|FILE.pdf]
                                       the live event's floor list (stand, title, authority, contact)
  stand cards [--query Q] -o FILE.pdf  an A5 stand card (stand, title, authorities) per exhibit
  template -o FILE.xlsx|FILE.csv       the submission template: a workbook with drop-downs, an
                                       Evidence sheet and a guide; or a CSV with an example row
                                       and FILE.guide.txt explaining each column
  check                                integrity check
  check --privacy [--query Q] [--all] [--format text|json]
                                       likely personal data (ages, dates of birth, postcodes,
                                       phone numbers, emails, schools, first names, small counts)
                                       not yet reviewed; --all lists reviewed ones too
  privacy mark REF#N --reason TEXT     record that a finding is fine to publish, and why
  privacy unmark REF#N                 take that decision back
  backup FILE                          a consistent copy of the catalogue (a file, also for
                                       a team catalogue)
  server init [--empty]                with --db ADDRESS: prepare a team catalogue on a server:
                                       the database, its schema and seed, and the roles
                                       DATABASE_curators (may change it) and DATABASE_viewers
  copy FROM TO                         copy a whole catalogue between files and servers, in
                                       either direction, into a new file or an empty database
  report coverage [--edition E] [-o FILE.csv|FILE.pdf]
                                       which authorities sent what to an edition, by category,
                                       and which sent nothing

Search: words must all match, as prefixes; "exact phrase"; OR; -word; ( );
borough: category: tag: status: edition: level:>=2 kind: has:evidence has:contact contact:
)";

QtMessageHandler qtMessages = nullptr;

// The command line's stderr is for what the curator must read. Once the connection to a server is
// lost, Qt Sql warns about every prepared statement it can no longer free and every query it can no
// longer run: dozens of lines before the one message that says what happened, which is ours to give.
// And a login without XDG_RUNTIME_DIR (cron, su, a container) makes Qt note the directory it uses
// instead, on every run.
void withoutNoiseForCurators(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && (message.startsWith(QLatin1String("Unable to free statement")) ||
                                 message.endsWith(QLatin1String(": database not open")) ||
                                 message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))) {
        return;
    }
    qtMessages(type, context, message);
}

using Command = std::function<int(Context&, const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table{
        {QStringLiteral("init"), runInit},         {QStringLiteral("summary"), runSummary},
        {QStringLiteral("search"), runSearch},     {QStringLiteral("show"), runShow},
        {QStringLiteral("facets"), runFacets},     {QStringLiteral("history"), runHistory},
        {QStringLiteral("import"), runImport},     {QStringLiteral("export"), runExport},
        {QStringLiteral("tag"), runTag},           {QStringLiteral("saved"), runSaved},
        {QStringLiteral("template"), runTemplate}, {QStringLiteral("check"), runCheck},
        {QStringLiteral("backup"), runBackup},     {QStringLiteral("status"), runStatus},
        {QStringLiteral("review"), runReview},     {QStringLiteral("stand"), runStand},
        {QStringLiteral("edition"), runEdition},   {QStringLiteral("category"), runCategory},
        {QStringLiteral("privacy"), runPrivacy},   {QStringLiteral("letters"), runLetters},
        {QStringLiteral("publish"), runPublish},   {QStringLiteral("report"), runReport},
        {QStringLiteral("server"), runServer},     {QStringLiteral("copy"), runCopy},
        {QStringLiteral("panel"), runPanel},
    };
    return table;
}

// "-o FILE" is the one short option; it reads as "--o FILE" to the per-command parser.
QStringList expandShortOptions(const QStringList& words)
{
    QStringList expanded;
    for (const QString& word : words) {
        expanded << (word == QLatin1String("-o") ? QStringLiteral("--o") : word);
    }
    return expanded;
}

int run(const QStringList& arguments)
{
    QStringList words = expandShortOptions(arguments.mid(1));
    QString databasePath;
    // --db is global and comes before the command.
    while (!words.isEmpty() && words.first().startsWith(QLatin1String("--"))) {
        const QString option = words.takeFirst();
        if (option == QLatin1String("--help")) {
            Context::outBytes(Help);
            return 0;
        }
        if (option == QLatin1String("--version")) {
            Context::out(QStringLiteral("spotlight-cli %1").arg(QCoreApplication::applicationVersion()));
            return 0;
        }
        if (option == QLatin1String("--db") && !words.isEmpty()) {
            databasePath = words.takeFirst();
        } else if (option.startsWith(QLatin1String("--db="))) {
            databasePath = option.mid(5);
        } else {
            throw UsageError(QStringLiteral("unknown option %1").arg(option));
        }
    }
    if (words.isEmpty()) {
        throw UsageError(QStringLiteral("name a command"));
    }
    const QString name = words.takeFirst();
    if (name == QLatin1String("help")) {
        Context::outBytes(Help);
        return 0;
    }
    const auto command = commands().find(name);
    if (command == commands().end()) {
        throw UsageError(QStringLiteral("unknown command \"%1\"").arg(name));
    }
    Context context(databasePath);
    return command->second(context, words);
}

} // namespace

int main(int argc, char* argv[])
{
    // Booklets lay out text, which needs fonts but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qtMessages = qInstallMessageHandler(withoutNoiseForCurators);
    QGuiApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LIIA"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("liia.london"));
    QCoreApplication::setApplicationName(QStringLiteral("Spotlight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPOTLIGHT_VERSION));
    try {
        return run(QCoreApplication::arguments());
    } catch (const UsageError& error) {
        Context::err(QStringLiteral("spotlight-cli: %1\nTry `spotlight-cli --help`.").arg(error.message()));
        return 2;
    } catch (const Error& error) {
        Context::err(QStringLiteral("spotlight-cli: %1").arg(error.message()));
        return 1;
    }
}
