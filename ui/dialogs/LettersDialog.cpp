#include "LettersDialog.h"

#include "Catalogue.h"
#include "Error.h"
#include "io/Letter.h"
#include "publishing/LetterPublisher.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace spotlight {

LettersDialog::LettersDialog(const Catalogue& catalogue, const QList<Exhibit>& exhibits, QWidget* parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_list(new QListWidget(this))
    , m_note(new QLabel(this))
    , m_printer(std::make_unique<QPrinter>(QPrinter::ScreenResolution))
    , m_preview(new QPrintPreviewWidget(m_printer.get(), this))
{
    setWindowTitle(tr("Letters of Recognition"));
    for (const Exhibit& exhibit : exhibits) {
        if (!exhibit.reviews.isEmpty()) {
            m_reviewed << exhibit;
            m_list->addItem(exhibit.title);
        }
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

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* write = buttons->addButton(tr("&Write Letters…"), QDialogButtonBox::AcceptRole);
    write->setEnabled(!m_reviewed.isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(write, &QPushButton::clicked, this, &LettersDialog::writeLetters);

    auto* left = new QVBoxLayout;
    left->addWidget(m_note);
    left->addWidget(m_list, 1);
    left->addWidget(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addWidget(m_preview, 1);
    resize(1100, 760);

    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter* printer) {
        try {
            const QString html = previewedHtml();
            if (!html.isEmpty()) {
                Letter::paint(html, *printer);
            }
        } catch (const Error& error) {
            m_note->setText(error.message());
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, m_preview, &QPrintPreviewWidget::updatePreview);
    if (!m_reviewed.isEmpty()) {
        m_list->setCurrentRow(0);
    }
    m_preview->fitInView();
}

LettersDialog::~LettersDialog() = default;

QString LettersDialog::previewedHtml() const
{
    const int row = m_list->currentRow();
    return row < 0 ? QString() : LetterPublisher(m_catalogue).html(m_reviewed.at(row));
}

void LettersDialog::writeLetters()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Write the letters to"));
    if (folder.isEmpty()) {
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        LetterPublisher(m_catalogue).write(m_reviewed, folder);
        QApplication::restoreOverrideCursor();
        QMessageBox::information(
            this, tr("Letters of Recognition"),
            tr("Wrote %n letter(s) to %1, each named by its exhibit's ref.", nullptr, int(m_reviewed.size()))
                .arg(folder));
        accept();
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(this, tr("Letters of Recognition"), error.message());
    }
}

} // namespace spotlight
