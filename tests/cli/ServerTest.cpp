// A team catalogue's faults, tried against the throwaway server: each gets a message naming the
// server and database, and nothing is written. Run only against the server ([server]).

#include "CliRun.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

// Runs SQL as the administrator in `database`.
void administer(const QString& database, const QStringList& statements)
{
    const QUrl url(addressOf(database));
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        connection.setHostName(url.host());
        connection.setPort(url.port());
        connection.setUserName(url.userName());
        connection.setDatabaseName(database);
        REQUIRE(connection.open());
        for (const QString& statement : statements) {
            QSqlQuery query(connection);
            const bool done = query.exec(statement);
            INFO(statement.toStdString() << ": " << query.lastError().text().toStdString());
            REQUIRE(done);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
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
