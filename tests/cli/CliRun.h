#pragma once

#include "TestSupport.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace spotlight::test {

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

// Runs the built spotlight-cli to completion with its data folder inside `scratch`, so the default
// catalogue is a private one.
Run cli(const Scratch& scratch, const QStringList& arguments);
// The same with `--db database` in front.
Run cliOn(const Scratch& scratch, const QString& database, QStringList arguments);
// A catalogue made by `spotlight-cli init` (the seed exhibits unless `empty`); its path.
QString initialised(const Scratch& scratch, const QString& name = QStringLiteral("c.sqlite"), bool empty = false);
// The environment every spotlight-cli here runs in: its data folder inside `scratch`.
QProcessEnvironment cliEnvironment(const Scratch& scratch);
// A started spotlight-cli, for running several at once; wait for it with finished().
std::unique_ptr<QProcess> startCli(const Scratch& scratch, const QString& database, QStringList arguments);
Run finished(QProcess& process);

} // namespace spotlight::test
