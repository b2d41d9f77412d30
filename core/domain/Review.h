#pragma once

#include <QDate>
#include <QString>

namespace spotlight {

// A sponsoring panel's review of an exhibit, and the recognition it gave.
struct Review
{
    QString panel;
    QDate date;
    QString reviewers;
    QString feedback;
    QString recognition;

    friend bool operator==(const Review&, const Review&) = default;
};

} // namespace spotlight
