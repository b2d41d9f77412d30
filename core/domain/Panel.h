#pragma once

#include "Review.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

struct Category;
struct Exhibit;

// A member of a category's sponsoring panel. The authority (an official name, or empty for
// someone from outside the boroughs) is where a conflict of interest comes from.
struct Reviewer
{
    QString name;
    QString authority = {};

    friend bool operator==(const Reviewer&, const Reviewer&) = default;
};

// One reviewer's score of an exhibit against one of its edition's criteria. A reviewer scores an
// exhibit once per criterion, whichever of its categories' panels they sit on.
struct PanelScore
{
    static constexpr int Lowest = 1;
    static constexpr int Highest = 4;

    QString reviewer;
    QString criterion;
    int score = 0;
    QString comment = {};

    friend bool operator==(const PanelScore&, const PanelScore&) = default;
};

// What a panel's scores of one exhibit add up to: the basis of the review the panel agrees.
struct PanelResult
{
    struct Criterion
    {
        QString name;
        double mean = 0; // 0 when nobody counted has scored it
        int scores = 0;
        QStringList comments = {}; // in the panel's order of reviewers
    };
    QList<Criterion> criteria;
    QStringList counted;    // reviewers whose scores count, in the panel's order
    QStringList conflicted; // reviewers from one of the exhibit's own authorities: their scores never count
    QStringList waitingFor; // reviewers without a conflict who have not scored every criterion yet
    double overall = 0;     // the mean of the criteria's means; 0 with no scores

    bool hasScores() const { return !counted.isEmpty(); }
    // The recognition the overall score suggests, or empty with no scores.
    QString recognition() const;
    // The feedback the panel's comments make, a paragraph per criterion.
    QString feedback() const;
};

namespace Panel {

// The criteria a new edition starts with.
QStringList standardCriteria();
// The recognitions scores can suggest, highest first.
QStringList recognitions();
// Whether the reviewer is from one of the exhibit's authorities, and so must not score it.
bool hasConflict(const Reviewer& reviewer, const Exhibit& exhibit);
// The reviewers of `panel` who have a conflict with the exhibit, by name.
QStringList conflictsOf(const Category& panel, const Exhibit& exhibit);
// The panel's scores of the exhibit against `criteria`, leaving out those of conflicted reviewers
// and of anyone not on the panel.
PanelResult resultOf(const Category& panel, const QStringList& criteria, const Exhibit& exhibit);
// What a panel is called: the category's sponsoring group, or the category when it has none. Its
// reviews carry this name.
QString nameOf(const Category& panel);
// The review the panel's scores suggest it agree on `date`, by the reviewers whose scores count.
Review agreedReview(const Category& panel, const PanelResult& result, const QDate& date);
// Error unless every score is between Lowest and Highest, names a criterion of `criteria`, and no
// reviewer scores a criterion twice.
void requireValid(const QList<PanelScore>& scores, const QStringList& criteria);

} // namespace Panel
} // namespace spotlight
