#pragma once

#include "domain/Exhibit.h"
#include "io/Letter.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

class Catalogue;

// Letters of Recognition, merged from a template with each exhibit's edition and review. Only
// exhibits with a recorded review get a letter. Reads only.
class LetterPublisher
{
public:
    explicit LetterPublisher(const Catalogue& catalogue);

    // The exhibits of `exhibits` that get a letter: those with a recorded review.
    static QList<Exhibit> lettered(const QList<Exhibit>& exhibits);

    // The letter for `exhibit` as rich text, from `letterTemplate` (the shipped template when empty).
    QString html(const Exhibit& exhibit, const Letter::Template& letterTemplate = {}) const;
    // One letter per exhibit with a recorded review, written to DIR/REF.pdf; returns the refs of the
    // exhibits skipped because no review is recorded for them.
    QStringList write(const QList<Exhibit>& exhibits, const QString& directory,
                      const Letter::Template& letterTemplate = {}) const;
    // The same letters in one PDF at `path`, each from a new page, for printing; returns the skipped
    // refs as write() does. Error, writing nothing, when no exhibit gets a letter.
    QStringList writeCombined(const QList<Exhibit>& exhibits, const QString& path,
                              const Letter::Template& letterTemplate = {}) const;
    // Draws the letter for `exhibit` on a printer or a preview, letterhead and all.
    int paint(const Exhibit& exhibit, QPagedPaintDevice& device, const Letter::Template& letterTemplate = {}) const;

private:
    // A template once Letter::checkTemplate passes it, with its letterhead read: checked and read
    // once for every letter, so that a fault stops the first letter, not the hundredth.
    struct Checked
    {
        QString html;
        QImage letterhead;
    };
    static Checked checked(const Letter::Template& letterTemplate);
    QString merged(const Exhibit& exhibit, const QString& checkedHtml) const;

    const Catalogue& m_catalogue;
};

} // namespace spotlight
