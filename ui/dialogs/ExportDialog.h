#pragma once

#include "domain/Exhibit.h"
#include "io/Booklet.h"

#include <QDialog>

#include <functional>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPrintPreviewWidget;
class QPrinter;
class QTimer;

namespace spotlight {

// File > Export: the format, which exhibits (everything, the current search or the selection),
// and for the booklet its grouping, title, page size and the parts of each exhibit to include,
// with a preview of the first pages before anything is written. It opens with the choices made
// the last time it was accepted.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Format
    {
        Pdf,
        Csv,
        Json,
        WebShowcase, // a folder, from File > Publish Web Showcase
    };
    enum class Scope
    {
        Everything,
        CurrentSearch,
        Selection,
    };

    // Paints the first `count` exhibits of a scope as the booklet would, for the preview.
    using PaintPreview = std::function<void(Scope scope, int count, const BookletOptions& options, QPrinter& printer)>;

    ExportDialog(bool hasSelection, PaintPreview paintPreview, QWidget* parent = nullptr);
    ~ExportDialog() override;

    Format format() const;
    Scope scope() const;
    BookletOptions bookletOptions() const;

    void accept() override;

private:
    void refreshPreview();
    // The choices of the last export, where they still apply.
    void restoreSettings(bool hasSelection);
    // The check boxes remembered, each with its settings key.
    QList<std::pair<QCheckBox*, QString>> rememberedBoxes() const;

    PaintPreview m_paintPreview;
    QComboBox* m_format;
    QButtonGroup* m_scope;
    QComboBox* m_grouping;
    QLineEdit* m_title;
    QLineEdit* m_subtitle;
    QComboBox* m_pageSize;
    QCheckBox* m_pdfA;
    QCheckBox* m_compact;
    QCheckBox* m_description;
    QCheckBox* m_evidence;
    QCheckBox* m_contact;
    QCheckBox* m_tags;
    std::unique_ptr<QPrinter> m_printer; // what the preview pages are drawn on
    QPrintPreviewWidget* m_preview;
    QTimer* m_refresh;
};

} // namespace spotlight
