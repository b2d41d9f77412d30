#include "StartUp.h"

#include "Catalogue.h"
#include "Error.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace spotlight::StartUp {
namespace {

// Asks whether to create a catalogue at `path`; the new catalogue, or null on Cancel.
std::unique_ptr<Catalogue> offerToCreate(const QString& path, QWidget* parent)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    QMessageBox question(
        QMessageBox::Question, QMessageBox::tr("Spotlight"),
        QMessageBox::tr("There is no catalogue at %1 yet.\n\nCreate a new catalogue there?").arg(shown),
        QMessageBox::NoButton, parent);
    question.setObjectName(QStringLiteral("CreateCatalogueQuestion"));
    QPushButton* create = question.addButton(QMessageBox::tr("Create"), QMessageBox::AcceptRole);
    create->setObjectName(QStringLiteral("CreateCatalogue"));
    question.addButton(QMessageBox::Cancel);
    question.setDefaultButton(create);
    // As `spotlight-cli init` does unless told --empty: the seed edition gives something to explore.
    auto* seeded = new QCheckBox(QMessageBox::tr("Start it with the Practice Spotlight 2025 exhibits"), &question);
    seeded->setChecked(true);
    question.setCheckBox(seeded);
    question.exec();
    if (question.clickedButton() != create) {
        return nullptr;
    }
    return Catalogue::create(path, !seeded->isChecked(), Catalogue::UndoHistory::Kept);
}

} // namespace

FirstCatalogue openFirstCatalogue(const QString& requested, QWidget* parent)
{
    FirstCatalogue first;
    if (!requested.isEmpty()) {
        if (QFileInfo::exists(requested)) {
            first.catalogue = Catalogue::open(requested, Catalogue::UndoHistory::Kept);
        } else if ((first.catalogue = offerToCreate(requested, parent))) {
            first.created = first.catalogue->path();
        }
        return first;
    }
    const QString last = QSettings().value(QStringLiteral("lastCatalogue")).toString();
    if (last.isEmpty()) {
        first.firstStart = true;
    } else if (QFileInfo::exists(last)) {
        try {
            first.catalogue = Catalogue::open(last, Catalogue::UndoHistory::Kept);
            return first;
        } catch (const Error& error) {
            first.fallback = error.message();
        }
    }
    first.catalogue = Catalogue::openDefault(Catalogue::UndoHistory::Kept);
    return first;
}

} // namespace spotlight::StartUp
