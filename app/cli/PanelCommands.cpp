// Sponsoring panels: their reviewers, the scores each reviewer gives, the review each panel agrees
// from them, and the pack a panel meets with.
#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"
#include "publishing/PanelPackPublisher.h"

#include <QDir>
#include <QFileInfo>

namespace spotlight::cli {
namespace {

const QString Usage =
    QStringLiteral("panel list [--edition E] | panel reviewer add CATEGORY NAME [--authority A] [--edition E] | "
                   "panel reviewer remove CATEGORY NAME [--edition E] | "
                   "panel score REF --reviewer NAME CRITERION=SCORE[:COMMENT]... (CRITERION=- takes one back) | "
                   "panel results CATEGORY [--edition E] | "
                   "panel agree CATEGORY [--edition E] [--query Q] [--date YYYY-MM-DD] | "
                   "panel pack [CATEGORY] [--edition E] -o DIR|FILE.pdf");

QString reviewerText(const Reviewer& reviewer)
{
    return reviewer.authority.isEmpty() ? reviewer.name
                                        : QStringLiteral("%1 (%2)").arg(reviewer.name, reviewer.authority);
}

// The official name of the authority typed, by any of its names.
QString authorityCalled(Catalogue& catalogue, const QString& typed)
{
    if (const std::optional<Authority> authority = catalogue.authorityCalled(typed)) {
        return authority->name;
    }
    throw Error(QStringLiteral("\"%1\" is not the name, short name, code or alias of a London authority.").arg(typed));
}

QString score(double value)
{
    return value > 0 ? QString::number(value, 'f', 1) : QStringLiteral("-");
}

int listPanels(Catalogue& catalogue, const QString& edition)
{
    const Edition known = catalogue.requireEdition(edition);
    Context::out(QStringLiteral("%1: scored 1-4 on %2").arg(known.name, known.criteria.join(QStringLiteral("; "))));
    for (const Category& category : catalogue.categories(known.name)) {
        QStringList reviewers;
        for (const Reviewer& reviewer : category.reviewers) {
            reviewers << reviewerText(reviewer);
        }
        Context::out(
            QStringLiteral("%1\t%2\t%3 exhibit(s)\t%4")
                .arg(category.name, category.sponsor)
                .arg(catalogue.refsIn(category.edition, category.name).size())
                .arg(reviewers.isEmpty() ? QStringLiteral("no reviewers yet") : reviewers.join(QStringLiteral(", "))));
    }
    return 0;
}

int changeReviewers(Catalogue& catalogue, const Arguments& arguments)
{
    const QStringList& words = arguments.positional();
    if (words.size() != 4 || (words.at(1) != QLatin1String("add") && words.at(1) != QLatin1String("remove"))) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(Usage));
    }
    const Category panel = catalogue.requirePanel(words.at(2), arguments.value(QStringLiteral("edition")));
    const QString name = words.at(3).trimmed();
    Category changed = panel;
    changed.reviewers.removeIf([&](const Reviewer& reviewer) { return reviewer.name == name; });
    if (words.at(1) == QLatin1String("add")) {
        const QString typed = arguments.value(QStringLiteral("authority")).trimmed();
        const Reviewer added{name, typed.isEmpty() ? QString() : authorityCalled(catalogue, typed)};
        changed.reviewers << added;
        catalogue.curation().saveCategory(panel.name, changed);
        Context::out(QStringLiteral("%1 sits on the panel of \"%2\".").arg(reviewerText(added), panel.name));
        return 0;
    }
    if (changed.reviewers.size() == panel.reviewers.size()) {
        throw Error(QStringLiteral("%1 is not on the panel of \"%2\".").arg(name, panel.name));
    }
    catalogue.curation().saveCategory(panel.name, changed);
    Context::out(QStringLiteral("%1 no longer sits on the panel of \"%2\"; the scores they gave are kept.")
                     .arg(name, panel.name));
    return 0;
}

int recordScores(Catalogue& catalogue, const Arguments& arguments)
{
    const QStringList& words = arguments.positional();
    const QString reviewer = arguments.value(QStringLiteral("reviewer")).trimmed();
    if (words.size() < 3 || reviewer.isEmpty()) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(Usage));
    }
    const QString ref = words.at(1);
    QList<PanelScore> scores;
    QStringList clearing;
    for (const QString& word : words.mid(2)) {
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            throw UsageError(QStringLiteral("\"%1\" is not CRITERION=SCORE[:COMMENT]").arg(word));
        }
        const QString criterion = word.left(equals).trimmed();
        const QString value = word.mid(equals + 1);
        if (value.trimmed() == QLatin1String("-")) {
            clearing << criterion;
            continue;
        }
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        bool isNumber = false;
        const int number = value.left(colon < 0 ? value.size() : colon).trimmed().toInt(&isNumber);
        if (!isNumber) {
            throw UsageError(QStringLiteral("\"%1\": the score comes after '=', as a number from %2 to %3")
                                 .arg(word)
                                 .arg(PanelScore::Lowest)
                                 .arg(PanelScore::Highest));
        }
        scores.append(PanelScore{reviewer, criterion, number, colon < 0 ? QString() : value.mid(colon + 1)});
    }
    catalogue.curation().recordScores(ref, reviewer, scores, clearing);
    Context::out(QStringLiteral("Recorded %1's scores of \"%2\".").arg(reviewer, ref));
    return 0;
}

int showResults(Catalogue& catalogue, const Category& panel)
{
    const QList<Catalogue::PanelReview> reviews = catalogue.panelReviews(panel);
    QStringList criteria;
    if (!reviews.isEmpty()) {
        for (const PanelResult::Criterion& criterion : reviews.first().result.criteria) {
            criteria << criterion.name;
        }
    }
    qsizetype width = 3;
    for (const Catalogue::PanelReview& review : reviews) {
        width = std::max(width, review.exhibit.ref.size());
    }
    // The ref is what a curator types next, so its column is as wide as the longest.
    Context::out(QStringLiteral("%1  %2  %3  %4")
                     .arg(QStringLiteral("REF"), -int(width))
                     .arg(criteria.join(QStringLiteral("  ")))
                     .arg(QStringLiteral("OVERALL"))
                     .arg(QStringLiteral("SUGGESTED")));
    for (const Catalogue::PanelReview& review : reviews) {
        QStringList means;
        for (const PanelResult::Criterion& criterion : review.result.criteria) {
            means << QStringLiteral("%1").arg(score(criterion.mean), int(criterion.name.size()));
        }
        QString line = QStringLiteral("%1  %2  %3  %4")
                           .arg(review.exhibit.ref, -int(width))
                           .arg(means.join(QStringLiteral("  ")))
                           .arg(score(review.result.overall), 7)
                           .arg(review.result.hasScores() ? review.result.recognition() : QStringLiteral("not scored"));
        if (!review.result.conflicted.isEmpty()) {
            line += QStringLiteral("  conflict: %1").arg(review.result.conflicted.join(QStringLiteral(", ")));
        }
        if (!review.result.waitingFor.isEmpty()) {
            line += QStringLiteral("  waiting for: %1").arg(review.result.waitingFor.join(QStringLiteral(", ")));
        }
        Context::out(line);
    }
    return 0;
}

int agree(Catalogue& catalogue, const Category& panel, const Arguments& arguments)
{
    QStringList refs = catalogue.refsIn(panel.edition, panel.name);
    if (arguments.has(QStringLiteral("query"))) {
        const QStringList matching = catalogue.refs(arguments.value(QStringLiteral("query")));
        refs.removeIf([&](const QString& ref) { return !matching.contains(ref); });
    }
    QDate date = QDate::currentDate();
    if (arguments.has(QStringLiteral("date"))) {
        date = QDate::fromString(arguments.value(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid()) {
            throw UsageError(QStringLiteral("--date takes a date as YYYY-MM-DD"));
        }
    }
    QList<std::pair<QString, Review>> agreed;
    ExpectedVersions expected;
    int unscored = 0;
    for (const Catalogue::PanelReview& review : catalogue.panelReviews(panel, refs)) {
        if (!review.result.hasScores()) {
            Context::err(
                QStringLiteral("No agreed review for \"%1\": the panel has not scored it.").arg(review.exhibit.ref));
            ++unscored;
            continue;
        }
        agreed.append({review.exhibit.ref, Panel::agreedReview(panel, review.result, date)});
        expected.insert(review.exhibit.ref, review.exhibit.version);
    }
    catalogue.curation().recordAgreedReviews(agreed, expected);
    Context::out(QStringLiteral("Recorded the agreed review of %1 of %2 exhibit(s) of \"%3\".")
                     .arg(agreed.size())
                     .arg(refs.size())
                     .arg(panel.name));
    return unscored == 0 ? 0 : 1;
}

int writePacks(Catalogue& catalogue, const Arguments& arguments)
{
    const QString out = arguments.value(QStringLiteral("o"));
    if (out.isEmpty() || arguments.positional().size() > 2) {
        throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(Usage));
    }
    const PanelPackPublisher publisher(catalogue);
    const QString edition = arguments.value(QStringLiteral("edition"));
    if (arguments.positional().size() == 2) {
        const Category panel = catalogue.requirePanel(arguments.positional().at(1), edition);
        const QString path = QFileInfo(out).isDir() ? QDir(out).filePath(PanelPackPublisher::fileNameFor(panel)) : out;
        const int pages = publisher.write(panel, path);
        Context::out(
            QStringLiteral("Wrote the panel pack of \"%1\" (%2 pages) to %3.").arg(panel.name).arg(pages).arg(path));
        return 0;
    }
    if (!QDir().mkpath(out)) {
        throw Error(QStringLiteral("Could not create the folder %1.").arg(out));
    }
    const QStringList written = publisher.writeAll(edition, out);
    for (const QString& path : written) {
        Context::out(path);
    }
    Context::out(QStringLiteral("Wrote %1 panel pack(s) to %2.").arg(written.size()).arg(out));
    return 0;
}

} // namespace

int runPanel(Context& context, const QStringList& words)
{
    const Arguments arguments(words,
                              {QStringLiteral("edition"), QStringLiteral("authority"), QStringLiteral("reviewer"),
                               QStringLiteral("query"), QStringLiteral("date"), QStringLiteral("o")},
                              {});
    const QString action = arguments.positional().value(0);
    Catalogue& catalogue = context.catalogue();
    const QString edition = arguments.value(QStringLiteral("edition"));
    if (action == QLatin1String("list")) {
        arguments.requireCount(1, 1, Usage);
        return listPanels(catalogue, edition);
    }
    if (action == QLatin1String("reviewer")) {
        return changeReviewers(catalogue, arguments);
    }
    if (action == QLatin1String("score")) {
        return recordScores(catalogue, arguments);
    }
    if (action == QLatin1String("results") || action == QLatin1String("agree")) {
        arguments.requireCount(2, 2, Usage);
        const Category panel = catalogue.requirePanel(arguments.positional().at(1), edition);
        return action == QLatin1String("results") ? showResults(catalogue, panel) : agree(catalogue, panel, arguments);
    }
    if (action == QLatin1String("pack")) {
        return writePacks(catalogue, arguments);
    }
    throw UsageError(QStringLiteral("usage: spotlight-cli %1").arg(Usage));
}

} // namespace spotlight::cli
