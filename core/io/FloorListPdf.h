#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace spotlight {

// The live event's printed floor list (A4: stand, exhibit, authorities, contact, a row each, the
// header again on every page) and its stand cards (one A5 landscape card per exhibit: the stand
// number, title and authorities, large enough to read from across an aisle). Both print exactly
// the exhibits given, in that order, and every contact detail they carry: choosing what the
// public may see (PublicView) is for the caller. Files are written through QSaveFile; with
// SOURCE_DATE_EPOCH set, the same input gives the same bytes.
namespace FloorListPdf {

// `heading` is printed above the list and `footer` at the foot of each card (the event); either
// may be empty. Each returns the pages drawn.
int paintList(const QList<Exhibit>& exhibits, const QString& heading, QPagedPaintDevice& device);
int writeList(const QList<Exhibit>& exhibits, const QString& heading, const QString& path);
int paintCards(const QList<Exhibit>& exhibits, const QString& footer, QPagedPaintDevice& device);
int writeCards(const QList<Exhibit>& exhibits, const QString& footer, const QString& path);

} // namespace FloorListPdf
} // namespace spotlight
