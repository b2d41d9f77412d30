// The privacy check from the command line: listing findings, marking them reviewed, and the gate
// that export and letters pass through.
#include "PrivacyCommands.h"

#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "publishing/PublicationGate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spotlight::cli {
namespace {

// Findings are named REF#N, N counting from 1 in the order the check gives them for that exhibit;
// the numbering holds until the exhibit's text changes.
QList<std::pair<QString, PrivacyFinding>> numbered(const QList<PrivacyFinding>& findings)
{
    QList<std::pair<QString, PrivacyFinding>> result;
    QHash<QString, int> counts;
    for (const PrivacyFinding& finding : findings) {
        result << std::pair{QStringLiteral("%1#%2").arg(finding.exhibitRef).arg(++counts[finding.exhibitRef]), finding};
    }
    return result;
}

} // namespace

void requirePrivacyReviewed(const Catalogue& catalogue, const QString& query, bool allowUnreviewed)
{
    if (!allowUnreviewed) {
        requireClear(PublicationGate::check(catalogue, catalogue.matchingIds(query)), query);
    }
}

void requirePrivacyReviewed(const Catalogue& catalogue, const QList<Exhibit>& exhibits, const QString& query,
                            bool allowUnreviewed)
{
    if (!allowUnreviewed) {
        requireClear(PublicationGate::check(catalogue, exhibits), query);
    }
}

void requireClear(const PublicationGate::Verdict& verdict, const QString& query)
{
    if (!verdict.clear()) {
        const QStringList& sorted = verdict.refs;
        throw Error(QStringLiteral("%1 privacy finding(s) in %2 exhibit(s) are not reviewed yet (%3). See them with "
                                   "`spotlight-cli check --privacy%4`, mark each with `spotlight-cli privacy mark "
                                   "REF#N --reason TEXT`, or publish anyway with --allow-unreviewed.")
                        .arg(verdict.unreviewed)
                        .arg(sorted.size())
                        .arg(sorted.mid(0, 5).join(QStringLiteral(", ")) +
                             (sorted.size() > 5 ? QStringLiteral(", ...") : QString()))
                        .arg(query.isEmpty() ? QString() : QStringLiteral(" --query '%1'").arg(query)));
    }
}

// check --privacy [--query Q] [--all] [--format text|json]: exit 1 while any finding is unreviewed.
int runPrivacyCheck(Context& context, const Arguments& arguments)
{
    const bool json = arguments.choice(QStringLiteral("format"), {QStringLiteral("text"), QStringLiteral("json")},
                                       QStringLiteral("text")) == QLatin1String("json");
    const bool all = arguments.has(QStringLiteral("all"));
    const auto findings = numbered(context.catalogue().privacyFindings(arguments.value(QStringLiteral("query"))));
    int unreviewed = 0;
    QJsonArray array;
    for (const auto& [id, finding] : findings) {
        unreviewed += finding.reviewed ? 0 : 1;
        if (finding.reviewed && !all) {
            continue;
        }
        if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("ref"), finding.exhibitRef},
                                     {QStringLiteral("field"), finding.field},
                                     {QStringLiteral("kind"), finding.kind},
                                     {QStringLiteral("match"), finding.match},
                                     {QStringLiteral("excerpt"), finding.excerpt},
                                     {QStringLiteral("reviewed"), finding.reviewed},
                                     {QStringLiteral("reason"), finding.reviewReason}});
            continue;
        }
        Context::out(QStringLiteral("%1  %2  %3: %4").arg(id, finding.field, finding.kind, finding.excerpt));
        if (finding.reviewed) {
            Context::out(QStringLiteral("    reviewed by %1: %2").arg(finding.reviewedBy, finding.reviewReason));
        }
    }
    if (json) {
        Context::outBytes(QJsonDocument(array).toJson());
    } else {
        Context::out(QStringLiteral("%1 finding(s), %2 not reviewed.").arg(findings.size()).arg(unreviewed));
    }
    return unreviewed == 0 ? 0 : 1;
}

int runPrivacy(Context& context, const QStringList& words)
{
    const QString usage = QStringLiteral("privacy mark REF#N --reason TEXT | privacy unmark REF#N");
    const Arguments arguments(words, {QStringLiteral("reason")}, {});
    const QString action = arguments.positional().value(0);
    if (action != QLatin1String("mark") && action != QLatin1String("unmark")) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(usage));
    }
    arguments.requireCount(2, 2, usage);
    const QString id = arguments.positional().at(1);
    const QString ref = id.section(QLatin1Char('#'), 0, 0);
    const QList<Exhibit> exhibit{context.catalogue().requireExhibit(ref)};
    for (const auto& [name, finding] : numbered(context.catalogue().privacyFindings(exhibit))) {
        if (name != id) {
            continue;
        }
        if (action == QLatin1String("unmark")) {
            context.catalogue().curation().unmarkPrivacyReviewed(finding);
            Context::out(
                QStringLiteral("%1 (%2: %3) is no longer marked reviewed.").arg(id, finding.kind, finding.match));
        } else {
            context.catalogue().curation().markPrivacyReviewed(finding, arguments.value(QStringLiteral("reason")));
            Context::out(QStringLiteral("Marked %1 (%2: %3) as reviewed.").arg(id, finding.kind, finding.match));
        }
        return 0;
    }
    throw Error(QStringLiteral("There is no finding %1; `spotlight-cli check --privacy` lists them.").arg(id));
}

} // namespace spotlight::cli
