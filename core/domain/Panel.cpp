#include "Panel.h"

#include "Category.h"
#include "Error.h"
#include "Exhibit.h"

#include <QSet>

namespace spotlight {

QString PanelResult::recognition() const
{
    if (!hasScores()) {
        return {};
    }
    // Each band starts half way between two scores, so that a panel's 3.5 is "mostly 4s".
    const QStringList names = Panel::recognitions();
    if (overall >= 3.5) {
        return names.at(0);
    }
    if (overall >= 2.5) {
        return names.at(1);
    }
    if (overall >= 1.5) {
        return names.at(2);
    }
    return names.at(3);
}

QString PanelResult::feedback() const
{
    QStringList paragraphs;
    for (const Criterion& criterion : criteria) {
        if (criterion.scores == 0) {
            continue;
        }
        QString paragraph = QStringLiteral("%1: %2 of %3.")
                                .arg(criterion.name, QString::number(criterion.mean, 'f', 1))
                                .arg(PanelScore::Highest);
        // The panel speaks as one in a letter: its members' comments, not their names.
        for (const QString& comment : criterion.comments) {
            paragraph += QStringLiteral("\n• ") + comment;
        }
        paragraphs << paragraph;
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

namespace Panel {

QStringList standardCriteria()
{
    return {QStringLiteral("Impact"), QStringLiteral("Evidence"), QStringLiteral("Transferability")};
}

QStringList recognitions()
{
    return {QStringLiteral("Exemplary practice"), QStringLiteral("Recognised practice"),
            QStringLiteral("Promising practice"), QStringLiteral("Developing practice")};
}

bool hasConflict(const Reviewer& reviewer, const Exhibit& exhibit)
{
    return !reviewer.authority.isEmpty() && exhibit.authorities().contains(reviewer.authority, Qt::CaseInsensitive);
}

QStringList conflictsOf(const Category& panel, const Exhibit& exhibit)
{
    QStringList names;
    for (const Reviewer& reviewer : panel.reviewers) {
        if (hasConflict(reviewer, exhibit)) {
            names << reviewer.name;
        }
    }
    return names;
}

PanelResult resultOf(const Category& panel, const QStringList& criteria, const Exhibit& exhibit)
{
    PanelResult result;
    for (const QString& name : criteria) {
        result.criteria.append(PanelResult::Criterion{name});
    }
    for (const Reviewer& reviewer : panel.reviewers) {
        if (hasConflict(reviewer, exhibit)) {
            result.conflicted << reviewer.name;
            continue;
        }
        int scored = 0;
        for (PanelResult::Criterion& criterion : result.criteria) {
            for (const PanelScore& score : exhibit.scores) {
                if (score.reviewer != reviewer.name || score.criterion != criterion.name) {
                    continue;
                }
                criterion.mean += score.score; // a sum until the end
                ++criterion.scores;
                ++scored;
                if (!score.comment.trimmed().isEmpty()) {
                    criterion.comments << score.comment.trimmed();
                }
            }
        }
        if (scored > 0) {
            result.counted << reviewer.name;
        }
        if (scored < result.criteria.size()) {
            result.waitingFor << reviewer.name;
        }
    }
    int scoredCriteria = 0;
    for (PanelResult::Criterion& criterion : result.criteria) {
        if (criterion.scores > 0) {
            criterion.mean /= criterion.scores;
            result.overall += criterion.mean;
            ++scoredCriteria;
        }
    }
    if (scoredCriteria > 0) {
        result.overall /= scoredCriteria;
    }
    return result;
}

QString nameOf(const Category& panel)
{
    return panel.sponsor.isEmpty() ? panel.name : panel.sponsor;
}

Review agreedReview(const Category& panel, const PanelResult& result, const QDate& date)
{
    return Review{nameOf(panel), date, result.counted.join(QStringLiteral(", ")), result.feedback(),
                  result.recognition()};
}

void requireValid(const QList<PanelScore>& scores, const QStringList& criteria)
{
    QSet<QString> seen;
    for (const PanelScore& score : scores) {
        if (score.reviewer.trimmed().isEmpty()) {
            throw Error(QStringLiteral("A score needs the name of the reviewer who gave it."));
        }
        if (!criteria.contains(score.criterion)) {
            throw Error(QStringLiteral("\"%1\" is not one of the edition's criteria (%2).")
                            .arg(score.criterion, criteria.isEmpty() ? QStringLiteral("it has none yet")
                                                                     : criteria.join(QStringLiteral(", "))));
        }
        if (score.score < PanelScore::Lowest || score.score > PanelScore::Highest) {
            throw Error(QStringLiteral("%1's score for %2 is %3; scores run from %4 to %5.")
                            .arg(score.reviewer, score.criterion)
                            .arg(score.score)
                            .arg(PanelScore::Lowest)
                            .arg(PanelScore::Highest));
        }
        const QString key = score.reviewer + QChar(0) + score.criterion;
        if (seen.contains(key)) {
            throw Error(QStringLiteral("%1 scored %2 twice.").arg(score.reviewer, score.criterion));
        }
        seen.insert(key);
    }
}

} // namespace Panel
} // namespace spotlight
