#pragma once

#include "domain/Exhibit.h"
#include "domain/PrivacyFinding.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

namespace spotlight {

// The scan itself: patterns for each kind of personal data, and the names list shipped in
// data/first-names.txt. It reads text only; the catalogue adds what curators have reviewed.
class PrivacyCheck
{
public:
    // Loads the names list from the program's resources.
    PrivacyCheck();
    explicit PrivacyCheck(QSet<QString> firstNames);

    // Findings in one piece of text; `ignoredNames` are names that belong there (the contact's
    // name, email, and phone as "tel:" and its ExhibitRules::phoneDigits()).
    QList<PrivacyFinding> scanText(const QString& text, const QSet<QString>& ignoredNames = {}) const;
    // Findings in every text field of the exhibit and its evidence and reviews' feedback. The key
    // contact's own name, email and phone number are not findings.
    QList<PrivacyFinding> scan(const Exhibit& exhibit) const;

    // Names these rules and this names list, so that findings stored by other ones are scanned again.
    // Raise RulesEdition whenever a rule changes.
    QString identity() const;

private:
    // 2: taught by the labelled corpus (tests/core/data); 3: findings in reading order; 4: "+44 80…"
    // is freephone; 5: ages in words, names after "said", one child picked out of a group; 6: a stop
    // inside "gov.uk" ends no sentence, the second held-out set's kinds of miss
    static constexpr int RulesEdition = 7;
    QSet<QString> m_firstNames;
};

} // namespace spotlight
