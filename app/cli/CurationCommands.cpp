// The curator's commands: editions and categories, moving exhibits through the workflow, panel
// reviews, letters of recognition, and the live event's stands and floor list.
#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "PrivacyCommands.h"
#include "io/SafeFile.h"
#include "publishing/CsvPublisher.h"
#include "publishing/FloorListPublisher.h"
#include "publishing/LetterPublisher.h"

#include <QFile>

namespace spotlight::cli {
namespace {

// The exhibits a command applies to: the refs given, or every exhibit that --query matches.
QStringList chosenRefs(Context& context, const Arguments& arguments, const QStringList& refs, const QString& usage)
{
    if (arguments.has(QStringLiteral("query"))) {
        if (!refs.isEmpty()) {
            throw UsageError(QStringLiteral("give refs or --query, not both: %1").arg(usage));
        }
        return context.catalogue().refs(arguments.value(QStringLiteral("query")));
    }
    if (refs.isEmpty()) {
        throw UsageError(QStringLiteral("name an exhibit: %1").arg(usage));
    }
    return refs;
}

QDate dateOption(const Arguments& arguments, const QString& option)
{
    const QString text = arguments.value(option);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!text.isEmpty() && !date.isValid()) {
        throw UsageError(QStringLiteral("--%1 takes a date as YYYY-MM-DD, not \"%2\"").arg(option, text));
    }
    return date;
}

} // namespace

int runStatus(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral("status REF... STATUS | status --query Q STATUS");
    const Arguments arguments(words, {QStringLiteral("query")}, {});
    QStringList positional = arguments.positional();
    if (positional.isEmpty()) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
    }
    const QString statusText = positional.takeLast();
    const auto status = statusFromText(statusText);
    if (!status) {
        throw UsageError(QStringLiteral("unknown status \"%1\"; one of %2")
                             .arg(statusText, allStatusKeys().join(QStringLiteral(", "))));
    }
    const QStringList refs = chosenRefs(context, arguments, positional, usage);
    const QStringList refusals = context.catalogue().curation().setStatus(refs, *status);
    for (const QString& refusal : refusals) {
        Context::err(refusal + QLatin1Char('.'));
    }
    Context::out(QStringLiteral("Moved %1 of %2 exhibit(s) to %3.")
                     .arg(refs.size() - refusals.size())
                     .arg(refs.size())
                     .arg(statusLabel(*status).toLower()));
    return refusals.isEmpty() ? 0 : 1;
}

int runReview(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral(
        "review add REF --panel P --date YYYY-MM-DD [--reviewers NAMES] [--feedback TEXT] [--recognition TEXT]");
    const Arguments arguments(words,
                              {QStringLiteral("panel"), QStringLiteral("date"), QStringLiteral("reviewers"),
                               QStringLiteral("feedback"), QStringLiteral("recognition")},
                              {});
    if (arguments.positional().value(0) != QLatin1String("add")) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
    }
    arguments.requireCount(2, 2, usage);
    const QString ref = arguments.positional().at(1);
    Review review;
    review.panel = arguments.value(QStringLiteral("panel")).trimmed();
    review.date = dateOption(arguments, QStringLiteral("date"));
    review.reviewers = arguments.value(QStringLiteral("reviewers")).trimmed();
    review.feedback = arguments.value(QStringLiteral("feedback")).trimmed();
    review.recognition = arguments.value(QStringLiteral("recognition")).trimmed();
    context.catalogue().curation().addReview(ref, review);
    Context::out(QStringLiteral("Recorded the %1 review of \"%2\".").arg(review.panel, ref));
    return 0;
}

int runStand(Context& context, const QStringList& words)
{
    const QString usage =
        QStringLiteral("stand set REF NUMBER | stand clear REF | stand assign [REF... | --query Q] [--from N] | "
                       "stand list [--query Q] [-o FILE.csv|FILE.pdf] | stand cards [--query Q] -o FILE.pdf");
    const Arguments arguments(words, {QStringLiteral("query"), QStringLiteral("from"), QStringLiteral("o")}, {});
    const QString action = arguments.positional().value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("set") || action == QLatin1String("clear")) {
        const bool set = action == QLatin1String("set");
        arguments.requireCount(set ? 3 : 2, set ? 3 : 2, usage);
        const QString ref = arguments.positional().at(1);
        Exhibit changed = catalogue.requireExhibit(ref);
        changed.standNumber = set ? arguments.positional().at(2).trimmed() : QString();
        catalogue.curation().updateExhibit(changed);
        Context::out(set ? QStringLiteral("\"%1\" is at stand %2.").arg(ref, changed.standNumber)
                         : QStringLiteral("\"%1\" has no stand now.").arg(ref));
        return 0;
    }
    if (action == QLatin1String("assign")) {
        // Without refs or a query: every showcased exhibit still without a stand, by title.
        QStringList refs;
        if (arguments.positional().size() > 1 || arguments.has(QStringLiteral("query"))) {
            refs = chosenRefs(context, arguments, arguments.positional().mid(1), usage);
        } else {
            for (const Exhibit& exhibit : catalogue.exhibits(QStringLiteral("status:showcased"))) {
                if (exhibit.standNumber.isEmpty()) {
                    refs << exhibit.ref;
                }
            }
        }
        QStringList given;
        for (const QString& ref : refs) {
            if (!catalogue.requireExhibit(ref).standNumber.isEmpty()) {
                given << ref;
            }
        }
        const QStringList stands =
            catalogue.curation().assignStands(refs, arguments.integer(QStringLiteral("from"), 1));
        for (qsizetype i = 0; i < refs.size(); ++i) {
            Context::out(QStringLiteral("%1\t%2%3")
                             .arg(stands.at(i), refs.at(i),
                                  given.contains(refs.at(i)) ? QStringLiteral("\t(kept)") : QString()));
        }
        return 0;
    }
    if (action == QLatin1String("cards")) {
        arguments.requireCount(1, 1, usage);
        const QString path = arguments.value(QStringLiteral("o"));
        if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            throw UsageError(QStringLiteral("stand cards needs a PDF to write them to: -o FILE.pdf"));
        }
        const int cards = FloorListPublisher(catalogue).writeCards(arguments.value(QStringLiteral("query")), path);
        Context::out(QStringLiteral("Wrote %1 stand card(s) to %2").arg(cards).arg(path));
        return 0;
    }
    if (action == QLatin1String("list")) {
        arguments.requireCount(1, 1, usage);
        const QString path = arguments.value(QStringLiteral("o"));
        if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            const int pages = FloorListPublisher(catalogue).writeList(arguments.value(QStringLiteral("query")), path);
            Context::out(QStringLiteral("Wrote %1 (%2 page(s))").arg(path).arg(pages));
            return 0;
        }
        const QByteArray csv = CsvPublisher(catalogue).floorList(arguments.value(QStringLiteral("query")));
        if (arguments.has(QStringLiteral("o"))) {
            writeFileAtomically(arguments.value(QStringLiteral("o")), csv);
            Context::out(QStringLiteral("Wrote %1").arg(arguments.value(QStringLiteral("o"))));
        } else {
            Context::outBytes(csv.mid(3)); // without the byte order mark meant for spreadsheets
        }
        return 0;
    }
    throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
}

namespace {

const QString EditionUsage =
    QStringLiteral("edition list | edition add NAME --year YYYY [--event E] [--starts D] [--ends D] [--venue V] "
                   "[--description T] [--signatory NAME] [--signatory-role ROLE] [--criteria \"C1; C2; ...\"] | "
                   "edition edit NAME [the same options, "
                   "--name NEW] | edition archive NAME | edition unarchive NAME | edition remove NAME | "
                   "edition merge FROM --into NAME");

const QSet<QString> EditionOptions{
    QStringLiteral("year"),      QStringLiteral("event"),          QStringLiteral("starts"),
    QStringLiteral("ends"),      QStringLiteral("venue"),          QStringLiteral("description"),
    QStringLiteral("signatory"), QStringLiteral("signatory-role"), QStringLiteral("name"),
    QStringLiteral("into"),      QStringLiteral("criteria")};

QString exhibitCount(int count)
{
    return count == 1 ? QStringLiteral("1 exhibit") : QStringLiteral("%1 exhibits").arg(count);
}

QString requireInto(const Arguments& arguments, const QString& usage)
{
    const QString into = arguments.value(QStringLiteral("into")).trimmed();
    if (into.isEmpty()) {
        throw UsageError(QStringLiteral("say what to merge into with --into NAME: %1").arg(usage));
    }
    return into;
}

Edition editionFrom(const Arguments& arguments, Edition edition)
{
    edition.name = arguments.value(QStringLiteral("name"), edition.name);
    edition.year = arguments.integer(QStringLiteral("year"), edition.year);
    edition.event = arguments.value(QStringLiteral("event"), edition.event);
    if (arguments.has(QStringLiteral("starts"))) {
        edition.startsOn = dateOption(arguments, QStringLiteral("starts"));
    }
    if (arguments.has(QStringLiteral("ends"))) {
        edition.endsOn = dateOption(arguments, QStringLiteral("ends"));
    }
    edition.venue = arguments.value(QStringLiteral("venue"), edition.venue);
    edition.description = arguments.value(QStringLiteral("description"), edition.description);
    edition.signatoryName = arguments.value(QStringLiteral("signatory"), edition.signatoryName);
    edition.signatoryRole = arguments.value(QStringLiteral("signatory-role"), edition.signatoryRole);
    if (arguments.has(QStringLiteral("criteria"))) {
        edition.criteria.clear();
        for (const QString& criterion : arguments.value(QStringLiteral("criteria")).split(QLatin1Char(';'))) {
            if (!criterion.trimmed().isEmpty()) {
                edition.criteria << criterion.trimmed();
            }
        }
    }
    return edition;
}

Edition existingEdition(Catalogue& catalogue, const QString& name)
{
    for (const Edition& edition : catalogue.editions()) {
        if (edition.name.compare(name, Qt::CaseInsensitive) == 0) {
            return edition;
        }
    }
    throw Error(
        QStringLiteral("There is no edition called \"%1\"; `spotlight-cli edition list` shows them.").arg(name));
}

} // namespace

int runEdition(Context& context, const QStringList& words)
{
    const Arguments arguments(words, EditionOptions, {});
    const QString action = arguments.positional().value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("list")) {
        arguments.requireCount(1, 1, EditionUsage);
        const std::optional<Edition> current = catalogue.currentEdition();
        for (const Edition& edition : catalogue.editions()) {
            QString line = QStringLiteral("%1\t%2\t%3").arg(edition.name).arg(edition.year).arg(edition.event);
            if (edition.archived) {
                line += QStringLiteral("\t(archived)");
            } else if (current && current->name == edition.name) {
                line += QStringLiteral("\t(current)");
            }
            Context::out(line);
            for (const Category& category : catalogue.categories(edition.name)) {
                Context::out(QStringLiteral("  %1\t%2").arg(category.name, category.sponsor));
            }
        }
        return 0;
    }
    if (action == QLatin1String("add")) {
        arguments.requireCount(2, 2, EditionUsage);
        if (!arguments.has(QStringLiteral("year"))) {
            throw UsageError(QStringLiteral("edition add needs --year"));
        }
        Edition edition;
        edition.name = arguments.positional().at(1);
        catalogue.curation().saveEdition({}, editionFrom(arguments, edition));
        Context::out(QStringLiteral("Added the edition \"%1\".").arg(edition.name));
        return 0;
    }
    if (action == QLatin1String("edit") || action == QLatin1String("archive") || action == QLatin1String("unarchive")) {
        arguments.requireCount(2, 2, EditionUsage);
        const Edition existing = existingEdition(catalogue, arguments.positional().at(1));
        if (action == QLatin1String("edit")) {
            catalogue.curation().saveEdition(existing.name, editionFrom(arguments, existing));
        } else {
            catalogue.curation().setEditionArchived(existing.name, action == QLatin1String("archive"));
        }
        Context::out(
            QStringLiteral("Saved the edition \"%1\".").arg(arguments.value(QStringLiteral("name"), existing.name)));
        return 0;
    }
    if (action == QLatin1String("remove")) {
        arguments.requireCount(2, 2, EditionUsage);
        const Edition existing = existingEdition(catalogue, arguments.positional().at(1));
        catalogue.curation().removeEdition(existing.name);
        Context::out(QStringLiteral("Removed the edition \"%1\" and its categories.").arg(existing.name));
        return 0;
    }
    if (action == QLatin1String("merge")) {
        arguments.requireCount(2, 2, EditionUsage);
        const QString into = requireInto(arguments, EditionUsage);
        const Edition from = existingEdition(catalogue, arguments.positional().at(1));
        const Edition target = existingEdition(catalogue, into);
        QStringList standsCleared;
        const int moved = catalogue.curation().mergeEdition(from.name, target.name, &standsCleared);
        Context::out(QStringLiteral("Moved %1 from \"%2\" into \"%3\" and removed \"%2\".")
                         .arg(exhibitCount(moved), from.name, target.name));
        for (const QString& ref : standsCleared) {
            Context::out(QStringLiteral("\"%1\" has no stand now: another exhibit of \"%2\" has its number; "
                                        "give it one with `spotlight-cli stand set`.")
                             .arg(ref, target.name));
        }
        return 0;
    }
    throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(EditionUsage));
}

int runCategory(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral(
        "category add EDITION NAME [--sponsor S] [--description T] | category edit EDITION NAME [--name NEW] "
        "[--sponsor S] [--description T] | category remove EDITION NAME | category merge EDITION FROM --into NAME | "
        "category set REF CATEGORY...");
    const Arguments arguments(
        words,
        {QStringLiteral("sponsor"), QStringLiteral("description"), QStringLiteral("name"), QStringLiteral("into")}, {});
    const QString action = arguments.positional().value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("set")) {
        // Moves an exhibit to other categories of its edition, or gives it several.
        if (arguments.positional().size() < 3) {
            throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
        }
        const QString ref = arguments.positional().at(1);
        Exhibit moved = catalogue.requireExhibit(ref);
        moved.categories = arguments.positional().mid(2);
        catalogue.curation().updateExhibit(moved);
        Context::out(
            QStringLiteral("\"%1\" is in %2.").arg(ref, catalogue.exhibit(ref)->categories.join(QStringLiteral("; "))));
        return 0;
    }
    arguments.requireCount(3, 3, usage);
    const Edition edition = existingEdition(catalogue, arguments.positional().at(1));
    const QString name = arguments.positional().at(2);
    if (action == QLatin1String("add")) {
        catalogue.curation().saveCategory({}, Category{edition.name, name, arguments.value(QStringLiteral("sponsor")),
                                                       arguments.value(QStringLiteral("description"))});
        Context::out(QStringLiteral("Added the category \"%1\" to %2.").arg(name, edition.name));
        return 0;
    }
    for (const Category& category : catalogue.categories(edition.name)) {
        if (category.name.compare(name, Qt::CaseInsensitive) != 0) {
            continue;
        }
        if (action == QLatin1String("remove")) {
            catalogue.curation().removeCategory(category);
            Context::out(QStringLiteral("Removed the category \"%1\".").arg(category.name));
            return 0;
        }
        if (action == QLatin1String("merge")) {
            QString into = requireInto(arguments, usage);
            for (const Category& other : catalogue.categories(edition.name)) {
                if (other.name.compare(into, Qt::CaseInsensitive) == 0) {
                    into = other.name; // as the catalogue spells it
                }
            }
            const int moved = catalogue.curation().mergeCategory(category, into);
            Context::out(QStringLiteral("Moved %1 from \"%2\" into \"%3\" and removed \"%2\".")
                             .arg(exhibitCount(moved), category.name, into));
            return 0;
        }
        if (action == QLatin1String("edit")) {
            Category edited = category; // its panel's reviewers stay
            edited.name = arguments.value(QStringLiteral("name"), category.name);
            edited.sponsor = arguments.value(QStringLiteral("sponsor"), category.sponsor);
            edited.description = arguments.value(QStringLiteral("description"), category.description);
            catalogue.curation().saveCategory(category.name, edited);
            Context::out(QStringLiteral("Saved the category \"%1\".")
                             .arg(arguments.value(QStringLiteral("name"), category.name)));
            return 0;
        }
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
    }
    throw Error(QStringLiteral("%1 has no category called \"%2\".").arg(edition.name, name));
}

int runLetters(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral(
        "letters [--query Q] [--template FILE.html] [--allow-unreviewed] -o DIR | ... --combined -o FILE.pdf");
    const Arguments arguments(words, {QStringLiteral("query"), QStringLiteral("template"), QStringLiteral("o")},
                              {QStringLiteral("allow-unreviewed"), QStringLiteral("combined")});
    arguments.requireCount(0, 0, usage);
    const bool combined = arguments.has(QStringLiteral("combined"));
    const QString target = arguments.value(QStringLiteral("o"));
    if (target.isEmpty()) {
        throw UsageError(combined ? QStringLiteral("letters --combined needs a PDF to write them to: -o FILE.pdf")
                                  : QStringLiteral("letters needs a folder to write them to: -o DIR"));
    }
    const Letter::Template letterTemplate = arguments.has(QStringLiteral("template"))
                                                ? Letter::Template::read(arguments.value(QStringLiteral("template")))
                                                : Letter::Template();
    Catalogue& catalogue = context.catalogue();
    const QString query = arguments.value(QStringLiteral("query"));
    const QList<Exhibit> exhibits = catalogue.exhibits(query);
    // Only what goes out in a letter needs its findings reviewed.
    requirePrivacyReviewed(catalogue, LetterPublisher::lettered(exhibits), query,
                           arguments.has(QStringLiteral("allow-unreviewed")));
    const LetterPublisher publisher(catalogue);
    const QStringList skipped = combined ? publisher.writeCombined(exhibits, target, letterTemplate)
                                         : publisher.write(exhibits, target, letterTemplate);
    for (const QString& ref : skipped) {
        Context::err(QStringLiteral("No letter for \"%1\": no panel review is recorded for it.").arg(ref));
    }
    Context::out(QStringLiteral("Wrote %1 letter(s) %2 %3.")
                     .arg(exhibits.size() - skipped.size())
                     .arg(combined ? QStringLiteral("into") : QStringLiteral("to"), target));
    return 0;
}

} // namespace spotlight::cli
