#pragma once

#include <QString>

#include <memory>

class QWidget;

namespace spotlight {

class Catalogue;

// How the window starts: which catalogue it opens, and what it has to tell the person about that.
// `spotlight --db PATH` opens PATH, and offers to create a catalogue there when nothing is there
// yet; without --db the catalogue opened last time, else the default one.
namespace StartUp {

struct FirstCatalogue
{
    std::unique_ptr<Catalogue> catalogue; // null when the person chose not to create one
    QString fallback;                     // why the last catalogue did not open, when it did not
    QString created;                      // the path of a catalogue made just now at the person's word
    bool firstStart = false;              // no catalogue was ever opened: the default one is new to them
};

// Opens the catalogue at `location`, a file or a team catalogue. When the server wants a password
// libpq found nowhere, asks for it (again, when the server refuses it) and keeps it in memory for
// the process. Null when the person cancels the question; Error for everything else.
std::unique_ptr<Catalogue> openAskingForPassword(const QString& location, QWidget* parent = nullptr);

// Error when a catalogue is asked for and cannot be opened or created. The question about creating
// a missing one is asked with `parent` as its parent.
FirstCatalogue openFirstCatalogue(const QString& requested, QWidget* parent = nullptr);

} // namespace StartUp
} // namespace spotlight
