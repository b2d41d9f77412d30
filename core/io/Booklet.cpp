#include "Booklet.h"

#include "Error.h"
#include "domain/EvidenceKind.h"
#include "domain/ExhibitRules.h"
#include "domain/Tag.h"
#include "domain/TextFold.h"
#include "io/ExhibitDocument.h"
#include "io/PdfDocumentInfo.h"
#include "io/SafeFile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QPainter>
#include <QPdfWriter>
#include <QScopeGuard>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace spotlight {
namespace {

// Laid out at 300 dpi: Qt 6.4 silently writes a one-page PDF for very long documents at 1200.
constexpr int PdfResolution = 300;
constexpr double MarginMm = 18.0;
// The booklet's font and colours are those every exhibit is written in.
const ExhibitDocument::Style BookletStyle;
const QString& FontFamily = BookletStyle.fontFamily;
const QColor& Accent = BookletStyle.accent;
const QColor& Muted = BookletStyle.muted;

using ExhibitDocument::spacing;

QTextCharFormat textFormat(double points, bool bold = false, const QColor& colour = Qt::black, bool italic = false)
{
    QTextCharFormat format = ExhibitDocument::textFormat(BookletStyle, points, bold, italic);
    format.setForeground(colour);
    return format;
}

// One part of a section: the exhibits it shows in full, and those it only points to.
struct Section
{
    QString heading;
    QList<int> exhibits;   // indices into the exhibit list, shown in full
    QList<int> references; // shown elsewhere: "see page N"
};

QList<Section> sectionsFor(const QList<Exhibit>& exhibits, BookletOptions::Grouping grouping)
{
    QList<int> order(exhibits.size());
    for (int i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return titleSortKey(exhibits.at(a).title) < titleSortKey(exhibits.at(b).title);
    });
    if (grouping == BookletOptions::Grouping::None) {
        return {Section{QString(), order, {}}};
    }

    // Sections in reading order of their headings; exhibits without a home come last.
    const QString elsewhere = QStringLiteral("Other exhibits");
    QMap<QString, Section> byKey;
    auto sectionFor = [&](const QString& heading) -> Section& {
        Section& section = byKey[heading == elsewhere ? QString(QChar(0xffff)) : titleSortKey(heading)];
        section.heading = heading;
        return section;
    };
    for (const int index : order) {
        const Exhibit& exhibit = exhibits.at(index);
        const QStringList homes =
            grouping == BookletOptions::Grouping::Authority ? exhibit.authorities() : exhibit.categories;
        if (homes.isEmpty()) {
            sectionFor(elsewhere).exhibits << index;
            continue;
        }
        sectionFor(homes.first()).exhibits << index;
        for (const QString& other : homes.mid(1)) {
            sectionFor(other).references << index;
        }
    }
    return byKey.values();
}

class Layout
{
public:
    explicit Layout(QPagedPaintDevice& device)
        : m_device(device)
        , m_content(pixels(MarginMm), pixels(MarginMm + 6), device.width() - 2 * pixels(MarginMm),
                    device.height() - 2 * pixels(MarginMm + 6))
    {}

    // Millimetres in the device's pixels: 300 dpi for the PDF, whatever a printer has.
    int pixels(double millimetres) const { return int(millimetres / 25.4 * m_device.logicalDpiY()); }
    // Qt takes tab positions in 96-dpi logical pixels, not in the device's own.
    qreal tabUnits(int devicePixels) const { return devicePixels * 96.0 / m_device.logicalDpiX(); }

    std::unique_ptr<QTextDocument> document() const
    {
        auto document = std::make_unique<QTextDocument>();
        document->documentLayout()->setPaintDevice(&m_device);
        document->setPageSize(m_content.size());
        document->setDocumentMargin(0);
        QFont font(FontFamily);
        font.setPointSizeF(10);
        font.setStyleStrategy(QFont::PreferNoShaping);
        document->setDefaultFont(font);
        return document;
    }

    const QRect& content() const { return m_content; }

private:
    QPagedPaintDevice& m_device;
    QRect m_content;
};

// A page number; while pages are still being counted (page < 1), the widest number it could be, so
// that filling in the real one never makes a line longer.
QString pageText(int page, int width)
{
    return page < 1 ? QString(width, QLatin1Char('8')) : QString::number(page);
}

void writeSectionHeading(QTextCursor& cursor, const Section& section, const QList<Exhibit>& exhibits,
                         const QHash<int, int>& startPages, int numberWidth)
{
    cursor.insertBlock(spacing(0, 6));
    cursor.insertText(section.heading, textFormat(20, true, Accent));
    QTextBlockFormat rule = spacing(0, 10);
    rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
    cursor.insertBlock(rule);
    if (section.references.isEmpty()) {
        return;
    }
    cursor.insertBlock(spacing(0, 2));
    cursor.insertText((section.exhibits.isEmpty() ? QStringLiteral("Exhibits with %1 as a partner")
                                                  : QStringLiteral("Also with %1 as a partner"))
                          .arg(section.heading),
                      textFormat(10, true, Muted));
    for (const int index : section.references) {
        cursor.insertBlock(spacing(0, 2));
        cursor.insertText(exhibits.at(index).title, textFormat(10));
        cursor.insertText(QStringLiteral(" \u2014 see page %1").arg(pageText(startPages.value(index, -1), numberWidth)),
                          textFormat(10, false, Muted, true));
    }
    cursor.insertBlock(spacing(0, 12));
}

// One page-starting piece of the body: a section's heading (and references) and, usually, its
// first exhibit; or a further exhibit of the section. In a compact booklet, a whole section.
struct Piece
{
    int section = -1;    // set on the piece that opens a section
    QList<int> exhibits; // empty for a section that only points elsewhere
    QList<int> offsets;  // the page each exhibit starts on, counted from the piece's first
    int pages = 0;
};

QDateTime bookletDate(const BookletOptions& options)
{
    if (options.date.isValid()) {
        return options.date;
    }
    const QDateTime epoch = sourceDateEpoch();
    return epoch.isValid() ? epoch : QDateTime::currentDateTime();
}

} // namespace

BookletResult Booklet::write(const QList<Exhibit>& exhibits, const BookletOptions& options, const QString& path,
                             const Progress& progress)
{
    // Qt's PDF engine orders its objects through QHashes: with a fixed seed, the same input gives
    // the same bytes. Only asked for, through SOURCE_DATE_EPOCH, as reproducible builds do.
    const bool reproducible = !qEnvironmentVariableIsEmpty("SOURCE_DATE_EPOCH");
    if (reproducible) {
        QHashSeed::setDeterministicGlobalSeed();
    }
    const auto restoreSeed = qScopeGuard([reproducible] {
        if (reproducible) {
            QHashSeed::resetRandomGlobalSeed();
        }
    });
    QBuffer file; // the whole PDF in memory, written out only once complete
    file.open(QIODevice::WriteOnly);
    QPdfWriter writer(&file);
    writer.setResolution(PdfResolution);
    writer.setPageSize(QPageSize(options.pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(options.subtitle.isEmpty() ? options.title
                                               : options.title + QStringLiteral(": ") + options.subtitle);
    writer.setCreator(QStringLiteral("Spotlight, the Practice Spotlight catalogue"));
    const PdfDocumentInfo info{
        writer.title(), options.author,
        options.subject.isEmpty()
            ? QStringLiteral("Practice Spotlight showcase: %1 exhibits from %2 London authorities")
                  .arg(exhibits.size())
                  .arg(authorityCount(exhibits))
            : options.subject,
        writer.creator()};
    const QDateTime creation = reproducible ? bookletDate(options) : QDateTime::currentDateTimeUtc();
    if (options.pdfA) {
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
        writer.setDocumentXmpMetadata(pdfA1bMetadata(info, creation));
    }
    const BookletResult result = paint(exhibits, options, writer, writer.title(), progress);
    writeFileAtomically(path,
                        withDocumentInfo(file.data(), info, reproducible ? creation : QDateTime(), result.navigation));
    return result;
}

qsizetype Booklet::authorityCount(const QList<Exhibit>& exhibits)
{
    QSet<QString> authorities;
    for (const Exhibit& exhibit : exhibits) {
        for (const QString& authority : exhibit.authorities()) {
            authorities.insert(authority);
        }
    }
    return authorities.size();
}

BookletResult Booklet::paint(const QList<Exhibit>& exhibits, const BookletOptions& options, QPagedPaintDevice& device,
                             const QString& runningTitle, const Progress& progress)
{
    if (exhibits.isEmpty()) {
        throw Error(QStringLiteral("There are no exhibits to put in a booklet."));
    }
    const Layout layout(device);
    auto pixels = [&layout](double millimetres) { return layout.pixels(millimetres); };
    ExhibitDocument::Style style = BookletStyle;
    style.links = true; // emails and web addresses open from the PDF
    style.description = options.description;
    style.evidence = options.evidence;
    style.contact = options.contact;
    style.tags = options.tags;
    const QList<Section> sections = sectionsFor(exhibits, options.grouping);
    const int total = int(exhibits.size());
    auto reportProgress = [&](int done) {
        if (progress && !progress(done, total * 2)) {
            throw Error(QStringLiteral("The booklet was cancelled; nothing was written."));
        }
    };

    // The pieces of the body, in order.
    QList<Piece> pieces;
    for (int s = 0; s < sections.size(); ++s) {
        const Section& section = sections.at(s);
        if (section.exhibits.isEmpty() || options.compact) {
            pieces << Piece{s, section.exhibits, {}, 0};
            continue;
        }
        for (int i = 0; i < section.exhibits.size(); ++i) {
            pieces << Piece{i == 0 ? s : -1, {section.exhibits.at(i)}, {}, 0};
        }
    }
    const int numberWidth = int(QString::number(pieces.size() * 8 + 99).size());

    QHash<int, int> startPages; // exhibit index -> page
    // Lays a piece out, noting its page count and where each of its exhibits starts.
    auto buildPiece = [&](Piece& piece) {
        auto document = layout.document();
        QTextCursor cursor(document.get());
        if (piece.section >= 0 && !sections.at(piece.section).heading.isEmpty()) {
            writeSectionHeading(cursor, sections.at(piece.section), exhibits, startPages, numberWidth);
        }
        QList<int> firstBlocks;
        for (int i = 0; i < piece.exhibits.size(); ++i) {
            if (i > 0) { // compact: a rule between exhibits sharing a page
                QTextBlockFormat rule = spacing(14, 14);
                rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                                 QTextLength(QTextLength::PercentageLength, 100));
                cursor.insertBlock(rule);
            }
            firstBlocks << cursor.blockNumber() + 1; // write() starts with a block of its own
            ExhibitDocument::write(cursor, exhibits.at(piece.exhibits.at(i)), style);
        }
        piece.pages = document->pageCount();
        piece.offsets.clear();
        const qreal pageHeight = document->pageSize().height();
        for (const int block : firstBlocks) {
            const QRectF box = document->documentLayout()->blockBoundingRect(document->findBlockByNumber(block));
            piece.offsets << int(box.top() / pageHeight);
        }
        return document;
    };

    // The contents: one line per section and per exhibit, the page number on a right tab stop.
    // (Paragraphs, not a table: Qt lays out a table of thousands of rows in quadratic time.)
    QList<std::pair<int, int>> contentsLines; // block, the page it names
    auto buildContents = [&](int firstBodyPage, const QList<int>& pieceStarts) {
        contentsLines.clear();
        auto document = layout.document();
        QTextCursor cursor(document.get());
        cursor.insertText(QStringLiteral("Contents"), textFormat(20, true, Accent));
        const qreal right = layout.content().width();
        auto line = [&](const QString& text, int page, const QTextCharFormat& format, qreal indent, qreal before) {
            QTextBlockFormat block = spacing(before, 0);
            block.setLeftMargin(indent);
            block.setRightMargin(0);
            // Just inside the line's end: a right tab exactly at the width wraps the number.
            const qreal tabPosition = layout.tabUnits(right - indent - pixels(1));
            block.setTabPositions({QTextOption::Tab(tabPosition, QTextOption::RightTab)});
            cursor.insertBlock(block);
            cursor.insertText(text + QLatin1Char('\t') + pageText(page, numberWidth), format);
            contentsLines << std::pair{cursor.blockNumber(), page};
        };
        for (int p = 0; p < pieces.size(); ++p) {
            const Piece& piece = pieces.at(p);
            const int page = pieceStarts.isEmpty() ? 0 : firstBodyPage + pieceStarts.at(p);
            if (piece.section >= 0 && !sections.at(piece.section).heading.isEmpty()) {
                line(sections.at(piece.section).heading, page, textFormat(11, true, Accent), 0, 14);
            }
            for (int i = 0; i < piece.exhibits.size(); ++i) {
                line(exhibits.at(piece.exhibits.at(i)).title, page + (page > 0 ? piece.offsets.at(i) : 0),
                     textFormat(10), 36, 4);
            }
        }
        return document;
    };

    // Pass 1: every piece's page count, with page numbers not yet known (drawn at full width).
    // Layouts that no page number can change are kept for drawing, up to a cap that bounds memory
    // (about 10 MB per 100 exhibits); past it they are laid out again when drawn.
    constexpr int KeptLayouts = 2500; // exhibits
    std::vector<std::unique_ptr<QTextDocument>> kept(pieces.size());
    int laidOut = 0;
    for (int p = 0; p < pieces.size(); ++p) {
        auto document = buildPiece(pieces[p]);
        const bool carriesNumbers =
            pieces.at(p).section >= 0 && !sections.at(pieces.at(p).section).references.isEmpty();
        laidOut += int(pieces.at(p).exhibits.size());
        if (laidOut <= KeptLayouts && !carriesNumbers) {
            kept[p] = std::move(document);
        }
        reportProgress(laidOut);
    }
    const int contentsPages = buildContents(0, {})->pageCount();
    const int firstBodyPage = 2 + contentsPages;
    QList<int> pieceStarts;
    // Section openings list "see page N"; with the numbers in, their length can only shrink, so
    // settle the few pieces that carry numbers until no page count moves.
    for (int round = 0; round < 4; ++round) {
        pieceStarts.clear();
        startPages.clear();
        int offset = 0;
        for (const Piece& piece : pieces) {
            pieceStarts << offset;
            for (int i = 0; i < piece.exhibits.size(); ++i) {
                startPages.insert(piece.exhibits.at(i), firstBodyPage + offset + piece.offsets.at(i));
            }
            offset += piece.pages;
        }
        bool moved = false;
        for (Piece& piece : pieces) {
            if (piece.section >= 0 && !sections.at(piece.section).references.isEmpty()) {
                const QList<int> before = piece.offsets;
                const int pages = piece.pages;
                buildPiece(piece);
                moved = moved || pages != piece.pages || before != piece.offsets;
            }
        }
        if (!moved) {
            break;
        }
    }
    int bodyPages = 0;
    for (const Piece& piece : pieces) {
        bodyPages += piece.pages;
    }

    // The index: each tag with the pages where its exhibits start.
    QMap<QString, QList<int>> tagPages;
    for (auto it = startPages.constBegin(); it != startPages.constEnd(); ++it) {
        for (const QString& tag : exhibits.at(it.key()).tags) {
            tagPages[tag] << it.value();
        }
    }
    auto index = layout.document();
    {
        QTextCursor cursor(index.get());
        cursor.insertText(QStringLiteral("Index of tags"), textFormat(20, true, Accent));
        if (tagPages.isEmpty()) {
            cursor.insertBlock(spacing(8, 0));
            cursor.insertText(QStringLiteral("No exhibit in this booklet is tagged."), textFormat(10, false, Muted));
        }
        for (auto it = tagPages.begin(); it != tagPages.end(); ++it) {
            std::sort(it->begin(), it->end());
            it->erase(std::unique(it->begin(), it->end()), it->end());
            QStringList numbers;
            for (const int page : *it) {
                numbers << QString::number(page);
            }
            cursor.insertBlock(spacing(3, 0));
            cursor.insertText(tagDisplayName(it.key()), textFormat(10));
            cursor.insertText(QStringLiteral("   ") + numbers.join(QStringLiteral(", ")), textFormat(10, false, Muted));
        }
        // A PDF from Qt 6.4 cannot be tagged for screen readers: the web showcase is the booklet's
        // accessible form, and the booklet says so where a reader looks for help.
        cursor.insertBlock(spacing(24, 4));
        cursor.insertText(QStringLiteral("An accessible version"), textFormat(13, true, Accent));
        cursor.insertBlock(spacing(0, 4));
        cursor.insertText(QStringLiteral("This booklet is also published as a web showcase, which is its accessible "
                                         "version: it works with screen readers, the keyboard alone, zoom and your "
                                         "own colours, and it is searchable."),
                          textFormat(10));
        if (ExhibitRules::isPublishableLink(options.webShowcase)) {
            cursor.insertText(QStringLiteral(" Find it at "), textFormat(10));
            QTextCharFormat link = textFormat(10, false, Accent);
            link.setAnchor(true);
            link.setAnchorHref(options.webShowcase);
            link.setFontUnderline(true);
            cursor.insertText(options.webShowcase, link);
            cursor.insertText(QStringLiteral("."), textFormat(10));
        }
        cursor.insertBlock(spacing(0, 0));
        cursor.insertText(QStringLiteral("To ask for the booklet in another format, or to report a problem with it, "
                                         "contact the London Innovation and Improvement Alliance."),
                          textFormat(10));
    }
    const int totalPages = 1 + contentsPages + bodyPages + index->pageCount();

    // Drawing, one page at a time.
    QPainter painter(&device);
    int pageNumber = 0;
    const QRect& content = layout.content();
    auto decorate = [&]() {
        painter.save();
        QFont small(FontFamily);
        small.setPointSizeF(8);
        painter.setFont(small);
        painter.setPen(Muted);
        const int top = pixels(MarginMm) - pixels(2);
        if (pageNumber > 1) {
            painter.drawText(QRect(content.left(), top - pixels(6), content.width(), pixels(6)),
                             Qt::AlignLeft | Qt::AlignBottom, runningTitle);
            painter.drawLine(content.left(), top, content.right(), top);
        }
        const int bottom = device.height() - pixels(MarginMm);
        painter.drawText(QRect(content.left(), bottom, content.width(), pixels(6)), Qt::AlignRight | Qt::AlignTop,
                         QStringLiteral("page %1 of %2").arg(pageNumber).arg(totalPages));
        painter.restore();
    };
    auto drawDocument = [&](QTextDocument& document) {
        const qreal height = document.pageSize().height();
        for (int page = 0; page < document.pageCount(); ++page) {
            if (pageNumber++ > 0) {
                device.newPage();
            }
            painter.save();
            painter.translate(content.topLeft());
            painter.translate(0, -page * height);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, page * height, content.width(), height);
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();
            decorate();
        }
    };

    // Cover
    {
        pageNumber = 1;
        painter.fillRect(QRect(0, 0, device.width(), pixels(70)), Accent);
        painter.setPen(Qt::white);
        QFont big(FontFamily);
        big.setPointSizeF(30);
        big.setBold(true);
        painter.setFont(big);
        painter.drawText(QRect(content.left(), pixels(22), content.width(), pixels(30)),
                         Qt::AlignLeft | Qt::AlignVCenter, options.title);
        QFont medium(FontFamily);
        medium.setPointSizeF(15);
        painter.setFont(medium);
        painter.drawText(QRect(content.left(), pixels(50), content.width(), pixels(12)),
                         Qt::AlignLeft | Qt::AlignVCenter, options.subtitle);
        auto cover = layout.document();
        QTextCursor cursor(cover.get());
        cursor.insertBlock(spacing(pixels(60), 12));
        cursor.insertText(ExhibitDocument::longDate(bookletDate(options).date()), textFormat(12, true, Accent));
        cursor.insertBlock(spacing(0, 24));
        const qsizetype exhibitCount = options.coverExhibits > 0 ? options.coverExhibits : exhibits.size();
        const qsizetype authorities =
            options.coverAuthorities > 0 ? options.coverAuthorities : authorityCount(exhibits);
        cursor.insertText(QStringLiteral("%1 exhibit%2 from %3 London authorit%4")
                              .arg(exhibitCount)
                              .arg(exhibitCount == 1 ? QString() : QStringLiteral("s"))
                              .arg(authorities)
                              .arg(authorities == 1 ? QStringLiteral("y") : QStringLiteral("ies")),
                          textFormat(12));
        if (!options.introduction.isEmpty()) {
            cursor.insertBlock(spacing(0, 0));
            cursor.setCharFormat(textFormat(11));
            ExhibitDocument::insertMarkdown(cursor, options.introduction);
        }
        cursor.insertBlock(spacing(24, 0));
        cursor.insertText(QStringLiteral("London Innovation and Improvement Alliance, for the Association of London "
                                         "Directors of Children's Services"),
                          textFormat(9, false, Muted));
        painter.save();
        painter.translate(content.topLeft());
        cover->drawContents(&painter, QRectF(0, 0, content.width(), content.height()));
        painter.restore();
        decorate();
    }
    const auto contents = buildContents(firstBodyPage, pieceStarts);
    drawDocument(*contents);
    PdfNavigation navigation;
    {
        const qreal pageHeight = contents->pageSize().height();
        const double toPoints = 72.0 / device.logicalDpiY();
        for (const auto& [block, target] : contentsLines) {
            const QRectF box = contents->documentLayout()->blockBoundingRect(contents->findBlockByNumber(block));
            const int onPage = int(box.top() / pageHeight);
            const QRectF area(content.left() + box.left(), content.top() + box.top() - onPage * pageHeight, box.width(),
                              box.height());
            navigation.links << PdfLink{2 + onPage,
                                        QRectF(area.left() * toPoints, area.top() * toPoints, area.width() * toPoints,
                                               area.height() * toPoints),
                                        target};
        }
        navigation.bookmarks << PdfBookmark{QStringLiteral("Contents"), 2};
        for (int p = 0; p < pieces.size(); ++p) {
            const Piece& piece = pieces.at(p);
            if (piece.section >= 0 && !sections.at(piece.section).heading.isEmpty()) {
                navigation.bookmarks << PdfBookmark{sections.at(piece.section).heading,
                                                    firstBodyPage + pieceStarts.at(p)};
            } else if (options.grouping == BookletOptions::Grouping::None) {
                for (int i = 0; i < piece.exhibits.size(); ++i) {
                    navigation.bookmarks << PdfBookmark{exhibits.at(piece.exhibits.at(i)).title,
                                                        firstBodyPage + pieceStarts.at(p) + piece.offsets.at(i)};
                }
            }
        }
        navigation.bookmarks << PdfBookmark{QStringLiteral("Index of tags"), firstBodyPage + bodyPages};
    }
    int drawn = 0;
    for (int p = 0; p < pieces.size(); ++p) {
        Piece& piece = pieces[p];
        const int pages = piece.pages;
        std::unique_ptr<QTextDocument> document = kept[p] ? std::move(kept[p]) : buildPiece(piece);
        if (document->pageCount() != pages) {
            throw Error(QStringLiteral("The booklet's layout did not settle; nothing was written."));
        }
        drawDocument(*document);
        if (!piece.exhibits.isEmpty()) {
            drawn += int(piece.exhibits.size());
            reportProgress(total + drawn);
        }
    }
    drawDocument(*index);
    painter.end();

    if (pageNumber != totalPages) {
        throw Error(QStringLiteral("The booklet came out with %1 pages instead of %2; nothing was written.")
                        .arg(pageNumber)
                        .arg(totalPages));
    }
    BookletResult result{totalPages, {}, navigation};
    for (auto it = startPages.constBegin(); it != startPages.constEnd(); ++it) {
        result.startPages.insert(exhibits.at(it.key()).ref, it.value());
    }
    return result;
}

} // namespace spotlight
