#include "FileActions.h"

#include "Catalogue.h"
#include "Error.h"
#include "ExportJob.h"
#include "FileDialogs.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportWizard.h"
#include "dialogs/LettersDialog.h"
#include "dialogs/PublishDialog.h"
#include "io/SafeFile.h"
#include "io/SubmissionTemplate.h"
#include "publishing/BookletPublisher.h"
#include "publishing/CsvPublisher.h"
#include "publishing/FloorListPublisher.h"
#include "publishing/LetterPublisher.h"
#include "publishing/PublicationGate.h"
#include "publishing/TemplatePublisher.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QUrl>

#include <algorithm>

namespace spotlight {
namespace {

const QString LastExportKey = QStringLiteral("export/lastFile");

} // namespace

FileActions::FileActions(Window window)
    : QObject(window.widget)
    , m_window(std::move(window))
{}

void FileActions::newCatalogue()
{
    QString path = FileDialogs::getSaveFileName(m_window.widget, tr("New catalogue"), QString(),
                                                tr("Spotlight catalogues (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    // A name typed without an extension is still a catalogue the Open dialog's filter shows.
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".sqlite");
    }
    const auto answer = QMessageBox::question(
        m_window.widget, tr("New catalogue"),
        tr("Start it with the Practice Spotlight 2025 exhibits? (No: only London's 33 authorities.)"),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) {
        return;
    }
    try {
        Catalogue::create(path, answer == QMessageBox::No);
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Cannot create the catalogue"), error.message());
        return;
    }
    m_window.open(path);
}

void FileActions::importFile(const QString& path)
{
    ImportWizard wizard(*m_window.catalogue(), m_window.widget);
    if (!path.isEmpty()) {
        wizard.setFile(path);
    }
    if (wizard.exec() != QDialog::Accepted) {
        return;
    }
    const ImportPlan& plan = wizard.plan();
    QString error;
    const std::optional<Curation::RecordedStep> recorded = applyOnWorker(plan, &error);
    if (!recorded) {
        QMessageBox::warning(m_window.widget, tr("Import failed"), error);
        return;
    }
    // The window's connection sees the other one's commit now, before the message below is shown.
    m_window.catalogue()->pollForChanges();
    m_window.catalogue()->curation().adopt(*recorded);
    const QString files = plan.files.size() == 1 ? QFileInfo(plan.files.first()).fileName() : plan.filesInWords();
    m_window.report(
        tr("Imported %1: %2 added, %3 updated, %4 skipped.")
            .arg(files)
            .arg(plan.creates())
            .arg(plan.updates())
            .arg(plan.skips()) +
        QLatin1Char(' ') +
        (recorded->notUndoable.isEmpty() ? tr("Edit > Undo takes the whole import back.") : recorded->notUndoable));
}

std::optional<Curation::RecordedStep> FileActions::applyOnWorker(const ImportPlan& plan, QString* error)
{
    // A connection of the worker's own writes the import; the window's adopts its undo step.
    QProgressDialog progress(tr("Importing %n exhibit(s)…", nullptr, int(plan.creates() + plan.updates())),
                             tr("Cancel"), 0, int(plan.rows.size()), m_window.widget);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancelled] { cancelled->store(true); });
    auto recorded = std::make_shared<std::optional<Curation::RecordedStep>>();
    auto failure = std::make_shared<QString>();
    const QString location = m_window.catalogue()->path();
    const QString author = m_window.catalogue()->curation().author();
    QPointer<QProgressDialog> shown(&progress);
    QThread* worker = QThread::create([&plan, location, author, shown, cancelled, recorded, failure] {
        try {
            auto catalogue = Catalogue::open(location, Catalogue::UndoHistory::Recorded);
            catalogue->curation().setAuthor(author);
            catalogue->curation().applyImport(plan, [shown, cancelled](qsizetype done, qsizetype) {
                QMetaObject::invokeMethod(
                    shown,
                    [shown, done] {
                        if (!shown) {
                            return;
                        }
                        shown->setValue(int(done));
                        if (done == shown->maximum()) {
                            // The search index is built in one statement at the end: no more steps
                            // to show, and nothing left that Cancel could stop short of the commit.
                            shown->setLabelText(tr("Making the new exhibits searchable…"));
                            shown->setRange(0, 0);
                            shown->setCancelButton(nullptr);
                        }
                    },
                    Qt::QueuedConnection);
                return !cancelled->load();
            });
            *recorded = catalogue->curation().takeRecordedStep();
        } catch (const Error& problem) {
            *failure = problem.message();
        }
    });
    QEventLoop waiting;
    QObject::connect(worker, &QThread::finished, &waiting, &QEventLoop::quit);
    worker->start();
    waiting.exec();
    worker->wait();
    delete worker;
    if (!*recorded && failure->isEmpty()) {
        *failure = tr("The import wrote nothing.");
    }
    *error = *failure;
    return *recorded;
}

bool FileActions::passesPrivacyGate(const QList<Exhibit>& exhibits, const QString& what)
{
    PublicationGate::Verdict verdict;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        verdict = PublicationGate::check(*m_window.catalogue(), exhibits);
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(m_window.widget, what,
                             tr("The privacy check could not run, so nothing was published.") + QStringLiteral("\n\n") +
                                 error.message());
        return false;
    }
    QApplication::restoreOverrideCursor();
    return verdict.clear() || publishUnreviewed(verdict.titles, what);
}

bool FileActions::publishUnreviewed(const QStringList& titles, const QString& what)
{
    QMessageBox box(QMessageBox::Warning, what,
                    tr("%n chosen exhibit(s) may name or describe a child or family, and no one has reviewed those "
                       "findings yet.",
                       nullptr, int(titles.size())),
                    QMessageBox::Cancel, m_window.widget);
    box.setInformativeText(tr("Review them in View > Privacy Check first, or go on anyway."));
    box.setDetailedText(titles.join(QLatin1Char('\n')));
    box.addButton(tr("Go On Anyway"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() != QMessageBox::Cancel;
}

void FileActions::writeLetters()
{
    QList<Exhibit> exhibits;
    try {
        const QList<qint64> selected = m_window.selectedIds();
        exhibits = selected.size() > 1 ? m_window.catalogue()->exhibitsWithIds(selected)
                                       : m_window.catalogue()->exhibits(m_window.shownQuery());
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Letters of Recognition"), error.message());
        return;
    }
    // Only the exhibits that get a letter are published by it, so only their findings stand in the way.
    if (!passesPrivacyGate(LetterPublisher::lettered(exhibits), tr("Letters of Recognition"))) {
        return;
    }
    LettersDialog dialog(*m_window.catalogue(), exhibits, m_window.widget);
    dialog.exec();
}

void FileActions::exportFloorList()
{
    const QString pdf = tr("PDF, to print (*.pdf)");
    const QString csv = tr("CSV, for a spreadsheet (*.csv)");
    QString filter = pdf;
    QString path =
        FileDialogs::getSaveFileName(m_window.widget, tr("Export the floor list"), QStringLiteral("floor-list.pdf"),
                                     pdf + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty()) {
        return;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool asPdf = suffix == QLatin1String("pdf") || (suffix != QLatin1String("csv") && filter == pdf);
    if (suffix.isEmpty()) {
        path += asPdf ? QStringLiteral(".pdf") : QStringLiteral(".csv");
    }
    try {
        if (asPdf) {
            FloorListPublisher(*m_window.catalogue()).writeList(m_window.shownQuery(), path);
        } else {
            writeFileAtomically(path, CsvPublisher(*m_window.catalogue()).floorList(m_window.shownQuery()));
        }
        m_window.report(tr("Wrote the floor list of the exhibits with stands to %1").arg(path));
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Floor list"), error.message());
    }
}

void FileActions::exportStandCards()
{
    QString path = FileDialogs::getSaveFileName(m_window.widget, tr("Save the stand cards"),
                                                QStringLiteral("stand-cards.pdf"), tr("PDF, to print (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".pdf");
    }
    try {
        const int cards = FloorListPublisher(*m_window.catalogue()).writeCards(m_window.shownQuery(), path);
        m_window.report(tr("Wrote %n A5 stand card(s) to %1", nullptr, cards).arg(path));
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Stand cards"), error.message());
    }
}

void FileActions::writeTemplate()
{
    const QString path = FileDialogs::getSaveFileName(
        m_window.widget, tr("Save the submission template"), QStringLiteral("practice-spotlight-submission.xlsx"),
        tr("Excel workbook (*.xlsx);;CSV with a guide beside it (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        TemplatePublisher(*m_window.catalogue()).write(path);
        m_window.report(path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                            ? tr("Wrote %1").arg(path)
                            : tr("Wrote %1 and its guide %2").arg(path, SubmissionTemplate::guidePathFor(path)));
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Template"), error.message());
    }
}

void FileActions::exportExhibits()
{
    const QList<qint64> selectedIds = m_window.selectedIds();
    auto paintPreview = [this, selectedIds](ExportDialog::Scope scope, int count, const BookletOptions& options,
                                            QPrinter& printer) {
        try {
            const Catalogue& catalogue = *m_window.catalogue();
            BookletOptions shown = options;
            QList<Exhibit> sample;
            // The cover states the whole booklet's numbers, not the sample's.
            if (scope == ExportDialog::Scope::Selection) {
                const QList<Exhibit> selected = catalogue.exhibitsWithIds(selectedIds);
                sample = selected.mid(0, count);
                shown.coverExhibits = selected.size();
                shown.coverAuthorities = Booklet::authorityCount(selected);
            } else {
                const QString query = scope == ExportDialog::Scope::Everything ? QString() : m_window.shownQuery();
                const ExhibitPage page = catalogue.search(query, count);
                sample = page.exhibits;
                shown.coverExhibits = page.total;
                const QList<FacetValue> authorities = catalogue.facets(query).authorities;
                shown.coverAuthorities = std::count_if(authorities.begin(), authorities.end(),
                                                       [](const FacetValue& value) { return value.count > 0; });
            }
            if (!sample.isEmpty()) {
                BookletPublisher(catalogue).paint(sample, shown, printer);
            }
        } catch (const Error& error) {
            QPainter painter(&printer);
            painter.drawText(painter.viewport().adjusted(40, 40, -40, -40), Qt::TextWordWrap,
                             tr("No preview: %1").arg(error.message()));
        }
    };
    ExportDialog dialog(!selectedIds.isEmpty(), paintPreview, m_window.widget);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString suffix = dialog.format() == ExportDialog::Format::Pdf   ? QStringLiteral("pdf")
                           : dialog.format() == ExportDialog::Format::Csv ? QStringLiteral("csv")
                                                                          : QStringLiteral("json");
    // The folder and name of the last export, in this format.
    const QFileInfo last(QSettings().value(LastExportKey).toString());
    const QString proposed = last.fileName().isEmpty()
                                 ? QStringLiteral("spotlight.") + suffix
                                 : last.dir().filePath(last.completeBaseName() + QLatin1Char('.') + suffix);
    const QString target =
        FileDialogs::getSaveFileName(m_window.widget, tr("Export to"), proposed,
                                     suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
    if (target.isEmpty()) {
        return;
    }
    QSettings().setValue(LastExportKey, target);
    ExportJob::Request request;
    request.cataloguePath = m_window.catalogue()->path();
    request.format = dialog.format();
    request.query = dialog.scope() == ExportDialog::Scope::Everything ? QString() : m_window.shownQuery();
    request.ids = selectedIds;
    request.useIds = dialog.scope() == ExportDialog::Scope::Selection;
    request.options = dialog.bookletOptions();
    request.target = target;
    runExport(request);
}

void FileActions::publishWebShowcase()
{
    const QList<qint64> selectedIds = m_window.selectedIds();
    PublishDialog dialog(!selectedIds.isEmpty(), m_window.widget);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    ExportJob::Request request;
    request.cataloguePath = m_window.catalogue()->path();
    request.format = ExportDialog::Format::WebShowcase;
    request.query = dialog.scope() == ExportDialog::Scope::Everything ? QString() : m_window.shownQuery();
    request.ids = selectedIds;
    request.useIds = dialog.scope() == ExportDialog::Scope::Selection;
    request.showcase = dialog.options();
    request.target = dialog.folder();
    runExport(request);
}

void FileActions::runExport(ExportJob::Request request)
{
    auto* thread = new QThread(this);
    auto* job = new ExportJob(request);
    job->moveToThread(thread);
    const QString target = request.target;
    const bool showcase = request.format == ExportDialog::Format::WebShowcase;
    auto* progress = new QProgressDialog((showcase ? tr("Publishing the web showcase to %1…") : tr("Exporting to %1…"))
                                             .arg(QFileInfo(target).fileName()),
                                         tr("Cancel"), 0, 0, m_window.widget);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(
        progress, &QProgressDialog::canceled, job, [job] { job->cancel(); }, Qt::DirectConnection);
    connect(job, &ExportJob::progressed, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    connect(job, &ExportJob::finished, this,
            [this, thread, progress, request, showcase](const QString& error, const QStringList& unreviewed) mutable {
                progress->deleteLater();
                thread->quit();
                if (!unreviewed.isEmpty()) {
                    if (publishUnreviewed(unreviewed, tr("Export"))) {
                        request.allowUnreviewed = true;
                        runExport(request);
                    } else {
                        // Back to the choices just made (the dialog remembers them), to narrow
                        // them, or to close it and review the findings first.
                        QMetaObject::invokeMethod(this, &FileActions::exportExhibits, Qt::QueuedConnection);
                    }
                } else if (error.isEmpty() && showcase) {
                    m_window.report(tr("Published the web showcase to %1").arg(request.target));
                    QMessageBox done(QMessageBox::Information, tr("Publish Web Showcase"),
                                     tr("The web showcase is in %1. Open its index.html to look at it, or upload the "
                                        "whole folder.")
                                         .arg(request.target),
                                     QMessageBox::Close, m_window.widget);
                    QPushButton* open = done.addButton(tr("&Open in Browser"), QMessageBox::AcceptRole);
                    done.exec();
                    if (done.clickedButton() == static_cast<QAbstractButton*>(open)) {
                        QDesktopServices::openUrl(QUrl::fromLocalFile(request.target + QStringLiteral("/index.html")));
                    }
                } else if (error.isEmpty()) {
                    m_window.report(tr("Exported to %1").arg(request.target));
                } else {
                    QMessageBox::warning(m_window.widget, showcase ? tr("Publish Web Showcase") : tr("Export"), error);
                }
            });
    connect(thread, &QThread::started, job, &ExportJob::run);
    connect(thread, &QThread::finished, job, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void FileActions::print(bool preview)
{
    QList<Exhibit> exhibits;
    try {
        exhibits = m_window.catalogue()->exhibits(m_window.shownQuery());
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Print"), error.message());
        return;
    }
    if (!passesPrivacyGate(exhibits, preview ? tr("Print Preview") : tr("Print"))) {
        return;
    }
    const BookletPublisher publisher(*m_window.catalogue());
    const BookletOptions options = publisher.withEditionSubtitle(exhibits, BookletOptions());
    auto paint = [&](QPrinter* printer) {
        try {
            publisher.paint(exhibits, options, *printer);
        } catch (const Error& error) {
            QMessageBox::warning(m_window.widget, tr("Print"), error.message());
        }
    };
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(options.title);
    if (preview) {
        QPrintPreviewDialog dialog(&printer, m_window.widget);
        connect(&dialog, &QPrintPreviewDialog::paintRequested, this, paint);
        dialog.exec();
    } else if (QPrintDialog dialog(&printer, m_window.widget); dialog.exec() == QDialog::Accepted) {
        paint(&printer);
    }
}

void FileActions::backup()
{
    const QString path = FileDialogs::getSaveFileName(m_window.widget, tr("Back up the catalogue"), QString(),
                                                      tr("Spotlight catalogues (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        m_window.catalogue()->backup(path);
        m_window.report(tr("Backed up to %1").arg(path));
    } catch (const Error& error) {
        QMessageBox::warning(m_window.widget, tr("Backup failed"), error.message());
    }
}

} // namespace spotlight
