#include "Output.h"

#include "domain/EvidenceKind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spotlight::cli::Output {
namespace {

QString fit(const QString& text, qsizetype width)
{
    if (text.size() <= width) {
        return text.leftJustified(width);
    }
    return text.left(width - 1) + QChar(0x2026);
}

void section(QStringList& lines, const QString& title, const QString& body)
{
    if (!body.trimmed().isEmpty()) {
        lines << QString() << title << body;
    }
}

} // namespace

QString exhibitTable(const ExhibitPage& page, int offset)
{
    if (page.exhibits.isEmpty()) {
        return page.total == 0 ? QStringLiteral("No exhibits match.")
                               : QStringLiteral("No exhibits on this page (%1 match in all).").arg(page.total);
    }
    qsizetype refWidth = 3;
    qsizetype leadWidth = 4;
    for (const Exhibit& exhibit : page.exhibits) {
        refWidth = std::max(refWidth, exhibit.ref.size());
        leadWidth = std::max(leadWidth, exhibit.leadAuthority.size());
    }
    // The ref is what a person types next, so it is never cut short; the other columns are.
    leadWidth = std::min<qsizetype>(leadWidth, 24);
    constexpr qsizetype TitleWidth = 60;
    QStringList lines;
    lines << QStringLiteral("%1  %2  %3  %4  %5")
                 .arg(fit(QStringLiteral("REF"), refWidth), fit(QStringLiteral("TITLE"), TitleWidth),
                      fit(QStringLiteral("LEAD"), leadWidth), QStringLiteral("LEVEL"), QStringLiteral("STATUS"));
    for (const Exhibit& exhibit : page.exhibits) {
        lines << QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(fit(exhibit.ref, refWidth), fit(exhibit.title, TitleWidth),
                          fit(exhibit.leadAuthority, leadWidth), fit(QString::number(exhibit.evidenceLevel), 5),
                          statusKey(exhibit.status));
    }
    lines << QString();
    lines << QStringLiteral("%1-%2 of %3 exhibits%4")
                 .arg(offset + 1)
                 .arg(offset + page.exhibits.size())
                 .arg(page.total)
                 .arg(page.ranked ? QStringLiteral(", best match first") : QStringLiteral(", by title"));
    return lines.join(QLatin1Char('\n'));
}

namespace {

// "Submitted before, in 2025: Title (ref)": the same words as the window's detail pane.
QString resubmissionLine(const QString& what, const ExhibitMention& other)
{
    const QString when = other.when().isEmpty() ? QString() : QStringLiteral(", in %1").arg(other.when());
    return QStringLiteral("%1%2: %3 (%4)").arg(what, when, other.title, other.ref);
}

} // namespace

QString exhibitText(const Exhibit& exhibit, const std::optional<ExhibitMention>& earlier,
                    const QList<ExhibitMention>& later)
{
    QStringList lines;
    lines << exhibit.title << QString(exhibit.title.size(), QLatin1Char('='));
    lines << QStringLiteral("Ref:          %1").arg(exhibit.ref);
    QStringList authorities{exhibit.leadAuthority + QStringLiteral(" (lead)")};
    authorities << exhibit.partnerAuthorities;
    lines << QStringLiteral("Authorities:  %1").arg(authorities.join(QStringLiteral(", ")));
    lines << QStringLiteral("Edition:      %1").arg(exhibit.edition.isEmpty() ? QStringLiteral("-") : exhibit.edition);
    lines << QStringLiteral("Categories:   %1")
                 .arg(exhibit.categories.isEmpty() ? QStringLiteral("-")
                                                   : exhibit.categories.join(QStringLiteral("; ")));
    if (earlier) {
        lines << resubmissionLine(QStringLiteral("Submitted before"), *earlier);
    }
    for (const ExhibitMention& again : later) {
        lines << resubmissionLine(QStringLiteral("Submitted again"), again);
    }
    lines << QStringLiteral("Status:       %1").arg(statusLabel(exhibit.status));
    lines << QStringLiteral("Evidence:     level %1, %2")
                 .arg(exhibit.evidenceLevel)
                 .arg(evidenceLevelLabel(exhibit.evidenceLevel));
    lines << QStringLiteral("Tags:         %1")
                 .arg(exhibit.tags.isEmpty() ? QStringLiteral("-") : exhibit.tags.join(QStringLiteral(", ")));
    if (!exhibit.contact.isEmpty()) {
        QStringList contact{exhibit.contact.name, exhibit.contact.role, exhibit.contact.email, exhibit.contact.phone};
        contact.removeAll(QString());
        lines << QStringLiteral("Contact:      %1").arg(contact.join(QStringLiteral(", ")));
    }
    section(lines, QStringLiteral("Summary"), exhibit.summary);
    section(lines, QStringLiteral("Description"), exhibit.description);
    QStringList evidence;
    for (const Evidence& item : exhibit.evidence) {
        evidence << QStringLiteral("- [level %1] %2: %3").arg(item.level).arg(evidenceKindLabel(item.kind), item.title);
    }
    section(lines, QStringLiteral("Evidence"), evidence.join(QLatin1Char('\n')));
    QStringList reviews;
    for (const Review& review : exhibit.reviews) {
        QString line = QStringLiteral("- %1, %2").arg(review.panel, review.date.toString(Qt::ISODate));
        if (!review.reviewers.isEmpty()) {
            line += QStringLiteral(" (reviewed by %1)").arg(review.reviewers);
        }
        if (!review.recognition.isEmpty()) {
            line += QStringLiteral(": %1").arg(review.recognition);
        }
        if (!review.feedback.isEmpty()) {
            line += QStringLiteral("\n  %1").arg(review.feedback);
        }
        reviews << line;
    }
    section(lines, QStringLiteral("Reviews"), reviews.join(QLatin1Char('\n')));
    QStringList scores;
    for (const PanelScore& score : exhibit.scores) {
        scores << QStringLiteral("- %1, %2: %3 of %4%5")
                      .arg(score.reviewer, score.criterion)
                      .arg(score.score)
                      .arg(PanelScore::Highest)
                      .arg(score.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(score.comment));
    }
    section(lines, QStringLiteral("Panel scores"), scores.join(QLatin1Char('\n')));
    return lines.join(QLatin1Char('\n'));
}

QString facetsText(const Facets& facets)
{
    QStringList lines;
    auto list = [&lines](const QString& title, const QList<FacetValue>& values) {
        lines << title;
        if (values.isEmpty()) {
            lines << QStringLiteral("  (none)");
        }
        for (const FacetValue& value : values) {
            lines << QStringLiteral("  %1  %2").arg(value.count, 6).arg(value.label);
        }
        lines << QString();
    };
    list(QStringLiteral("Authorities"), facets.authorities);
    list(QStringLiteral("Categories"), facets.categories);
    list(QStringLiteral("Tags"), facets.tags);
    list(QStringLiteral("Evidence level"), facets.levels);
    list(QStringLiteral("Evidence kind"), facets.kinds);
    list(QStringLiteral("Status"), facets.statuses);
    list(QStringLiteral("Editions"), facets.editions);
    return lines.join(QLatin1Char('\n')).trimmed();
}

QJsonObject facetsJson(const Facets& facets)
{
    auto array = [](const QList<FacetValue>& values) {
        QJsonArray result;
        for (const FacetValue& value : values) {
            result.append(QJsonObject{{QStringLiteral("key"), value.key},
                                      {QStringLiteral("label"), value.label},
                                      {QStringLiteral("count"), value.count}});
        }
        return result;
    };
    return QJsonObject{
        {QStringLiteral("authorities"), array(facets.authorities)},
        {QStringLiteral("categories"), array(facets.categories)},
        {QStringLiteral("tags"), array(facets.tags)},
        {QStringLiteral("evidence_levels"), array(facets.levels)},
        {QStringLiteral("evidence_kinds"), array(facets.kinds)},
        {QStringLiteral("statuses"), array(facets.statuses)},
        {QStringLiteral("editions"), array(facets.editions)},
    };
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace spotlight::cli::Output
