#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>
#include <cmath>

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

    // How strongly to shade a count, from 0 (none) to 1 (the largest), on a square-root scale so
    // that one exhibit shows next to hundreds: the map and the coverage table shade alike.
    static double shade(qint64 count, qint64 largest)
    {
        return count <= 0 || largest <= 0 ? 0.0 : 0.2 + 0.8 * std::sqrt(double(count) / double(largest));
    }
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
