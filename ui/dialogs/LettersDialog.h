#pragma once

#include "domain/Exhibit.h"
#include "io/Letter.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QListWidget;
class QPrintPreviewWidget;
class QPrinter;

namespace spotlight {

class Catalogue;

// File > Letters of Recognition: the letters of the chosen exhibits, each previewed as it will
// print, from the shipped template or one chosen here (remembered, with any letterhead it names),
// then written one PDF per exhibit to a folder, or all in one PDF to print.
class LettersDialog : public QDialog
{
    Q_OBJECT

public:
    LettersDialog(const Catalogue& catalogue, const QList<Exhibit>& exhibits, QWidget* parent = nullptr);
    ~LettersDialog() override;

    // The exhibits that get a letter: those with a recorded review.
    const QList<Exhibit>& reviewed() const { return m_reviewed; }
    QListWidget* exhibitList() const { return m_list; }
    // The letter on show, as rich text.
    QString previewedHtml() const;
    // The template file the letters are merged from; empty for the shipped one.
    QString templatePath() const { return m_templatePath; }
    void setTemplatePath(const QString& path);
    QCheckBox* combinedBox() const { return m_combined; }
    // Writes the letters to `target`: a folder, or with combinedBox() checked one PDF. Says what
    // went wrong in a message box and returns false.
    bool writeTo(const QString& target);

private:
    void writeLetters();
    void chooseTemplate();
    // The chosen template, read afresh; Error when it cannot be read.
    Letter::Template letterTemplate() const;

    const Catalogue& m_catalogue;
    QList<Exhibit> m_reviewed;
    QListWidget* m_list;
    QLabel* m_note;
    QLabel* m_template;
    QCheckBox* m_combined;
    QString m_templatePath;
    std::unique_ptr<QPrinter> m_printer;
    QPrintPreviewWidget* m_preview;
};

} // namespace spotlight
