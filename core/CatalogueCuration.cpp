// The Catalogue's reads for a Practice Spotlight cycle: the current edition and the privacy
// check. The rest of the facade is in Catalogue.cpp.
#include "Catalogue.h"
#include "storage/Stores.h"

#include <QtConcurrent/QtConcurrentMap>

namespace spotlight {

std::optional<Edition> Catalogue::currentEdition() const
{
    return m_stores->editions.current();
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QString& query) const
{
    return privacyFindings(exhibits(query));
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QList<Exhibit>& chosen) const
{
    if (!m_privacyCheck) {
        m_privacyCheck = std::make_unique<PrivacyCheck>();
    }
    // The scan reads text only, so exhibits are shared out between the cores; the order is kept.
    const PrivacyCheck& check = *m_privacyCheck;
    const QList<QList<PrivacyFinding>> perExhibit =
        QtConcurrent::blockingMapped(chosen, [&check](const Exhibit& exhibit) { return check.scan(exhibit); });
    QList<PrivacyFinding> findings;
    for (const QList<PrivacyFinding>& some : perExhibit) {
        findings << some;
    }
    m_stores->privacyReviews.annotate(findings);
    return findings;
}

} // namespace spotlight
