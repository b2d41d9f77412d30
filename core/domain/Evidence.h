#pragma once

#include "EvidenceKind.h"

#include <QDate>
#include <QString>

namespace spotlight {

// One piece of evidence behind an exhibit, rated on the Nesta Standards of Evidence.
struct Evidence
{
    EvidenceKind kind = EvidenceKind::CaseStudy;
    QString title;
    QString summary;
    int level = 0;
    QDate date;
    QString sourceUrl;
    QString attachment; // path of an attached file, if any
    QString keyFigures;

    friend bool operator==(const Evidence&, const Evidence&) = default;
};

} // namespace spotlight
