#pragma once

#include "domain/Exhibit.h"
#include "io/PdfDocumentInfo.h"

#include <QDateTime>
#include <QHash>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QString>

#include <functional>

namespace spotlight {

struct BookletOptions
{
    enum class Grouping
    {
        Authority, // sections by lead authority; partners list the exhibit with "see page N"
        Category,
        None,
    };

    QString title = QStringLiteral("Practice Spotlight");
    QString subtitle; // e.g. the edition; empty for none
    QString introduction;
    Grouping grouping = Grouping::Authority;
    // Short exhibits share a page, with a rule between them, instead of each starting a new one;
    // each section still starts a page.
    bool compact = false;
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    QDateTime date; // printed on the cover; invalid means today, or SOURCE_DATE_EPOCH when set
    QString author = QStringLiteral("London Innovation and Improvement Alliance");
    QString subject;   // empty: "Practice Spotlight showcase: N exhibits from M London authorities"
    bool pdfA = false; // PDF/A-1b, for archiving
    // Where the web showcase, the accessible version of the booklet, is published; the last page
    // points readers to it. Empty: the last page says it exists without an address.
    QString webShowcase;
    // The parts of each exhibit to print; title, authorities and summary always are.
    bool description = true;
    bool evidence = true;
    bool contact = true;
    bool tags = true;
    // The numbers the cover states when only the first pages of a larger booklet are painted (a
    // preview): the whole booklet's. Zero counts the exhibits painted.
    qsizetype coverExhibits = 0;
    qsizetype coverAuthorities = 0;
};

struct BookletResult
{
    int pages = 0;
    QHash<QString, int> startPages; // the page each exhibit starts on, by ref
    // The contents' lines as links to their pages, and a bookmark per section: written into the
    // PDF by write(), since Qt's engine cannot.
    PdfNavigation navigation;
};

// The printable showcase booklet (PRODUCT.md section 6): a cover, contents with real page
// numbers, sections with each exhibit starting a page, a running header and "page N of M"
// footer, and an index of tags. Title, author, subject and creator are set. With
// SOURCE_DATE_EPOCH set, the same input gives the same bytes. The file is written only once
// complete, through QSaveFile, so a failure or a cancel leaves any earlier file untouched.
class Booklet
{
public:
    // Called after each exhibit is laid out and again as pages are drawn; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    static BookletResult write(const QList<Exhibit>& exhibits, const BookletOptions& options, const QString& path,
                               const Progress& progress = {});
    // Draws the booklet onto any paged device (a printer, a print preview) with the same layout.
    // How many authorities, lead or partner, the exhibits come from: what the cover states.
    static qsizetype authorityCount(const QList<Exhibit>& exhibits);
    static BookletResult paint(const QList<Exhibit>& exhibits, const BookletOptions& options, QPagedPaintDevice& device,
                               const QString& runningTitle, const Progress& progress = {});
};

} // namespace spotlight
