#include "CliRun.h"

namespace spotlight::test {

QProcessEnvironment cliEnvironment(const Scratch& scratch)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), scratch.path(QStringLiteral("data-home")));
    // As under cron, su or CI: a login without a runtime directory must not change what a command prints.
    environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    return environment;
}

std::unique_ptr<QProcess> startCli(const Scratch& scratch, const QString& database, QStringList arguments)
{
    if (!database.isEmpty()) {
        arguments.prepend(database);
        arguments.prepend(QStringLiteral("--db"));
    }
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(cliEnvironment(scratch));
    process->start(QStringLiteral(SPOTLIGHT_CLI), arguments);
    return process;
}

Run finished(QProcess& process)
{
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const Scratch& scratch, const QStringList& arguments)
{
    return finished(*startCli(scratch, {}, arguments));
}

Run cliOn(const Scratch& scratch, const QString& database, QStringList arguments)
{
    return finished(*startCli(scratch, database, arguments));
}

QString initialised(const Scratch& scratch, const QString& name, bool empty)
{
    const QString path = catalogueLocation(scratch, name);
    QStringList arguments{QStringLiteral("init")};
    if (empty) {
        arguments << QStringLiteral("--empty");
    }
    const Run run = cliOn(scratch, path, arguments);
    REQUIRE(run.status == 0);
    return path;
}

} // namespace spotlight::test
