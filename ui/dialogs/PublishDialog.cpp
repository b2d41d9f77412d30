#include "PublishDialog.h"

#include "FileDialogs.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace spotlight {
namespace {

const QString ContactKey = QStringLiteral("publish/contact");
const QString AddressKey = QStringLiteral("publish/address");
const QString FolderKey = QStringLiteral("publish/folder");

} // namespace

PublishDialog::PublishDialog(bool hasSelection, QWidget* parent)
    : QDialog(parent)
    , m_scope(new QButtonGroup(this))
    , m_title(new QLineEdit(WebShowcaseOptions().title, this))
    , m_introduction(new QPlainTextEdit(this))
    , m_contact(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_unrecognised(new QCheckBox(tr("Also exhibits not yet &recognised or showcased"), this))
    , m_booklet(new QCheckBox(tr("Include the printable &booklet (PDF) as a download"), this))
    , m_folder(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Publish Web Showcase"));
    const QSettings settings;

    auto* scopeBox = new QGroupBox(tr("Exhibits"), this);
    auto* scopeLayout = new QVBoxLayout(scopeBox);
    const QList<std::pair<ExportDialog::Scope, QString>> scopes{
        {ExportDialog::Scope::Everything, tr("&Everything in the catalogue")},
        {ExportDialog::Scope::CurrentSearch, tr("The current &search")},
        {ExportDialog::Scope::Selection, tr("The se&lected exhibits")}};
    for (const auto& [scope, label] : scopes) {
        auto* button = new QRadioButton(label, scopeBox);
        button->setEnabled(scope != ExportDialog::Scope::Selection || hasSelection);
        m_scope->addButton(button, int(scope));
        scopeLayout->addWidget(button);
    }
    m_scope->button(int(ExportDialog::Scope::Everything))->setChecked(true);
    scopeLayout->addWidget(m_unrecognised);
    auto* scopeNote = new QLabel(tr("Only what the public may see is published: no reviews or feedback, no workflow "
                                    "status, no tags under internal/, and a contact's email only where they agreed."),
                                 scopeBox);
    scopeNote->setWordWrap(true);
    scopeLayout->addWidget(scopeNote);

    m_title->setAccessibleName(tr("Showcase title"));
    m_introduction->setAccessibleName(tr("Introduction (Markdown)"));
    m_introduction->setPlaceholderText(tr("A few sentences for the home page. Markdown works: **bold**, - lists"));
    m_introduction->setTabChangesFocus(true);
    m_introduction->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_contact->setAccessibleName(tr("Contact email for the accessibility statement"));
    m_contact->setPlaceholderText(tr("where readers report a problem or ask for another format"));
    m_contact->setText(settings.value(ContactKey).toString());
    m_address->setAccessibleName(tr("Web address of the showcase"));
    m_address->setPlaceholderText(tr("optional: where it will be published, for the booklet's last page"));
    m_address->setText(settings.value(AddressKey).toString());
    m_booklet->setChecked(true);
    m_folder->setAccessibleName(tr("Folder to publish to"));
    m_folder->setText(
        settings.value(FolderKey, QDir::home().filePath(QStringLiteral("Practice Spotlight showcase"))).toString());
    auto* choose = new QPushButton(tr("C&hoose…"), this);
    connect(choose, &QPushButton::clicked, this, &PublishDialog::chooseFolder);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(choose);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("&Introduction"), m_introduction);
    form->addRow(tr("&Contact email"), m_contact);
    form->addRow(tr("Web &address"), m_address);
    form->addRow(QString(), m_booklet);
    auto* folderLabel = new QLabel(tr("&Folder"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    auto* folderNote = new QLabel(tr("The folder is replaced only if it is empty or holds an earlier showcase; "
                                     "open index.html inside it to look, or upload the whole folder."),
                                  this);
    folderNote->setWordWrap(true);
    form->addRow(QString(), folderNote);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Publish"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PublishDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_contact, &QLineEdit::textChanged, this, &PublishDialog::updateButtons);
    connect(m_folder, &QLineEdit::textChanged, this, &PublishDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scopeBox);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());
    updateButtons();
}

ExportDialog::Scope PublishDialog::scope() const
{
    return ExportDialog::Scope(m_scope->checkedId());
}

WebShowcaseOptions PublishDialog::options() const
{
    WebShowcaseOptions options;
    options.title = m_title->text().trimmed().isEmpty() ? options.title : m_title->text().trimmed();
    options.introduction = m_introduction->toPlainText();
    options.contactEmail = m_contact->text().trimmed();
    options.address = m_address->text().trimmed();
    options.includeUnrecognised = m_unrecognised->isChecked();
    options.booklet = m_booklet->isChecked();
    return options;
}

QString PublishDialog::folder() const
{
    return m_folder->text().trimmed();
}

void PublishDialog::accept()
{
    QSettings settings;
    settings.setValue(ContactKey, m_contact->text().trimmed());
    settings.setValue(AddressKey, m_address->text().trimmed());
    settings.setValue(FolderKey, folder());
    QDialog::accept();
}

void PublishDialog::chooseFolder()
{
    const QString chosen = FileDialogs::getExistingDirectory(this, tr("Publish to"), folder());
    if (!chosen.isEmpty()) {
        m_folder->setText(chosen);
    }
}

void PublishDialog::updateButtons()
{
    // The accessibility statement must say where to report a problem: no contact, no showcase.
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_contact->text().contains(QLatin1Char('@')) && !folder().isEmpty());
}

} // namespace spotlight
