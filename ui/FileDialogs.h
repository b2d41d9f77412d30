#pragma once

#include <QString>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace spotlight {

// The window's file dialogs: Qt's static QFileDialog functions, with Qt's own dialog rather than the
// desktop's, judging files by their names alone. A dialog that reads files to tell their type (Qt's
// by default, and a GTK one running in this process) opens and closes the catalogue's own files as
// it lists their folder, and closing any descriptor of a file drops every POSIX lock this process
// holds on it: the locks by which SQLite tells another process (spotlight-cli, a second window)
// that the catalogue is still in use here. That process, taking itself for the last user, then
// deletes the write-ahead log under this window, with the changes in it.
namespace FileDialogs {

QString getOpenFileName(QWidget* parent, const QString& caption, const QString& directory = {},
                        const QString& filter = {});
QStringList getOpenFileNames(QWidget* parent, const QString& caption, const QString& directory = {},
                             const QString& filter = {});
QString getSaveFileName(QWidget* parent, const QString& caption, const QString& directory = {},
                        const QString& filter = {}, QString* selectedFilter = nullptr);
QString getExistingDirectory(QWidget* parent, const QString& caption, const QString& directory = {});
// Makes `dialog` one of these: for a dialog built by hand, and for the test that lists a folder.
void makeSafe(QFileDialog& dialog);

} // namespace FileDialogs
} // namespace spotlight
