#include "ExportDialog.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QRadioButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace spotlight {
namespace {

constexpr int PreviewExhibits = 6; // enough for the cover, the contents and a few pages

const QString FormatKey = QStringLiteral("export/format");
const QString ScopeKey = QStringLiteral("export/scope");
const QString GroupingKey = QStringLiteral("export/grouping");
const QString TitleKey = QStringLiteral("export/title");
const QString SubtitleKey = QStringLiteral("export/subtitle");
const QString PageSizeKey = QStringLiteral("export/pageSize");
const QString PdfAKey = QStringLiteral("export/pdfA");
const QString CompactKey = QStringLiteral("export/compact");
const QString DescriptionKey = QStringLiteral("export/description");
const QString EvidenceKey = QStringLiteral("export/evidence");
const QString ContactKey = QStringLiteral("export/contact");
const QString TagsKey = QStringLiteral("export/tags");

// Chooses the item whose data is the number `saved` when there is one; a value an older version
// saved is ignored. Settings files give numbers back as text, so they are compared as numbers.
void chooseData(QComboBox* box, const QVariant& saved)
{
    bool number = false;
    const int value = saved.toInt(&number);
    if (const int index = box->findData(value); number && index >= 0) {
        box->setCurrentIndex(index);
    }
}

} // namespace

ExportDialog::ExportDialog(bool hasSelection, PaintPreview paintPreview, QWidget* parent)
    : QDialog(parent)
    , m_paintPreview(std::move(paintPreview))
    , m_format(new QComboBox(this))
    , m_scope(new QButtonGroup(this))
    , m_grouping(new QComboBox(this))
    , m_title(new QLineEdit(QStringLiteral("Practice Spotlight"), this))
    , m_subtitle(new QLineEdit(this))
    , m_pageSize(new QComboBox(this))
    , m_pdfA(new QCheckBox(tr("PDF/A-1b, for archiving"), this))
    , m_compact(new QCheckBox(tr("&Compact: short exhibits share a page"), this))
    , m_description(new QCheckBox(tr("Descriptions"), this))
    , m_evidence(new QCheckBox(tr("Evidence"), this))
    , m_contact(new QCheckBox(tr("Key contacts"), this))
    , m_tags(new QCheckBox(tr("Tags"), this))
    , m_printer(std::make_unique<QPrinter>(QPrinter::ScreenResolution))
    , m_preview(new QPrintPreviewWidget(m_printer.get(), this))
    , m_refresh(new QTimer(this))
{
    setWindowTitle(tr("Export"));
    m_format->addItem(tr("Showcase booklet (PDF)"), int(Format::Pdf));
    m_format->addItem(tr("Spreadsheet (CSV)"), int(Format::Csv));
    m_format->addItem(tr("Catalogue data (JSON)"), int(Format::Json));
    m_format->setAccessibleName(tr("Format"));

    auto* scopeBox = new QGroupBox(tr("Exhibits"), this);
    auto* scopeLayout = new QVBoxLayout(scopeBox);
    const QList<std::pair<Scope, QString>> scopes{{Scope::Everything, tr("&Everything in the catalogue")},
                                                  {Scope::CurrentSearch, tr("The current &search")},
                                                  {Scope::Selection, tr("The se&lected exhibits")}};
    for (const auto& [scope, label] : scopes) {
        auto* button = new QRadioButton(label, scopeBox);
        button->setEnabled(scope != Scope::Selection || hasSelection);
        m_scope->addButton(button, int(scope));
        scopeLayout->addWidget(button);
    }
    m_scope->button(int(Scope::CurrentSearch))->setChecked(true);

    m_grouping->addItem(tr("By lead authority"), int(BookletOptions::Grouping::Authority));
    m_grouping->addItem(tr("By category"), int(BookletOptions::Grouping::Category));
    m_grouping->addItem(tr("No sections"), int(BookletOptions::Grouping::None));
    m_grouping->setAccessibleName(tr("Sections"));
    m_title->setAccessibleName(tr("Booklet title"));
    m_subtitle->setAccessibleName(tr("Booklet subtitle"));
    m_subtitle->setPlaceholderText(tr("the edition's event, when all exhibits share one"));
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(QPageSize::Letter));
    m_pageSize->setAccessibleName(tr("Page size"));
    for (QCheckBox* part : {m_description, m_evidence, m_contact, m_tags}) {
        part->setChecked(true);
    }

    auto* booklet = new QGroupBox(tr("Booklet"), this);
    auto* form = new QFormLayout(booklet);
    form->addRow(tr("&Sections"), m_grouping);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("Su&btitle"), m_subtitle);
    form->addRow(tr("&Page size"), m_pageSize);
    form->addRow(QString(), m_compact);
    form->addRow(QString(), m_pdfA);
    auto* parts = new QHBoxLayout;
    for (QCheckBox* part : {m_description, m_evidence, m_contact, m_tags}) {
        parts->addWidget(part);
    }
    form->addRow(tr("Include"), parts);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("E&xport…"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* choices = new QVBoxLayout;
    auto* formatForm = new QFormLayout;
    formatForm->addRow(tr("&Format"), m_format);
    choices->addLayout(formatForm);
    choices->addWidget(scopeBox);
    choices->addWidget(booklet);
    choices->addStretch(1);
    choices->addWidget(buttons);

    m_preview->setAccessibleName(tr("Preview of the first pages"));
    m_preview->setMinimumWidth(420);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_preview, 1);
    resize(1100, 720);

    // The preview follows the choices once they settle.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &ExportDialog::refreshPreview);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this,
            [this](QPrinter* printer) { m_paintPreview(scope(), PreviewExhibits, bookletOptions(), *printer); });
    auto changed = [this] { m_refresh->start(); };
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, booklet, changed] {
        const bool pdf = format() == Format::Pdf;
        booklet->setEnabled(pdf);
        m_preview->setVisible(pdf);
        changed();
    });
    restoreSettings(hasSelection);
    booklet->setEnabled(format() == Format::Pdf);
    m_preview->setVisible(format() == Format::Pdf);
    connect(m_scope, &QButtonGroup::idClicked, this, changed);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, changed);
    connect(m_pageSize, &QComboBox::currentIndexChanged, this, changed);
    connect(m_title, &QLineEdit::textEdited, this, changed);
    connect(m_subtitle, &QLineEdit::textEdited, this, changed);
    for (QCheckBox* part : {m_description, m_evidence, m_contact, m_tags, m_compact}) {
        connect(part, &QCheckBox::toggled, this, changed);
    }
    changed();
}

ExportDialog::~ExportDialog() = default;

ExportDialog::Format ExportDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

ExportDialog::Scope ExportDialog::scope() const
{
    return Scope(m_scope->checkedId());
}

BookletOptions ExportDialog::bookletOptions() const
{
    BookletOptions options;
    options.grouping = BookletOptions::Grouping(m_grouping->currentData().toInt());
    options.title = m_title->text().trimmed().isEmpty() ? options.title : m_title->text().trimmed();
    options.subtitle = m_subtitle->text().trimmed();
    options.pageSize = QPageSize::PageSizeId(m_pageSize->currentData().toInt());
    options.pdfA = m_pdfA->isChecked();
    options.compact = m_compact->isChecked();
    options.description = m_description->isChecked();
    options.evidence = m_evidence->isChecked();
    options.contact = m_contact->isChecked();
    options.tags = m_tags->isChecked();
    return options;
}

QList<std::pair<QCheckBox*, QString>> ExportDialog::rememberedBoxes() const
{
    return {{m_pdfA, PdfAKey},         {m_compact, CompactKey}, {m_description, DescriptionKey},
            {m_evidence, EvidenceKey}, {m_contact, ContactKey}, {m_tags, TagsKey}};
}

void ExportDialog::restoreSettings(bool hasSelection)
{
    const QSettings settings;
    chooseData(m_format, settings.value(FormatKey));
    const int scope = settings.value(ScopeKey, int(Scope::CurrentSearch)).toInt();
    // The selection is chosen again only when there is one; otherwise the current search.
    if (QAbstractButton* button = m_scope->button(scope); button && (scope != int(Scope::Selection) || hasSelection)) {
        button->setChecked(true);
    }
    chooseData(m_grouping, settings.value(GroupingKey));
    chooseData(m_pageSize, settings.value(PageSizeKey));
    m_title->setText(settings.value(TitleKey, m_title->text()).toString());
    m_subtitle->setText(settings.value(SubtitleKey).toString());
    for (const auto& [box, key] : rememberedBoxes()) {
        box->setChecked(settings.value(key, box->isChecked()).toBool());
    }
}

void ExportDialog::accept()
{
    QSettings settings;
    settings.setValue(FormatKey, m_format->currentData());
    settings.setValue(ScopeKey, m_scope->checkedId());
    settings.setValue(GroupingKey, m_grouping->currentData());
    settings.setValue(TitleKey, m_title->text());
    settings.setValue(SubtitleKey, m_subtitle->text());
    settings.setValue(PageSizeKey, m_pageSize->currentData());
    for (const auto& [box, key] : rememberedBoxes()) {
        settings.setValue(key, box->isChecked());
    }
    QDialog::accept();
}

void ExportDialog::refreshPreview()
{
    if (format() != Format::Pdf) {
        return;
    }
    m_printer->setPageSize(QPageSize(bookletOptions().pageSize));
    m_printer->setPageMargins(QMarginsF(0, 0, 0, 0));
    m_preview->updatePreview();
}

} // namespace spotlight
