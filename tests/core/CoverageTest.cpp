#include "Error.h"
#include "TestSupport.h"
#include "io/Csv.h"
#include "publishing/CoverageReport.h"

using namespace spotlight;
using namespace spotlight::test;

namespace {

const Coverage::Row& rowOf(const Coverage& coverage, const QString& authority)
{
    const auto row = std::find_if(coverage.rows.begin(), coverage.rows.end(),
                                  [&authority](const Coverage::Row& r) { return r.authority == authority; });
    REQUIRE(row != coverage.rows.end());
    return *row;
}

} // namespace

TEST_CASE("Coverage counts what each authority leads, by category, and names those that sent nothing", "[coverage]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Coverage coverage = catalogue->coverage();
    CHECK(coverage.edition == QStringLiteral("Practice Spotlight 2025"));
    CHECK(coverage.rows.size() == 33);
    CHECK(coverage.categories.size() == 5);
    const qsizetype racialEquity = coverage.categories.indexOf(QStringLiteral("Racial equity"));
    REQUIRE(racialEquity >= 0);
    const Coverage::Row& hackney = rowOf(coverage, QStringLiteral("Hackney"));
    CHECK(hackney.led == 1);
    CHECK(hackney.byCategory.at(racialEquity) == 1);
    const Coverage::Row& barking = rowOf(coverage, QStringLiteral("Barking and Dagenham"));
    CHECK(barking.led == 2);
    CHECK(rowOf(coverage, QStringLiteral("Kensington and Chelsea")).partnered == 1);

    int led = 0;
    for (const Coverage::Row& row : coverage.rows) {
        led += row.led;
    }
    CHECK(led == catalogue->summary().exhibits); // every exhibit has one lead
    const QString silent = CoverageReport::silentInWords(coverage);
    CHECK(silent.startsWith(QStringLiteral("18 of 33 authorities lead no submission: Barnet, Bexley")));
    CHECK(silent.contains(QStringLiteral("Kensington and Chelsea (a partner in 1)")));

    // A withdrawn submission is not coverage.
    const QString hackneyRef =
        catalogue->refsIn(coverage.edition, QStringLiteral("Racial equity")).filter(QStringLiteral("hackney")).value(0);
    REQUIRE_FALSE(hackneyRef.isEmpty());
    REQUIRE(catalogue->curation().setStatus({hackneyRef}, CurationStatus::Withdrawn).isEmpty());
    CHECK(rowOf(catalogue->coverage(), QStringLiteral("Hackney")).led == 0);

    CHECK_THROWS_AS(catalogue->coverage(QStringLiteral("Practice Spotlight 1999")), Error);
}

TEST_CASE("The coverage report is a CSV with a column per category and a one-page PDF", "[coverage]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const Coverage coverage = catalogue->coverage(QStringLiteral("practice spotlight 2025"));
    const CsvDocument csv = Csv::parse(CoverageReport::csv(coverage));
    REQUIRE(csv.records.size() == 34);
    CHECK(csv.records.first().fields.first() == QStringLiteral("authority"));
    CHECK(csv.records.first().fields.mid(1, 5) == coverage.categories);
    CHECK(csv.records.first().fields.last() == QStringLiteral("partner in"));

    const QString pdf = scratch.path(QStringLiteral("coverage.pdf"));
    CoverageReport::writePdf(coverage, pdf);
    CHECK(pdfInfo(pdf, QStringLiteral("Pages")) == QStringLiteral("1"));
    const QString text = pdfPageText(pdf, 1);
    CHECK(text.contains(QStringLiteral("Coverage of Practice Spotlight 2025")));
    CHECK(text.contains(QStringLiteral("Westminster")));
    CHECK(Coverage::shade(0, 3) == 0.0);
    CHECK(Coverage::shade(3, 3) == Approx(1.0));
}
