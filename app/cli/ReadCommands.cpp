#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "Output.h"
#include "io/ExhibitCsv.h"
#include "io/JsonCodec.h"

#include <QJsonArray>
#include <QJsonObject>

namespace spotlight::cli {
namespace {

// The query from the words, with a saved search (--saved NAME) in front of them when asked for.
QString queryFrom(Context& context, const Arguments& arguments)
{
    QString query = arguments.positional().join(QLatin1Char(' '));
    if (arguments.has(QStringLiteral("saved"))) {
        const QString name = arguments.value(QStringLiteral("saved"));
        const auto saved = context.catalogue().savedSearch(name);
        if (!saved) {
            throw Error(QStringLiteral("There is no saved search called \"%1\"; `spotlight-cli saved list` shows them.")
                            .arg(name));
        }
        query = query.trimmed().isEmpty() ? saved->query : QStringLiteral("(%1) %2").arg(saved->query, query);
    }
    return query;
}

} // namespace

int runSummary(Context& context, const QStringList& words)
{
    Arguments(words, {}, {}).requireCount(0, 0, QStringLiteral("summary"));
    Catalogue& catalogue = context.catalogue();
    const CatalogueSummary summary = catalogue.summary();
    Context::out(QStringLiteral("Catalogue:   %1%2")
                     .arg(catalogue.path(), catalogue.isReadOnly() ? QStringLiteral(" (read-only)") : QString()));
    Context::out(QStringLiteral("Exhibits:    %1, from %2 of the %3 London authorities")
                     .arg(summary.exhibits)
                     .arg(summary.authoritiesWithExhibits)
                     .arg(summary.authorities));
    Context::out(QStringLiteral("Editions:    %1 (%2 categories)").arg(summary.editions).arg(summary.categories));
    Context::out(QStringLiteral("Tags:        %1").arg(summary.tags));
    Context::out(QString());
    Context::out(Output::exhibitTable(catalogue.search(QString(), 20), 0));
    return 0;
}

int runSearch(Context& context, const QStringList& words)
{
    const Arguments arguments(
        words, {QStringLiteral("format"), QStringLiteral("limit"), QStringLiteral("offset"), QStringLiteral("saved")},
        {});
    const QString format = arguments.choice(QStringLiteral("format"),
                                            {QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv")},
                                            QStringLiteral("table"));
    const int limit = arguments.integer(QStringLiteral("limit"), 50);
    const int offset = arguments.integer(QStringLiteral("offset"), 0);
    const QString query = queryFrom(context, arguments);
    const ExhibitPage page = context.catalogue().search(query, limit, offset);
    if (format == QLatin1String("json")) {
        QJsonArray exhibits;
        for (const Exhibit& exhibit : page.exhibits) {
            exhibits.append(JsonCodec::toJson(exhibit, false));
        }
        Context::outBytes(Output::json(QJsonObject{{QStringLiteral("query"), query},
                                                   {QStringLiteral("total"), page.total},
                                                   {QStringLiteral("offset"), offset},
                                                   {QStringLiteral("exhibits"), exhibits}}));
    } else if (format == QLatin1String("csv")) {
        Context::outBytes(ExhibitCsv::write(page.exhibits, false));
    } else {
        Context::out(Output::exhibitTable(page, offset));
    }
    if (page.total == 0) {
        // On stderr, so that the JSON or CSV a script reads stays as it was.
        const NoMatchExplanation why = context.catalogue().explainNoMatches(query);
        if (!why.isEmpty()) {
            Context::err(why.message);
        }
        for (const NoMatchExplanation::Culprit& culprit : why.culprits) {
            Context::err(QStringLiteral("  without %1 (%2): %3")
                             .arg(NoMatchExplanation::quoted(culprit.term))
                             .arg(culprit.matchesWithout)
                             .arg(culprit.queryWithout));
        }
    }
    return 0;
}

int runShow(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {QStringLiteral("format")}, {});
    arguments.requireCount(1, 1, QStringLiteral("show REF [--format text|json]"));
    const QString format = arguments.choice(QStringLiteral("format"), {QStringLiteral("text"), QStringLiteral("json")},
                                            QStringLiteral("text"));
    const QString ref = arguments.positional().first();
    const auto exhibit = context.catalogue().exhibit(ref);
    if (!exhibit) {
        throw Error(QStringLiteral("No exhibit has the ref \"%1\"; `spotlight-cli search` lists them.").arg(ref));
    }
    const QList<ExhibitMention> later = context.catalogue().resubmissionsOf(ref);
    if (format == QLatin1String("json")) {
        QJsonObject object = JsonCodec::toJson(*exhibit, true);
        if (!later.isEmpty()) {
            QJsonArray refs;
            for (const ExhibitMention& again : later) {
                refs.append(again.ref);
            }
            object.insert(QStringLiteral("resubmitted_by"), refs);
        }
        Context::outBytes(Output::json(object));
    } else {
        const std::optional<ExhibitMention> earlier =
            exhibit->resubmissionOf.isEmpty() ? std::nullopt : context.catalogue().mention(exhibit->resubmissionOf);
        Context::out(Output::exhibitText(*exhibit, earlier, later));
    }
    return 0;
}

int runFacets(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {QStringLiteral("format")}, {});
    const QString format = arguments.choice(QStringLiteral("format"), {QStringLiteral("text"), QStringLiteral("json")},
                                            QStringLiteral("text"));
    const Facets facets = context.catalogue().facets(arguments.positional().join(QLatin1Char(' ')));
    if (format == QLatin1String("json")) {
        Context::outBytes(Output::json(Output::facetsJson(facets)));
    } else {
        Context::out(Output::facetsText(facets));
    }
    return 0;
}

int runHistory(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {}, {});
    arguments.requireCount(1, 1, QStringLiteral("history REF"));
    const QList<ChangeLogEntry> entries = context.catalogue().history(arguments.positional().first());
    if (entries.isEmpty()) {
        Context::out(QStringLiteral("No changes are recorded for \"%1\".").arg(arguments.positional().first()));
    }
    for (const ChangeLogEntry& entry : entries) {
        QString line = QStringLiteral("%1  %2  %3").arg(entry.at.toString(Qt::ISODate), entry.who, entry.action);
        if (!entry.field.isEmpty()) {
            line += QStringLiteral(" %1").arg(entry.field);
        }
        if (!entry.before.isEmpty() || !entry.after.isEmpty()) {
            line += QStringLiteral(": \"%1\" -> \"%2\"").arg(entry.before, entry.after);
        }
        Context::out(line);
    }
    return 0;
}

} // namespace spotlight::cli
