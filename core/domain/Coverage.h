#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

// Which authorities sent what to one edition: the exhibits each authority leads, by the edition's
// categories, and the authorities that sent nothing. This is how LIIA sees where to encourage
// submissions next cycle (CoverageReport::silentInWords names them). Withdrawn exhibits do not count; drafts do (a
// borough is at work).
struct Coverage
{
    struct Row
    {
        QString authority;
        QList<int> byCategory; // in the order of `categories`; an exhibit in two counts in both
        int uncategorised = 0;
        int led = 0;       // exhibits it leads, each once
        int partnered = 0; // exhibits it is a partner in
    };

    QString edition;
    QStringList categories;
    QList<Row> rows; // every authority, by name

    int largestCell() const
    {
        int largest = 0;
        for (const Row& row : rows) {
            for (const int count : row.byCategory) {
                largest = std::max(largest, count);
            }
            largest = std::max(largest, row.uncategorised);
        }
        return largest;
    }
};

} // namespace spotlight
