// Runs the built spotlight-cli against temporary catalogues, as a person or a script would.
#include "CliRun.h"

#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace spotlight;
using namespace spotlight::test;

TEST_CASE("init creates the seed catalogue, and never overwrites", "[cli]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("c.sqlite"));
    const Run created = cliOn(scratch, path, {QStringLiteral("init")});
    CHECK(created.status == 0);
    CHECK(created.out.contains(QStringLiteral("33 authorities and 17 exhibits")));
    const Run again = cliOn(scratch, path, {QStringLiteral("init")});
    CHECK(again.status == 1);
    CHECK(again.err.contains(QStringLiteral("already exists")));
    const Run empty =
        cliOn(scratch, scratch.path(QStringLiteral("e.sqlite")), {QStringLiteral("init"), QStringLiteral("--empty")});
    CHECK(empty.out.contains(QStringLiteral("33 authorities and 0 exhibits")));
}

TEST_CASE("Without --db the default catalogue is created and seeded on first use", "[cli]")
{
    Scratch scratch;
    const Run run = cli(scratch, {QStringLiteral("search"), QStringLiteral("mockingbird")});
    CHECK(run.status == 0);
    CHECK(run.out.contains(QStringLiteral("waltham-forest-mockingbird")));
    CHECK(QFile::exists(scratch.path(QStringLiteral("data-home/LIIA/Spotlight/catalogue.sqlite"))));
}

TEST_CASE("A command that succeeds prints nothing on stderr, even without a runtime directory", "[cli]")
{
    Scratch scratch;
    const QString path = scratch.path(QStringLiteral("c.sqlite"));
    CHECK(cliOn(scratch, path, {QStringLiteral("init")}).err.isEmpty());
    const Run summary = cliOn(scratch, path, {QStringLiteral("summary")});
    CHECK(summary.status == 0);
    CHECK(summary.err.isEmpty());
}

TEST_CASE("search prints a table, JSON or CSV", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const Run table = cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("safegu")});
    CHECK(table.status == 0);
    CHECK(table.out.contains(QStringLiteral("camden-safeguarding-performance-app")));
    CHECK(table.out.contains(QStringLiteral("best match first")));

    const Run json = cliOn(
        scratch, path,
        {QStringLiteral("search"), QStringLiteral("borough:rbkc"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(json.status == 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(root.value(QStringLiteral("total")).toInt() == 1);
    const QJsonObject exhibit = root.value(QStringLiteral("exhibits")).toArray().first().toObject();
    for (const char* key : {"ref", "title", "summary", "authorities", "categories", "tags", "status", "edition",
                            "evidence_level", "contact"}) {
        INFO(key);
        CHECK(exhibit.contains(QLatin1String(key)));
    }
    CHECK(exhibit.value(QStringLiteral("authorities")).toArray().first().toString() == QStringLiteral("Westminster"));
    CHECK(exhibit.value(QStringLiteral("contact")).toObject().contains(QStringLiteral("email")));

    const Run csv = cliOn(
        scratch, path,
        {QStringLiteral("search"), QStringLiteral("--format=csv"), QStringLiteral("--limit"), QStringLiteral("3")});
    CHECK(csv.status == 0);
    CHECK(csv.out.startsWith(QStringLiteral("ref,title,lead_authority")));
    CHECK(csv.out.count(QStringLiteral("\r\n")) == 4); // the header and exactly three exhibits
}

TEST_CASE("search with no hits says on stderr which word to drop, and still succeeds", "[cli][nomatch]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const Run none = cliOn(
        scratch, path,
        {QStringLiteral("search"), QStringLiteral("send"), QStringLiteral("mainstream"), QStringLiteral("hackney")});
    CHECK(none.status == 0);
    CHECK(none.out.contains(QStringLiteral("No exhibits match.")));
    CHECK(none.err.contains(QStringLiteral("No exhibits match all of: send, mainstream, hackney. 'hackney' matches "
                                           "nothing with the others")));
    CHECK(none.err.contains(QStringLiteral("without 'hackney' (1): send mainstream")));

    // JSON on stdout stays clean for scripts; the explanation goes to stderr all the same.
    const Run json =
        cliOn(scratch, path,
              {QStringLiteral("search"), QStringLiteral("zzqx"), QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(json.status == 0);
    CHECK(json.out.startsWith(QLatin1Char('{')));
    CHECK(json.err.contains(QStringLiteral("No exhibits match 'zzqx'.")));
    CHECK_FALSE(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("safegu")})
                    .err.contains(QStringLiteral("No exhibits match")));
}

TEST_CASE("show prints one exhibit as text or JSON with its evidence", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const Run text = cliOn(
        scratch, path, {QStringLiteral("show"), QStringLiteral("bi-borough-anti-racist-practice-disproportionality")});
    CHECK(text.status == 0);
    CHECK(text.out.contains(QStringLiteral("Westminster (lead), Kensington and Chelsea")));
    const Run json = cliOn(scratch, path,
                           {QStringLiteral("show"), QStringLiteral("waltham-forest-mockingbird"),
                            QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(json.status == 0);
    CHECK(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("evidence")).isArray());
    const Run missing = cliOn(scratch, path, {QStringLiteral("show"), QStringLiteral("nope")});
    CHECK(missing.status == 1);
    CHECK(missing.err.contains(QStringLiteral("No exhibit has the ref \"nope\"")));
}

TEST_CASE("facets prints counts for a query", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const Run run = cliOn(scratch, path,
                          {QStringLiteral("facets"), QStringLiteral("category:racial"), QStringLiteral("--format"),
                           QStringLiteral("json")});
    REQUIRE(run.status == 0);
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(root.value(QStringLiteral("authorities")).toArray().size() == 4); // Hackney, Lewisham, Westminster, K&C
    CHECK(
        root.value(QStringLiteral("categories")).toArray().first().toObject().value(QStringLiteral("count")).toInt() ==
        3);
}

TEST_CASE("Usage errors exit with status 2 and failures with status 1", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QList<QStringList> usage{
        {},
        {QStringLiteral("frobnicate")},
        {QStringLiteral("--db")},
        {QStringLiteral("--db"), path, QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("many")},
        {QStringLiteral("--db"), path, QStringLiteral("search"), QStringLiteral("--format"), QStringLiteral("xml")},
        {QStringLiteral("--db"), path, QStringLiteral("show")},
        {QStringLiteral("--db"), path, QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("x.csv")},
        {QStringLiteral("--db"), path, QStringLiteral("tag"), QStringLiteral("explode")},
        {QStringLiteral("--db"), path, QStringLiteral("search"), QStringLiteral("--bogus")},
    };
    for (const QStringList& arguments : usage) {
        INFO(arguments.join(QLatin1Char(' ')).toStdString());
        const Run run = cli(scratch, arguments);
        CHECK(run.status == 2);
        CHECK(run.err.contains(QStringLiteral("--help")));
    }
    const Run broken = cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("level:9")});
    CHECK(broken.status == 1);
    CHECK(broken.err.contains(QStringLiteral("out of range (column 1)")));
    CHECK(cli(scratch, {QStringLiteral("--help")}).status == 0);
}

TEST_CASE("Missing, corrupt and read-only catalogues give clear messages", "[cli][errors]")
{
    Scratch scratch;
    const QString missing = scratch.path(QStringLiteral("missing.sqlite"));
    const Run notFound = cliOn(scratch, missing, {QStringLiteral("search")});
    CHECK(notFound.status == 1);
    CHECK(notFound.err.contains(QStringLiteral("not found: ") + missing));
    CHECK_FALSE(QFile::exists(missing));

    const QString corrupt = scratch.write(QStringLiteral("corrupt.sqlite"), QByteArray(5000, 'x'));
    const Run bad = cliOn(scratch, corrupt, {QStringLiteral("search")});
    CHECK(bad.status == 1);
    CHECK(bad.err.contains(corrupt + QStringLiteral(" is not a Spotlight catalogue")));

    // A catalogue damaged all through: `check` says so, rather than advising to run `check`.
    const QString damaged = initialised(scratch, QStringLiteral("damaged.sqlite"));
    {
        QFile file(damaged);
        REQUIRE(file.open(QIODevice::ReadWrite));
        for (qint64 offset = 4096; offset < file.size(); offset += 8192) {
            file.seek(offset);
            file.write(QByteArray(2000, '\x13'));
        }
    }
    const Run checked = cliOn(scratch, damaged, {QStringLiteral("check")});
    CHECK(checked.status == 1);
    CHECK(checked.err.contains(damaged + QStringLiteral(" is too damaged to be checked")));
    CHECK_FALSE(checked.err.contains(QStringLiteral("check` reports")));

    const QString readOnly = initialised(scratch, QStringLiteral("ro.sqlite"));
    QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    CHECK(cliOn(scratch, readOnly, {QStringLiteral("search"), QStringLiteral("mockingbird")}).status == 0);
    const Run refused = cliOn(scratch, readOnly,
                              {QStringLiteral("tag"), QStringLiteral("add"),
                               QStringLiteral("waltham-forest-mockingbird"), QStringLiteral("x")});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(readOnly + QStringLiteral(" is read-only")));
    QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("import validates first, prints FILE:LINE problems and writes nothing", "[cli][import]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString file = scratch.write(
        QStringLiteral("subs.csv"),
        "ref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,description,contact_name,"
        "contact_role,contact_email,evidence_level\n"
        ",Kinship care hub,Croydon,,Practice Spotlight 2026,Kinship,kinship-care,submitted,A hub.,,,,,1\n"
        ",Bad one,Nowhereshire,,,,,,,,,,,\n");
    const Run refused = cliOn(scratch, path, {QStringLiteral("import"), file});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(file + QStringLiteral(":3: lead_authority: unknown authority \"Nowhereshire\"")));
    CHECK(refused.err.contains(QStringLiteral("nothing was imported")));
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("kinship")})
              .out.contains(QStringLiteral("No exhibits match")));

    const QString good =
        scratch.write(QStringLiteral("good.csv"), "title,lead_authority,edition,categories,tags\nKinship care "
                                                  "hub,Croydon,Practice Spotlight 2026,Kinship,Kinship Care\n");
    // A new edition is made only when the curator says so.
    const Run unconfirmed = cliOn(scratch, path, {QStringLiteral("import"), good, QStringLiteral("--dry-run")});
    CHECK(unconfirmed.status == 1);
    CHECK(unconfirmed.err.contains(QStringLiteral("good.csv:2: edition: there is no edition \"Practice Spotlight "
                                                  "2026\"; did you mean \"Practice Spotlight 2025\"?")));
    const Run dryRun =
        cliOn(scratch, path,
              {QStringLiteral("import"), good, QStringLiteral("--dry-run"), QStringLiteral("--create-editions")});
    CHECK(dryRun.status == 0);
    CHECK(dryRun.out.contains(QStringLiteral("New edition: Practice Spotlight 2026")));
    CHECK(dryRun.out.contains(QStringLiteral("would add 1 exhibit(s)")));
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("kinship")})
              .out.contains(QStringLiteral("No exhibits match")));

    const Run imported = cliOn(scratch, path, {QStringLiteral("import"), good, QStringLiteral("--create-editions")});
    CHECK(imported.status == 0);
    const Run found = cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("tag:kinship-care")});
    CHECK(found.out.contains(QStringLiteral("kinship-care-hub")));
    CHECK(cliOn(scratch, path, {QStringLiteral("history"), QStringLiteral("kinship-care-hub")})
              .out.contains(QStringLiteral("import")));
}

TEST_CASE("import --dry-run shows how names were read and possible duplicates, and --skip leaves rows out",
          "[cli][import]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString file =
        scratch.write(QStringLiteral("subs.csv"), "ref,title,lead_authority,summary\n"
                                                  ",The Mockingbird programme,waltham forest,Hub homes.\n"
                                                  ",Kinship care hub,RBKC,A hub.\n"
                                                  ",Kinship Care Hubs,Kensington & Chelsea,The same again.\n"
                                                  ",Toolong,E09000020," +
                                                      QByteArray(700, 'x') + "\n");
    const Run dryRun = cliOn(scratch, path, {QStringLiteral("import"), file, QStringLiteral("--dry-run")});
    CHECK(dryRun.status == 1);
    CHECK(dryRun.out.contains(file + QStringLiteral(":2: add \"The Mockingbird programme\"")));
    CHECK(dryRun.out.contains(
        QStringLiteral("possible duplicate of \"waltham-forest-mockingbird\" in the catalogue, "
                       "\"Mockingbird Service\": a similar title (100%) for the same lead authority")));
    CHECK(dryRun.out.contains(QStringLiteral("read lead_authority: \"RBKC\" is Kensington and Chelsea")));
    CHECK(dryRun.out.contains(file + QStringLiteral(":4: add \"Kinship Care Hubs\"")));
    CHECK(dryRun.out.contains(QStringLiteral("possible duplicate of row 3, \"Kinship care hub\"")));
    CHECK(dryRun.err.contains(file + QStringLiteral(":5: summary: ")));
    CHECK(dryRun.err.contains(QStringLiteral("leave out the rows with --skip")));

    const Run imported =
        cliOn(scratch, path, {QStringLiteral("import"), file, QStringLiteral("--skip"), QStringLiteral("2,4,5")});
    CHECK(imported.status == 0);
    CHECK(imported.out.contains(QStringLiteral("1 exhibit(s) added, 0 updated, 3 skipped")));
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("kinship")})
              .out.contains(QStringLiteral("1-1 of 1")));
    CHECK(
        cliOn(scratch, path, {QStringLiteral("import"), file, QStringLiteral("--skip"), QStringLiteral("9")}).status ==
        2);
}

TEST_CASE("import takes a folder of borough files as one plan, and --skip names FILE:ROW", "[cli][import]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QByteArray header = "ref,title,lead_authority\n";
    const QString hackney = scratch.write(QStringLiteral("hackney.csv"), header + "hk-1,Family hubs,LB Hackney\n");
    const QString croydon =
        scratch.write(QStringLiteral("croydon.csv"), header + "cr-1,Kinship circles,Croydon\ncr-2,Typo,Croydn\n");
    const Run refused = cliOn(scratch, path, {QStringLiteral("import"), hackney, croydon});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(croydon + QStringLiteral(":3: lead_authority: unknown authority \"Croydn\"")));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("import"), hackney, croydon, QStringLiteral("--skip"), QStringLiteral("3")})
              .status == 2); // which file's row 3?
    const Run imported =
        cliOn(scratch, path,
              {QStringLiteral("import"), hackney, croydon, QStringLiteral("--skip"), QStringLiteral("croydon.csv:3")});
    CHECK(imported.status == 0);
    CHECK(imported.out.contains(QStringLiteral("Imported 2 files: 2 exhibit(s) added, 0 updated, 1 skipped.")));
}

TEST_CASE("report coverage prints, or writes a CSV or PDF, of an edition", "[cli][coverage]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const Run printed = cliOn(scratch, path, {QStringLiteral("report"), QStringLiteral("coverage")});
    CHECK(printed.status == 0);
    CHECK(printed.out.contains(QStringLiteral("Coverage of Practice Spotlight 2025")));
    CHECK(printed.out.contains(QStringLiteral("  1 = Racial equity")));
    CHECK(printed.out.contains(QStringLiteral("18 of 33 authorities lead no submission")));
    const QString csv = scratch.path(QStringLiteral("coverage.csv"));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("report"), QStringLiteral("coverage"), QStringLiteral("--edition"),
                 QStringLiteral("2025"), QStringLiteral("-o"), csv})
              .status == 1); // an edition is named by its name
    CHECK(cliOn(scratch, path, {QStringLiteral("report"), QStringLiteral("coverage"), QStringLiteral("-o"), csv})
              .status == 0);
    CHECK(readFile(csv).contains("authority,Racial equity,"));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("report"), QStringLiteral("coverage"), QStringLiteral("-o"),
                 scratch.path(QStringLiteral("coverage.txt"))})
              .status == 2);
    CHECK(cliOn(scratch, path, {QStringLiteral("report"), QStringLiteral("nonsense")}).status == 2);
}

TEST_CASE("search never cuts a ref short, since it is what a person types next", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString ref = QStringLiteral("hackney-family-group-conferencing-at-the-front-door-for-every-family");
    const QString file = scratch.write(QStringLiteral("long.csv"), "ref,title,lead_authority\n" + ref.toUtf8() +
                                                                       ",Conferencing at the door,Hackney\n");
    REQUIRE(cliOn(scratch, path, {QStringLiteral("import"), file}).status == 0);
    const Run found = cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("conferencing")});
    CHECK(found.out.contains(ref + QStringLiteral("  ")));
}

TEST_CASE("export then import round-trips through the command line", "[cli][import]")
{
    Scratch scratch;
    const QString source = initialised(scratch, QStringLiteral("source.sqlite"));
    const QString target = initialised(scratch, QStringLiteral("target.sqlite"), true);
    for (const char* format : {"csv", "json"}) {
        INFO(format);
        const QString first = scratch.path(QStringLiteral("first.") + QLatin1String(format));
        const QString second = scratch.path(QStringLiteral("second.") + QLatin1String(format));
        REQUIRE(cliOn(scratch, source,
                      {QStringLiteral("export"), QStringLiteral("--format"), QLatin1String(format),
                       QStringLiteral("-o"), first})
                    .status == 0);
        const QString into = scratch.path(QStringLiteral("into-") + QLatin1String(format) + QStringLiteral(".sqlite"));
        REQUIRE(cliOn(scratch, into, {QStringLiteral("init"), QStringLiteral("--empty")}).status == 0);
        REQUIRE(cliOn(scratch, into, {QStringLiteral("import"), first, QStringLiteral("--create-editions")}).status ==
                0);
        REQUIRE(cliOn(scratch, into,
                      {QStringLiteral("export"), QStringLiteral("--format"), QLatin1String(format),
                       QStringLiteral("-o"), second})
                    .status == 0);
        CHECK(readFile(first) == readFile(second));
    }
    const QString partial = scratch.path(QStringLiteral("racial.csv"));
    REQUIRE(cliOn(scratch, source,
                  {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                   QStringLiteral("--query"), QStringLiteral("category:racial"), QStringLiteral("-o"), partial})
                .status == 0);
    CHECK(readFile(partial).count("\r\n") == 4); // the header and three exhibits
    Q_UNUSED(target);
}

TEST_CASE("export writes a PDF booklet with the chosen options", "[cli][booklet]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString pdf = scratch.path(QStringLiteral("booklet.pdf"));
    const Run run = cliOn(scratch, path,
                          {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                           QStringLiteral("--group-by"), QStringLiteral("category"), QStringLiteral("--title"),
                           QStringLiteral("Spotlight on SEND"), QStringLiteral("--page-size"), QStringLiteral("letter"),
                           QStringLiteral("--query"), QStringLiteral("tag:send"), QStringLiteral("-o"), pdf});
    CHECK(run.status == 0);
    CHECK(run.out.contains(QStringLiteral("Wrote ") + pdf));
    QProcess pdfinfo;
    pdfinfo.start(QStringLiteral("pdfinfo"), {pdf});
    REQUIRE(pdfinfo.waitForFinished(30000));
    const QString info = QString::fromUtf8(pdfinfo.readAllStandardOutput());
    CHECK(info.contains(QStringLiteral("Spotlight on SEND")));
    CHECK(info.contains(QStringLiteral("612 x 792")));
    const Run bad = cliOn(scratch, path,
                          {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                           QStringLiteral("--group-by"), QStringLiteral("colour"), QStringLiteral("-o"), pdf});
    CHECK(bad.status == 2);
}

TEST_CASE("tag and saved commands change what search finds", "[cli][tags]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("--query"),
                 QStringLiteral("borough:\"barking & dagenham\""), QStringLiteral("East London")})
              .status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("tag:east-london")})
              .out.contains(QStringLiteral("1-2 of 2")));
    const Run list = cliOn(scratch, path, {QStringLiteral("tag"), QStringLiteral("list")});
    CHECK(list.out.contains(QStringLiteral("     2  east-london")));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("east-london"),
                 QStringLiteral("region/east")})
              .status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("tag"), QStringLiteral("merge"), QStringLiteral("fostering/mockingbird"),
                 QStringLiteral("placements"), QStringLiteral("care")})
              .status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("tag"), QStringLiteral("remove"), QStringLiteral("barking-dagenham-sunrise-hub"),
                 QStringLiteral("region/east")})
              .status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("tag:region")})
              .out.contains(QStringLiteral("1-1 of 1")));

    CHECK(cliOn(scratch, path,
                {QStringLiteral("saved"), QStringLiteral("add"), QStringLiteral("Racial equity"),
                 QStringLiteral("category:racial")})
              .status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("saved"), QStringLiteral("list")})
              .out.contains(QStringLiteral("category:racial")));
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("--saved"), QStringLiteral("racial equity")})
              .out.contains(QStringLiteral("1-3 of 3")));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("search"), QStringLiteral("--saved"), QStringLiteral("Racial equity"),
                 QStringLiteral("lewisham")})
              .out.contains(QStringLiteral("1-1 of 1")));
    CHECK(cliOn(scratch, path, {QStringLiteral("saved"), QStringLiteral("remove"), QStringLiteral("Racial equity")})
              .status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("search"), QStringLiteral("--saved"), QStringLiteral("Racial equity")})
              .status == 1);
}

TEST_CASE("template, check and backup", "[cli]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString templateFile = scratch.path(QStringLiteral("template.csv"));
    CHECK(cliOn(scratch, path, {QStringLiteral("template"), QStringLiteral("-o"), templateFile}).status == 0);
    const QByteArray csv = readFile(templateFile);
    CHECK(csv.startsWith(
        "\xEF\xBB\xBFref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,"
        "description,contact_name,contact_role,contact_email,evidence_level,contact_phone\r\n"
        "example-replace-this-row,EXAMPLE - Family Time Hub"));
    CHECK(csv.contains(",Practice Spotlight 2025,Racial equity,"));
    const QString guide = QString::fromUtf8(readFile(scratch.path(QStringLiteral("template.guide.txt"))));
    for (const char* column : {"ref ", "title ", "lead_authority ", "categories ", "evidence_level "}) {
        CHECK(guide.contains(QLatin1String("\n") + QLatin1String(column)));
    }
    CHECK(
        guide.contains(QStringLiteral("  - Impact for children with SEND (sponsored by London SEND Steering Group)")));
    // A borough that leaves the example in is told so; the example row itself is otherwise valid.
    const Run example = cliOn(scratch, path, {QStringLiteral("import"), templateFile});
    CHECK(example.status == 1);
    CHECK(example.err.contains(templateFile + QStringLiteral(":2: this is the template's example row")));
    const Run check = cliOn(scratch, path, {QStringLiteral("check")});
    CHECK(check.status == 0);
    CHECK(check.out.contains(QStringLiteral(": ok")));
    const QString copy = scratch.path(QStringLiteral("copy.sqlite"));
    CHECK(cliOn(scratch, path, {QStringLiteral("backup"), copy}).status == 0);
    CHECK(cliOn(scratch, copy, {QStringLiteral("search"), QStringLiteral("mockingbird")})
              .out.contains(QStringLiteral("1-1 of 1")));
    CHECK(cliOn(scratch, path, {QStringLiteral("backup"), copy}).status == 1); // never overwrites
}

TEST_CASE("status, review, stand and edition commands run the curator's workflow", "[cli][workflow]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString ref = QStringLiteral("redbridge-your-choice");
    const Run refused = cliOn(scratch, path, {QStringLiteral("status"), ref, QStringLiteral("draft")});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(QStringLiteral("cannot move from showcased to draft")));

    CHECK(cliOn(scratch, path, {QStringLiteral("status"), ref, QStringLiteral("archived")}).status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("status"), ref, QStringLiteral("recognised")})
              .err.contains(QStringLiteral("no panel review")));
    const Run reviewed = cliOn(scratch, path,
                               {QStringLiteral("review"), QStringLiteral("add"), ref, QStringLiteral("--panel"),
                                QStringLiteral("Made-up panel"), QStringLiteral("--date"), QStringLiteral("2025-02-03"),
                                QStringLiteral("--reviewers"), QStringLiteral("A. Reviewer"),
                                QStringLiteral("--feedback"), QStringLiteral("Clear and well evidenced."),
                                QStringLiteral("--recognition"), QStringLiteral("Commended")});
    CHECK(reviewed.status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("status"), ref, QStringLiteral("recognised")}).status == 0);
    const Run shown = cliOn(scratch, path, {QStringLiteral("show"), ref});
    CHECK(shown.out.contains(QStringLiteral("Made-up panel, 2025-02-03 (reviewed by A. Reviewer): Commended")));
    CHECK(
        cliOn(scratch, path,
              {QStringLiteral("review"), QStringLiteral("add"), ref, QStringLiteral("--date"), QStringLiteral("3 Feb")})
            .status == 2);
    const Run unknown =
        cliOn(scratch, path,
              {QStringLiteral("review"), QStringLiteral("add"), QStringLiteral("no-such-exhibit"),
               QStringLiteral("--panel"), QStringLiteral("P"), QStringLiteral("--date"), QStringLiteral("2025-02-03")});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.contains(QStringLiteral("No exhibit has the ref \"no-such-exhibit\"")));

    const Run assigned = cliOn(scratch, path, {QStringLiteral("stand"), QStringLiteral("assign")});
    CHECK(assigned.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 16); // every showcased exhibit
    const QString floor = scratch.path(QStringLiteral("floor.csv"));
    CHECK(cliOn(scratch, path, {QStringLiteral("stand"), QStringLiteral("list"), QStringLiteral("-o"), floor}).status ==
          0);
    CHECK(readFile(floor).startsWith("\xEF\xBB\xBFstand,title,lead_authority"));
    CHECK(readFile(floor).count("\r\n") == 17);

    const Run history = cliOn(scratch, path, {QStringLiteral("history"), ref});
    CHECK(history.out.contains(QStringLiteral("status status: \"archived\" -> \"recognised\"")));

    CHECK(cliOn(scratch, path,
                {QStringLiteral("edition"), QStringLiteral("add"), QStringLiteral("Practice Spotlight 2026"),
                 QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--signatory"),
                 QStringLiteral("A. Director")})
              .status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("category"), QStringLiteral("add"), QStringLiteral("Practice Spotlight 2026"),
                 QStringLiteral("Early help")})
              .status == 0);
    CHECK(cliOn(scratch, path, {QStringLiteral("edition"), QStringLiteral("list")})
              .out.contains(QStringLiteral("Practice Spotlight 2026\t2026\t\t(current)\n  Early help")));
}

TEST_CASE("edition and category remove and merge fold a stray edition into the right one", "[cli][editions]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    auto run = [&](const QStringList& arguments) { return cliOn(scratch, path, arguments); };
    const QString edition = QStringLiteral("edition");
    const QString category = QStringLiteral("category");
    const QString into = QStringLiteral("--into");
    const QString stray = QStringLiteral("2026");
    const QString target = QStringLiteral("Practice Spotlight 2026");
    REQUIRE(run({edition, QStringLiteral("add"), stray, QStringLiteral("--year"), QStringLiteral("2026")}).status == 0);
    REQUIRE(run({category, QStringLiteral("add"), stray, QStringLiteral("SEND")}).status == 0);
    REQUIRE(run({category, QStringLiteral("add"), stray, QStringLiteral("Youth justice")}).status == 0);
    const QString rows =
        scratch.write(QStringLiteral("stray.csv"),
                      "ref,title,lead_authority,partner_authorities,edition,categories,tags,status,summary,description,"
                      "contact_name,contact_role,contact_email,evidence_level\n"
                      "stray-one,Stray one,Hackney,,2026,SEND,,draft,Summary.,,,,,0\n"
                      "stray-two,Stray two,Camden,,2026,Youth justice,,draft,Summary.,,,,,0\n"
                      "stray-three,Stray three,Merton,,2026,SEND,,draft,Summary.,,,,,0\n");
    REQUIRE(run({QStringLiteral("import"), rows}).status == 0);
    REQUIRE(run({edition, QStringLiteral("add"), target, QStringLiteral("--year"), QStringLiteral("2026")}).status ==
            0);
    REQUIRE(run({category, QStringLiteral("add"), target, QStringLiteral("send")}).status == 0);

    const Run notEmpty = run({edition, QStringLiteral("remove"), stray});
    CHECK(notEmpty.status == 1);
    CHECK(notEmpty.err.contains(QStringLiteral("\"2026\" still has 3 exhibits; merge it into another edition")));
    const Run categoryNotEmpty = run({category, QStringLiteral("remove"), stray, QStringLiteral("youth justice")});
    CHECK(categoryNotEmpty.status == 1);
    CHECK(
        categoryNotEmpty.err.contains(QStringLiteral("1 exhibit is in \"Youth justice\" of 2026; merge the category")));

    const Run noTarget = run({category, QStringLiteral("merge"), stray, QStringLiteral("Youth justice"), into,
                              QStringLiteral("Early help")});
    CHECK(noTarget.status == 1);
    CHECK(noTarget.err.contains(QStringLiteral("has no category called \"Early help\"")));
    CHECK(run({category, QStringLiteral("merge"), stray, QStringLiteral("Youth justice")}).status == 2); // no --into
    const Run categoryMerged =
        run({category, QStringLiteral("merge"), stray, QStringLiteral("Youth justice"), into, QStringLiteral("send")});
    CHECK(categoryMerged.status == 0);
    CHECK(categoryMerged.out ==
          QStringLiteral("Moved 1 exhibit from \"Youth justice\" into \"SEND\" and removed \"Youth justice\".\n"));

    const Run itself = run({edition, QStringLiteral("merge"), stray, into, stray});
    CHECK(itself.status == 1);
    CHECK(itself.err.contains(QStringLiteral("cannot be merged into itself")));
    CHECK(run({edition, QStringLiteral("merge"), stray, into, QStringLiteral("2027")}).status == 1);
    CHECK(run({edition, QStringLiteral("merge"), stray}).status == 2);
    const Run merged = run({edition, QStringLiteral("merge"), stray, into, QStringLiteral("practice spotlight 2026")});
    CHECK(merged.status == 0);
    CHECK(merged.out == QStringLiteral("Moved 3 exhibits from \"2026\" into \"Practice Spotlight 2026\" and removed "
                                       "\"2026\".\n"));
    const QString listed = run({edition, QStringLiteral("list")}).out;
    CHECK(listed.contains(
        QStringLiteral("Practice Spotlight 2026\t2026\t\t(current)\n  send\t\nPractice Spotlight 2025")));
    CHECK_FALSE(listed.contains(QStringLiteral("\n2026\t")));
    CHECK(run({QStringLiteral("history"), QStringLiteral("stray-two")})
              .out.contains(QStringLiteral("merge-edition edition: \"2026\" -> \"Practice Spotlight 2026\"")));
    CHECK(run({QStringLiteral("search"), QStringLiteral("category:send"), QStringLiteral("--format"),
               QStringLiteral("csv")})
              .out.count(QStringLiteral("stray-")) == 3);

    REQUIRE(run({category, QStringLiteral("add"), target, QStringLiteral("Early help")}).status == 0);
    const Run categoryRemoved = run({category, QStringLiteral("remove"), target, QStringLiteral("early help")});
    CHECK(categoryRemoved.status == 0);
    CHECK(categoryRemoved.out == QStringLiteral("Removed the category \"Early help\".\n"));
    REQUIRE(
        run({edition, QStringLiteral("add"), QStringLiteral("2027"), QStringLiteral("--year"), QStringLiteral("2027")})
            .status == 0);
    const Run removed = run({edition, QStringLiteral("remove"), QStringLiteral("2027")});
    CHECK(removed.status == 0);
    CHECK(removed.out == QStringLiteral("Removed the edition \"2027\" and its categories.\n"));
    CHECK(run({edition, QStringLiteral("remove"), QStringLiteral("2027")}).status == 1);
    CHECK(run({QStringLiteral("check")}).status == 0);
}

TEST_CASE("check --privacy lists findings, and export refuses until they are reviewed", "[cli][privacy]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString update = scratch.write(
        QStringLiteral("update.csv"),
        "ref,title,lead_authority,summary,description\n"
        "redbridge-your-choice,Your Choice,Redbridge,A summary.,\"Jamie, aged 14, told us it helped.\"\n");
    REQUIRE(cliOn(scratch, path, {QStringLiteral("import"), update, QStringLiteral("--update")}).status == 0);

    const Run check = cliOn(scratch, path, {QStringLiteral("check"), QStringLiteral("--privacy")});
    CHECK(check.status == 1);
    // In reading order: the name, then the age.
    CHECK(check.out.contains(
        QStringLiteral("redbridge-your-choice#1  description  first name: Jamie, aged 14, told us it helped.")));
    CHECK(check.out.contains(
        QStringLiteral("redbridge-your-choice#2  description  age: Jamie, aged 14, told us it helped.")));
    CHECK(check.out.contains(QStringLiteral("2 finding(s), 2 not reviewed.")));

    const QString pdf = scratch.path(QStringLiteral("b.pdf"));
    const Run blocked =
        cliOn(scratch, path,
              {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf});
    CHECK(blocked.status == 1);
    CHECK(blocked.err.contains(QStringLiteral("2 privacy finding(s) in 1 exhibit(s) are not reviewed yet")));
    CHECK_FALSE(QFile::exists(pdf));
    CHECK(cliOn(scratch, path,
                {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf,
                 QStringLiteral("--allow-unreviewed")})
              .status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--query"),
                 QStringLiteral("mockingbird"), QStringLiteral("-o"), scratch.path(QStringLiteral("m.csv"))})
              .status == 0);

    for (const QString& id : {QStringLiteral("redbridge-your-choice#1"), QStringLiteral("redbridge-your-choice#2")}) {
        CHECK(cliOn(scratch, path,
                    {QStringLiteral("privacy"), QStringLiteral("mark"), id, QStringLiteral("--reason"),
                     QStringLiteral("Pseudonym agreed with the family")})
                  .status == 0);
    }
    CHECK(cliOn(scratch, path, {QStringLiteral("check"), QStringLiteral("--privacy")}).status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                 scratch.path(QStringLiteral("all.csv"))})
              .status == 0);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("privacy"), QStringLiteral("mark"), QStringLiteral("redbridge-your-choice#9"),
                 QStringLiteral("--reason"), QStringLiteral("x")})
              .err.contains(QStringLiteral("no finding")));

    // A decision taken back holds the export up again; a finding not marked cannot be unmarked.
    const Run unmarked =
        cliOn(scratch, path,
              {QStringLiteral("privacy"), QStringLiteral("unmark"), QStringLiteral("redbridge-your-choice#2")});
    CHECK(unmarked.status == 0);
    CHECK(unmarked.out.contains(QStringLiteral("no longer marked reviewed")));
    CHECK(cliOn(scratch, path, {QStringLiteral("check"), QStringLiteral("--privacy")}).status == 1);
    CHECK(cliOn(scratch, path,
                {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"),
                 scratch.path(QStringLiteral("again.csv"))})
              .status == 1);
    const Run twice =
        cliOn(scratch, path,
              {QStringLiteral("privacy"), QStringLiteral("unmark"), QStringLiteral("redbridge-your-choice#2")});
    CHECK(twice.status == 1);
    CHECK(twice.err.contains(QStringLiteral("not marked reviewed")));
}

TEST_CASE("letters writes one PDF per reviewed exhibit, named by ref", "[cli][letters]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString ref = QStringLiteral("lambeth-route-to-independence");
    REQUIRE(cliOn(scratch, path,
                  {QStringLiteral("review"), QStringLiteral("add"), ref, QStringLiteral("--panel"),
                   QStringLiteral("Made-up panel"), QStringLiteral("--date"), QStringLiteral("2025-02-03"),
                   QStringLiteral("--feedback"), QStringLiteral("A clear pathway."), QStringLiteral("--recognition"),
                   QStringLiteral("Commended")})
                .status == 0);
    const QString folder = scratch.path(QStringLiteral("letters"));
    const Run run = cliOn(scratch, path, {QStringLiteral("letters"), QStringLiteral("-o"), folder});
    CHECK(run.status == 0);
    CHECK(run.out.contains(QStringLiteral("Wrote 1 letter(s)")));
    CHECK(run.err.contains(QStringLiteral("No letter for \"waltham-forest-mockingbird\": no panel review")));
    const QString pdf = folder + QStringLiteral("/") + ref + QStringLiteral(".pdf");
    CHECK(pdfPageText(pdf, 1).contains(QStringLiteral("A clear pathway.")));

    const QString broken = scratch.write(QStringLiteral("t.html"), "<p>Dear {{teams}}</p>");
    const Run refused = cliOn(scratch, path,
                              {QStringLiteral("letters"), QStringLiteral("--template"), broken, QStringLiteral("-o"),
                               scratch.path(QStringLiteral("other"))});
    CHECK(refused.status == 1);
    CHECK(refused.err.contains(QStringLiteral("does not know: teams")));
    CHECK(cliOn(scratch, path, {QStringLiteral("letters")}).status == 2);
}

TEST_CASE("letters warns only of exhibits that get a letter, and writes one PDF with a letterhead", "[cli][letters]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    // An unreviewed finding in an exhibit without a review: it gets no letter, so it holds nothing up.
    const QString update = scratch.write(
        QStringLiteral("update.csv"),
        "ref,title,lead_authority,summary,description\n"
        "redbridge-your-choice,Your Choice,Redbridge,A summary.,\"Jamie, aged 14, told us it helped.\"\n");
    REQUIRE(cliOn(scratch, path, {QStringLiteral("import"), update, QStringLiteral("--update")}).status == 0);
    auto review = [&](const QString& ref) {
        REQUIRE(cliOn(scratch, path,
                      {QStringLiteral("review"), QStringLiteral("add"), ref, QStringLiteral("--panel"),
                       QStringLiteral("Made-up panel"), QStringLiteral("--date"), QStringLiteral("2025-02-03"),
                       QStringLiteral("--feedback"), QStringLiteral("Feedback for ") + ref})
                    .status == 0);
    };
    review(QStringLiteral("lambeth-route-to-independence"));
    review(QStringLiteral("sutton-universal-parenting-support"));

    QImage head(600, 120, QImage::Format_RGB32);
    head.fill(QColor(0x1b, 0x6f, 0x6a));
    REQUIRE(head.save(scratch.path(QStringLiteral("head.png"))));
    const QString withHead = scratch.write(
        QStringLiteral("headed.html"),
        "<meta name=\"letterhead\" content=\"head.png\"><p>Dear {{team}}, about {{project}}.</p>{{feedback}}");
    const QString pdf = scratch.path(QStringLiteral("all.pdf"));
    const Run combined = cliOn(scratch, path,
                               {QStringLiteral("letters"), QStringLiteral("--combined"), QStringLiteral("--template"),
                                withHead, QStringLiteral("-o"), pdf});
    CHECK(combined.status == 0);
    CHECK(combined.out.contains(QStringLiteral("Wrote 2 letter(s) into ")));
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")) == QStringLiteral("2"));
    const QString pages = pdfPageText(pdf, 1) + pdfPageText(pdf, 2);
    CHECK(pages.contains(QStringLiteral("Feedback for lambeth-route-to-independence")));
    CHECK(pages.contains(QStringLiteral("Feedback for sutton-universal-parenting-support")));
    CHECK(readFile(pdf).count("/Subtype /Image") >= 1); // the letterhead

    // A letterhead that is not there, or not an image, is an error, not a blank head.
    const QString missing = scratch.write(QStringLiteral("missing.html"),
                                          "<meta name=\"letterhead\" content=\"nowhere.png\"><p>{{project}}</p>");
    const Run noHead = cliOn(scratch, path,
                             {QStringLiteral("letters"), QStringLiteral("--template"), missing, QStringLiteral("-o"),
                              scratch.path(QStringLiteral("none"))});
    CHECK(noHead.status == 1);
    CHECK(noHead.err.contains(QStringLiteral("nowhere.png")));
    CHECK(noHead.err.contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFileInfo::exists(scratch.path(QStringLiteral("none"))));
    scratch.write(QStringLiteral("nowhere.png"), "not an image");
    const Run badHead = cliOn(scratch, path,
                              {QStringLiteral("letters"), QStringLiteral("--template"), missing, QStringLiteral("-o"),
                               scratch.path(QStringLiteral("none"))});
    CHECK(badHead.status == 1);
    CHECK(badHead.err.contains(QStringLiteral("cannot be read")));

    // Once an exhibit that gets a letter has an unreviewed finding, the warning names it alone.
    review(QStringLiteral("redbridge-your-choice"));
    const Run blocked =
        cliOn(scratch, path, {QStringLiteral("letters"), QStringLiteral("-o"), scratch.path(QStringLiteral("b"))});
    CHECK(blocked.status == 1);
    CHECK(blocked.err.contains(QStringLiteral("in 1 exhibit(s) are not reviewed yet (redbridge-your-choice)")));
}

TEST_CASE("When the privacy check cannot run, nothing is published", "[cli][privacy][file]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    {
        // A catalogue whose privacy decisions cannot be read: the gate cannot tell what is reviewed.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        REQUIRE(raw.open());
        REQUIRE(QSqlQuery(raw).exec(QStringLiteral("DROP TABLE privacy_review")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const QString target = scratch.path(QStringLiteral("out.csv"));
    const Run exported = cliOn(
        scratch, path,
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), target});
    CHECK(exported.status == 1);
    CHECK(exported.err.contains(QStringLiteral("privacy_review")));
    CHECK_FALSE(QFile::exists(target));
    const Run letters = cliOn(
        scratch, path, {QStringLiteral("letters"), QStringLiteral("-o"), scratch.path(QStringLiteral("letters"))});
    CHECK(letters.status == 1);
    CHECK_FALSE(QFile::exists(scratch.path(QStringLiteral("letters"))));
}

TEST_CASE("import adds last year's project as a resubmission, and show names both exhibits", "[cli][import]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString earlier = QStringLiteral("hackney-racial-equity-inclusion-service");
    REQUIRE(cliOn(scratch, path,
                  {QStringLiteral("edition"), QStringLiteral("add"), QStringLiteral("Practice Spotlight 2026"),
                   QStringLiteral("--year"), QStringLiteral("2026")})
                .status == 0);
    const QString file =
        scratch.write(QStringLiteral("hackney.csv"), "ref,title,lead_authority,edition\n" + earlier.toUtf8() +
                                                         ",Racial Equity Service 2026,Hackney,\n");

    const Run dryRun =
        cliOn(scratch, path, {QStringLiteral("import"), file, QStringLiteral("--update"), QStringLiteral("--dry-run")});
    CHECK(dryRun.status == 0);
    CHECK(dryRun.out.contains(QStringLiteral("add \"Racial Equity Service 2026\" (racial-equity-service-2026) as a "
                                             "resubmission of \"hackney-racial-equity-inclusion-service\"")));
    CHECK(dryRun.out.contains(QStringLiteral("was submitted before, in Practice Spotlight 2025")));
    CHECK(dryRun.out.contains(QStringLiteral("would add 1 exhibit(s), update 0 and skip 0")));

    const Run imported = cliOn(scratch, path, {QStringLiteral("import"), file, QStringLiteral("--update")});
    CHECK(imported.status == 0);
    const Run later = cliOn(scratch, path, {QStringLiteral("show"), QStringLiteral("racial-equity-service-2026")});
    CHECK(later.out.contains(QStringLiteral("Submitted before, in 2025: Racial Equity & Inclusion Service (") +
                             earlier + QLatin1Char(')')));
    const Run first = cliOn(scratch, path, {QStringLiteral("show"), earlier});
    CHECK(first.out.contains(
        QStringLiteral("Submitted again, in 2026: Racial Equity Service 2026 (racial-equity-service-2026)")));
    CHECK(first.out.contains(QStringLiteral("Edition:      Practice Spotlight 2025")));
    const Run json =
        cliOn(scratch, path, {QStringLiteral("show"), earlier, QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("resubmitted_by")).toArray() ==
          QJsonArray{QStringLiteral("racial-equity-service-2026")});

    CHECK(cliOn(scratch, path, {QStringLiteral("check")}).status == 0);
}
