#include "Letter.h"

#include "Error.h"
#include "io/ExhibitDocument.h"
#include "io/PdfDocumentInfo.h"
#include "io/SafeFile.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

namespace spotlight::Letter {
namespace {

constexpr double MarginMm = 25.0;
constexpr double LetterheadMaxMm = 30.0; // the letterhead's height at most, above the letter
constexpr double LetterheadGapMm = 6.0;
// Tried in turn until the letter fits one page; a long feedback then runs on to a second.
constexpr double FontSizes[] = {11.0, 10.5, 10.0, 9.5};

const QStringList& fieldNames()
{
    static const QStringList names{
        QStringLiteral("date"),      QStringLiteral("team"),         QStringLiteral("address"),
        QStringLiteral("reference"), QStringLiteral("contact_role"), QStringLiteral("authority"),
        QStringLiteral("project"),   QStringLiteral("category"),     QStringLiteral("edition"),
        QStringLiteral("event"),     QStringLiteral("panel"),        QStringLiteral("recognition"),
        QStringLiteral("feedback"),  QStringLiteral("signatory"),    QStringLiteral("signatory_role"),
    };
    return names;
}

const QRegularExpression& fieldPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\{\{\s*([a-z_]+)\s*\}\})"));
    return pattern;
}

QString joinedNames(const QStringList& names)
{
    if (names.size() < 2) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

} // namespace

Template::Template(QString html, QString folder)
    : html(std::move(html))
    , folder(std::move(folder))
{}

Template Template::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("Cannot read the letter template %1: %2").arg(path, file.errorString()));
    }
    return Template(QString::fromUtf8(file.readAll()), QFileInfo(path).absolutePath());
}

QString letterheadPath(const Template& letterTemplate)
{
    static const QRegularExpression meta(
        QStringLiteral(R"(<meta\s+name\s*=\s*["']letterhead["']\s+content\s*=\s*["']([^"']*)["'])"),
        QRegularExpression::CaseInsensitiveOption);
    // A tag inside a comment, such as the shipped template's example, names nothing.
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QString html = QString(letterTemplate.html).remove(comment);
    const QString named = meta.match(html).captured(1).trimmed();
    if (named.isEmpty()) {
        return {};
    }
    return QDir(letterTemplate.folder.isEmpty() ? QDir::currentPath() : letterTemplate.folder).absoluteFilePath(named);
}

QImage readLetterhead(const QString& path)
{
    if (path.isEmpty()) {
        return {};
    }
    if (!QFileInfo::exists(path)) {
        throw Error(QStringLiteral("The letterhead image %1 that the letter template names does not exist.").arg(path));
    }
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        throw Error(QStringLiteral("The letterhead image %1 cannot be read: %2. Use a PNG or JPEG file.")
                        .arg(path, reader.errorString()));
    }
    return image;
}

QString defaultTemplate()
{
    QFile file(QStringLiteral(":/seed/letter-template.html"));
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("The letter template is missing from this build of Spotlight."));
    }
    return QString::fromUtf8(file.readAll());
}

void checkTemplate(const QString& text)
{
    QStringList unknown;
    for (auto it = fieldPattern().globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!fieldNames().contains(name) && !unknown.contains(name)) {
            unknown << name;
        }
    }
    if (!unknown.isEmpty()) {
        throw Error(QStringLiteral("The letter template uses merge fields Spotlight does not know: %1. It knows %2.")
                        .arg(unknown.join(QStringLiteral(", ")), fieldNames().join(QStringLiteral(", "))));
    }
}

QHash<QString, QString> fieldsFor(const Exhibit& exhibit, const Edition* edition, const QList<Category>& categories,
                                  const QDate& date)
{
    QStringList panels;
    QStringList recognitions;
    QString feedback;
    for (const Review& review : exhibit.reviews) {
        if (!review.panel.isEmpty() && !panels.contains(review.panel)) {
            panels << review.panel;
        }
        if (!review.recognition.isEmpty()) {
            recognitions << review.recognition;
        }
        for (const QString& paragraph : review.feedback.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
            feedback +=
                QStringLiteral("<p>%1</p>")
                    .arg(paragraph.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
        }
    }
    // The sponsoring group of the exhibit's category reviews it, when no review names its panel.
    if (panels.isEmpty()) {
        for (const Category& category : categories) {
            if (exhibit.categories.contains(category.name) && category.edition == exhibit.edition &&
                !category.sponsor.isEmpty()) {
                panels << category.sponsor;
            }
        }
    }
    const bool signed_ = edition && !edition->signatoryName.isEmpty();
    const QHash<QString, QString> plain{
        {QStringLiteral("date"), ExhibitDocument::longDate(date)},
        {QStringLiteral("team"),
         exhibit.contact.name.isEmpty() ? QStringLiteral("%1 team").arg(exhibit.title) : exhibit.contact.name},
        {QStringLiteral("contact_role"), exhibit.contact.role},
        {QStringLiteral("authority"), joinedNames(exhibit.authorities())},
        {QStringLiteral("project"), exhibit.title},
        {QStringLiteral("category"), joinedNames(exhibit.categories)},
        {QStringLiteral("edition"), exhibit.edition.isEmpty() ? QStringLiteral("Practice Spotlight") : exhibit.edition},
        {QStringLiteral("event"), edition && !edition->event.isEmpty()
                                      ? QStringLiteral("We look forward to seeing you at the %1.").arg(edition->event)
                                      : QString()},
        {QStringLiteral("panel"), panels.isEmpty() ? QStringLiteral("sponsoring panel") : joinedNames(panels)},
        {QStringLiteral("recognition"),
         recognitions.isEmpty() ? QStringLiteral("recognised practice") : recognitions.join(QStringLiteral("; "))},
        {QStringLiteral("signatory"), signed_ ? edition->signatoryName : QStringLiteral("The Practice Spotlight team")},
        {QStringLiteral("signatory_role"),
         signed_ ? edition->signatoryRole : QStringLiteral("London Innovation and Improvement Alliance")},
    };
    QHash<QString, QString> fields;
    for (auto it = plain.cbegin(); it != plain.cend(); ++it) {
        fields.insert(it.key(), it.value().toHtmlEscaped());
    }
    // Lines that are left out when empty, rather than leaving a gap in the letter.
    auto lines = [&fields](const QStringList& names, const QString& separator) {
        QStringList present;
        for (const QString& name : names) {
            if (!fields.value(name).isEmpty()) {
                present << fields.value(name);
            }
        }
        return present.join(separator);
    };
    fields.insert(QStringLiteral("address"),
                  lines({QStringLiteral("team"), QStringLiteral("contact_role"), QStringLiteral("authority")},
                        QStringLiteral("<br/>")));
    fields.insert(QStringLiteral("reference"),
                  lines({QStringLiteral("edition"), QStringLiteral("category")}, QStringLiteral(" · ")));
    fields.insert(QStringLiteral("feedback"),
                  feedback.isEmpty() ? QStringLiteral("<p>The panel recorded no written feedback.</p>") : feedback);
    return fields;
}

QString merge(const QString& templateText, const QHash<QString, QString>& fields)
{
    QString merged;
    qsizetype last = 0;
    for (auto it = fieldPattern().globalMatch(templateText); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        merged += templateText.mid(last, match.capturedStart() - last);
        merged += fields.value(match.captured(1));
        last = match.capturedEnd();
    }
    return merged + templateText.mid(last);
}

int paint(const QString& html, QPagedPaintDevice& device, const QImage& letterhead)
{
    return paint(QStringList{html}, device, letterhead);
}

int paint(const QStringList& letters, QPagedPaintDevice& device, const QImage& letterhead)
{
    const double pixelsPerMm = device.logicalDpiX() / 25.4;
    QRectF content(MarginMm * pixelsPerMm, MarginMm * pixelsPerMm, device.width() - 2 * MarginMm * pixelsPerMm,
                   device.height() - 2 * MarginMm * pixelsPerMm);
    // The letterhead as wide as the text at most, and no taller than LetterheadMaxMm; every page
    // leaves its room, so that a letter breaks across pages the same way with or without one.
    QRectF head;
    if (!letterhead.isNull()) {
        QSizeF size = QSizeF(letterhead.size())
                          .scaled(QSizeF(content.width(), LetterheadMaxMm * pixelsPerMm), Qt::KeepAspectRatio);
        head = QRectF(content.topLeft(), size);
        content.setTop(content.top() + size.height() + LetterheadGapMm * pixelsPerMm);
    }
    QPainter painter(&device);
    int pages = 0;
    for (const QString& html : letters) {
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&device);
        document.setDocumentMargin(0);
        document.setPageSize(content.size());
        for (const double points : FontSizes) {
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPointSizeF(points);
            font.setStyleStrategy(QFont::PreferNoShaping); // no ligatures in the text layer
            document.setDefaultFont(font);
            document.setHtml(html);
            if (document.pageCount() == 1) {
                break;
            }
        }
        for (int page = 0; page < document.pageCount(); ++page) {
            if (pages++ > 0) {
                device.newPage();
            }
            if (page == 0 && !head.isEmpty()) {
                painter.drawImage(head, letterhead);
            }
            painter.save();
            painter.translate(content.left(), content.top() - page * content.height());
            document.drawContents(&painter, QRectF(0, page * content.height(), content.width(), content.height()));
            painter.restore();
        }
    }
    return pages;
}

int write(const QString& html, const QString& title, const QString& path, const QImage& letterhead)
{
    return write(QStringList{html}, title, path, letterhead);
}

int write(const QStringList& letters, const QString& title, const QString& path, const QImage& letterhead)
{
    int pages = 0;
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF());
    writeFileAtomically(path,
                        paintedPdf(layout, title, QStringLiteral("Practice Spotlight Letter of Recognition"),
                                   [&](QPagedPaintDevice& device) { pages = paint(letters, device, letterhead); }));
    return pages;
}

} // namespace spotlight::Letter
