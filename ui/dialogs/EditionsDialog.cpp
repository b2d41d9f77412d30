#include "EditionsDialog.h"

#include "Catalogue.h"
#include "Error.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace spotlight {
namespace {

QDate dateOf(const QDateEdit* edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

// Opens the calendar of a date that is not set at this month, rather than at December 1999, the
// value that stands for "not set".
class OpenAtThisMonth : public QObject
{
public:
    explicit OpenAtThisMonth(QDateEdit* edit)
        : QObject(edit)
        , m_edit(edit)
    {}

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && !dateOf(m_edit).isValid()) {
            const QDate today = QDate::currentDate();
            static_cast<QCalendarWidget*>(watched)->setCurrentPage(today.year(), today.month());
        }
        return false;
    }

private:
    QDateEdit* m_edit;
};

// A date edit whose lowest value reads as "not set".
QDateEdit* optionalDate(QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    edit->setMinimumDate(QDate(1999, 12, 31));
    edit->setSpecialValueText(QObject::tr("not set"));
    edit->setDate(edit->minimumDate());
    edit->calendarWidget()->installEventFilter(new OpenAtThisMonth(edit));
    return edit;
}

} // namespace

EditionsDialog::EditionsDialog(Catalogue& catalogue, QWidget* parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_editions(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_year(new QSpinBox(this))
    , m_event(new QLineEdit(this))
    , m_starts(optionalDate(this))
    , m_ends(optionalDate(this))
    , m_venue(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_signatory(new QLineEdit(this))
    , m_signatoryRole(new QLineEdit(this))
    , m_criteria(new QLineEdit(this))
    , m_archived(new QCheckBox(tr("&Archived: its exhibits stay searchable, new work goes to a current edition"), this))
    , m_categories(new QTableWidget(this))
    , m_mergeEdition(nullptr)
    , m_deleteEdition(nullptr)
    , m_mergeCategory(nullptr)
    , m_deleteCategory(nullptr)
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Editions and Categories"));
    m_editions->setAccessibleName(tr("Editions"));
    m_year->setRange(2000, 2100);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_criteria->setPlaceholderText(Panel::standardCriteria().join(QStringLiteral("; ")));
    m_criteria->setToolTip(tr("What the sponsoring panels score each exhibit against, 1 to 4, separated by "
                              "semicolons"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("EditionsMessage"));
    m_categories->setColumnCount(3);
    m_categories->setHorizontalHeaderLabels({tr("Category"), tr("Sponsoring group"), tr("Description")});
    m_categories->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_categories->verticalHeader()->hide();
    m_categories->setAccessibleName(tr("Categories of this edition"));

    auto* newButton = new QPushButton(tr("&New Edition"), this);
    auto* saveButton = new QPushButton(tr("&Save Edition"), this);
    auto* addCategoryButton = new QPushButton(tr("Add &Category"), this);
    m_mergeEdition = new QPushButton(tr("Merge Edition &Into…"), this);
    m_mergeEdition->setAccessibleName(tr("Merge this edition into another"));
    m_deleteEdition = new QPushButton(tr("De&lete Edition"), this);
    m_deleteEdition->setAccessibleName(tr("Delete this edition"));
    m_mergeCategory = new QPushButton(tr("&Merge Category Into…"), this);
    m_mergeCategory->setAccessibleName(tr("Merge the selected category into another"));
    m_deleteCategory = new QPushButton(tr("&Delete Category"), this);
    m_deleteCategory->setAccessibleName(tr("Delete the selected category"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Year"), m_year);
    form->addRow(tr("&Event"), m_event);
    form->addRow(tr("S&tarts"), m_starts);
    form->addRow(tr("E&nds"), m_ends);
    form->addRow(tr("&Venue"), m_venue);
    form->addRow(tr("Descri&ption"), m_description);
    form->addRow(tr("Letters si&gned by"), m_signatory);
    form->addRow(tr("Signatory's r&ole"), m_signatoryRole);
    form->addRow(tr("Panel c&riteria"), m_criteria);
    form->addRow(QString(), m_archived);
    auto* editionButtons = new QHBoxLayout;
    editionButtons->addWidget(newButton);
    editionButtons->addWidget(m_mergeEdition);
    editionButtons->addWidget(m_deleteEdition);
    editionButtons->addStretch(1);
    editionButtons->addWidget(saveButton);
    auto* categoryButtons = new QHBoxLayout;
    categoryButtons->addWidget(addCategoryButton);
    categoryButtons->addWidget(m_mergeCategory);
    categoryButtons->addWidget(m_deleteCategory);
    categoryButtons->addStretch(1);

    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(editionButtons);
    right->addWidget(new QLabel(tr("Categories (double-click to rename or edit)"), this));
    right->addWidget(m_categories, 1);
    right->addLayout(categoryButtons);
    right->addWidget(m_message);
    right->addWidget(close);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_editions);
    layout->addLayout(right, 1);
    m_editions->setMaximumWidth(260);
    resize(980, 700);

    connect(m_editions, &QListWidget::currentRowChanged, this, &EditionsDialog::showEdition);
    connect(newButton, &QPushButton::clicked, this, &EditionsDialog::newEdition);
    connect(saveButton, &QPushButton::clicked, this, &EditionsDialog::saveEdition);
    connect(addCategoryButton, &QPushButton::clicked, this, [this] {
        addCategory(Category{m_editing, tr("New category %1").arg(m_categories->rowCount() + 1), {}, {}});
    });
    connect(m_mergeEdition, &QPushButton::clicked, this, &EditionsDialog::askMergeEdition);
    connect(m_deleteEdition, &QPushButton::clicked, this, &EditionsDialog::deleteEdition);
    connect(m_mergeCategory, &QPushButton::clicked, this, &EditionsDialog::askMergeCategory);
    connect(m_deleteCategory, &QPushButton::clicked, this, &EditionsDialog::deleteCategory);
    connect(m_categories, &QTableWidget::itemSelectionChanged, this, &EditionsDialog::updateButtons);
    connect(m_categories, &QTableWidget::cellChanged, this, &EditionsDialog::categoryEdited);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

void EditionsDialog::reload(const QString& select)
{
    m_known = m_catalogue.editions();
    const std::optional<Edition> current = m_catalogue.currentEdition();
    m_editions->clear();
    int row = 0;
    for (int i = 0; i < m_known.size(); ++i) {
        const Edition& edition = m_known.at(i);
        QString label = edition.name;
        if (edition.archived) {
            label += tr(" (archived)");
        } else if (current && current->name == edition.name) {
            label += tr(" (current)");
        }
        m_editions->addItem(label);
        if (edition.name == select) {
            row = i;
        }
    }
    if (m_known.isEmpty()) {
        newEdition();
    } else {
        m_editions->setCurrentRow(row);
        showEdition(row);
    }
}

void EditionsDialog::showEdition(int row)
{
    if (row < 0 || row >= m_known.size()) {
        return;
    }
    setFormEdition(m_known.at(row));
    m_editing = m_known.at(row).name;
    m_filling = true;
    const QList<Category> categories = m_catalogue.categories(m_editing);
    m_categories->setRowCount(int(categories.size()));
    for (int i = 0; i < categories.size(); ++i) {
        m_categories->setItem(i, 0, new QTableWidgetItem(categories.at(i).name));
        m_categories->setItem(i, 1, new QTableWidgetItem(categories.at(i).sponsor));
        m_categories->setItem(i, 2, new QTableWidgetItem(categories.at(i).description));
        m_categories->item(i, 0)->setData(Qt::UserRole, categories.at(i).name); // the name as stored
    }
    m_filling = false;
    updateButtons();
}

void EditionsDialog::newEdition()
{
    // A cycle a year: the next one follows the latest there is. Its dates are not known yet, so they
    // stay unset rather than guessed.
    int latest = 0;
    for (const Edition& known : std::as_const(m_known)) {
        latest = std::max(latest, known.year);
    }
    Edition edition;
    edition.year = latest > 0 ? latest + 1 : QDate::currentDate().year();
    edition.name = tr("Practice Spotlight %1").arg(edition.year);
    setFormEdition(edition);
    m_editing.clear();
    m_categories->setRowCount(0);
    m_editions->clearSelection();
    updateButtons();
    m_name->setFocus();
    m_message->setText(tr("A new edition: fill it in and save it, then add its categories."));
}

Edition EditionsDialog::formEdition() const
{
    Edition edition;
    edition.name = m_name->text().trimmed();
    edition.year = m_year->value();
    edition.event = m_event->text().trimmed();
    edition.startsOn = dateOf(m_starts);
    edition.endsOn = dateOf(m_ends);
    edition.venue = m_venue->text().trimmed();
    edition.description = m_description->toPlainText().trimmed();
    edition.signatoryName = m_signatory->text().trimmed();
    edition.signatoryRole = m_signatoryRole->text().trimmed();
    edition.criteria.clear();
    for (const QString& criterion : m_criteria->text().split(QLatin1Char(';'))) {
        if (!criterion.trimmed().isEmpty()) {
            edition.criteria << criterion.trimmed();
        }
    }
    edition.archived = m_archived->isChecked();
    return edition;
}

void EditionsDialog::setFormEdition(const Edition& edition)
{
    m_name->setText(edition.name);
    m_year->setValue(edition.year);
    m_event->setText(edition.event);
    m_starts->setDate(edition.startsOn.isValid() ? edition.startsOn : m_starts->minimumDate());
    m_ends->setDate(edition.endsOn.isValid() ? edition.endsOn : m_ends->minimumDate());
    m_venue->setText(edition.venue);
    m_description->setPlainText(edition.description);
    m_signatory->setText(edition.signatoryName);
    m_signatoryRole->setText(edition.signatoryRole);
    m_criteria->setText(edition.criteria.join(QStringLiteral("; ")));
    m_archived->setChecked(edition.archived);
}

bool EditionsDialog::saveEdition()
{
    const Edition edition = formEdition();
    try {
        m_catalogue.curation().saveEdition(m_editing, edition);
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    m_message->setText(tr("Saved \"%1\".").arg(edition.name));
    reload(edition.name);
    return true;
}

bool EditionsDialog::addCategory(const Category& category)
{
    if (m_editing.isEmpty()) {
        m_message->setText(tr("Save the edition first, then add its categories."));
        return false;
    }
    try {
        m_catalogue.curation().saveCategory({}, category);
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    showEdition(m_editions->currentRow());
    return true;
}

void EditionsDialog::categoryEdited(int row, int)
{
    if (m_filling) {
        return;
    }
    const QString stored = m_categories->item(row, 0)->data(Qt::UserRole).toString();
    Category edited;
    for (const Category& category : m_catalogue.categories(m_editing)) {
        if (category.name == stored) {
            edited = category; // its panel's reviewers stay
        }
    }
    edited.edition = m_editing;
    edited.name = m_categories->item(row, 0)->text().trimmed();
    edited.sponsor = m_categories->item(row, 1) ? m_categories->item(row, 1)->text().trimmed() : QString();
    edited.description = m_categories->item(row, 2) ? m_categories->item(row, 2)->text().trimmed() : QString();
    try {
        m_catalogue.curation().saveCategory(stored, edited);
        m_message->setText(tr("Saved the category \"%1\"; its exhibits moved with it.").arg(edited.name));
    } catch (const Error& error) {
        m_message->setText(error.message());
    }
    showEdition(m_editions->currentRow());
}

QString EditionsDialog::selectedCategory() const
{
    const int row = m_categories->currentRow();
    const QTableWidgetItem* item = row >= 0 && m_categories->item(row, 0) && m_categories->item(row, 0)->isSelected()
                                       ? m_categories->item(row, 0)
                                       : nullptr;
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void EditionsDialog::updateButtons()
{
    const bool edition = !m_editing.isEmpty();
    const qsizetype inEdition = edition ? m_catalogue.refsIn(m_editing).size() : 0;
    m_mergeEdition->setEnabled(edition && m_known.size() > 1);
    m_deleteEdition->setEnabled(edition && inEdition == 0);
    m_deleteEdition->setToolTip(
        inEdition > 0 ? tr("%n exhibit(s) are in this edition: merge it into another instead.", nullptr, int(inEdition))
                      : QString());
    const QString category = selectedCategory();
    const qsizetype inCategory = category.isEmpty() ? 0 : m_catalogue.refsIn(m_editing, category).size();
    m_mergeCategory->setEnabled(!category.isEmpty() && m_categories->rowCount() > 1);
    m_deleteCategory->setEnabled(!category.isEmpty() && inCategory == 0);
    m_deleteCategory->setToolTip(
        inCategory > 0
            ? tr("%n exhibit(s) are in this category: merge it into another instead.", nullptr, int(inCategory))
            : QString());
}

bool EditionsDialog::confirmMerge(const QString& from, const QString& into, qsizetype count)
{
    const QString question =
        tr("Move %n exhibit(s) from \"%1\" into \"%2\" and delete \"%1\"?", nullptr, int(count)).arg(from, into) +
        QLatin1Char('\n') + tr("Edit ▸ Undo takes the whole merge back.");
    return QMessageBox::question(this, tr("Merge into \"%1\"").arg(into), question,
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

void EditionsDialog::askMergeEdition()
{
    QStringList others;
    for (const Edition& edition : m_known) {
        if (edition.name != m_editing) {
            others << edition.name;
        }
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(this, tr("Merge \"%1\"").arg(m_editing),
                                               tr("Move every exhibit and category of \"%1\" into:").arg(m_editing),
                                               others, 0, false, &ok);
    if (ok && !into.isEmpty() && confirmMerge(m_editing, into, m_catalogue.refsIn(m_editing).size())) {
        mergeEdition(into);
    }
}

bool EditionsDialog::mergeEdition(const QString& into)
{
    const QString from = m_editing;
    QStringList standsCleared;
    int moved = 0;
    try {
        moved = m_catalogue.curation().mergeEdition(from, into, &standsCleared);
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    reload(into);
    QString message =
        tr("Moved %n exhibit(s) from \"%1\" into \"%2\" and deleted \"%1\".", nullptr, moved).arg(from, into);
    if (!standsCleared.isEmpty()) {
        message += QLatin1Char(' ') + tr("Another exhibit of \"%1\" already had the stand of %2, so they have none "
                                         "now.")
                                          .arg(into, standsCleared.join(QStringLiteral(", ")));
    }
    m_message->setText(message);
    return true;
}

bool EditionsDialog::deleteEdition()
{
    const QString name = m_editing;
    if (name.isEmpty()) {
        return false;
    }
    try {
        m_catalogue.curation().removeEdition(name);
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    reload();
    m_message->setText(tr("Deleted the edition \"%1\" and its categories.").arg(name));
    return true;
}

void EditionsDialog::askMergeCategory()
{
    const QString from = selectedCategory();
    if (from.isEmpty()) {
        return;
    }
    QStringList others;
    for (const Category& category : m_catalogue.categories(m_editing)) {
        if (category.name != from) {
            others << category.name;
        }
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge \"%1\"").arg(from),
        tr("Move the exhibits of \"%1\" into this category of %2:").arg(from, m_editing), others, 0, false, &ok);
    if (ok && !into.isEmpty() && confirmMerge(from, into, m_catalogue.refsIn(m_editing, from).size())) {
        mergeCategory(into);
    }
}

bool EditionsDialog::mergeCategory(const QString& into)
{
    const QString from = selectedCategory();
    if (from.isEmpty()) {
        m_message->setText(tr("Select the category to merge first."));
        return false;
    }
    int moved = 0;
    try {
        moved = m_catalogue.curation().mergeCategory(Category{m_editing, from, {}, {}}, into);
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    showEdition(m_editions->currentRow());
    m_message->setText(
        tr("Moved %n exhibit(s) from \"%1\" into \"%2\" and deleted \"%1\".", nullptr, moved).arg(from, into));
    return true;
}

bool EditionsDialog::deleteCategory()
{
    const QString name = selectedCategory();
    if (name.isEmpty()) {
        return false;
    }
    try {
        m_catalogue.curation().removeCategory(Category{m_editing, name, {}, {}});
    } catch (const Error& error) {
        m_message->setText(error.message());
        return false;
    }
    showEdition(m_editions->currentRow());
    m_message->setText(tr("Deleted the category \"%1\".").arg(name));
    return true;
}

} // namespace spotlight
