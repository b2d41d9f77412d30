// A team catalogue's faults, tried against the throwaway server: each gets a message naming the
// server and database, and nothing is written. Run only against the server ([server]).

#include "CliRun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

using namespace spotlight;
using namespace spotlight::test;

namespace {

// The server's address for `database`, as the administrator.
QString addressOf(const QString& database)
{
    REQUIRE(onServer());
    QUrl url(qEnvironmentVariable("SPOTLIGHT_TEST_POSTGRES"));
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

// The administrator's connection to `database`, open until it goes.
class Administrator
{
public:
    explicit Administrator(const QString& database)
    {
        const QUrl url(addressOf(database));
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        connection.setHostName(url.host());
        connection.setPort(url.port());
        connection.setUserName(url.userName());
        connection.setDatabaseName(database);
        REQUIRE(connection.open());
    }
    ~Administrator() { QSqlDatabase::removeDatabase(QStringLiteral("admin")); }
    Administrator(const Administrator&) = delete;
    Administrator& operator=(const Administrator&) = delete;

    // The first value `statement` returns, if any.
    QVariant run(const QString& statement) const
    {
        QSqlQuery query(QSqlDatabase::database(QStringLiteral("admin"), false));
        const bool done = query.exec(statement);
        INFO(statement.toStdString() << ": " << query.lastError().text().toStdString());
        REQUIRE(done);
        return query.next() ? query.value(0) : QVariant();
    }
};

// Runs SQL as the administrator in `database`.
void administer(const QString& database, const QStringList& statements)
{
    const Administrator administrator(database);
    for (const QString& statement : statements) {
        administrator.run(statement);
    }
}

// The test server's password file swapped for another while a test runs.
class PasswordFile
{
public:
    explicit PasswordFile(const QString& path)
        : m_saved(qgetenv("PGPASSFILE"))
    {
        qputenv("PGPASSFILE", QFile::encodeName(path));
    }
    ~PasswordFile() { qputenv("PGPASSFILE", m_saved); }

private:
    QByteArray m_saved;
};

// `count` new exhibits in the import's CSV form, no two alike: titles of made-up words, so that
// none looks like another's duplicate.
QByteArray newExhibits(int count)
{
    const QList<QByteArray> boroughs{"Camden",    "Hackney", "Islington", "Lambeth", "Southwark", "Lewisham",
                                     "Greenwich", "Merton",  "Sutton",    "Croydon", "Barnet",    "Enfield"};
    quint32 seed = 1;
    auto word = [&seed] {
        QByteArray letters;
        for (int i = 0; i < 7; ++i) {
            seed = seed * 1664525u + 1013904223u;
            letters += char('a' + (seed >> 24) % 26);
        }
        return letters;
    };
    QByteArray csv = "ref,title,lead_authority,summary\n";
    for (int row = 1; row <= count; ++row) {
        csv += "cut-off-" + QByteArray::number(row) + ',' + word() + ' ' + word() + ' ' + word() + ',' +
               boroughs.at(row % boroughs.size()) + ",A project imported only to have its connection cut\n";
    }
    return csv;
}

QString withUser(QString address, const QString& user)
{
    QUrl url(address);
    url.setUserName(user);
    return url.toString();
}

} // namespace

TEST_CASE("server init prepares a team catalogue once, and a viewer may read but not change it", "[server]")
{
    Scratch scratch;
    const QString address = catalogueLocation(scratch, QStringLiteral("roles"));
    const QString database = QUrl(address).path().mid(1);
    // Roles belong to the whole server: named after this run, so that a run again finds none.
    const QString reader = database + QStringLiteral("_reader");
    const QString alice = database + QStringLiteral("_alice");
    const Run first = cliOn(scratch, address, {QStringLiteral("server"), QStringLiteral("init")});
    REQUIRE(first.status == 0);
    CHECK(first.out.contains(QStringLiteral("Created the team catalogue")));
    CHECK(first.out.contains(QStringLiteral("%1_curators may change it, %1_viewers may only read").arg(database)));
    REQUIRE(cliOn(scratch, address,
                  {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("tower-hamlets-diamond-project"),
                   QStringLiteral("kept")})
                .status == 0);
    const Run again = cliOn(scratch, address, {QStringLiteral("server"), QStringLiteral("init")});
    CHECK(again.status == 0);
    CHECK(again.out.contains(QStringLiteral("up to date")));
    CHECK(cliOn(scratch, address, {QStringLiteral("search"), QStringLiteral("tag:kept")})
              .out.contains(QStringLiteral("tower-hamlets-diamond-project")));

    const QString password = QString::fromUtf8(
        readFile(qEnvironmentVariable("PGPASSFILE").section(QLatin1Char('/'), 0, -2) + QStringLiteral("/password"))
            .trimmed());
    administer(database, {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(reader, password),
                          QStringLiteral("GRANT %1_viewers TO %2").arg(database, reader)});
    const QString asViewer = withUser(address, reader);
    const Run read = cliOn(scratch, asViewer, {QStringLiteral("search"), QStringLiteral("mockingbird")});
    CHECK(read.status == 0);
    CHECK(read.out.contains(QStringLiteral("waltham-forest-mockingbird")));
    const Run write = cliOn(scratch, asViewer,
                            {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("waltham-forest-mockingbird"),
                             QStringLiteral("mine")});
    CHECK(write.status == 1);
    CHECK(write.err.contains(QStringLiteral("may read the team catalogue")));
    CHECK(write.err.contains(database + QStringLiteral("_curators")));
    CHECK_FALSE(cliOn(scratch, address, {QStringLiteral("search"), QStringLiteral("tag:mine")})
                    .out.contains(QStringLiteral("mockingbird")));

    // History names the role that made the change.
    administer(database, {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(alice, password),
                          QStringLiteral("GRANT %1_curators TO %2").arg(database, alice)});
    REQUIRE(cliOn(scratch, withUser(address, alice),
                  {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("waltham-forest-mockingbird"),
                   QStringLiteral("from-alice")})
                .status == 0);
    const Run history =
        cliOn(scratch, address, {QStringLiteral("history"), QStringLiteral("waltham-forest-mockingbird")});
    CHECK(history.out.contains(alice));
}

TEST_CASE("A team catalogue that cannot be reached, or is not one, says why and changes nothing", "[server]")
{
    // A database of its own for each section's run: one section leaves it at a newer format.
    Scratch scratch;
    const QString address = catalogueLocation(scratch, QStringLiteral("faults"));
    const QString database = QUrl(address).path().mid(1);
    REQUIRE(
        cliOn(scratch, address, {QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--empty")}).status ==
        0);
    const QStringList summary{QStringLiteral("summary")};

    SECTION("a password in the address is refused before connecting")
    {
        QUrl url(address);
        url.setPassword(QStringLiteral("secret"));
        const Run run = cliOn(scratch, url.toString(), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("holds a password")));
        CHECK_FALSE(run.err.contains(QStringLiteral("secret")));
    }
    SECTION("no password found")
    {
        const PasswordFile none(scratch.path(QStringLiteral("no-pgpass")));
        const Run run = cliOn(scratch, address, summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("asks for a password")));
        CHECK(run.err.contains(QStringLiteral("database %1 on 127.0.0.1").arg(database)));
    }
    SECTION("a wrong password")
    {
        const QString wrong = scratch.write(QStringLiteral("pgpass"), "*:*:*:*:not-the-password\n");
        QFile::setPermissions(wrong, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const PasswordFile file(wrong);
        const Run run = cliOn(scratch, address, summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("refused the password")));
    }
    SECTION("no server on the port")
    {
        QUrl url(address);
        url.setPort(1);
        const Run run = cliOn(scratch, url.toString(), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("No PostgreSQL server answers")));
    }
    SECTION("a host that does not exist")
    {
        QUrl url(address);
        url.setHost(QStringLiteral("no-such-host.invalid"));
        const Run run = cliOn(scratch, url.toString(), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("no-such-host.invalid")));
    }
    SECTION("TLS asked of a server without it")
    {
        const Run run = cliOn(scratch, address + QStringLiteral("?sslmode=require"), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("TLS")));
    }
    SECTION("a database that does not exist")
    {
        const Run run = cliOn(scratch, addressOf(database + QStringLiteral("_missing")), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("has no database %1_missing").arg(database)));
        CHECK(run.err.contains(QStringLiteral("server init")));
    }
    SECTION("a database of another program")
    {
        const QString foreign = database + QStringLiteral("_foreign");
        administer(QStringLiteral("postgres"), {QStringLiteral("CREATE DATABASE %1").arg(foreign)});
        administer(foreign, {QStringLiteral("CREATE TABLE invoices (id int)")});
        for (const QString& command : {QStringLiteral("summary"), QStringLiteral("server")}) {
            QStringList arguments{command};
            if (command == QLatin1String("server")) {
                arguments << QStringLiteral("init");
            }
            const Run run = cliOn(scratch, addressOf(foreign), arguments);
            CHECK(run.status == 1);
            CHECK(run.err.contains(QStringLiteral("belongs to another program")));
        }
    }
    SECTION("a catalogue from a newer Spotlight")
    {
        administer(database, {QStringLiteral("UPDATE spotlight_catalogue SET value = '99' WHERE key = 'format'")});
        const Run run = cliOn(scratch, address, summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("newer version of Spotlight")));
    }
    SECTION("an unknown option in the address")
    {
        const Run run = cliOn(scratch, address + QStringLiteral("?sslmod=require"), summary);
        CHECK(run.status == 1);
        CHECK(run.err.contains(QStringLiteral("\"sslmod\" is not a connection option")));
    }
}

TEST_CASE("An import is one transaction on a server too: a failed row writes nothing", "[server]")
{
    Scratch scratch;
    const QString address = catalogueLocation(scratch, QStringLiteral("c.sqlite"));
    initialised(scratch, QStringLiteral("c.sqlite"));
    const QString before = cliOn(scratch, address, {QStringLiteral("summary")}).out;
    const QString csv = scratch.write(QStringLiteral("rows.csv"), "ref,title,lead_authority\n"
                                                                  "new-one,A new project,Camden\n"
                                                                  "new-two,Another,Nowhereshire\n");
    const Run run = cliOn(scratch, address, {QStringLiteral("import"), csv});
    CHECK(run.status == 1);
    CHECK(cliOn(scratch, address, {QStringLiteral("summary")}).out == before);
}

TEST_CASE("A connection lost in the middle of an import writes nothing and says so, naming the server", "[server]")
{
    Scratch scratch;
    const QString address = initialised(scratch, QStringLiteral("cut-off"));
    const QString database = QUrl(address).path().mid(1);
    const QString before = cliOn(scratch, address, {QStringLiteral("summary")}).out;
    const qint64 exhibitsBefore = Catalogue::open(address)->summary().exhibits;
    // Writing this many exhibits keeps the server busy for seconds: time to cut the connection mid-way.
    const QString csv = scratch.write(QStringLiteral("many.csv"), newExhibits(3000));

    const Administrator administrator(database);
    QElapsedTimer clock;
    clock.start();
    const auto import = startCli(scratch, address, {QStringLiteral("import"), csv});
    // The import has begun writing once it holds the writers' advisory lock and its transaction an
    // id. (Only the curators' own connections, not an autovacuum worker tidying the new database.)
    const QString ours = QStringLiteral("datname = current_database() AND pid <> pg_backend_pid() AND backend_type = "
                                        "'client backend'");
    const QString writing = QStringLiteral("SELECT count(*) FROM pg_stat_activity a WHERE %1 AND backend_xid IS NOT "
                                           "NULL AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND "
                                           "l.locktype = 'advisory' AND l.granted)")
                                .arg(ours);
    bool began = false;
    while (!began && import->state() != QProcess::NotRunning && clock.elapsed() < 100000) {
        began = administrator.run(writing).toInt() > 0;
        if (!began) {
            import->waitForFinished(20);
        }
    }
    REQUIRE(began);
    const qint64 planned = clock.elapsed();
    QThread::msleep(300); // some hundreds of rows in, with thousands to go
    REQUIRE(import->state() == QProcess::Running);
    const int ended = administrator
                          .run(QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM "
                                              "pg_stat_activity WHERE %1")
                                   .arg(ours))
                          .toInt();
    const Run run = finished(*import);
    INFO("writing began after " << planned << " ms; the import ended after " << clock.elapsed() << " ms");
    INFO(run.err.toStdString());
    CHECK(ended == 1);
    CHECK(run.status == 1);
    CHECK(run.err.contains(QStringLiteral("database %1 on 127.0.0.1").arg(database)));
    CHECK(run.err.contains(QStringLiteral("lost")));
    // That one line alone: not after the server's own last word, nor among the driver's complaints
    // about each statement it could no longer free.
    CHECK(run.err.trimmed().startsWith(QStringLiteral("spotlight-cli: The connection to the team catalogue")));
    CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK_FALSE(run.out.contains(QStringLiteral("Imported")));

    CHECK(cliOn(scratch, address, {QStringLiteral("summary")}).out == before);
    CHECK(Catalogue::open(address)->summary().exhibits == exhibitsBefore);
    const Run check = cliOn(scratch, address, {QStringLiteral("check")});
    CHECK(check.status == 0);
    CHECK_FALSE(cliOn(scratch, address, {QStringLiteral("search"), QStringLiteral("imported only")})
                    .out.contains(QStringLiteral("cut-off-")));
}
