#pragma once

#include "dialogs/ExportDialog.h"
#include "publishing/WebShowcase.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace spotlight {

// File > Publish Web Showcase: which exhibits (as in Export), the showcase's title and
// introduction, the contact its accessibility statement gives, and the folder to publish to.
// The contact and the folder are remembered for next time.
class PublishDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PublishDialog(bool hasSelection, QWidget* parent = nullptr);

    ExportDialog::Scope scope() const;
    WebShowcaseOptions options() const;
    QString folder() const;

    void accept() override;

private:
    void chooseFolder();
    void updateButtons();

    QButtonGroup* m_scope;
    QLineEdit* m_title;
    QPlainTextEdit* m_introduction;
    QLineEdit* m_contact;
    QLineEdit* m_address;
    QCheckBox* m_unrecognised;
    QCheckBox* m_booklet;
    QLineEdit* m_folder;
    QDialogButtonBox* m_buttons;
};

} // namespace spotlight
