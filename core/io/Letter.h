#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace spotlight {

// Letters of Recognition: one A4 letter per exhibit, from an HTML template with {{merge}}
// fields (data/letter-template.html is the one shipped), telling a team what its panel said.
namespace Letter {

// The shipped template.
QString defaultTemplate();
// Error naming any {{field}} in `text` that merge() would not fill, so a typo in a custom
// template is caught before a hundred letters go out with it.
void checkTemplate(const QString& text);
// The merge fields for one exhibit, HTML-escaped; `edition` may be null for an exhibit without one.
QHash<QString, QString> fieldsFor(const Exhibit& exhibit, const Edition* edition, const QList<Category>& categories,
                                  const QDate& date);
QString merge(const QString& templateText, const QHash<QString, QString>& fields);
// Lays the letter out on the device's pages, a little smaller if that keeps it to one page;
// returns the number of pages.
int paint(const QString& html, QPagedPaintDevice& device);
// Writes the letter as a PDF through QSaveFile; returns its pages.
int write(const QString& html, const QString& title, const QString& path);

} // namespace Letter
} // namespace spotlight
