#pragma once

#include "domain/Exhibit.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace spotlight {

// Exhibits as rows of the one CSV layout used for import, export and the submission template
// (PRODUCT.md section 6). Lists inside a cell are separated by ';'.
namespace ExhibitCsv {

const QStringList& columns();
QChar listSeparator();

QStringList toRecord(const Exhibit& exhibit);
QByteArray write(const QList<Exhibit>& exhibits, bool byteOrderMark = true);

// A cell a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a leading
// apostrophe on export; so does a cell that already starts with an apostrophe followed by one of
// those, so that restore() undoes exactly what neutralise() did and the round trip is lossless.
QString neutralise(const QString& cell);
QString restore(const QString& cell);

QStringList splitList(const QString& cell);

// `existing` with the fields of `columns` taken from `incoming`: an update from a spreadsheet
// changes what the spreadsheet holds and keeps everything else (evidence, reviews, stand, links).
Exhibit overlay(const Exhibit& existing, const Exhibit& incoming, const QStringList& columns);

} // namespace ExhibitCsv
} // namespace spotlight
