// Shared use under load: this process holds a window's two connections (the catalogue and the
// search worker's) and writes and searches through them, while two spotlight-cli writers and a
// reader run hundreds of commands against the same file. Prints the figures the README promises.
#include "CliRun.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QThread>

#include <cstdio>

using namespace spotlight;
using namespace spotlight::test;

namespace {

constexpr int CommandsPerProcess = 200;
const QStringList Refs{QStringLiteral("waltham-forest-mockingbird"),
                       QStringLiteral("camden-safeguarding-performance-app"),
                       QStringLiteral("merton-autism-mainstream-classrooms")};

// A shell loop of `count` spotlight-cli commands, `command` with %1 the step; each failure's
// message goes to `errors`.
std::unique_ptr<QProcess> startLoop(const Scratch& scratch, const QString& database, const QString& command,
                                    const QString& errors)
{
    const QString script =
        QStringLiteral("for i in $(seq 1 %1); do \"$0\" --db \"$1\" %2 >/dev/null || echo \"step $i failed\" "
                       ">&2; done")
            .arg(CommandsPerProcess)
            .arg(command);
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(cliEnvironment(scratch));
    process->setStandardErrorFile(errors);
    process->start(QStringLiteral("bash"), {QStringLiteral("-c"), script, QStringLiteral(SPOTLIGHT_CLI), database});
    return process;
}

int linesContaining(const QByteArray& text, const char* word)
{
    int count = 0;
    for (const QByteArray& line : text.split('\n')) {
        count += line.contains(word) ? 1 : 0;
    }
    return count;
}

} // namespace

TEST_CASE("A window, two command-line writers and a reader share one catalogue without losing a write",
          "[cli][shared][soak]")
{
    Scratch scratch;
    const QString path = initialised(scratch, QStringLiteral("soak.sqlite"));
    auto window = Catalogue::open(path);
    auto searchWorker = Database::open(path, Database::OpenMode::MustExist);

    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QProcess>> others;
    others.push_back(startLoop(scratch, path, QStringLiteral("tag add %1 writer-one-$i").arg(Refs.at(0)),
                               scratch.path(QStringLiteral("one.err"))));
    others.push_back(startLoop(scratch, path, QStringLiteral("tag add %1 writer-two-$i").arg(Refs.at(1)),
                               scratch.path(QStringLiteral("two.err"))));
    others.push_back(
        startLoop(scratch, path, QStringLiteral("search tag:writer"), scratch.path(QStringLiteral("reader.err"))));

    // The window tags and searches until the others are done, at least as many times as each of them.
    int windowWrites = 0;
    int windowReads = 0;
    QStringList windowErrors;
    auto running = [&others] {
        return std::any_of(others.begin(), others.end(),
                           [](const auto& process) { return process->state() != QProcess::NotRunning; });
    };
    while (windowWrites < CommandsPerProcess || running()) {
        try {
            window->curation().addTags({Refs.at(2)}, {QStringLiteral("window-%1").arg(windowWrites + 1)});
            ++windowWrites;
            searchWorker->scalar(onServer() ? QStringLiteral("SELECT count(*) FROM exhibit_text WHERE search_vector @@ "
                                                             "spotlight_query('window:*')")
                                            : QStringLiteral("SELECT count(*) FROM exhibit_fts WHERE exhibit_fts "
                                                             "MATCH 'window*'"));
            window->search(QStringLiteral("tag:writer"), 50);
            windowReads += 2;
        } catch (const Error& error) {
            windowErrors << error.message();
            if (windowErrors.size() > 20) {
                break;
            }
        }
        // A window writes when a person acts, not in a tight loop that would starve the others.
        for (const auto& process : others) {
            process->waitForFinished(0);
        }
        QThread::msleep(20);
    }
    for (const auto& process : others) {
        REQUIRE((process->state() == QProcess::NotRunning || process->waitForFinished(300000)));
        CHECK(process->exitCode() == 0);
    }
    const qint64 elapsed = clock.elapsed();

    QByteArray cliErrors;
    for (const char* name : {"one.err", "two.err", "reader.err"}) {
        cliErrors += readFile(scratch.path(QLatin1String(name)));
    }
    const int locked = linesContaining(cliErrors, "locked") + int(windowErrors.filter(QStringLiteral("locked")).size());
    const int failedSteps = linesContaining(cliErrors, "failed");

    // Every tag each writer added is there.
    searchWorker.reset();
    window.reset();
    auto after = Catalogue::open(path);
    QSet<QString> tags;
    for (const Exhibit& exhibit : after->exhibits()) {
        for (const QString& tag : exhibit.tags) {
            tags.insert(tag);
        }
    }
    int lost = 0;
    for (int i = 1; i <= CommandsPerProcess; ++i) {
        lost += tags.contains(QStringLiteral("writer-one-%1").arg(i)) ? 0 : 1;
        lost += tags.contains(QStringLiteral("writer-two-%1").arg(i)) ? 0 : 1;
    }
    for (int i = 1; i <= windowWrites; ++i) {
        lost += tags.contains(QStringLiteral("window-%1").arg(i)) ? 0 : 1;
    }
    const QStringList problems = after->check();
    const int operations = 3 * CommandsPerProcess + windowWrites + windowReads;

    std::printf("soak: %d operations in %.1f s (cli: 2 writers x %d tag adds, 1 reader x %d searches; window: %d tag "
                "adds, %d searches on two connections)\n"
                "soak: \"database is locked\" errors shown: %d; other failures: %d; lost writes: %d; integrity and "
                "search-index checks: %s\n",
                operations, elapsed / 1000.0, CommandsPerProcess, CommandsPerProcess, windowWrites, windowReads, locked,
                failedSteps + int(windowErrors.size()) - locked, lost,
                problems.isEmpty() ? "clean" : qPrintable(problems.join(QStringLiteral("; "))));
    std::fflush(stdout);

    INFO(cliErrors.left(2000).toStdString());
    INFO(windowErrors.join(QStringLiteral("\n")).toStdString());
    CHECK(locked == 0);
    CHECK(failedSteps == 0);
    CHECK(windowErrors.isEmpty());
    CHECK(lost == 0);
    CHECK(problems == QStringList{});
}
