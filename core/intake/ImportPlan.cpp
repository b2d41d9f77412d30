// What an import plan says, row by row: where each row came from, what the curator decided, and
// what it would create. Importer.cpp makes plans; ImportApply.cpp carries them out.
#include "Error.h"
#include "Importer.h"
#include "io/ExhibitCsv.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace spotlight {
namespace {

// Resubmitting keeps the row's own ref for the new exhibit, so that ref must be free.
void requireResubmittable(const ImportRow& row, const PossibleDuplicate* target)
{
    if (!target || !target->otherEdition) {
        throw Error(QStringLiteral("%1 can only be added as a resubmission of an exhibit of another edition that it "
                                   "may repeat.")
                        .arg(row.place.toString()));
    }
    if (std::any_of(row.duplicates.begin(), row.duplicates.end(), [&row](const PossibleDuplicate& d) {
            return d.inCatalogue() && !d.otherEdition && d.ref == row.exhibit.ref &&
                   d.reason == QLatin1String("the same ref");
        })) {
        throw Error(QStringLiteral("%1 has the ref of an exhibit of its own edition: update that exhibit, skip the "
                                   "row, or clear its ref in the file to add it as a resubmission.")
                        .arg(row.place.toString()));
    }
}

} // namespace

QString SourcePlace::toString() const
{
    QString where = file + QLatin1Char(':');
    if (!sheet.isEmpty()) {
        where += sheet + QLatin1Char('!');
    }
    where += QString::number(line);
    if (textLine > 0) {
        where += QStringLiteral(" (text line %1)").arg(textLine);
    }
    return where;
}

QString SourcePlace::inWords(const QString& fromFile) const
{
    QString words = QStringLiteral("%1 %2").arg(json ? QStringLiteral("line") : QStringLiteral("row")).arg(line);
    if (!sheet.isEmpty()) {
        words += QStringLiteral(" of %1").arg(sheet);
    }
    if (file != fromFile) {
        words += QStringLiteral(" of %1").arg(QFileInfo(file).fileName());
    }
    return words;
}

QString ImportSuggestion::appliedTo(const QString& cell) const
{
    QStringList items = cell.split(ExhibitCsv::listSeparator());
    for (QString& item : items) {
        if (item.trimmed().compare(typed.trimmed(), Qt::CaseInsensitive) == 0) {
            item = items.size() == 1 ? suggested : QLatin1Char(' ') + suggested;
        }
    }
    QString result = items.join(ExhibitCsv::listSeparator());
    return result.trimmed();
}

QString ImportRow::columnOf(const QString& problem) const
{
    const QString column = problem.section(QLatin1Char(':'), 0, 0);
    return cells.contains(column) ? column : QString();
}

QStringList ImportPlan::problems() const
{
    QList<ImportProblem> all = fileProblems;
    for (const ImportRow& row : rows) {
        for (const QString& problem : row.problems) {
            all << ImportProblem{row.place, problem};
        }
    }
    std::stable_sort(all.begin(), all.end(), [this](const ImportProblem& a, const ImportProblem& b) {
        if (a.place.file != b.place.file) {
            return files.indexOf(a.place.file) < files.indexOf(b.place.file);
        }
        return a.place.sheet != b.place.sheet ? a.place.sheet < b.place.sheet : a.place.line < b.place.line;
    });
    QStringList described;
    for (const ImportProblem& problem : all) {
        described << problem.toString();
    }
    return described;
}

QString ImportPlan::filesInWords() const
{
    return files.size() == 1 ? files.first() : QStringLiteral("%1 files").arg(files.size());
}

bool ImportPlan::isValid() const
{
    return fileProblems.isEmpty() && std::none_of(rows.begin(), rows.end(), [](const ImportRow& row) {
               return row.decision != ImportDecision::Skip && !row.problems.isEmpty();
           });
}

QString ImportPlan::categoryKey(const QString& edition, const QString& category)
{
    return edition.toCaseFolded() + QLatin1Char('\n') + category.toCaseFolded();
}

QList<Edition> ImportPlan::editionsToCreate() const
{
    QSet<QString> named;
    for (const ImportRow& row : rows) {
        if (row.decision != ImportDecision::Skip) {
            named.insert(row.exhibit.edition.toCaseFolded());
        }
    }
    QList<Edition> result;
    for (const Edition& edition : newEditions) {
        const QString key = edition.name.toCaseFolded();
        if (listedEditions.contains(key) || named.contains(key)) {
            result << edition;
        }
    }
    return result;
}

QList<Category> ImportPlan::categoriesToCreate() const
{
    QSet<QString> named;
    for (const ImportRow& row : rows) {
        if (row.decision != ImportDecision::Skip) {
            for (const QString& category : row.exhibit.categories) {
                named.insert(categoryKey(row.exhibit.edition, category));
            }
        }
    }
    QList<Category> result;
    for (const Category& category : newCategories) {
        const QString key = categoryKey(category.edition, category.name);
        if (listedCategories.contains(key) || named.contains(key)) {
            result << category;
        }
    }
    return result;
}

int ImportPlan::creates() const
{
    return int(std::count_if(rows.begin(), rows.end(), [](const ImportRow& row) {
        return row.decision == ImportDecision::Create || row.decision == ImportDecision::Resubmit;
    }));
}

int ImportPlan::updates() const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const ImportRow& row) { return row.decision == ImportDecision::Update; }));
}

int ImportPlan::skips() const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const ImportRow& row) { return row.decision == ImportDecision::Skip; }));
}

void ImportPlan::decide(qsizetype index, ImportDecision decision, const QString& updateRef)
{
    ImportRow& row = rows[index];
    const auto target = std::find_if(row.duplicates.cbegin(), row.duplicates.cend(),
                                     [&updateRef](const auto& d) { return d.inCatalogue() && d.ref == updateRef; });
    if (decision == ImportDecision::Resubmit) {
        requireResubmittable(row, target == row.duplicates.cend() ? nullptr : &*target);
        row.exhibit.resubmissionOf = updateRef;
    } else if (row.decision == ImportDecision::Resubmit) {
        row.exhibit.resubmissionOf.clear();
    }
    if (decision == ImportDecision::Update) {
        if (target == row.duplicates.cend()) {
            throw Error(QStringLiteral("%1 can only update an exhibit already in the catalogue that it may repeat.")
                            .arg(row.place.toString()));
        }
        if (target->otherEdition) {
            throw Error(QStringLiteral("%1 cannot update \"%2\": it belongs to %3, and an update stays within one "
                                       "edition. Add the row as a resubmission of it instead, or skip it.")
                            .arg(row.place.toString(), updateRef, target->edition));
        }
        row.exhibit.ref = updateRef;
        // The ref clash is what an update resolves.
        row.problems.removeIf(
            [](const QString& problem) { return problem.startsWith(QLatin1String("ref: an exhibit")); });
    } else if (decision == ImportDecision::Create && row.decision == ImportDecision::Update &&
               std::any_of(row.duplicates.begin(), row.duplicates.end(), [&row](const PossibleDuplicate& d) {
                   return d.inCatalogue() && d.ref == row.exhibit.ref && d.reason == QLatin1String("the same ref");
               })) {
        throw Error(QStringLiteral("%1 has the ref of an exhibit already in the catalogue: update it, skip the row, "
                                   "or clear its ref in the file to add it as new.")
                        .arg(row.place.toString()));
    }
    row.decision = decision;
}

} // namespace spotlight
