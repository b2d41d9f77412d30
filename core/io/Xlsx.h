#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

// One row of a worksheet as a spreadsheet shows it: its number, and its cells' values as text from
// column A, empty where a cell is empty.
struct XlsxRow
{
    int number = 0;
    QStringList cells;
};

struct XlsxSheet
{
    QString name;
    QList<XlsxRow> rows; // only rows with a value, in order
};

// Reads the values of an Office Open XML workbook (.xlsx), as Excel and LibreOffice save them:
// shared and inline strings (rich-text runs joined), numbers as written, dates stored as serial
// numbers as yyyy-MM-dd (in either date system), booleans as TRUE and FALSE, formulas by their
// last value. The zip container is read with libzip, the sheets with QXmlStreamReader. A file
// that is not a workbook raises an Error saying why.
namespace Xlsx {

QList<XlsxSheet> read(const QByteArray& bytes);

// "A" -> 0, "AB" -> 27: the column of a cell reference such as "AB12".
int columnOf(QStringView reference);
// 0 -> "A", 27 -> "AB".
QString columnName(int column);

} // namespace Xlsx
} // namespace spotlight
