#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace spotlight {

// The spreadsheet boroughs fill in: the CSV header, one example row, and beside it
// FILE.guide.txt explaining each column.
namespace SubmissionTemplate {

// The example row's ref. The importer refuses the row if a borough leaves it in.
inline const QString ExampleRef = QStringLiteral("example-replace-this-row");

// `edition` and its `categories` fill in the example where there is a current edition.
QByteArray csv(const Edition* edition, const QList<Category>& categories);
QString guide(const Edition* edition, const QList<Category>& categories);
// FILE.csv -> FILE.guide.txt
QString guidePathFor(const QString& csvPath);
// Writes both files, each whole or not at all.
void write(const QString& csvPath, const Edition* edition, const QList<Category>& categories);

} // namespace SubmissionTemplate
} // namespace spotlight
