#include "Xlsx.h"

#include "Error.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>
#include <zip.h>

namespace spotlight::Xlsx {
namespace {

// A workbook's parts are small; a member that inflates beyond this is a zip bomb, not a submission.
constexpr zip_uint64_t LargestPart = 256 * 1024 * 1024;
// Excel's own limits. A sheet read into rows of cells from column A costs memory for every cell up
// to a row's last, so a few bytes of XML naming cell XFD1 on every row would take gigabytes: the
// cells a sheet may hold are bounded too, far above any submission (100,000 rows of 20 columns
// are 2,000,000), and checked before a row grows, so that refusing costs at most 240 MB.
constexpr int LastRow = 1048576;
constexpr int Columns = 16384;
constexpr qsizetype MostCells = 10'000'000;
// The serial number of 31 December 9999, Excel's last date.
constexpr double LastSerial = 2958465;

class Archive
{
public:
    explicit Archive(const QByteArray& bytes)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
        if (source) {
            m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!m_zip) {
                zip_source_free(source);
            }
        }
        zip_error_fini(&error);
        if (!m_zip) {
            throw Error(QStringLiteral("it is not an Excel workbook (.xlsx): its zip container cannot be read"));
        }
    }
    ~Archive() { zip_discard(m_zip); }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const QString& name) const { return zip_name_locate(m_zip, name.toUtf8().constData(), 0) >= 0; }

    QByteArray part(const QString& name) const
    {
        const zip_int64_t index = zip_name_locate(m_zip, name.toUtf8().constData(), 0);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (index < 0 || zip_stat_index(m_zip, zip_uint64_t(index), 0, &stat) != 0) {
            throw Error(QStringLiteral("it is not an Excel workbook (.xlsx): it has no %1").arg(name));
        }
        if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > LargestPart) {
            throw Error(QStringLiteral("its part %1 is too large to be a spreadsheet").arg(name));
        }
        QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(m_zip, zip_uint64_t(index), 0),
                                                                &zip_fclose);
        if (!file || zip_fread(file.get(), data.data(), stat.size) != zip_int64_t(stat.size)) {
            throw Error(QStringLiteral("its part %1 is damaged and cannot be read").arg(name));
        }
        return data;
    }

private:
    zip_t* m_zip = nullptr;
};

// The text of the element the reader is on, with every <t> inside it joined (rich-text runs),
// leaving out phonetic guides (<rPh>). Leaves the reader on its end element.
QString textOf(QXmlStreamReader& xml)
{
    QString text;
    const QString element = xml.name().toString();
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("rPh")) {
                ++phonetic;
            } else if (xml.name() == QLatin1String("t") && phonetic == 0) {
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("rPh")) {
                --phonetic;
            } else if (xml.name() == element) {
                break;
            }
        }
    }
    return text;
}

void requireWellFormed(const QXmlStreamReader& xml, const QString& part)
{
    if (xml.hasError()) {
        throw Error(QStringLiteral("its part %1 is not well-formed XML (line %2: %3)")
                        .arg(part)
                        .arg(xml.lineNumber())
                        .arg(xml.errorString()));
    }
}

QString attribute(const QXmlStreamReader& xml, QLatin1String name)
{
    for (const QXmlStreamAttribute& attribute : xml.attributes()) {
        if (attribute.name() == name) {
            return attribute.value().toString();
        }
    }
    return {};
}

// Whether a number format shows dates: the built-in date formats, or a custom one that uses day,
// month or year outside quoted text and [colour] brackets.
bool isDateFormat(int id, const QString& code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) {
        return true;
    }
    bool quoted = false;
    bool bracketed = false;
    for (const QChar c : code) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char('[')) {
            bracketed = true;
        } else if (c == QLatin1Char(']')) {
            bracketed = false;
        } else if (!quoted && !bracketed && QStringLiteral("dmyDMY").contains(c)) {
            return true;
        }
    }
    return false;
}

// The styles (cellXfs indices) whose number format is a date.
QSet<int> dateStyles(const QByteArray& styles)
{
    QHash<int, QString> customFormats;
    QSet<int> dates;
    QXmlStreamReader xml(styles);
    bool inCellFormats = false;
    int index = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
            inCellFormats = false;
        }
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("numFmt")) {
            customFormats.insert(attribute(xml, QLatin1String("numFmtId")).toInt(),
                                 attribute(xml, QLatin1String("formatCode")));
        } else if (xml.name() == QLatin1String("cellXfs")) {
            inCellFormats = true;
        } else if (inCellFormats && xml.name() == QLatin1String("xf")) {
            const int format = attribute(xml, QLatin1String("numFmtId")).toInt();
            if (isDateFormat(format, customFormats.value(format))) {
                dates.insert(index);
            }
            ++index;
        }
    }
    return dates;
}

// A date's serial number as yyyy-MM-dd, with the time when it has one. In the 1900 system Excel
// counts the 29th of February 1900, which never was, so serials from 61 on are one day ahead.
QString dateText(double serial, bool from1904)
{
    if (!(serial >= 0 && serial <= LastSerial)) {
        return QString::number(serial); // not a date Excel could show either (it shows ####)
    }
    const auto days = qint64(std::floor(serial));
    QDate date;
    if (from1904) {
        date = QDate(1904, 1, 1).addDays(days);
    } else {
        date = days >= 61 ? QDate(1899, 12, 30).addDays(days) : QDate(1899, 12, 31).addDays(days);
    }
    const double fraction = serial - double(days);
    if (fraction < 1.0 / 86400.0) {
        return date.toString(Qt::ISODate);
    }
    const int seconds = int(std::lround(fraction * 86400.0));
    return date.toString(Qt::ISODate) + QLatin1Char('T') +
           QTime(0, 0).addSecs(seconds).toString(QStringLiteral("HH:mm"));
}

QStringList sharedStrings(const Archive& archive)
{
    QStringList strings;
    const QString part = QStringLiteral("xl/sharedStrings.xml");
    if (!archive.has(part)) {
        return strings;
    }
    QXmlStreamReader xml(archive.part(part));
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si")) {
            strings << textOf(xml);
        }
    }
    requireWellFormed(xml, part);
    return strings;
}

XlsxSheet readSheet(const QByteArray& bytes, const QString& part, const QStringList& strings, const QSet<int>& dates,
                    bool from1904)
{
    XlsxSheet sheet;
    QXmlStreamReader xml(bytes);
    XlsxRow row;
    int nextRow = 1;
    int nextColumn = 0;
    qsizetype cellsBefore = 0; // in the rows kept so far
    auto endRow = [&] {
        while (!row.cells.isEmpty() && row.cells.constLast().isEmpty()) {
            row.cells.removeLast();
        }
        if (!row.cells.isEmpty()) {
            cellsBefore += row.cells.size();
            sheet.rows << row;
        }
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("row")) {
            endRow();
        }
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("row")) {
            const int number = attribute(xml, QLatin1String("r")).toInt();
            row = XlsxRow{number > 0 ? number : nextRow, {}};
            if (row.number > LastRow) {
                throw Error(QStringLiteral("its part %1 has a row numbered %2, past a worksheet's last row (%3)")
                                .arg(part)
                                .arg(row.number)
                                .arg(LastRow));
            }
            nextRow = row.number + 1;
            nextColumn = 0;
        } else if (xml.name() == QLatin1String("c")) {
            const QString reference = attribute(xml, QLatin1String("r"));
            const int column = reference.isEmpty() ? nextColumn : columnOf(reference);
            nextColumn = column + 1;
            const QString type = attribute(xml, QLatin1String("t"));
            const int style = attribute(xml, QLatin1String("s")).toInt();
            QString value;
            QString inlineText;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("v")) {
                    value = xml.readElementText();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("is")) {
                    inlineText = textOf(xml);
                } else if (xml.isEndElement() && xml.name() == QLatin1String("c")) {
                    break;
                }
            }
            QString text;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.toInt(&ok);
                text = ok && index >= 0 && index < strings.size() ? strings.at(index) : QString();
            } else if (type == QLatin1String("inlineStr")) {
                text = inlineText;
            } else if (type == QLatin1String("b")) {
                text = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            } else if (type.isEmpty() || type == QLatin1String("n")) {
                bool ok = false;
                const double number = value.toDouble(&ok);
                text = ok && dates.contains(style) ? dateText(number, from1904) : value;
            } else {
                text = value; // "str" (a formula's text) and "e" (an error such as #N/A), as shown
            }
            if (column >= 0 && column < Columns) {
                if (cellsBefore + column >= MostCells) {
                    throw Error(QStringLiteral("its part %1 holds more than %2 million cells (counting the empty "
                                               "ones before each row's last value), far more than a submission needs")
                                    .arg(part)
                                    .arg(MostCells / 1'000'000));
                }
                while (row.cells.size() <= column) {
                    row.cells << QString();
                }
                row.cells[column] = text;
            }
        }
    }
    requireWellFormed(xml, part);
    return sheet;
}

} // namespace

int columnOf(QStringView reference)
{
    int column = 0;
    for (const QChar c : reference) {
        if (!c.isLetter() || c.unicode() > 0x7F) {
            break;
        }
        column = column * 26 + (c.toUpper().unicode() - 'A' + 1);
        if (column > Columns) {
            return -1;
        }
    }
    return column - 1;
}

QString columnName(int column)
{
    QString name;
    for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
        name.prepend(QChar(u'A' + (rest - 1) % 26));
    }
    return name;
}

QList<XlsxSheet> read(const QByteArray& bytes)
{
    const Archive archive(bytes);
    const QString workbookPart = QStringLiteral("xl/workbook.xml");

    // Relationship ids to the parts they name, relative to xl/ unless absolute.
    QHash<QString, QString> targets;
    QXmlStreamReader relations(archive.part(QStringLiteral("xl/_rels/workbook.xml.rels")));
    while (!relations.atEnd()) {
        relations.readNext();
        if (relations.isStartElement() && relations.name() == QLatin1String("Relationship")) {
            const QString target = attribute(relations, QLatin1String("Target"));
            targets.insert(attribute(relations, QLatin1String("Id")),
                           target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target);
        }
    }
    requireWellFormed(relations, QStringLiteral("xl/_rels/workbook.xml.rels"));

    QList<std::pair<QString, QString>> sheetParts; // name, part
    bool from1904 = false;
    QXmlStreamReader workbook(archive.part(workbookPart));
    while (!workbook.atEnd()) {
        workbook.readNext();
        if (workbook.isStartElement() && workbook.name() == QLatin1String("workbookPr")) {
            const QString value = attribute(workbook, QLatin1String("date1904"));
            from1904 = value == QLatin1String("1") || value == QLatin1String("true");
        } else if (workbook.isStartElement() && workbook.name() == QLatin1String("sheet")) {
            sheetParts << std::pair{attribute(workbook, QLatin1String("name")),
                                    targets.value(attribute(workbook, QLatin1String("id")))};
        }
    }
    requireWellFormed(workbook, workbookPart);

    const QStringList strings = sharedStrings(archive);
    const QString stylesPart = QStringLiteral("xl/styles.xml");
    const QSet<int> dates = archive.has(stylesPart) ? dateStyles(archive.part(stylesPart)) : QSet<int>{};
    QList<XlsxSheet> sheets;
    for (const auto& [name, part] : sheetParts) {
        if (part.isEmpty() || !archive.has(part)) {
            continue; // a chart sheet or a part the workbook does not hold
        }
        XlsxSheet sheet = readSheet(archive.part(part), part, strings, dates, from1904);
        sheet.name = name;
        sheets << sheet;
    }
    return sheets;
}

} // namespace spotlight::Xlsx
