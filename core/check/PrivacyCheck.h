#pragma once

#include "domain/Exhibit.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

namespace spotlight {

// Text in an exhibit that may identify a child or family, for a curator to look at before the
// exhibit is published.
struct PrivacyFinding
{
    QString exhibitRef;
    QString exhibitTitle;
    QString field;   // "summary", "description", "evidence 2 summary" ...
    QString kind;    // "age", "date of birth", "postcode", "phone number", "email address",
                     // "school name", "first name", "small count"
    QString match;   // the words that matched
    QString excerpt; // the match with some words either side, on one line
    // Set once a curator has looked at it and decided.
    bool reviewed = false;
    QString reviewReason;
    QString reviewedBy;
    QDateTime reviewedAt;

    // What the finding is known by when it is marked reviewed: the same words of the same kind in
    // the same field. Editing the words brings the finding back.
    QString key() const { return field + QLatin1Char('|') + kind + QLatin1Char('|') + match; }
};

// The scan itself: patterns for each kind of personal data, and the names list shipped in
// data/first-names.txt. It reads text only; the catalogue adds what curators have reviewed.
class PrivacyCheck
{
public:
    // Loads the names list from the program's resources.
    PrivacyCheck();
    explicit PrivacyCheck(QSet<QString> firstNames);

    // Findings in one piece of text; `ignoredNames` are names that belong there (the contact's).
    QList<PrivacyFinding> scanText(const QString& text, const QSet<QString>& ignoredNames = {}) const;
    // Findings in every text field of the exhibit and its evidence and reviews' feedback. The key
    // contact's own name and email are not findings.
    QList<PrivacyFinding> scan(const Exhibit& exhibit) const;

private:
    QSet<QString> m_firstNames;
};

} // namespace spotlight
