#pragma once

#include "domain/Exhibit.h"

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;
class QPrintPreviewWidget;
class QPrinter;

namespace spotlight {

class Catalogue;

// File > Letters of Recognition: the letters of the chosen exhibits, each previewed as it will
// print, then written one PDF per exhibit to a folder.
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

private:
    void writeLetters();

    const Catalogue& m_catalogue;
    QList<Exhibit> m_reviewed;
    QListWidget* m_list;
    QLabel* m_note;
    std::unique_ptr<QPrinter> m_printer;
    QPrintPreviewWidget* m_preview;
};

} // namespace spotlight
