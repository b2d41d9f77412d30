#include "LettersDialog.h"

#include "Catalogue.h"
#include "Error.h"
#include "FileDialogs.h"
#include "publishing/LetterPublisher.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace spotlight {
namespace {

const QString TemplateKey = QStringLiteral("letters/template");
const QString CombinedKey = QStringLiteral("letters/combined");

} // namespace

LettersDialog::LettersDialog(const Catalogue& catalogue, const QList<Exhibit>& exhibits, QWidget* parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_reviewed(LetterPublisher::lettered(exhibits))
    , m_list(new QListWidget(this))
    , m_note(new QLabel(this))
    , m_template(new QLabel(this))
    , m_combined(new QCheckBox(tr("All letters in &one PDF, to print"), this))
    , m_printer(std::make_unique<QPrinter>(QPrinter::ScreenResolution))
    , m_preview(new QPrintPreviewWidget(m_printer.get(), this))
{
    setWindowTitle(tr("Letters of Recognition"));
    for (const Exhibit& exhibit : std::as_const(m_reviewed)) {
        m_list->addItem(exhibit.title);
    }
    const qsizetype unreviewed = exhibits.size() - m_reviewed.size();
    m_note->setWordWrap(true);
    m_note->setText(tr("%n letter(s), one per exhibit with a recorded review.", nullptr, int(m_reviewed.size())) +
                    (unreviewed > 0
                         ? QLatin1Char(' ') + tr("%n exhibit(s) without a review get none.", nullptr, int(unreviewed))
                         : QString()));
    m_list->setAccessibleName(tr("Exhibits that get a letter"));
    m_preview->setAccessibleName(tr("Preview of the letter"));
    m_printer->setPageSize(QPageSize(QPageSize::A4));
    m_printer->setPageMargins(QMarginsF(0, 0, 0, 0));
    m_template->setWordWrap(true);
    m_template->setAccessibleName(tr("Letter template"));
    m_combined->setToolTip(tr("Otherwise one PDF per exhibit, named by its ref, in a folder."));
    const QSettings settings;
    m_combined->setChecked(settings.value(CombinedKey, false).toBool());
    m_templatePath = settings.value(TemplateKey).toString();

    auto* chooseTemplate = new QPushButton(tr("&Template…"), this);
    chooseTemplate->setToolTip(tr("An HTML template with {{merge}} fields. An image its letterhead meta tag names is "
                                  "drawn at the top of each letter."));
    auto* shippedTemplate = new QPushButton(tr("&Shipped Template"), this);
    connect(chooseTemplate, &QPushButton::clicked, this, &LettersDialog::chooseTemplate);
    connect(shippedTemplate, &QPushButton::clicked, this, [this] { setTemplatePath({}); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* write = buttons->addButton(tr("&Write Letters…"), QDialogButtonBox::AcceptRole);
    write->setEnabled(!m_reviewed.isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(write, &QPushButton::clicked, this, &LettersDialog::writeLetters);

    auto* templateButtons = new QHBoxLayout;
    templateButtons->addWidget(chooseTemplate);
    templateButtons->addWidget(shippedTemplate);
    templateButtons->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_note);
    left->addWidget(m_list, 1);
    left->addWidget(m_template);
    left->addLayout(templateButtons);
    left->addWidget(m_combined);
    left->addWidget(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addWidget(m_preview, 1);
    resize(1100, 760);

    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter* printer) {
        const int row = m_list->currentRow();
        if (row < 0) {
            return;
        }
        try {
            LetterPublisher(m_catalogue).paint(m_reviewed.at(row), *printer, letterTemplate());
        } catch (const Error& error) {
            // The page says why it is blank, as well as the note.
            QPainter painter(printer);
            painter.drawText(painter.viewport().adjusted(40, 40, -40, -40), Qt::TextWordWrap,
                             tr("No preview: %1").arg(error.message()));
            m_template->setText(error.message());
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, m_preview, &QPrintPreviewWidget::updatePreview);
    setTemplatePath(m_templatePath);
    if (!m_reviewed.isEmpty()) {
        m_list->setCurrentRow(0);
    }
    m_preview->fitInView();
}

LettersDialog::~LettersDialog() = default;

QString LettersDialog::previewedHtml() const
{
    const int row = m_list->currentRow();
    return row < 0 ? QString() : LetterPublisher(m_catalogue).html(m_reviewed.at(row), letterTemplate());
}

Letter::Template LettersDialog::letterTemplate() const
{
    return m_templatePath.isEmpty() ? Letter::Template() : Letter::Template::read(m_templatePath);
}

void LettersDialog::setTemplatePath(const QString& path)
{
    m_templatePath = path;
    QSettings().setValue(TemplateKey, path);
    QString text = path.isEmpty() ? tr("Template: the shipped one.") : tr("Template: %1").arg(path);
    try {
        const QString letterhead = Letter::letterheadPath(letterTemplate());
        if (!letterhead.isEmpty()) {
            Letter::readLetterhead(letterhead);
            text += QLatin1Char(' ') + tr("Letterhead: %1").arg(QFileInfo(letterhead).fileName());
        }
    } catch (const Error& error) {
        text = error.message();
    }
    m_template->setText(text);
    m_preview->updatePreview();
}

void LettersDialog::chooseTemplate()
{
    const QString path = FileDialogs::getOpenFileName(this, tr("Choose a letter template"),
                                                      QFileInfo(m_templatePath).path(), tr("HTML (*.html *.htm)"));
    if (!path.isEmpty()) {
        setTemplatePath(path);
    }
}

void LettersDialog::writeLetters()
{
    const bool combined = m_combined->isChecked();
    const QString target =
        combined ? FileDialogs::getSaveFileName(this, tr("Write the letters to one PDF"),
                                                QStringLiteral("letters-of-recognition.pdf"), tr("PDF (*.pdf)"))
                 : FileDialogs::getExistingDirectory(this, tr("Write the letters to"));
    if (!target.isEmpty() && writeTo(target)) {
        accept();
    }
}

bool LettersDialog::writeTo(const QString& target)
{
    const bool combined = m_combined->isChecked();
    QSettings().setValue(CombinedKey, combined);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const LetterPublisher publisher(m_catalogue);
        combined ? publisher.writeCombined(m_reviewed, target, letterTemplate())
                 : publisher.write(m_reviewed, target, letterTemplate());
        QApplication::restoreOverrideCursor();
        const QString done =
            combined
                ? tr("Wrote %n letter(s) into %1, each starting a page.", nullptr, int(m_reviewed.size()))
                : tr("Wrote %n letter(s) to %1, each named by its exhibit's ref.", nullptr, int(m_reviewed.size()));
        QMessageBox::information(this, tr("Letters of Recognition"), done.arg(target));
        return true;
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Letters of Recognition"), error.message());
        return false;
    }
}

} // namespace spotlight
