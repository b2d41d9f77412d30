#include "TestSupport.h"

using namespace spotlight;
using namespace spotlight::test;

namespace {

int usageOf(const Catalogue& catalogue, const QString& name)
{
    for (const Tag& tag : catalogue.tags()) {
        if (tag.name == name) {
            return tag.usage;
        }
    }
    return -1;
}

} // namespace

TEST_CASE("Tag names are normalised so one idea is one tag", "[tags]")
{
    CHECK(normaliseTagName(QStringLiteral("Care Leavers")) == QStringLiteral("care-leavers"));
    CHECK(normaliseTagName(QStringLiteral("care_leavers")) == QStringLiteral("care-leavers"));
    CHECK(normaliseTagName(QStringLiteral("  CARE--leavers ")) == QStringLiteral("care-leavers"));
    CHECK(normaliseTagName(QStringLiteral("SEND / Autism")) == QStringLiteral("send/autism"));
    CHECK(normaliseTagName(QStringLiteral("Café & Play")) == QStringLiteral("cafe-and-play"));
    CHECK(normaliseTagName(QStringLiteral("practice//anti-racist/")) == QStringLiteral("practice/anti-racist"));
    CHECK(normaliseTagName(QStringLiteral("!!!")).isEmpty());
}

TEST_CASE("Renaming a tag renames its children, and merging leaves no duplicates", "[tags]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().addTags({QStringLiteral("merton-autism-mainstream-classrooms")}, {QStringLiteral("SEND")});
    CHECK(catalogue->curation().renameTag(QStringLiteral("send"), QStringLiteral("special-needs")) == 3);
    const Exhibit merton = *catalogue->exhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    CHECK(merton.tags.contains(QStringLiteral("special-needs/autism")));
    CHECK(merton.tags.contains(QStringLiteral("special-needs")));
    CHECK(catalogue->search(QStringLiteral("tag:special-needs"), 50).total == 2);
    CHECK(catalogue->search(QStringLiteral("special"), 50).total == 2); // the search index followed

    // Merge two tags that share an exhibit: the exhibit keeps one row.
    catalogue->curation().addTags({QStringLiteral("greenwich-integrated-clinical-team")},
                                  {QStringLiteral("wellbeing")});
    CHECK(catalogue->curation().mergeTags({QStringLiteral("mental-health"), QStringLiteral("wellbeing")},
                                          QStringLiteral("mental-health-and-wellbeing")) == 2);
    const Exhibit greenwich = *catalogue->exhibit(QStringLiteral("greenwich-integrated-clinical-team"));
    CHECK(greenwich.tags.count(QStringLiteral("mental-health-and-wellbeing")) == 1);
    CHECK_FALSE(greenwich.tags.contains(QStringLiteral("wellbeing")));
    CHECK(usageOf(*catalogue, QStringLiteral("mental-health-and-wellbeing")) == 1);
    CHECK(usageOf(*catalogue, QStringLiteral("wellbeing")) == -1);
    CHECK(catalogue->check().isEmpty());

    // Renaming onto an existing tag merges the two.
    CHECK(catalogue->curation().renameTag(QStringLiteral("care-leavers"), QStringLiteral("independence")) == 1);
    CHECK(usageOf(*catalogue, QStringLiteral("independence")) == 2);
    CHECK_THROWS_WITH(catalogue->curation().renameTag(QStringLiteral("nope"), QStringLiteral("x")),
                      Catch::Contains("no tag"));
    CHECK_THROWS_WITH(catalogue->curation().renameTag(QStringLiteral("fostering"), QStringLiteral("fostering/sub")),
                      Catch::Contains("under itself"));
}

TEST_CASE("Tags can carry colours, and only valid ones", "[tags]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().setTagColour(QStringLiteral("fostering/mockingbird"), QStringLiteral("teal"));
    CHECK_THROWS_WITH(
        catalogue->curation().setTagColour(QStringLiteral("fostering/mockingbird"), QStringLiteral("not a colour")),
        Catch::Contains("not a colour"));
    const QList<Tag> tags = catalogue->tags();
    const auto mockingbird = std::find_if(
        tags.begin(), tags.end(), [](const Tag& tag) { return tag.name == QStringLiteral("fostering/mockingbird"); });
    REQUIRE(mockingbird != tags.end());
    CHECK(mockingbird->colour == QStringLiteral("#008080"));
}
