// A sponsoring panel's cycle from the command line: reviewers, scores, results, the agreed review
// and the packs.
#include "CliRun.h"

#include <QDir>
#include <QFile>

using namespace spotlight;
using namespace spotlight::test;

namespace {

const QString Send = QStringLiteral("Impact for children with SEND");
const QString Merton = QStringLiteral("merton-autism-mainstream-classrooms");
const QString Enfield = QStringLiteral("enfield-communication-advisory-support-service");

Run panel(const Scratch& scratch, const QString& path, const QStringList& words)
{
    return cliOn(scratch, path, QStringList{QStringLiteral("panel")} + words);
}

} // namespace

TEST_CASE("A panel is made, scores, agrees its reviews and prints its pack from the command line", "[cli][panels]")
{
    Scratch scratch;
    const QString path = initialised(scratch);
    const QString add = QStringLiteral("add");
    const QString reviewer = QStringLiteral("reviewer");
    CHECK(panel(scratch, path,
                {reviewer, add, Send, QStringLiteral("Ada Okafor"), QStringLiteral("--authority"),
                 QStringLiteral("LB Hackney")})
              .out.contains(QStringLiteral("Ada Okafor (Hackney) sits on the panel")));
    CHECK(panel(scratch, path, {reviewer, add, Send, QStringLiteral("Ben Hale")}).status == 0);
    CHECK(panel(scratch, path,
                {reviewer, add, Send, QStringLiteral("Cara Merritt"), QStringLiteral("--authority"),
                 QStringLiteral("merton")})
              .status == 0);
    const Run unknown =
        panel(scratch, path,
              {reviewer, add, Send, QStringLiteral("Dee"), QStringLiteral("--authority"), QStringLiteral("Atlantis")});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.contains(QStringLiteral("not the name")));

    const Run list = panel(scratch, path, {QStringLiteral("list")});
    CHECK(list.out.contains(QStringLiteral("scored 1-4 on Impact; Evidence; Transferability")));
    CHECK(list.out.contains(QStringLiteral("Ada Okafor (Hackney), Ben Hale, Cara Merritt (Merton)")));

    const QString score = QStringLiteral("score");
    const Run ada = panel(scratch, path,
                          {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Ada Okafor"),
                           QStringLiteral("Impact=4:Attendance up a third"), QStringLiteral("Evidence=3"),
                           QStringLiteral("Transferability=4")});
    CHECK(ada.status == 0);
    CHECK(panel(scratch, path,
                {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Ben Hale"), QStringLiteral("Impact=4"),
                 QStringLiteral("Evidence=4"), QStringLiteral("Transferability=3")})
              .status == 0);
    const Run conflict = panel(
        scratch, path,
        {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Cara Merritt"), QStringLiteral("Impact=1")});
    CHECK(conflict.status == 1);
    CHECK(conflict.err.contains(QStringLiteral("conflict of interest")));
    const Run badScore =
        panel(scratch, path,
              {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Ben Hale"), QStringLiteral("Impact=high")});
    CHECK(badScore.status == 2);
    CHECK(panel(scratch, path,
                {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Ben Hale"), QStringLiteral("Impact=9")})
              .err.contains(QStringLiteral("scores run from 1 to 4")));

    const Run results = panel(scratch, path, {QStringLiteral("results"), Send});
    CHECK(results.status == 0);
    const QString mertonLine = results.out.split(QLatin1Char('\n')).filter(Merton).value(0);
    CHECK(mertonLine.contains(QStringLiteral("Exemplary practice")));
    CHECK(mertonLine.contains(QStringLiteral("conflict: Cara Merritt")));
    CHECK(results.out.split(QLatin1Char('\n')).filter(Enfield).value(0).contains(QStringLiteral("not scored")));

    // Enfield has no scores: said, and the exit status says not everything was agreed.
    const Run agreed =
        panel(scratch, path, {QStringLiteral("agree"), Send, QStringLiteral("--date"), QStringLiteral("2025-02-03")});
    CHECK(agreed.status == 1);
    CHECK(agreed.out.contains(QStringLiteral("Recorded the agreed review of 1 of 2 exhibit(s)")));
    CHECK(agreed.err.contains(Enfield));
    const Run shown = cliOn(scratch, path, {QStringLiteral("show"), Merton});
    CHECK(shown.out.contains(QStringLiteral("Exemplary practice")));
    CHECK(shown.out.contains(QStringLiteral("Attendance up a third")));

    const QString packs = scratch.path(QStringLiteral("packs"));
    const Run written = panel(scratch, path, {QStringLiteral("pack"), QStringLiteral("-o"), packs});
    CHECK(written.status == 0);
    CHECK(QFile::exists(QDir(packs).filePath(QStringLiteral("panel-pack-impact-for-children-with-send.pdf"))));
    CHECK(written.out.contains(QStringLiteral("Wrote 5 panel pack(s)")));
    const QString one = scratch.path(QStringLiteral("send.pdf"));
    CHECK(panel(scratch, path, {QStringLiteral("pack"), Send, QStringLiteral("-o"), one}).status == 0);
    CHECK(pdfPageText(one, 1).contains(QStringLiteral("Panel pack: Impact for children with SEND")));

    // Leaving the panel keeps the scores given; taking one back leaves the others.
    CHECK(panel(scratch, path, {reviewer, QStringLiteral("remove"), Send, QStringLiteral("Ben Hale")})
              .out.contains(QStringLiteral("scores they gave are kept")));
    CHECK(panel(scratch, path,
                {score, Merton, QStringLiteral("--reviewer"), QStringLiteral("Ada Okafor"), QStringLiteral("Impact=-")})
              .status == 0);
    const Run after = cliOn(scratch, path, {QStringLiteral("show"), Merton});
    CHECK(after.out.contains(QStringLiteral("Ben Hale, Impact: 4 of 4")));
    CHECK_FALSE(after.out.contains(QStringLiteral("Ada Okafor, Impact")));
    CHECK(after.out.contains(QStringLiteral("Ada Okafor, Evidence: 3 of 4")));
}
