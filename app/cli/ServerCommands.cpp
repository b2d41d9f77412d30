// Team catalogues: preparing one on a PostgreSQL server, and copying catalogues between a file and
// a server.

#include "Arguments.h"
#include "Commands.h"
#include "Context.h"
#include "Error.h"

namespace spotlight::cli {

int runServer(Context& context, const QStringList& words)
{
    const Arguments arguments(words, {}, {QStringLiteral("empty")});
    const QString usage = QStringLiteral("--db postgresql://user@host:port/database server init [--empty]");
    arguments.requireCount(1, 1, usage);
    if (arguments.positional().first() != QLatin1String("init")) {
        throw UsageError(
            QStringLiteral("unknown server command \"%1\"; use: %2").arg(arguments.positional().first(), usage));
    }
    const QString address = context.targetPath();
    const Catalogue::ServerSetUp setUp = Catalogue::setUpServer(address, arguments.has(QStringLiteral("empty")));
    const CatalogueSummary summary = setUp.catalogue->summary();
    Context::out(QStringLiteral("%1 %2: %3 authorities and %4 exhibits.")
                     .arg(setUp.created ? QStringLiteral("Created the team catalogue")
                                        : QStringLiteral("The team catalogue is up to date"),
                          address)
                     .arg(summary.authorities)
                     .arg(summary.exhibits));
    Context::out(QStringLiteral("Roles: %1 may change it, %2 may only read it. Give a person's login one of them:\n"
                                "  GRANT %1 TO alice;")
                     .arg(setUp.curatorsRole, setUp.viewersRole));
    return 0;
}

int runCopy(Context&, const QStringList& words)
{
    const Arguments arguments(words, {}, {});
    arguments.requireCount(2, 2, QStringLiteral("copy FROM TO   (each a catalogue file or a postgresql:// address)"));
    const QString from = arguments.positional().at(0);
    const QString to = arguments.positional().at(1);
    Catalogue::copy(from, to);
    const auto copy = Catalogue::open(to);
    Context::out(QStringLiteral("Copied %1 to %2: %3 exhibits.").arg(from, to).arg(copy->summary().exhibits));
    return 0;
}

} // namespace spotlight::cli
