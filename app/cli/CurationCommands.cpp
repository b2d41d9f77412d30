// The curator's commands: moving exhibits through the workflow, panel reviews, and the live
// event's stands and floor list.
#include "Arguments.h"
#include "Commands.h"
#include "Context.h"

#include "Error.h"
#include "io/SafeFile.h"

namespace spotlight::cli {
namespace {

// The exhibits a command applies to: the refs given, or every exhibit that --query matches.
QStringList chosenRefs(Context& context, const Arguments& arguments, const QStringList& refs, const QString& usage)
{
    if (arguments.has(QStringLiteral("query"))) {
        if (!refs.isEmpty()) {
            throw UsageError(QStringLiteral("give refs or --query, not both: %1").arg(usage));
        }
        QStringList matching;
        for (const Exhibit& exhibit : context.catalogue().exhibits(arguments.value(QStringLiteral("query")))) {
            matching << exhibit.ref;
        }
        return matching;
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
    const QStringList refusals = context.catalogue().setStatus(refs, *status);
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
    context.catalogue().addReview(ref, review);
    Context::out(QStringLiteral("Recorded the %1 review of \"%2\".").arg(review.panel, ref));
    return 0;
}

int runStand(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral(
        "stand set REF NUMBER | stand clear REF | stand assign [REF... | --query Q] [--from N] | "
        "stand list [--query Q] [-o FILE.csv]");
    const Arguments arguments(words, {QStringLiteral("query"), QStringLiteral("from"), QStringLiteral("o")}, {});
    const QString action = arguments.positional().value(0);
    Catalogue& catalogue = context.catalogue();
    if (action == QLatin1String("set") || action == QLatin1String("clear")) {
        const bool set = action == QLatin1String("set");
        arguments.requireCount(set ? 3 : 2, set ? 3 : 2, usage);
        const QString ref = arguments.positional().at(1);
        const auto exhibit = catalogue.exhibit(ref);
        if (!exhibit) {
            throw Error(QStringLiteral("No exhibit has the ref \"%1\".").arg(ref));
        }
        Exhibit changed = *exhibit;
        changed.standNumber = set ? arguments.positional().at(2).trimmed() : QString();
        catalogue.updateExhibit(changed);
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
        const QStringList stands = catalogue.assignStands(refs, arguments.integer(QStringLiteral("from"), 1));
        for (qsizetype i = 0; i < refs.size(); ++i) {
            Context::out(QStringLiteral("%1\t%2").arg(stands.at(i), refs.at(i)));
        }
        return 0;
    }
    if (action == QLatin1String("list")) {
        arguments.requireCount(1, 1, usage);
        const QByteArray csv = catalogue.floorListCsv(arguments.value(QStringLiteral("query")));
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

} // namespace spotlight::cli
