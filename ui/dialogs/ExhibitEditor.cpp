#include "ExhibitEditor.h"

#include "domain/ExhibitRules.h"
#include "domain/StatusWorkflow.h"
#include "domain/Tag.h"
#include "views/TagChipEditor.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spotlight {
namespace {

enum EvidenceColumn
{
    KindColumn,
    TitleColumn,
    LevelColumn,
    DateColumn,
    SourceColumn,
    SummaryColumn,
};

QStringList checkedIn(const QListWidget* list)
{
    QStringList checked;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked) {
            checked << list->item(i)->data(Qt::UserRole).toString();
        }
    }
    return checked;
}

QListWidget* checkList(QWidget* parent, const QString& accessibleName)
{
    auto* list = new QListWidget(parent);
    list->setAccessibleName(accessibleName);
    list->setMaximumHeight(110);
    return list;
}

} // namespace

ExhibitEditor::ExhibitEditor(const Choices& choices, const std::optional<Exhibit>& existing, QWidget* parent)
    : QDialog(parent)
    , m_choices(choices)
    , m_original(existing.value_or(Exhibit{}))
    , m_isNew(!existing)
    , m_problems(new QLabel(this))
    , m_changedElsewhere(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_ref(new QLineEdit(this))
    , m_lead(new QComboBox(this))
    , m_partners(checkList(this, tr("Partner authorities")))
    , m_edition(new QComboBox(this))
    , m_categories(checkList(this, tr("Categories")))
    , m_status(new QComboBox(this))
    , m_summary(new QPlainTextEdit(this))
    , m_summaryCount(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_contactName(new QLineEdit(this))
    , m_contactRole(new QLineEdit(this))
    , m_contactEmail(new QLineEdit(this))
    , m_contactEmailPublic(new QCheckBox(tr("The contact agreed to this email being &published"), this))
    , m_contactPhone(new QLineEdit(this))
    , m_contactPhonePublic(new QCheckBox(tr("The contact agreed to this phone number bein&g published"), this))
    , m_stand(new QLineEdit(this))
    , m_tags(new TagChipEditor(choices.tags, this))
    , m_evidence(new QTableWidget(0, 6, this))
{
    setWindowTitle(m_isNew ? tr("New exhibit") : tr("Edit exhibit"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->hide();
    m_changedElsewhere->setWordWrap(true);
    m_changedElsewhere->setStyleSheet(
        QStringLiteral("background: palette(tool-tip-base); color: palette(tool-tip-text); padding: 6px;"));
    m_changedElsewhere->setAccessibleName(tr("Changed elsewhere"));
    m_changedElsewhere->hide();

    m_title->setAccessibleName(tr("Title"));
    m_ref->setAccessibleName(tr("Reference"));
    m_ref->setPlaceholderText(tr("made from the title if left empty"));
    m_ref->setReadOnly(!m_isNew);
    m_lead->setAccessibleName(tr("Lead authority"));
    m_lead->addItem(tr("Choose the lead authority…"), QString());
    for (const Authority& authority : choices.authorities) {
        m_lead->addItem(authority.name, authority.name);
        auto* partner = new QListWidgetItem(authority.name, m_partners);
        partner->setData(Qt::UserRole, authority.name);
        partner->setCheckState(Qt::Unchecked);
    }
    m_edition->setAccessibleName(tr("Edition"));
    m_edition->addItem(tr("No edition"), QString());
    for (const Edition& edition : choices.editions) {
        m_edition->addItem(edition.name, edition.name);
    }
    connect(m_edition, &QComboBox::currentIndexChanged, this,
            [this] { showCategoriesOf(m_edition->currentData().toString(), checkedIn(m_categories)); });
    m_status->setAccessibleName(tr("Status"));
    for (const QString& key : allStatusKeys()) {
        m_status->addItem(statusLabel(*statusFromText(key)), key);
    }
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setMaximumHeight(80);
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] {
        const int length = int(m_summary->toPlainText().size());
        m_summaryCount->setText(tr("%1 of %2 characters").arg(length).arg(ExhibitRules::MaxSummaryLength));
    });
    m_description->setAccessibleName(tr("Description (Markdown)"));
    m_description->setPlaceholderText(tr("What the project does, for whom, and what changed. Markdown works: **bold**, "
                                         "- lists, [links](https://…)"));
    m_contactName->setAccessibleName(tr("Contact name"));
    m_contactRole->setAccessibleName(tr("Contact role"));
    m_contactEmail->setAccessibleName(tr("Contact email"));
    m_contactEmailPublic->setToolTip(tr("Without it, the booklet and the web showcase print the contact's name and "
                                        "role, not their email."));
    m_contactPhone->setAccessibleName(tr("Contact phone"));
    m_contactPhone->setPlaceholderText(tr("020 7946 0000"));
    m_contactPhonePublic->setToolTip(tr("Without it, the booklet and the web showcase leave the contact's phone "
                                        "number out."));

    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setHorizontalHeaderLabels(
        {tr("Kind"), tr("Title"), tr("Level"), tr("Date"), tr("Source URL"), tr("Summary")});
    m_evidence->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_evidence->verticalHeader()->hide();
    auto* addEvidence = new QPushButton(tr("Add evidence"), this);
    auto* removeEvidence = new QPushButton(tr("Remove evidence"), this);
    connect(addEvidence, &QPushButton::clicked, this, [this] { addEvidenceRow(Evidence{}); });
    connect(removeEvidence, &QPushButton::clicked, this, [this] {
        if (m_evidence->currentRow() >= 0) {
            m_evidence->removeRow(m_evidence->currentRow());
        }
    });

    auto* details = new QWidget(this);
    auto* form = new QFormLayout(details);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("&Reference"), m_ref);
    form->addRow(tr("&Lead authority"), m_lead);
    form->addRow(tr("&Partners"), m_partners);
    form->addRow(tr("&Edition"), m_edition);
    form->addRow(tr("&Categories"), m_categories);
    form->addRow(tr("&Status"), m_status);
    form->addRow(tr("Stan&d at the event"), m_stand);
    form->addRow(tr("Su&mmary"), m_summary);
    form->addRow(QString(), m_summaryCount);
    form->addRow(tr("&Tags"), m_tags);
    form->addRow(tr("Contact &name"), m_contactName);
    form->addRow(tr("Contact r&ole"), m_contactRole);
    form->addRow(tr("Contact e&mail"), m_contactEmail);
    form->addRow(QString(), m_contactEmailPublic);
    form->addRow(tr("Contact p&hone"), m_contactPhone);
    form->addRow(QString(), m_contactPhonePublic);

    auto* evidencePage = new QWidget(this);
    auto* evidenceLayout = new QVBoxLayout(evidencePage);
    evidenceLayout->addWidget(m_evidence);
    auto* evidenceButtons = new QHBoxLayout;
    evidenceButtons->addWidget(addEvidence);
    evidenceButtons->addWidget(removeEvidence);
    evidenceButtons->addStretch(1);
    evidenceLayout->addLayout(evidenceButtons);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(details, tr("&Details"));
    tabs->addTab(m_description, tr("De&scription"));
    tabs->addTab(evidencePage, tr("E&vidence"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExhibitEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_changedElsewhere);
    layout->addWidget(m_problems);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(760, 640);

    fill(m_original);
}

void ExhibitEditor::warnChangedElsewhere(const QString& message)
{
    m_changedElsewhere->setText(message);
    m_changedElsewhere->show();
    QAccessibleEvent event(m_changedElsewhere, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void ExhibitEditor::reload(const Exhibit& stored, const QString& message)
{
    m_original = stored;
    fill(stored);
    warnChangedElsewhere(message);
}

void ExhibitEditor::fill(const Exhibit& exhibit)
{
    m_title->setText(exhibit.title);
    m_ref->setText(exhibit.ref);
    m_lead->setCurrentIndex(std::max(0, m_lead->findData(exhibit.leadAuthority)));
    for (int i = 0; i < m_partners->count(); ++i) {
        QListWidgetItem* item = m_partners->item(i);
        item->setCheckState(exhibit.partnerAuthorities.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                     : Qt::Unchecked);
    }
    m_edition->setCurrentIndex(std::max(0, m_edition->findData(exhibit.edition)));
    showCategoriesOf(exhibit.edition, exhibit.categories);
    // Only the moves the workflow allows from here, so the editor never offers a refusal.
    m_status->clear();
    m_status->addItem(statusLabel(exhibit.status), statusKey(exhibit.status));
    for (const CurationStatus next : StatusWorkflow::nextStatuses(exhibit)) {
        m_status->addItem(tr("Move to %1").arg(statusLabel(next).toLower()), statusKey(next));
    }
    m_status->setCurrentIndex(0);
    m_stand->setText(exhibit.standNumber);
    m_summary->setPlainText(exhibit.summary);
    m_description->setPlainText(exhibit.description);
    m_contactName->setText(exhibit.contact.name);
    m_contactRole->setText(exhibit.contact.role);
    m_contactEmail->setText(exhibit.contact.email);
    m_contactEmailPublic->setChecked(exhibit.contact.emailPublic);
    m_contactPhone->setText(exhibit.contact.phone);
    m_contactPhonePublic->setChecked(exhibit.contact.phonePublic);
    m_tags->setTags(exhibit.tags);
    m_evidence->setRowCount(0);
    for (const Evidence& item : exhibit.evidence) {
        addEvidenceRow(item);
    }
}

void ExhibitEditor::showCategoriesOf(const QString& edition, const QStringList& checked)
{
    m_categories->clear();
    for (const Category& category : m_choices.categories) {
        if (category.edition == edition) {
            auto* item = new QListWidgetItem(category.name, m_categories);
            item->setData(Qt::UserRole, category.name);
            item->setCheckState(checked.contains(category.name) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_categories->setEnabled(m_categories->count() > 0);
}

void ExhibitEditor::addEvidenceRow(const Evidence& evidence)
{
    const int row = m_evidence->rowCount();
    m_evidence->insertRow(row);
    auto* kind = new QComboBox(m_evidence);
    for (const QString& key : allEvidenceKindKeys()) {
        kind->addItem(evidenceKindLabel(*evidenceKindFromText(key)), key);
    }
    kind->setCurrentIndex(std::max(0, kind->findData(evidenceKindKey(evidence.kind))));
    m_evidence->setCellWidget(row, KindColumn, kind);
    auto* level = new QSpinBox(m_evidence);
    level->setRange(MinEvidenceLevel, MaxEvidenceLevel);
    level->setValue(evidence.level);
    level->setToolTip(tr("0 none recorded … 5 delivered at scale by others"));
    m_evidence->setCellWidget(row, LevelColumn, level);
    m_evidence->setItem(row, TitleColumn, new QTableWidgetItem(evidence.title));
    m_evidence->setItem(row, DateColumn, new QTableWidgetItem(evidence.date.toString(Qt::ISODate)));
    m_evidence->setItem(row, SourceColumn, new QTableWidgetItem(evidence.sourceUrl));
    m_evidence->setItem(row, SummaryColumn, new QTableWidgetItem(evidence.summary));
}

Exhibit ExhibitEditor::exhibit() const
{
    Exhibit exhibit = m_original;
    exhibit.title = m_title->text().trimmed();
    exhibit.ref = m_ref->text().trimmed();
    exhibit.leadAuthority = m_lead->currentData().toString();
    exhibit.partnerAuthorities = checkedIn(m_partners);
    exhibit.partnerAuthorities.removeAll(exhibit.leadAuthority);
    exhibit.edition = m_edition->currentData().toString();
    exhibit.categories = checkedIn(m_categories);
    exhibit.status = statusFromText(m_status->currentData().toString()).value_or(CurationStatus::Draft);
    exhibit.standNumber = m_stand->text().trimmed();
    exhibit.summary = m_summary->toPlainText().trimmed();
    exhibit.description = m_description->toPlainText();
    exhibit.contact =
        Contact{m_contactName->text().trimmed(),   m_contactRole->text().trimmed(),  m_contactEmail->text().trimmed(),
                m_contactEmailPublic->isChecked(), m_contactPhone->text().trimmed(), m_contactPhonePublic->isChecked()};
    exhibit.tags = m_tags->tags();
    // What is still typed in the field counts too: people press Save without pressing Enter.
    const QString pending = normaliseTagName(m_tags->field()->text());
    if (!pending.isEmpty() && !exhibit.tags.contains(pending)) {
        exhibit.tags << pending;
    }
    exhibit.tags.sort();
    exhibit.evidence.clear();
    for (int row = 0; row < m_evidence->rowCount(); ++row) {
        auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_evidence->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        Evidence item;
        item.kind = evidenceKindFromText(
                        qobject_cast<QComboBox*>(m_evidence->cellWidget(row, KindColumn))->currentData().toString())
                        .value_or(EvidenceKind::CaseStudy);
        item.level = qobject_cast<QSpinBox*>(m_evidence->cellWidget(row, LevelColumn))->value();
        item.title = text(TitleColumn);
        item.date = QDate::fromString(text(DateColumn), Qt::ISODate);
        item.sourceUrl = text(SourceColumn);
        item.summary = text(SummaryColumn);
        exhibit.evidence.append(item);
    }
    return exhibit;
}

QHash<QWidget*, QString> ExhibitEditor::problems() const
{
    const QHash<QString, QWidget*> fieldWidgets{
        {QStringLiteral("ref"), m_ref},
        {QStringLiteral("title"), m_title},
        {QStringLiteral("lead_authority"), m_lead},
        {QStringLiteral("summary"), m_summary},
        {QStringLiteral("description"), m_description},
        {QStringLiteral("contact_name"), m_contactName},
        {QStringLiteral("contact_role"), m_contactRole},
        {QStringLiteral("contact_email"), m_contactEmail},
        {QStringLiteral("contact_email_public"), m_contactEmailPublic},
        {QStringLiteral("contact_phone"), m_contactPhone},
        {QStringLiteral("evidence"), m_evidence},
    };
    QHash<QWidget*, QString> problems;
    for (const ExhibitRules::Problem& problem : ExhibitRules::check(exhibit())) {
        QWidget* field = fieldWidgets.value(problem.field, m_title);
        if (!problems.contains(field)) {
            problems.insert(field, problem.message);
        }
    }
    for (int row = 0; row < m_evidence->rowCount(); ++row) {
        const QTableWidgetItem* date = m_evidence->item(row, DateColumn);
        if (date && !date->text().trimmed().isEmpty() &&
            !QDate::fromString(date->text().trimmed(), Qt::ISODate).isValid()) {
            problems.insert(m_evidence, tr("evidence dates are written 2025-03-14"));
        }
    }
    return problems;
}

void ExhibitEditor::markProblems(const QHash<QWidget*, QString>& problems)
{
    const QList<QWidget*> fields{m_ref,         m_title,       m_lead,         m_summary,      m_description,
                                 m_contactName, m_contactRole, m_contactEmail, m_contactPhone, m_evidence};
    QStringList messages;
    QWidget* first = nullptr;
    for (QWidget* field : fields) {
        const bool bad = problems.contains(field);
        field->setStyleSheet(bad ? QStringLiteral("border: 2px solid palette(highlight);") : QString());
        field->setToolTip(bad ? problems.value(field) : QString());
        if (bad) {
            messages << QStringLiteral("%1: %2").arg(field->accessibleName(), problems.value(field));
            first = first ? first : field;
        }
    }
    m_problems->setText(messages.join(QLatin1Char('\n')));
    m_problems->setVisible(!messages.isEmpty());
    if (first) {
        first->setFocus(Qt::OtherFocusReason);
    }
}

void ExhibitEditor::accept()
{
    const QHash<QWidget*, QString> found = problems();
    markProblems(found);
    if (found.isEmpty()) {
        QDialog::accept();
    }
}

} // namespace spotlight
