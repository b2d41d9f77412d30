// The write path's changes for sponsoring panels: reviewers' scores and the reviews panels agree.
#include "Curation.h"
#include "Error.h"
#include "storage/Stores.h"

#include <QDateTime>

#include <algorithm>

namespace spotlight {
namespace {

// Error unless `name` sits on the panel of one of the exhibit's categories, and is not from one of
// its authorities: a typed name that matches nobody is a mistake, and a conflict of interest is not
// scored at all.
void requireOnPanel(const QList<Category>& categories, const Exhibit& exhibit, const QString& name)
{
    QStringList members;
    for (const Category& category : categories) {
        if (!exhibit.categories.contains(category.name)) {
            continue;
        }
        for (const Reviewer& reviewer : category.reviewers) {
            if (reviewer.name != name) {
                members << reviewer.name;
                continue;
            }
            if (Panel::hasConflict(reviewer, exhibit)) {
                throw Error(QStringLiteral("%1 is from %2, one of the authorities of \"%3\": a conflict of interest, "
                                           "so they do not score it.")
                                .arg(name, reviewer.authority, exhibit.title));
            }
            return;
        }
    }
    throw Error(QStringLiteral("%1 is not on the panel of any category of \"%2\"%3.")
                    .arg(name, exhibit.title,
                         members.isEmpty()
                             ? QStringLiteral(", which has no reviewers yet")
                             : QStringLiteral(" (its reviewers: %1)").arg(members.join(QStringLiteral(", ")))));
}

} // namespace

void Curation::recordScores(const QString& ref, const QString& reviewer, const QList<PanelScore>& scores,
                            const QStringList& clearing)
{
    const QString name = reviewer.trimmed();
    if (name.isEmpty()) {
        throw Error(QStringLiteral("Scores need the name of the reviewer who gave them."));
    }
    QList<PanelScore> theirs = scores;
    for (PanelScore& score : theirs) {
        score.reviewer = name;
        score.comment = score.comment.trimmed();
    }
    const Exhibit read = m_stores.exhibits.requireByRef(ref);
    const QString text = tr("Record %1's scores of \"%2\"").arg(name, read.title);
    write({text, {ref}, {}, CatalogueChange::Exhibits}, [&] {
        const Exhibit before = m_stores.exhibits.requireByRef(ref);
        if (before.edition.isEmpty()) {
            throw Error(
                QStringLiteral("\"%1\" is in no edition, so it has no criteria to score against.").arg(before.title));
        }
        Panel::requireValid(theirs, m_stores.editions.criteriaOf(before.edition));
        if (!theirs.isEmpty()) {
            requireOnPanel(m_stores.editions.categories(before.edition), before, name);
        }
        Exhibit after = before;
        after.scores.removeIf([&](const PanelScore& score) {
            if (score.reviewer != name) {
                return false;
            }
            return clearing.contains(score.criterion) ||
                   std::any_of(theirs.cbegin(), theirs.cend(),
                               [&](const PanelScore& given) { return given.criterion == score.criterion; });
        });
        after.scores += theirs;
        std::sort(after.scores.begin(), after.scores.end(), [](const PanelScore& a, const PanelScore& b) {
            return std::pair(a.reviewer, a.criterion) < std::pair(b.reviewer, b.criterion);
        });
        after.updated = QDateTime::currentDateTimeUtc();
        m_stores.exhibits.replace(m_stores.exhibits.requireId(ref), after);
        recordChanges(before, after, QStringLiteral("update"));
    });
}

void Curation::recordAgreedReviews(const QList<std::pair<QString, Review>>& agreed, const ExpectedVersions& expected)
{
    QStringList refs;
    for (const auto& [ref, review] : agreed) {
        if (review.panel.trimmed().isEmpty() || !review.date.isValid()) {
            throw Error(QStringLiteral("An agreed review needs its panel and the date it was agreed."));
        }
        refs << ref;
    }
    if (refs.isEmpty()) {
        return;
    }
    const QString text = refs.size() == 1
                             ? tr("Record the panel's agreed review of %1").arg(refs.first())
                             : tr("Record the panel's agreed reviews of %n exhibit(s)", nullptr, int(refs.size()));
    write({text, refs, expected, CatalogueChange::Exhibits}, [&] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto& [ref, review] : agreed) {
            const Exhibit before = m_stores.exhibits.requireByRef(ref);
            Exhibit after = before;
            const QString panel = review.panel; // clang 14 cannot capture a structured binding
            after.reviews.removeIf([&](const Review& earlier) { return earlier.panel == panel; });
            after.reviews << review;
            after.updated = now;
            m_stores.exhibits.replace(m_stores.exhibits.requireId(ref), after);
            recordChanges(before, after, QStringLiteral("update"));
        }
    });
}

} // namespace spotlight
