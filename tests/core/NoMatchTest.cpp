// Why a search found nothing: the terms to blame, named, and the query without each of them.
#include "TestSupport.h"
#include "search/NoMatchExplanation.h"
#include "search/QueryEdit.h"

using namespace spotlight;
using namespace spotlight::test;

namespace {

// A pretend catalogue in which `outcome` matches nothing beside SEND and mainstream, and `zzq`
// matches nothing at all.
qint64 pretendCount(const QString& query)
{
    if (query.contains(QStringLiteral("zzq"))) {
        return 0;
    }
    if (query.contains(QStringLiteral("outcome"))) {
        return query.contains(QStringLiteral("SEND")) || query.contains(QStringLiteral("mainstream")) ? 0 : 9;
    }
    return 4;
}

} // namespace

TEST_CASE("A query's terms come out one at a time, the rest as typed", "[search][nomatch]")
{
    CHECK(QueryEdit::withoutTerm(QStringLiteral("SEND mainstream outcome"), 2) == QStringLiteral("SEND mainstream"));
    CHECK(QueryEdit::withoutTerm(QStringLiteral("SEND  mainstream outcome"), 0) ==
          QStringLiteral("mainstream outcome"));
    CHECK(QueryEdit::withoutTerm(QStringLiteral("a AND b AND c"), 1) == QStringLiteral("a AND c"));
    CHECK(QueryEdit::withoutTerm(QStringLiteral("\"exact phrase\" (x OR y) -z"), 1) ==
          QStringLiteral("\"exact phrase\" -z"));
    CHECK(QueryEdit::withoutTerm(QStringLiteral("alone"), 0) == QString());
    CHECK(QueryEdit::withoutTerm(QStringLiteral("a b"), 5) == QStringLiteral("a b"));
}

TEST_CASE("An empty result names the one term that matches nothing with the others", "[search][nomatch]")
{
    const NoMatchExplanation why = NoMatchExplanation::of(QStringLiteral("SEND mainstream outcome"), pretendCount);
    CHECK(why.terms == QStringList{QStringLiteral("SEND"), QStringLiteral("mainstream"), QStringLiteral("outcome")});
    REQUIRE(why.culprits.size() == 1);
    CHECK(why.culprits.first().term == QStringLiteral("outcome"));
    CHECK(why.culprits.first().queryWithout == QStringLiteral("SEND mainstream"));
    CHECK(why.culprits.first().matchesWithout == 4);
    CHECK(why.culprits.first().matchesAlone);
    CHECK(why.message == QStringLiteral("No exhibits match all of: SEND, mainstream, outcome. 'outcome' matches "
                                        "nothing with the others; without it, 4 exhibits match."));
}

TEST_CASE("An empty result says which term matches nothing at all, and when no one term is to blame",
          "[search][nomatch]")
{
    const NoMatchExplanation typo = NoMatchExplanation::of(QStringLiteral("SEND zzq"), pretendCount);
    REQUIRE(typo.culprits.size() == 1);
    CHECK_FALSE(typo.culprits.first().matchesAlone);
    CHECK(typo.message.contains(QStringLiteral("'zzq' matches nothing at all; without it, 4 exhibits match.")));

    const NoMatchExplanation two = NoMatchExplanation::of(QStringLiteral("outcome zzq SEND"), pretendCount);
    CHECK(two.culprits.isEmpty());
    CHECK(two.message.endsWith(QStringLiteral("Leaving out any one of them still finds none.")));

    const NoMatchExplanation one = NoMatchExplanation::of(QStringLiteral("zzq"), pretendCount);
    CHECK(one.culprits.isEmpty());
    CHECK(one.message == QStringLiteral("No exhibits match 'zzq'."));

    CHECK(NoMatchExplanation::of(QString(), pretendCount).message ==
          QStringLiteral("There are no exhibits in this catalogue yet."));
    // A query that cannot run is explained by its error instead.
    CHECK(NoMatchExplanation::of(QStringLiteral("\"open"), pretendCount).isEmpty());
}

TEST_CASE("A catalogue explains an empty search with its own counts", "[search][nomatch]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    REQUIRE(catalogue->search(QStringLiteral("send mainstream hackney"), 10).total == 0);
    const NoMatchExplanation why = catalogue->explainNoMatches(QStringLiteral("send mainstream hackney"));
    REQUIRE(why.culprits.size() == 1);
    CHECK(why.culprits.first().term == QStringLiteral("hackney"));
    CHECK(why.culprits.first().matchesAlone);
    CHECK(why.culprits.first().matchesWithout == catalogue->search(QStringLiteral("send mainstream"), 10).total);
    CHECK(why.message.contains(QStringLiteral("'hackney' matches nothing with the others")));

    // Each of two filters finds exhibits without the other: both are offered.
    const NoMatchExplanation both = catalogue->explainNoMatches(QStringLiteral("borough:camden mainstream"));
    REQUIRE(both.culprits.size() == 2);
    CHECK(both.culprits.at(0).queryWithout == QStringLiteral("mainstream"));
    CHECK(both.culprits.at(1).queryWithout == QStringLiteral("borough:camden"));
    CHECK(both.message.contains(QStringLiteral("Each of 'borough:camden' and 'mainstream' matches nothing")));
}
