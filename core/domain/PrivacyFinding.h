#pragma once

#include <QDateTime>
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

} // namespace spotlight
