#include "StartUp.h"

#include "Catalogue.h"
#include "Error.h"
#include "storage/ServerAddress.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
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

// A file that is there, or a team catalogue, which only the server can say is there.
bool isThere(const QString& location)
{
    return Catalogue::isServerAddress(location) || QFileInfo::exists(location);
}

} // namespace

std::unique_ptr<Catalogue> openAskingForPassword(const QString& location, QWidget* parent)
{
    bool asked = false;
    for (;;) {
        try {
            return Catalogue::open(location, Catalogue::UndoHistory::Kept);
        } catch (const Error& error) {
            if (error.kind() != Error::Kind::PasswordNeeded) {
                throw;
            }
            const ServerAddress server = ServerAddress::parse(location);
            const QString user = server.user.isEmpty() ? qEnvironmentVariable("USER") : server.user;
            QInputDialog question(parent);
            question.setObjectName(QStringLiteral("PasswordQuestion"));
            question.setWindowTitle(QInputDialog::tr("Team catalogue password"));
            question.setLabelText((asked ? QInputDialog::tr("The server refused that password.\n\n") : QString()) +
                                  QInputDialog::tr("Password for %1, to open the %2:").arg(user, server.describe()));
            question.setTextEchoMode(QLineEdit::Password);
            question.setOkButtonText(QInputDialog::tr("Connect"));
            if (question.exec() != QDialog::Accepted) {
                return nullptr;
            }
            Catalogue::rememberServerPassword(location, question.textValue());
            asked = true;
        }
    }
}

FirstCatalogue openFirstCatalogue(const QString& requested, QWidget* parent)
{
    FirstCatalogue first;
    if (!requested.isEmpty()) {
        if (isThere(requested)) {
            first.catalogue = openAskingForPassword(requested, parent);
        } else if ((first.catalogue = offerToCreate(requested, parent))) {
            first.created = first.catalogue->path();
        }
        return first;
    }
    const QString last = QSettings().value(QStringLiteral("lastCatalogue")).toString();
    if (last.isEmpty()) {
        first.firstStart = true;
    } else if (isThere(last)) {
        try {
            if ((first.catalogue = openAskingForPassword(last, parent))) {
                return first;
            }
            first.fallback = QMessageBox::tr("No password was given for %1.").arg(last);
        } catch (const Error& error) {
            first.fallback = error.message();
        }
    }
    first.catalogue = Catalogue::openDefault(Catalogue::UndoHistory::Kept);
    return first;
}

} // namespace spotlight::StartUp
