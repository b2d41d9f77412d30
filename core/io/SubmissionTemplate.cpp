#include "SubmissionTemplate.h"

#include "Error.h"
#include "domain/CurationStatus.h"
#include "domain/EvidenceKind.h"
#include "domain/ExhibitRules.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <list>
#include <xlsxwriter.h>

namespace spotlight::SubmissionTemplate {
namespace {

QString editionName(const Edition* edition)
{
    return edition ? edition->name : QStringLiteral("Practice Spotlight 2026");
}

} // namespace

QByteArray csv(const Edition* edition, const QList<Category>& categories)
{
    const QStringList example{
        ExampleRef,
        QStringLiteral("EXAMPLE - Family Time Hub (replace this row with your submission)"),
        QStringLiteral("Camden"),
        QStringLiteral("Islington"),
        editionName(edition),
        categories.isEmpty() ? QString() : categories.first().name,
        QStringLiteral("early-help;practice/family-time"),
        QStringLiteral("submitted"),
        QStringLiteral("One or two plain sentences on what the project does and for whom."),
        QStringLiteral("## What we did\nA longer account in Markdown: **bold**, *italic*, lists and links.\n\n"
                       "## What changed\nThe difference it made, with figures where you have them."),
        QStringLiteral("Alex Example"),
        QStringLiteral("Service manager"),
        QStringLiteral("alex.example@example.org"),
        QStringLiteral("2"),
        QStringLiteral("020 7946 0000"),
    };
    QStringList record;
    for (const QString& cell : example) {
        record << ExhibitCsv::neutralise(cell);
    }
    return Csv::write({ExhibitCsv::columns(), record}, true);
}

QList<std::pair<QString, QString>> columnNotes(const Edition* edition, const QList<Category>& categories)
{
    QStringList categoryLines;
    for (const Category& category : categories) {
        categoryLines << QStringLiteral("- %1%2").arg(
            category.name,
            category.sponsor.isEmpty() ? QString() : QStringLiteral(" (sponsored by %1)").arg(category.sponsor));
    }
    return {
        {QStringLiteral("ref"), QStringLiteral("Leave empty: a ref is made from the title. To update a submission you "
                                               "sent before, or to give evidence on the Evidence sheet, give a ref. "
                                               "Letters, digits, - _ and . only; at most %1 characters.")
                                    .arg(ExhibitRules::MaxRefLength)},
        {QStringLiteral("title"), QStringLiteral("Required. The project's name as it should appear in the booklet; at "
                                                 "most %1 characters.")
                                      .arg(ExhibitRules::MaxTitleLength)},
        {QStringLiteral("lead_authority"),
         QStringLiteral("Required. The London authority leading the project: its name (\"Kensington and Chelsea\"), "
                        "a short form (\"RBKC\", \"K&C\", \"LB Hackney\") or its GSS code (E09000020).")},
        {QStringLiteral("partner_authorities"),
         QStringLiteral("Other authorities in the partnership, separated by ;. Leave empty if none.")},
        {QStringLiteral("edition"),
         QStringLiteral("The Practice Spotlight cycle: \"%1\". Leave empty for this cycle.").arg(editionName(edition))},
        {QStringLiteral("categories"),
         QStringLiteral("One or more categories of the edition, separated by ;. This edition's:\n%1")
             .arg(categoryLines.isEmpty() ? QStringLiteral("(none set yet)") : categoryLines.join(QLatin1Char('\n')))},
        {QStringLiteral("tags"), QStringLiteral("Free labels, separated by ;. Use / for a hierarchy: "
                                                "\"practice/anti-racist\".")},
        {QStringLiteral("status"), QStringLiteral("Leave as \"submitted\", or \"draft\" for work not ready yet. "
                                                  "(Curators move it on: in-review, recognised, showcased.)")},
        {QStringLiteral("summary"),
         QStringLiteral("One or two plain sentences; at most %1 characters.").arg(ExhibitRules::MaxSummaryLength)},
        {QStringLiteral("description"),
         QStringLiteral("The full account, in Markdown: headings (##), lists (-), **bold**, *italic*, links. Do not "
                        "name or describe any child or family in a way that could identify them: no names, ages, "
                        "schools, postcodes or small numbers of people.")},
        {QStringLiteral("contact_name"), QStringLiteral("The key contact for other boroughs.")},
        {QStringLiteral("contact_role"), QStringLiteral("Their role.")},
        {QStringLiteral("contact_email"), QStringLiteral("Their work email address.")},
        {QStringLiteral("evidence_level"),
         QStringLiteral("0-5 on the Nesta Standards of Evidence: 0 none recorded; 1 a clear account of what is done "
                        "and why; 2 data showing positive change; 3 causal impact against a comparison group; 4 "
                        "independent replication; 5 delivered at scale by others with the same results.")},
        {QStringLiteral("contact_phone"),
         QStringLiteral("A work phone number to call them on, such as 020 7946 0000.")},
    };
}

namespace {

// `text` in lines of at most `width` characters, each after `indent` but the first.
QString wrapped(const QString& text, qsizetype width, qsizetype indent)
{
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
}

} // namespace

QString guide(const Edition* edition, const QList<Category>& categories)
{
    QString text = QStringLiteral(R"(Practice Spotlight submission template: a guide to each column

Fill in one row per project, below the header. The second row is an example: replace it with
your own submission (a file that still holds it is refused on import). Save as CSV, UTF-8.
Several values in one cell are separated by semicolons (;).

)");
    for (const auto& [column, note] : columnNotes(edition, categories)) {
        text += column.leftJustified(21) + wrapped(note, 76, 21) + QLatin1Char('\n');
    }
    return text;
}

QString guidePathFor(const QString& csvPath)
{
    const QFileInfo info(csvPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".guide.txt"));
}

void write(const QString& csvPath, const Edition* edition, const QList<Category>& categories)
{
    writeFileAtomically(csvPath, csv(edition, categories));
    writeFileAtomically(guidePathFor(csvPath), guide(edition, categories).toUtf8());
}

const QStringList& evidenceColumns()
{
    static const QStringList columns{QStringLiteral("ref"),    QStringLiteral("kind"), QStringLiteral("title"),
                                     QStringLiteral("level"),  QStringLiteral("date"), QStringLiteral("link"),
                                     QStringLiteral("summary")};
    return columns;
}

namespace {

// libxlsxwriter keeps pointers to the strings it is given until the workbook is closed.
class Strings
{
public:
    const char* operator()(const QString& text)
    {
        m_kept.push_back(text.toUtf8());
        return m_kept.back().constData();
    }

private:
    std::list<QByteArray> m_kept;
};

void requireWritten(lxw_error error, const QString& path)
{
    if (error != LXW_NO_ERROR) {
        throw Error(
            QStringLiteral("Could not write the workbook %1: %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    }
}

// A drop-down over `count` values of column `listColumn` of the hidden Lists sheet; with `strict`,
// nothing else may be typed, else other values (several names with ;) only get a reminder.
void addDropDown(lxw_worksheet* sheet, Strings& strings, lxw_col_t column, char listColumn, int count, bool strict,
                 const QString& prompt)
{
    if (count == 0) {
        return;
    }
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula =
        const_cast<char*>(strings(QStringLiteral("=Lists!$%1$1:$%1$%2").arg(QLatin1Char(listColumn)).arg(count)));
    validation.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
    validation.input_message = const_cast<char*>(strings(prompt.left(255)));
    validation.error_message =
        const_cast<char*>(strings(strict ? QStringLiteral("Choose a value from the list.")
                                         : QStringLiteral("Not in the list: check the spelling.")));
    worksheet_data_validation_range(sheet, 1, column, 1000, column, &validation);
}

} // namespace

void writeXlsx(const QString& path, const Edition* edition, const QList<Category>& categories,
               const QStringList& authorities)
{
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        throw Error(QStringLiteral("Could not write the workbook %1: no temporary folder (%2)")
                        .arg(path, scratch.errorString()));
    }
    const QString draft = scratch.filePath(QStringLiteral("template.xlsx"));
    Strings strings;
    lxw_workbook* workbook = workbook_new(strings(draft));
    if (!workbook) {
        throw Error(QStringLiteral("Could not write the workbook %1.").arg(path));
    }
    lxw_format* heading = workbook_add_format(workbook);
    format_set_bold(heading);
    format_set_bg_color(heading, 0xDDE7F0);
    format_set_border(heading, LXW_BORDER_THIN);
    lxw_format* wrap = workbook_add_format(workbook);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");

    lxw_worksheet* submissions = workbook_add_worksheet(workbook, "Submissions");
    lxw_worksheet* evidence = workbook_add_worksheet(workbook, "Evidence");
    lxw_worksheet* guideSheet = workbook_add_worksheet(workbook, "Guide");
    lxw_worksheet* lists = workbook_add_worksheet(workbook, "Lists");

    // The lists the drop-downs offer: A authorities, B categories, C levels, D statuses, E kinds.
    QStringList levels;
    for (int level = MinEvidenceLevel; level <= MaxEvidenceLevel; ++level) {
        levels << QStringLiteral("%1 - %2").arg(level).arg(evidenceLevelLabel(level));
    }
    QStringList categoryNames;
    for (const Category& category : categories) {
        categoryNames << category.name;
    }
    const QList<QStringList> listColumns{authorities,
                                         categoryNames,
                                         levels,
                                         {statusKey(CurationStatus::Submitted), statusKey(CurationStatus::Draft)},
                                         allEvidenceKindKeys()};
    for (qsizetype column = 0; column < listColumns.size(); ++column) {
        for (qsizetype row = 0; row < listColumns.at(column).size(); ++row) {
            worksheet_write_string(lists, lxw_row_t(row), lxw_col_t(column), strings(listColumns.at(column).at(row)),
                                   nullptr);
        }
    }
    worksheet_hide(lists);

    const QList<std::pair<QString, QString>> notes = columnNotes(edition, categories);
    lxw_comment_options noteSize{};
    noteSize.width = 360;
    noteSize.height = 160;
    for (qsizetype column = 0; column < notes.size(); ++column) {
        const auto& [name, note] = notes.at(column);
        const auto col = lxw_col_t(column);
        worksheet_write_string(submissions, 0, col, strings(name), heading);
        worksheet_write_comment_opt(submissions, 0, col, strings(note), &noteSize);
        const bool wide =
            name == QLatin1String("description") || name == QLatin1String("summary") || name == QLatin1String("title");
        worksheet_set_column(submissions, col, col, wide ? 40 : 20, wrap);
    }
    worksheet_freeze_panes(submissions, 1, 0);
    const auto columnNamed = [&notes](const char* name) {
        for (qsizetype column = 0; column < notes.size(); ++column) {
            if (notes.at(column).first == QLatin1String(name)) {
                return lxw_col_t(column);
            }
        }
        return lxw_col_t(0);
    };
    addDropDown(submissions, strings, columnNamed("lead_authority"), 'A', int(authorities.size()), true,
                QStringLiteral("The authority leading the project."));
    addDropDown(submissions, strings, columnNamed("partner_authorities"), 'A', int(authorities.size()), false,
                QStringLiteral("Pick one, or type several separated by ;"));
    addDropDown(submissions, strings, columnNamed("categories"), 'B', int(categoryNames.size()), false,
                QStringLiteral("Pick one, or type several separated by ;"));
    addDropDown(submissions, strings, columnNamed("evidence_level"), 'C', int(levels.size()), true,
                QStringLiteral("The Nesta Standards of Evidence: see the Guide sheet."));
    addDropDown(submissions, strings, columnNamed("status"), 'D', 2, true,
                QStringLiteral("\"submitted\", or \"draft\" for work not ready yet."));

    const QStringList evidenceNotes{
        QStringLiteral("The ref of the project on the Submissions sheet this evidence is for."),
        QStringLiteral("What it is: an evaluation report, outcome data, a case study..."),
        QStringLiteral("Required: what the evidence is called."),
        QStringLiteral("0-5 on the Nesta Standards of Evidence, as on the Submissions sheet."),
        QStringLiteral("When it was published or collected."),
        QStringLiteral("Where it can be read: an https:// address."),
        QStringLiteral("A sentence on what it shows."),
    };
    for (qsizetype column = 0; column < evidenceColumns().size(); ++column) {
        const auto col = lxw_col_t(column);
        worksheet_write_string(evidence, 0, col, strings(evidenceColumns().at(column)), heading);
        worksheet_write_comment_opt(evidence, 0, col, strings(evidenceNotes.at(column)), &noteSize);
        worksheet_set_column(evidence, col, col, column == 2 || column == 6 ? 40 : 20, column == 4 ? date : wrap);
    }
    worksheet_freeze_panes(evidence, 1, 0);
    addDropDown(evidence, strings, 1, 'E', int(allEvidenceKindKeys().size()), true,
                QStringLiteral("What kind of evidence this is."));
    addDropDown(evidence, strings, 3, 'C', int(levels.size()), true,
                QStringLiteral("The Nesta Standards of Evidence: see the Guide sheet."));

    QString guideText = guide(edition, categories);
    guideText.replace(QStringLiteral("The second row is an example: replace it with\nyour own submission (a file that "
                                     "still holds it is refused on import). Save as CSV, UTF-8."),
                      QStringLiteral("Fill in the Submissions sheet; put each project's evidence on the Evidence\n"
                                     "sheet, by its ref. Save the workbook as it is (.xlsx)."));
    worksheet_set_column(guideSheet, 0, 0, 100, nullptr);
    const QStringList guideLines = guideText.split(QLatin1Char('\n'));
    for (qsizetype row = 0; row < guideLines.size(); ++row) {
        worksheet_write_string(guideSheet, lxw_row_t(row), 0, strings(guideLines.at(row)),
                               row == 0 ? heading : nullptr);
    }
    worksheet_activate(submissions);

    requireWritten(workbook_close(workbook), path);
    QFile written(draft);
    if (!written.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("Could not write the workbook %1: %2").arg(path, written.errorString()));
    }
    writeFileAtomically(path, written.readAll());
}

} // namespace spotlight::SubmissionTemplate
