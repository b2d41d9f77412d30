// Workbooks as boroughs send them: written here with Debian's libxlsxwriter (as Excel writes them)
// and by hand with libzip (as LibreOffice and others write them), never committed as binaries.

#include "io/Xlsx.h"

#include "TestSupport.h"
#include "io/ExhibitCsv.h"
#include "io/SubmissionTemplate.h"
#include "publishing/TemplatePublisher.h"

#include <QRegularExpression>

#include <xlsxwriter.h>
#include <zip.h>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// A workbook with a guide sheet first and the submissions second, the way the template is laid out.
QString excelWorkbook(const Scratch& scratch)
{
    const QString path = scratch.path(QStringLiteral("hackney.xlsx"));
    lxw_workbook* workbook = workbook_new(path.toUtf8().constData());
    lxw_worksheet* guide = workbook_add_worksheet(workbook, "Guide");
    worksheet_write_string(guide, 0, 0, "Fill in one row per project.", nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Submissions");
    const char* header[] = {"title",   "lead_authority", "partner_authorities",
                            "summary", "contact_email",  "evidence_level"};
    for (lxw_col_t column = 0; column < 6; ++column) {
        worksheet_write_string(sheet, 0, column, header[column], nullptr);
    }
    // Row 2: rich text in the title, a council's own name, a number.
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_rich_string_tuple plain{nullptr, const_cast<char*>("Family ")};
    lxw_rich_string_tuple strong{bold, const_cast<char*>("Group Conferencing")};
    lxw_rich_string_tuple* runs[] = {&plain, &strong, nullptr};
    worksheet_write_rich_string(sheet, 1, 0, runs, nullptr);
    worksheet_write_string(sheet, 1, 1, "LB Hackney", nullptr);
    worksheet_write_string(sheet, 1, 3, "Café conversations – with families", nullptr);
    worksheet_write_number(sheet, 1, 5, 3, nullptr);
    // Row 3 is left empty; row 4 has a bad email and nothing after it.
    worksheet_write_string(sheet, 3, 0, "Reading circles", nullptr);
    worksheet_write_string(sheet, 3, 1, "Croydon Council", nullptr);
    worksheet_write_string(sheet, 3, 4, "m.adeyemi@croydon.gov,uk", nullptr);
    // Another sheet with dates and booleans, which the reader must give as a spreadsheet shows them.
    lxw_worksheet* values = workbook_add_worksheet(workbook, "Values");
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_datetime day{2026, 3, 14, 0, 0, 0};
    worksheet_write_datetime(values, 0, 0, &day, date);
    lxw_datetime leap{2024, 2, 29, 0, 0, 0};
    worksheet_write_datetime(values, 0, 1, &leap, date);
    worksheet_write_boolean(values, 0, 2, 1, nullptr);
    worksheet_write_number(values, 0, 3, 2.5, nullptr);
    worksheet_write_string(values, 0, 27, "far right", nullptr);
    REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
    return path;
}

void addPart(zip_t* archive, const char* name, const QByteArray& text)
{
    char* copy = static_cast<char*>(malloc(size_t(text.size())));
    memcpy(copy, text.constData(), size_t(text.size()));
    zip_source_t* source = zip_source_buffer(archive, copy, zip_uint64_t(text.size()), 1);
    REQUIRE(zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8) >= 0);
}

// What other programs write: inline strings instead of shared ones, absolute part names, cells
// without references, the 1904 date system.
QString handMadeWorkbook(const Scratch& scratch)
{
    const QString path = scratch.path(QStringLiteral("libreoffice.xlsx"));
    int error = 0;
    zip_t* archive = zip_open(path.toUtf8().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    addPart(archive, "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    addPart(archive, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<workbookPr date1904=\"true\"/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId7\"/></sheets>"
            "</workbook>");
    addPart(archive, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>");
    addPart(archive, "xl/styles.xml",
            "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-809]d\\ mmmm\\ yyyy\"/></numFmts>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
            "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>");
    addPart(archive, "xl/worksheets/data.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            "<row><c t=\"inlineStr\"><is><t>title</t></is></c><c t=\"inlineStr\"><is><t>lead_authority</t></is></c>"
            "<c t=\"inlineStr\"><is><t>declared</t></is></c></row>"
            "<row><c t=\"inlineStr\"><is><r><t xml:space=\"preserve\">Kinship </t></r><r><t>care</t></r>"
            "<rPh><t>ignored</t></rPh></is></c><c t=\"inlineStr\"><is><t>Royal Borough of Greenwich</t></is></c>"
            "<c s=\"1\"><v>44999</v></c></row>"
            "</sheetData></worksheet>");
    REQUIRE(zip_close(archive) == 0);
    return path;
}

} // namespace

TEST_CASE("A workbook saved by Excel is read as a spreadsheet shows it", "[xlsx][intake]")
{
    Scratch scratch;
    const QList<XlsxSheet> sheets = Xlsx::read(readFile(excelWorkbook(scratch)));
    REQUIRE(sheets.size() == 3);
    CHECK(sheets.at(0).name == QStringLiteral("Guide"));
    const XlsxSheet& submissions = sheets.at(1);
    REQUIRE(submissions.rows.size() == 3); // the empty row 3 is left out
    CHECK(submissions.rows.at(1).number == 2);
    CHECK(submissions.rows.at(1).cells ==
          QStringList{QStringLiteral("Family Group Conferencing"), QStringLiteral("LB Hackney"), QString(),
                      QStringLiteral("Café conversations – with families"), QString(), QStringLiteral("3")});
    CHECK(submissions.rows.at(2).number == 4);
    const XlsxRow& values = sheets.at(2).rows.first();
    CHECK(values.cells.mid(0, 4) == QStringList{QStringLiteral("2026-03-14"), QStringLiteral("2024-02-29"),
                                                QStringLiteral("TRUE"), QStringLiteral("2.5")});
    CHECK(values.cells.size() == 28);
    CHECK(values.cells.at(27) == QStringLiteral("far right"));
    CHECK(Xlsx::columnName(27) == QStringLiteral("AB"));
    CHECK(Xlsx::columnOf(u"AB12") == 27);
}

TEST_CASE("A workbook written by another program is read too", "[xlsx][intake]")
{
    Scratch scratch;
    const QList<XlsxSheet> sheets = Xlsx::read(readFile(handMadeWorkbook(scratch)));
    REQUIRE(sheets.size() == 1);
    REQUIRE(sheets.first().rows.size() == 2);
    // 44999 days after 1 January 1904.
    CHECK(sheets.first().rows.at(1).cells == QStringList{QStringLiteral("Kinship care"),
                                                         QStringLiteral("Royal Borough of Greenwich"),
                                                         QStringLiteral("2027-03-15")});
}

TEST_CASE("A submissions workbook imports, its problems named by sheet and row", "[xlsx][import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file = excelWorkbook(scratch);
    const ImportPlan plan = catalogue->planImport(file, {});
    REQUIRE(plan.rows.size() == 2);
    CHECK(plan.rows.at(0).place.sheet == QStringLiteral("Submissions"));
    const Exhibit& first = plan.rows.at(0).exhibit;
    CHECK(first.title == QStringLiteral("Family Group Conferencing"));
    CHECK(first.leadAuthority == QStringLiteral("Hackney"));
    CHECK(first.declaredLevel == 3);
    CHECK(plan.rows.at(0).problems == QStringList{});
    CHECK(plan.rows.at(1).exhibit.leadAuthority == QStringLiteral("Croydon"));
    const QStringList problems = plan.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().startsWith(file + QStringLiteral(":Submissions!4: ")));
    CHECK(problems.first().contains(QStringLiteral("is not an email address")));

    const ImportPlan other = catalogue->planImport(handMadeWorkbook(scratch), {});
    CHECK(other.problems().join(QLatin1Char('\n')).contains(QStringLiteral(":Sheet1!1: unknown column \"declared\"")));
}

namespace {

// A workbook of one sheet whose <sheetData> is the given XML, with style 1 a date.
QByteArray oneSheetWorkbook(const Scratch& scratch, const QByteArray& sheetData)
{
    const QString path = scratch.path(QStringLiteral("one-sheet.xlsx"));
    int error = 0;
    zip_t* archive = zip_open(path.toUtf8().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    addPart(archive, "xl/workbook.xml",
            "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"Submissions\" r:id=\"rId1\"/></sheets></workbook>");
    addPart(archive, "xl/_rels/workbook.xml.rels",
            "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    addPart(archive, "xl/styles.xml",
            "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
    addPart(archive, "xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + sheetData + "</sheetData></worksheet>");
    REQUIRE(zip_close(archive) == 0);
    return readFile(path);
}

} // namespace

// Found by fuzzing the reader (tests/fuzz/XlsxFuzz.cpp): a row numbered 2147483647 made the next
// row's number overflow, and a date cell of 1e308 or "inf" overflowed the day count.
TEST_CASE("Rows past a worksheet's last and dates past Excel's are refused or shown as numbers", "[xlsx][intake]")
{
    Scratch scratch;
    CHECK_THROWS_WITH(Xlsx::read(oneSheetWorkbook(scratch, "<row r=\"2147483647\"><c><v>1</v></c></row>"
                                                           "<row><c><v>2</v></c></row>")),
                      Catch::Contains("has a row numbered 2147483647, past a worksheet's last row (1048576)"));
    CHECK_THROWS_WITH(Xlsx::read(oneSheetWorkbook(scratch, "<row r=\"1048576\"><c><v>1</v></c></row>"
                                                           "<row><c><v>2</v></c></row>")),
                      Catch::Contains("has a row numbered 1048577"));
    const QList<XlsxSheet> sheets = Xlsx::read(oneSheetWorkbook(
        scratch, "<row r=\"1048576\"><c s=\"1\"><v>1e308</v></c><c s=\"1\"><v>inf</v></c><c s=\"1\"><v>-1</v></c>"
                 "<c s=\"1\"><v>2958465</v></c></row>"));
    REQUIRE(sheets.size() == 1);
    REQUIRE(sheets.first().rows.size() == 1);
    CHECK(sheets.first().rows.first().number == 1048576);
    CHECK(sheets.first().rows.first().cells == QStringList{QStringLiteral("1e+308"), QStringLiteral("inf"),
                                                           QStringLiteral("-1"), QStringLiteral("9999-12-31")});
}

// A cell in the last column on every row costs 16,384 cells a row once read from column A: a few
// kilobytes of XML would take gigabytes.
TEST_CASE("A sheet that would hold more cells than any submission is refused before memory runs out", "[xlsx][intake]")
{
    Scratch scratch;
    QByteArray rows;
    for (int row = 1; row <= 700; ++row) {
        rows += "<row><c r=\"XFD" + QByteArray::number(row) + "\"><v>1</v></c></row>";
    }
    CHECK_THROWS_WITH(Xlsx::read(oneSheetWorkbook(scratch, rows)), Catch::Contains("holds more than 10 million cells"));
    const ImportPlan plan = makeCatalogue(scratch)->planImport(
        scratch.write(QStringLiteral("wide.xlsx"), oneSheetWorkbook(scratch, rows)), {});
    REQUIRE(plan.problems().size() == 1);
    CHECK(plan.problems().first().contains(QStringLiteral("more than a submission needs")));
}

TEST_CASE("A file named .xlsx that is not a workbook gets one clear problem", "[xlsx][import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    for (const QByteArray& bytes :
         {QByteArray("title,lead_authority\nA,Hackney\n"), QByteArray("PK\x03\x04garbage"), QByteArray()}) {
        const ImportPlan plan = catalogue->planImport(scratch.write(QStringLiteral("sent.xlsx"), bytes), {});
        REQUIRE(plan.problems().size() == 1);
        CHECK(plan.problems().first().contains(QStringLiteral("not an Excel workbook")));
        CHECK_FALSE(plan.isValid());
    }
}

namespace {

QByteArray inlineCell(const QString& text)
{
    return "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">" + text.toHtmlEscaped().toUtf8() + "</t></is></c>";
}

// A worksheet's XML with these rows, as a program that writes inline strings saves it.
QByteArray sheetXml(const QList<QStringList>& rows)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                     "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (const QStringList& row : rows) {
        xml += "<row>";
        for (const QString& cell : row) {
            xml += cell.isEmpty() ? QByteArray("<c/>") : inlineCell(cell);
        }
        xml += "</row>";
    }
    return xml + "</sheetData></worksheet>";
}

// What filling in a sheet and saving does to the workbook: that sheet's part is new.
void replacePart(const QString& workbook, const char* part, const QByteArray& xml)
{
    int error = 0;
    zip_t* archive = zip_open(workbook.toUtf8().constData(), 0, &error);
    REQUIRE(archive);
    const zip_int64_t index = zip_name_locate(archive, part, 0);
    REQUIRE(index >= 0);
    char* copy = static_cast<char*>(malloc(size_t(xml.size())));
    memcpy(copy, xml.constData(), size_t(xml.size()));
    REQUIRE(zip_file_replace(archive, zip_uint64_t(index),
                             zip_source_buffer(archive, copy, zip_uint64_t(xml.size()), 1), 0) == 0);
    REQUIRE(zip_close(archive) == 0);
}

} // namespace

TEST_CASE("The workbook template, filled in as a borough would, imports with its evidence", "[xlsx][import][intake]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString path = scratch.path(QStringLiteral("template.xlsx"));
    TemplatePublisher(*catalogue).write(path);

    const QList<XlsxSheet> blank = Xlsx::read(readFile(path));
    QStringList names;
    for (const XlsxSheet& sheet : blank) {
        names << sheet.name;
    }
    CHECK(names == QStringList{QStringLiteral("Submissions"), QStringLiteral("Evidence"), QStringLiteral("Guide"),
                               QStringLiteral("Lists")});
    REQUIRE(blank.at(0).rows.size() == 1); // the header, and nothing to replace
    CHECK(blank.at(0).rows.first().cells == ExhibitCsv::columns());
    CHECK(blank.at(1).rows.first().cells == SubmissionTemplate::evidenceColumns());
    CHECK(blank.at(2).rows.size() > 20);
    QStringList authorities;
    for (const XlsxRow& row : blank.at(3).rows) {
        authorities << row.cells.value(0);
    }
    CHECK(authorities.contains(QStringLiteral("Kensington and Chelsea")));
    CHECK(authorities.filter(QRegularExpression(QStringLiteral("."))).size() == 33);
    // Unchanged, it imports nothing and has no problems.
    const ImportPlan empty = catalogue->planImport(path, {});
    CHECK(empty.rows.isEmpty());
    CHECK(empty.problems() == QStringList{});

    const Edition edition = *catalogue->currentEdition();
    const QString category = catalogue->categories(edition.name).first().name;
    const QString level2 = QStringLiteral("2 - %1").arg(evidenceLevelLabel(2));
    replacePart(path, "xl/worksheets/sheet1.xml",
                sheetXml({ExhibitCsv::columns(),
                          {QStringLiteral("hackney-fgc"), QStringLiteral("Family Group Conferencing"),
                           QStringLiteral("LB Hackney"), QStringLiteral("Islington; Camden"), edition.name, category,
                           QStringLiteral("family-group-conferencing"), QStringLiteral("submitted"),
                           QStringLiteral("Families plan together."), QStringLiteral("## What we did\nMet."),
                           QStringLiteral("Ada Example"), QStringLiteral("Service manager"),
                           QStringLiteral("ada@hackney.gov.uk"), level2}}));
    replacePart(path, "xl/worksheets/sheet2.xml",
                sheetXml({SubmissionTemplate::evidenceColumns(),
                          {QStringLiteral("hackney-fgc"), QStringLiteral("evaluation-report"),
                           QStringLiteral("Independent evaluation"), QStringLiteral("3 - whatever the words"),
                           QStringLiteral("2025-11-03"), QStringLiteral("https://www.hackney.gov.uk/fgc"),
                           QStringLiteral("Fewer children came into care.")},
                          {QStringLiteral("nobody"), QStringLiteral("case-study"), QStringLiteral("Orphan")},
                          {QStringLiteral("hackney-fgc"), QStringLiteral("hearsay"), QStringLiteral("Rumour"),
                           QString(), QString(), QStringLiteral("www.nowhere")}}));

    ImportPlan plan = catalogue->planImport(path, {});
    const QString problems = plan.problems().join(QLatin1Char('\n'));
    CHECK(problems.contains(path + QStringLiteral(":Evidence!3: ref: no project in this workbook has the ref "
                                                  "\"nobody\"")));
    CHECK(problems.contains(path + QStringLiteral(":Evidence!4: kind: unknown kind of evidence \"hearsay\"")));
    CHECK(problems.contains(QStringLiteral(":Evidence!4: \"Rumour\" has the source \"www.nowhere\"")));
    CHECK(plan.problems().size() == 3);

    // With the bad rows taken out, it imports, and the exhibit is what the borough filled in.
    replacePart(path, "xl/worksheets/sheet2.xml",
                sheetXml({SubmissionTemplate::evidenceColumns(),
                          {QStringLiteral("hackney-fgc"), QStringLiteral("evaluation-report"),
                           QStringLiteral("Independent evaluation"), QStringLiteral("3 - whatever the words"),
                           QStringLiteral("2025-11-03"), QStringLiteral("https://www.hackney.gov.uk/fgc"),
                           QStringLiteral("Fewer children came into care.")}}));
    plan = catalogue->planImport(path, {});
    REQUIRE(plan.problems() == QStringList{});
    catalogue->curation().applyImport(plan);
    const Exhibit imported = catalogue->requireExhibit(QStringLiteral("hackney-fgc"));
    CHECK(imported.title == QStringLiteral("Family Group Conferencing"));
    CHECK(imported.leadAuthority == QStringLiteral("Hackney"));
    CHECK(imported.partnerAuthorities == QStringList{QStringLiteral("Islington"), QStringLiteral("Camden")});
    CHECK(imported.edition == edition.name);
    CHECK(imported.categories == QStringList{category});
    CHECK(imported.declaredLevel == 2);
    CHECK(imported.evidenceLevel == 3);
    REQUIRE(imported.evidence.size() == 1);
    CHECK(imported.evidence.first().kind == EvidenceKind::EvaluationReport);
    CHECK(imported.evidence.first().date == QDate(2025, 11, 3));
    CHECK(imported.evidence.first().sourceUrl == QStringLiteral("https://www.hackney.gov.uk/fgc"));
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("A resubmission's evidence, under the ref the borough typed, goes to the new exhibit", "[xlsx][resubmit]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Edition next;
    next.name = QStringLiteral("Practice Spotlight 2026");
    next.year = 2026;
    catalogue->curation().saveEdition({}, next);
    const QString earlier = QStringLiteral("hackney-racial-equity-inclusion-service");
    const QString path = scratch.path(QStringLiteral("again.xlsx"));
    TemplatePublisher(*catalogue).write(path);
    QStringList row(ExhibitCsv::columns().size());
    row[ExhibitCsv::columns().indexOf(QStringLiteral("ref"))] = earlier;
    row[ExhibitCsv::columns().indexOf(QStringLiteral("title"))] = QStringLiteral("Racial equity: a year on");
    row[ExhibitCsv::columns().indexOf(QStringLiteral("lead_authority"))] = QStringLiteral("Hackney");
    replacePart(path, "xl/worksheets/sheet1.xml", sheetXml({ExhibitCsv::columns(), row}));
    replacePart(path, "xl/worksheets/sheet2.xml",
                sheetXml({SubmissionTemplate::evidenceColumns(),
                          {earlier, QStringLiteral("outcome-data"), QStringLiteral("A year of outcomes")}}));

    const ImportPlan plan = catalogue->planImport(path, {});
    REQUIRE(plan.problems() == QStringList{});
    REQUIRE(plan.rows.size() == 1);
    CHECK(plan.rows.first().decision == ImportDecision::Resubmit);
    REQUIRE(plan.rows.first().exhibit.evidence.size() == 1);
    CHECK(plan.rows.first().exhibit.evidence.first().title == QStringLiteral("A year of outcomes"));
}
