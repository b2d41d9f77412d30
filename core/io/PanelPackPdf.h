#pragma once

#include "domain/Category.h"
#include "domain/Exhibit.h"

#include <QList>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace spotlight {

// A sponsoring panel's pack: one A4 PDF for the panel's meeting. A first page names the panel, its
// reviewers, the criteria and the scale, and lists the submissions with any conflicts of interest;
// then each submission starts a page, as submitted, followed by its scoring sheet: a row per
// criterion and a column per reviewer free to score it, holding the scores already recorded and
// room for those still to come. Files are written through QSaveFile; with SOURCE_DATE_EPOCH set,
// the same input gives the same bytes.
namespace PanelPackPdf {

struct Submission
{
    Exhibit shown;  // what the panel reads: as the public would see it (PublicView)
    Exhibit scored; // the exhibit as stored, whose scores the sheet carries
};

struct Pack
{
    Category panel;
    QStringList criteria;
    QList<Submission> submissions;
};

// Each returns the pages drawn.
int paint(const Pack& pack, QPagedPaintDevice& device);
int write(const Pack& pack, const QString& path);

} // namespace PanelPackPdf
} // namespace spotlight
