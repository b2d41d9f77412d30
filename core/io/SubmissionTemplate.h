#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace spotlight {

// The spreadsheet boroughs fill in: an .xlsx workbook, or the CSV header with one example row and
// beside it FILE.guide.txt explaining each column.
namespace SubmissionTemplate {

// The example row's ref. The importer refuses the row if a borough leaves it in.
inline const QString ExampleRef = QStringLiteral("example-replace-this-row");

// `edition` and its `categories` fill in the example where there is a current edition.
QByteArray csv(const Edition* edition, const QList<Category>& categories);
QString guide(const Edition* edition, const QList<Category>& categories);
// What each column is for, in the columns' order: the guide, and the notes on the workbook's header.
QList<std::pair<QString, QString>> columnNotes(const Edition* edition, const QList<Category>& categories);
// FILE.csv -> FILE.guide.txt
QString guidePathFor(const QString& csvPath);
// Writes both files, each whole or not at all.
void write(const QString& csvPath, const Edition* edition, const QList<Category>& categories);

// The same as one Excel workbook, written whole or not at all: a Submissions sheet with its header
// frozen and explained in notes, drop-down lists for the authorities (`authorities`, the 33
// names), the edition's categories, the evidence level with its words and the status; an Evidence
// sheet (one piece of evidence per row, by the exhibit's ref); and a Guide sheet.
void writeXlsx(const QString& path, const Edition* edition, const QList<Category>& categories,
               const QStringList& authorities);

// The Evidence sheet's columns, in order.
const QStringList& evidenceColumns();

} // namespace SubmissionTemplate
} // namespace spotlight
