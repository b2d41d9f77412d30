#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace spotlight {

class Catalogue;

// The File menu's work on the open catalogue: a new catalogue, import, export (through the
// export dialog, on a worker thread), printing and backups. It reaches the window only through
// the few things it needs.
class FileActions : public QObject
{
    Q_OBJECT

public:
    struct Window
    {
        QWidget* widget;
        std::function<Catalogue*()> catalogue;
        std::function<QString()> shownQuery; // the search whose results are on screen
        std::function<QList<qint64>()> selectedIds;
        std::function<bool(const QString&)> open;   // opens another catalogue in the window
        std::function<void(const QString&)> report; // a passing message in the status bar
    };

    explicit FileActions(Window window);

    void newCatalogue();
    // The import wizard, on `path` when given.
    void importFile(const QString& path = {});
    void writeTemplate();
    void writeLetters();
    // The live event's floor list (stand, title, authorities, contact) of the search on screen.
    void exportFloorList();
    void exportExhibits();
    void print(bool preview);
    void backup();

private:
    // Warns when chosen exhibits have privacy findings no one has reviewed; true to go on.
    bool confirmPrivacyReviewed(const QList<Exhibit>& exhibits, const QString& what);

    Window m_window;
};

} // namespace spotlight
