#include "SubmissionTemplate.h"

#include "domain/CurationStatus.h"
#include "domain/ExhibitRules.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"

#include <QDir>
#include <QFileInfo>

namespace spotlight::SubmissionTemplate {
namespace {

QString editionName(const Edition* edition)
{
    return edition ? edition->name : QStringLiteral("Practice Spotlight 2026");
}

} // namespace

QByteArray csv(const Edition* edition, const QList<Category>& categories)
{
    const QStringList example{
        ExampleRef,
        QStringLiteral("EXAMPLE - Family Time Hub (replace this row with your submission)"),
        QStringLiteral("Camden"),
        QStringLiteral("Islington"),
        editionName(edition),
        categories.isEmpty() ? QString() : categories.first().name,
        QStringLiteral("early-help;practice/family-time"),
        QStringLiteral("submitted"),
        QStringLiteral("One or two plain sentences on what the project does and for whom."),
        QStringLiteral("## What we did\nA longer account in Markdown: **bold**, *italic*, lists and links.\n\n"
                       "## What changed\nThe difference it made, with figures where you have them."),
        QStringLiteral("Alex Example"),
        QStringLiteral("Service manager"),
        QStringLiteral("alex.example@example.org"),
        QStringLiteral("2"),
    };
    QStringList record;
    for (const QString& cell : example) {
        record << ExhibitCsv::neutralise(cell);
    }
    return Csv::write({ExhibitCsv::columns(), record}, true);
}

QString guide(const Edition* edition, const QList<Category>& categories)
{
    QStringList categoryNames;
    for (const Category& category : categories) {
        categoryNames << QStringLiteral("  - %1%2")
                             .arg(category.name, category.sponsor.isEmpty()
                                                     ? QString()
                                                     : QStringLiteral(" (sponsored by %1)").arg(category.sponsor));
    }
    const QString text =
        QStringLiteral(R"(Practice Spotlight submission template: a guide to each column

Fill in one row per project, below the header. The second row is an example: replace it with
your own submission (a file that still holds it is refused on import). Save as CSV, UTF-8.
Several values in one cell are separated by semicolons (;).

ref                  Leave empty: a ref is made from the title. To update a submission you sent
                     before, give its ref. Letters, digits, - _ and . only; at most %1 characters.
title                Required. The project's name as it should appear in the booklet; at most %2
                     characters.
lead_authority       Required. The London authority leading the project: its name ("Kensington
                     and Chelsea"), a short form ("RBKC", "K&C") or its GSS code (E09000020).
partner_authorities  Other authorities in the partnership, separated by ;. Leave empty if none.
edition              The Practice Spotlight cycle: "%3".
categories           One or more categories of the edition, separated by ;. This edition's:
%4
tags                 Free labels, separated by ;. Use / for a hierarchy: "practice/anti-racist".
status               Leave as "submitted". (Curators move it on: in-review, recognised, showcased.)
summary              One or two plain sentences; at most %5 characters.
description          The full account, in Markdown: headings (##), lists (-), **bold**, *italic*,
                     links. Do not name or describe any child or family in a way that could
                     identify them: no names, ages, schools, postcodes or small numbers of people.
contact_name         The key contact for other boroughs.
contact_role         Their role.
contact_email        Their work email address.
evidence_level       0-5 on the Nesta Standards of Evidence: 0 none recorded; 1 a clear account of
                     what is done and why; 2 data showing positive change; 3 causal impact against
                     a comparison group; 4 independent replication; 5 delivered at scale by others
                     with the same results.
)")
            .arg(ExhibitRules::MaxRefLength)
            .arg(ExhibitRules::MaxTitleLength)
            .arg(editionName(edition))
            .arg(categoryNames.isEmpty() ? QStringLiteral("  (none set yet)") : categoryNames.join(QLatin1Char('\n')))
            .arg(ExhibitRules::MaxSummaryLength);
    return text;
}

QString guidePathFor(const QString& csvPath)
{
    const QFileInfo info(csvPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".guide.txt"));
}

void write(const QString& csvPath, const Edition* edition, const QList<Category>& categories)
{
    writeFileAtomically(csvPath, csv(edition, categories));
    writeFileAtomically(guidePathFor(csvPath), guide(edition, categories).toUtf8());
}

} // namespace spotlight::SubmissionTemplate
