// File dialogs. One open on the catalogue's folder must not cost the window its locks on the
// catalogue: with them gone, another process's spotlight-cli takes itself for the last user when it
// exits and deletes the write-ahead log under the window. And Enter in a path field opens none.
#include "FileDialogs.h"
#include "TestSupport.h"
#include "dialogs/ImportWizard.h"

#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// Shows `dialog` on `folder` in the detail view, which lists each file's type, until every row is
// typed and drawn.
void listFolder(QFileDialog& dialog, const QString& folder)
{
    dialog.setViewMode(QFileDialog::Detail);
    dialog.setDirectory(folder);
    dialog.show();
    QTest::qWait(1500); // the types are gathered on a thread of the dialog's own
    dialog.hide();
}

} // namespace

TEST_CASE("A file dialog on the catalogue's folder leaves the window's locks on the catalogue", "[ui][shared][file]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString path = catalogue->path();
    REQUIRE(catalogue->exhibit(QStringLiteral("waltham-forest-mockingbird")));
    REQUIRE(posixLocksHeldOn(path) > 0);

    QFileDialog dialog(nullptr, QStringLiteral("Export to"));
    FileDialogs::makeSafe(dialog);
    listFolder(dialog, scratch.path(QString()));
    CHECK(posixLocksHeldOn(path) > 0);

    // Qt's dialog as it comes (Debian's Qt 6.4) reads each file to type it, and closing what it read
    // drops them all: what the safe one is for.
    QFileDialog plain(nullptr, QStringLiteral("Export to"));
    plain.setOption(QFileDialog::DontUseNativeDialog);
    listFolder(plain, scratch.path(QString()));
    CHECK(posixLocksHeldOn(path) == 0);
}

TEST_CASE("Enter in the import wizard's path field adds the file and opens no other dialog", "[ui][import]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString file = scratch.write(QStringLiteral("subs.csv"), "ref,title,lead_authority\n,A hub,Sutton\n");
    ImportWizard wizard(*catalogue);
    wizard.show();
    QLineEdit* path = nullptr;
    for (QLineEdit* field : wizard.findChildren<QLineEdit*>()) {
        if (field->accessibleName() == QStringLiteral("Path of a file to add")) {
            path = field;
        }
    }
    REQUIRE(path);
    // As after a first file was added with the button: it is then the dialog's default button.
    for (QPushButton* button : wizard.findChildren<QPushButton*>()) {
        if (button->text() == ImportWizard::tr("Add &Files…")) {
            button->setFocus();
        }
    }
    path->setFocus();
    QTest::keyClicks(path, file);
    // A button pressed by the same Enter would open its file dialog modally: noted, and closed.
    bool fileDialogOpened = false;
    QTimer::singleShot(1000, [&fileDialogOpened] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            fileDialogOpened = true;
            dialog->reject();
        }
    });
    QTest::keyClick(path, Qt::Key_Return);
    QTest::qWait(1200);
    CHECK_FALSE(fileDialogOpened);
    CHECK(wizard.files() == QStringList{file});
    CHECK(path->text().isEmpty());
    CHECK(wizard.currentId() == 0);
}
