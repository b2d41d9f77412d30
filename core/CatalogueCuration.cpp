// The Catalogue's reads for a Practice Spotlight cycle: the current edition, its sponsoring panels
// and the privacy check. The rest of the facade is in Catalogue.cpp.
#include "Catalogue.h"
#include "Error.h"
#include "check/PrivacyCheck.h"
#include "storage/Stores.h"
#include "storage/Transaction.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace spotlight {

std::optional<Edition> Catalogue::currentEdition() const
{
    return m_stores->editions.current();
}

Edition Catalogue::requireEdition(const QString& name) const
{
    const QString wanted = name.isEmpty() ? currentEdition().value_or(Edition{}).name : name.trimmed();
    for (const Edition& known : editions()) {
        if (known.name.compare(wanted, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    throw Error(name.isEmpty() ? QStringLiteral("The catalogue has no current edition; name one.")
                               : QStringLiteral("There is no edition called \"%1\".").arg(name));
}

Category Catalogue::requirePanel(const QString& name, const QString& edition) const
{
    const QString wanted = requireEdition(edition).name;
    QStringList known;
    for (const Category& category : categories(wanted)) {
        if (category.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return category;
        }
        known << category.name;
    }
    throw Error(known.isEmpty() ? QStringLiteral("%1 has no categories yet.").arg(wanted)
                                : QStringLiteral("%1 has no category called \"%2\". Its categories: %3.")
                                      .arg(wanted, name, known.join(QStringLiteral("; "))));
}

QStringList Catalogue::criteriaOf(const QString& edition) const
{
    return m_stores->editions.criteriaOf(edition);
}

QList<Catalogue::PanelReview> Catalogue::panelReviews(const Category& panel, const QStringList& refs) const
{
    const QStringList criteria = criteriaOf(panel.edition);
    QList<Exhibit> exhibits;
    if (refs.isEmpty()) {
        exhibits = m_stores->exhibits.load(m_stores->exhibits.idsOf(refsIn(panel.edition, panel.name)).values());
        std::sort(exhibits.begin(), exhibits.end(),
                  [](const Exhibit& a, const Exhibit& b) { return QString::localeAwareCompare(a.title, b.title) < 0; });
    } else {
        for (const QString& ref : refs) {
            exhibits << requireExhibit(ref);
        }
    }
    QList<PanelReview> reviews;
    for (const Exhibit& exhibit : exhibits) {
        reviews.append(PanelReview{exhibit, Panel::resultOf(panel, criteria, exhibit)});
    }
    return reviews;
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QString& query) const
{
    return privacyFindingsOf(matchingIds(query));
}

namespace {

// The scan reads text only, so exhibits are shared out between the cores; the order is kept.
QList<QList<PrivacyFinding>> scanned(const PrivacyCheck& check, const QList<Exhibit>& exhibits)
{
    return QtConcurrent::blockingMapped(exhibits, [&check](const Exhibit& exhibit) { return check.scan(exhibit); });
}

} // namespace

const PrivacyCheck& Catalogue::privacyCheck() const
{
    if (!m_privacyCheck) {
        m_privacyCheck = std::make_unique<PrivacyCheck>();
    }
    return *m_privacyCheck;
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QList<Exhibit>& chosen) const
{
    QList<PrivacyFinding> findings;
    for (const QList<PrivacyFinding>& some : scanned(privacyCheck(), chosen)) {
        findings << some;
    }
    m_stores->privacyReviews.annotate(findings);
    return findings;
}

QList<PrivacyFinding> Catalogue::privacyFindingsOf(const QList<qint64>& ids) const
{
    const QString rules = privacyCheck().identity();
    const QHash<QString, qint64> stale = m_stores->privacyScans.stale(ids, rules);
    if (!stale.isEmpty() && isReadOnly()) {
        // Nothing can be kept: the whole answer is scanned, in the order asked for.
        return privacyFindings(m_stores->exhibits.load(ids));
    }
    if (!stale.isEmpty()) {
        const QList<Exhibit> exhibits = m_stores->exhibits.load(stale.values());
        const QList<QList<PrivacyFinding>> perExhibit = scanned(privacyCheck(), exhibits);
        // Each kept with the version its text was read at, so that a change made meanwhile leaves it
        // stale. A cache rather than a curator's change: no history, no undo, no change event.
        Transaction keep(*m_database);
        for (qsizetype i = 0; i < exhibits.size(); ++i) {
            m_stores->privacyScans.store(stale.value(exhibits.at(i).ref), exhibits.at(i).version, rules,
                                         perExhibit.at(i));
        }
        keep.commit();
    }
    QList<PrivacyFinding> findings = m_stores->privacyScans.findings(ids, rules);
    m_stores->privacyReviews.annotate(findings);
    return findings;
}

} // namespace spotlight
