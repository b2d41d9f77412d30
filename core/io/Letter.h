#pragma once

#include "domain/Category.h"
#include "domain/Edition.h"
#include "domain/Exhibit.h"

#include <QDate>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace spotlight {

// Letters of Recognition: one A4 letter per exhibit, from an HTML template with {{merge}}
// fields (data/letter-template.html is the one shipped), telling a team what its panel said.
namespace Letter {

// A letter template: its HTML, and the folder a letterhead image it names is found in.
struct Template
{
    Template(QString html = {}, QString folder = {});
    // The file at `path`, in its own folder; Error naming the file when it cannot be read.
    static Template read(const QString& path);

    QString html;   // empty: the shipped template
    QString folder; // the template file's folder; empty: the current one
};

// The shipped template.
QString defaultTemplate();
// The image a template names with <meta name="letterhead" content="PATH">, a path from its
// folder unless absolute, to draw at the top of every letter; empty when it names none.
QString letterheadPath(const Template& letterTemplate);
// The letterhead at `path`, or a null image for an empty path. Error naming the file and why when
// it is missing or not an image Qt can read, so that letters never go out with a blank head.
QImage readLetterhead(const QString& path);
// Error naming any {{field}} in `text` that merge() would not fill, so a typo in a custom
// template is caught before a hundred letters go out with it.
void checkTemplate(const QString& text);
// The merge fields for one exhibit, HTML-escaped; `edition` may be null for an exhibit without one.
QHash<QString, QString> fieldsFor(const Exhibit& exhibit, const Edition* edition, const QList<Category>& categories,
                                  const QDate& date);
QString merge(const QString& templateText, const QHash<QString, QString>& fields);
// Lays each letter out on the device's pages, each from a new page, a little smaller if that keeps
// it to one page, with `letterhead` (when not null) across the top of its first page; returns the
// number of pages.
int paint(const QString& html, QPagedPaintDevice& device, const QImage& letterhead = {});
int paint(const QStringList& letters, QPagedPaintDevice& device, const QImage& letterhead = {});
// Writes the letters as one PDF through QSaveFile; returns its pages.
int write(const QString& html, const QString& title, const QString& path, const QImage& letterhead = {});
int write(const QStringList& letters, const QString& title, const QString& path, const QImage& letterhead = {});

} // namespace Letter
} // namespace spotlight
