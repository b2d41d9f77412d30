// Filters added to and taken from a query through its syntax tree, the rest left as typed.
#include "search/QueryEdit.h"

#include "TestSupport.h"
#include "domain/Authority.h"

using namespace spotlight;

namespace {

QString q(const char* text)
{
    return QString::fromUtf8(text);
}

struct Case
{
    const char* query;
    const char* filter;
    const char* expected;
};

} // namespace

TEST_CASE("Toggling a filter adds it when absent and removes it when AND-ed at the top level", "[search][edit]")
{
    const QList<Case> cases{
        {"", "tag:send", "tag:send"},
        {"   ", "tag:send", "tag:send"},
        {"autism", "tag:send", "autism tag:send"},
        {"autism tag:send", "tag:send", "autism"},
        {"tag:send", "tag:send", ""},
        {"tag:send autism", "tag:send", "autism"},
        {"a tag:send b", "tag:send", "a b"},
        {"autism TAG:Send", "tag:send", "autism"},
        {"tag:send x tag:send", "tag:send", "x"},
        {"tag:send tag:send", "tag:send", ""},
        // An explicit AND goes with the filter, so that none is left dangling.
        {"a AND tag:send", "tag:send", "a"},
        {"tag:send AND a", "tag:send", "a"},
        {"a AND tag:send AND b", "tag:send", "a AND b"},
        {"tag:send AND tag:x AND b", "tag:send", "tag:x AND b"},
        // The issue: a tag's child is a different filter, and is left exactly as it is.
        {"tag:send/autism", "tag:send", "tag:send/autism tag:send"},
        {"tag:send/autism tag:send", "tag:send", "tag:send/autism"},
        {"tag:sen", "tag:send", "tag:sen tag:send"},
        {"tag:send", "tag:sen", "tag:send tag:sen"},
        // Another field with the same value is another filter.
        {"category:send", "tag:send", "category:send tag:send"},
        // Only top-level terms are removed: not under a negation, not inside an OR group.
        {"-tag:send", "tag:send", "-tag:send tag:send"},
        {"NOT tag:send", "tag:send", "NOT tag:send tag:send"},
        {"(tag:send OR autism)", "tag:send", "(tag:send OR autism) tag:send"},
        {"-(a tag:send)", "tag:send", "-(a tag:send) tag:send"},
        // A top-level OR is put in parentheses, or the filter would join only its last branch.
        {"autism OR adhd", "tag:send", "(autism OR adhd) tag:send"},
        {"(autism OR adhd)", "tag:send", "(autism OR adhd) tag:send"},
        // Phrases, parentheses, negations and spacing are kept as typed.
        {"\"exact  phrase\"  (a OR b)  -c", "tag:send", "\"exact  phrase\"  (a OR b)  -c tag:send"},
        {"\"exact  phrase\"  tag:send  (a OR b)  -c", "tag:send", "\"exact  phrase\"  (a OR b)  -c"},
        {"(tag:send) autism", "tag:send", "autism"},
        {"(a tag:send)", "tag:send", "(a)"},
        {"(tag:send tag:send)", "tag:send", ""},
        // Quoted values match by value, and the quotes they were typed with stay on the others.
        {"borough:\"Kensington & Chelsea\" x", "borough:\"kensington & chelsea\"", "x"},
        {"borough:\"Kensington & Chelsea\" x", "borough:camden", "borough:\"Kensington & Chelsea\" x borough:camden"},
        // Levels compare as level and comparison: `level:2` is `level:=2`, not `level:>=2`.
        {"level:=2 a", "level:2", "a"},
        {"level:>=2 a", "level:2", "level:>=2 a level:2"},
    };
    for (const Case& c : cases) {
        INFO(c.query << " toggling " << c.filter);
        CHECK(QueryEdit::toggleFilter(q(c.query), q(c.filter)) == q(c.expected));
    }
}

TEST_CASE("Toggling twice gives the query back", "[search][edit]")
{
    for (const char* query : {"autism", "a AND b", "\"x y\" -z", "tag:send/autism", "(a OR b) c"}) {
        INFO(query);
        const QString added = QueryEdit::toggleFilter(q(query), QStringLiteral("tag:send"));
        CHECK(added != q(query));
        CHECK(QueryEdit::toggleFilter(added, QStringLiteral("tag:send")) == q(query));
    }
}

TEST_CASE("A query that cannot be parsed is not rewritten", "[search][edit]")
{
    // The filter is appended so that the search bar can still say what is wrong...
    CHECK(QueryEdit::toggleFilter(q("(autism"), q("tag:send")) == q("(autism tag:send"));
    CHECK(QueryEdit::toggleFilter(q("colour:red  "), q("tag:send")) == q("colour:red tag:send"));
    CHECK(QueryEdit::toggleChoice(q("a OR"), q("borough:camden")) == q("a OR borough:camden"));
    // ...and one already there as a term of its own is left in place, not cut out.
    CHECK(QueryEdit::toggleFilter(q("(tag:send  tag:send/autism"), q("tag:send")) == q("(tag:send  tag:send/autism"));
    CHECK(QueryEdit::toggleFilter(q("(tag:send/autism"), q("tag:send")) == q("(tag:send/autism tag:send"));
    CHECK(QueryEdit::removeFilter(q("tag:send OR"), q("tag:send")) == q("tag:send OR"));
}

TEST_CASE("A filter is written with its value quoted when the query language needs it", "[search][edit]")
{
    CHECK(QueryEdit::filterTerm(q("tag"), q("send/autism")) == q("tag:send/autism"));
    CHECK(QueryEdit::filterTerm(q("borough"), q("Camden")) == q("borough:Camden"));
    CHECK(QueryEdit::filterTerm(q("borough"), q("Barking & Dagenham")) == q("borough:\"Barking & Dagenham\""));
    CHECK(QueryEdit::filterTerm(q("borough"), q("K&C")) == q("borough:K&C"));
    CHECK(QueryEdit::filterTerm(q("category"), q("Early help (0-5)")) == q("category:\"Early help (0-5)\""));
    CHECK(QueryEdit::filterTerm(q("category"), q("say \"hi\"")) == q("category:\"say hi\""));
    CHECK(QueryEdit::filterTerm(q("level"), q(">=2")) == q("level:>=2"));

    // A quoted filter toggles on and off again.
    const QString term = QueryEdit::filterTerm(q("borough"), q("Barking & Dagenham"));
    const QString added = QueryEdit::toggleFilter(q("safeguarding"), term);
    CHECK(added == q("safeguarding borough:\"Barking & Dagenham\""));
    CHECK(QueryEdit::toggleFilter(added, term) == q("safeguarding"));
    CHECK_THROWS_AS(QueryEdit::toggleFilter(q("a"), q("send")), QueryError);
    CHECK_THROWS_AS(QueryEdit::toggleFilter(q("a"), q("tag:a tag:b")), QueryError);
}

TEST_CASE("Choices on one field build an OR group and take it apart again", "[search][edit]")
{
    const QList<Case> cases{
        {"", "borough:camden", "borough:camden"},
        {"safeguarding", "borough:camden", "safeguarding borough:camden"},
        {"borough:camden safeguarding", "borough:hackney", "(borough:camden OR borough:hackney) safeguarding"},
        {"(borough:camden OR borough:hackney) safeguarding", "borough:islington",
         "(borough:camden OR borough:hackney OR borough:islington) safeguarding"},
        // Un-choosing one takes just it out; a single one left becomes a plain term.
        {"(borough:camden OR borough:hackney OR borough:islington) safeguarding", "borough:hackney",
         "(borough:camden OR borough:islington) safeguarding"},
        {"(borough:camden OR borough:hackney OR borough:islington) safeguarding", "borough:camden",
         "(borough:hackney OR borough:islington) safeguarding"},
        {"(borough:camden OR borough:hackney) safeguarding", "borough:Camden", "borough:hackney safeguarding"},
        {"(borough:camden OR borough:hackney) safeguarding", "borough:hackney", "borough:camden safeguarding"},
        {"borough:camden safeguarding", "borough:camden", "safeguarding"},
        {"(borough:camden OR borough:hackney)", "borough:hackney", "borough:camden"},
        {"borough:camden", "borough:camden", ""},
        // An OR group typed without parentheses is extended and taken apart the same way.
        {"borough:camden OR borough:hackney", "borough:islington",
         "borough:camden OR borough:hackney OR borough:islington"},
        {"borough:camden OR borough:hackney", "borough:camden", "borough:hackney"},
        // Quoted names keep their quotes.
        {"borough:\"Barking & Dagenham\" x", "borough:camden", "(borough:\"Barking & Dagenham\" OR borough:camden) x"},
        {"(borough:\"Barking & Dagenham\" OR borough:camden) x", "borough:camden", "borough:\"Barking & Dagenham\" x"},
        // Other filters and groups are left alone; a mixed OR group is not a choice of boroughs.
        {"tag:send borough:camden", "borough:hackney", "tag:send (borough:camden OR borough:hackney)"},
        {"(borough:camden OR tag:send)", "borough:camden", "(borough:camden OR tag:send) borough:camden"},
        {"-borough:camden", "borough:camden", "-borough:camden borough:camden"},
        {"a OR b", "borough:camden", "(a OR b) borough:camden"},
    };
    for (const Case& c : cases) {
        INFO(c.query << " choosing " << c.filter);
        CHECK(QueryEdit::toggleChoice(q(c.query), q(c.filter)) == q(c.expected));
    }
}

TEST_CASE("A wider match recognises any name of the same borough", "[search][edit]")
{
    Authority camden;
    camden.gssCode = QStringLiteral("E09000007");
    camden.name = QStringLiteral("Camden");
    camden.shortName = QStringLiteral("Camden");
    camden.aliases = {QStringLiteral("London Borough of Camden")};
    const QueryEdit::Matches isCamden = [&camden](const QueryNode& filter) {
        return filter.field == QLatin1String("borough") && camden.isCalled(filter.text);
    };
    CHECK(QueryEdit::toggleChoice(q("borough:E09000007 x"), q("borough:Camden"), isCamden) == q("x"));
    CHECK(QueryEdit::toggleChoice(q("(borough:hackney OR borough:\"london borough of camden\")"), q("borough:Camden"),
                                  isCamden) == q("borough:hackney"));
    CHECK(QueryEdit::toggleChoice(q("borough:hackney"), q("borough:Camden"), isCamden) ==
          q("(borough:hackney OR borough:Camden)"));
    CHECK(QueryEdit::toggleFilter(q("x borough:camden"), q("borough:E09000007"), isCamden) == q("x"));
}

TEST_CASE("Removing a filter takes it from the top level and from a group of choices", "[search][edit]")
{
    CHECK(QueryEdit::removeFilter(q("a tag:send b"), q("tag:send")) == q("a b"));
    CHECK(QueryEdit::removeFilter(q("(borough:a OR borough:b) x"), q("borough:b")) == q("borough:a x"));
    CHECK(QueryEdit::removeFilter(q("(borough:a OR borough:b) x"), q("borough:c")) == q("(borough:a OR borough:b) x"));
    CHECK(QueryEdit::removeFilter(q("-tag:send x"), q("tag:send")) == q("-tag:send x"));
    CHECK(QueryEdit::removeFilter(q("(tag:send OR a) x"), q("tag:send")) == q("(tag:send OR a) x"));
    CHECK(QueryEdit::removeFilter(q("tag:send/autism"), q("tag:send")) == q("tag:send/autism"));
}

TEST_CASE("The chosen filters are those that apply to the whole query", "[search][edit]")
{
    const QString query = q("autism tag:send (borough:a OR borough:b) (x OR tag:y) -status:draft level:>=2");
    const auto chosen = QueryEdit::chosenFilters(QueryParser::parse(query));
    QStringList shown;
    for (const std::vector<QueryNode>& alternatives : chosen) {
        QStringList group;
        for (const QueryNode& filter : alternatives) {
            group << query.mid(filter.column - 1, filter.length);
        }
        shown << group.join(QStringLiteral(" | "));
    }
    CHECK(shown == QStringList{q("tag:send"), q("borough:a | borough:b"), q("level:>=2")});
    CHECK(QueryEdit::chosenFilters(QueryParser::parse(QString())).empty());
    CHECK(QueryEdit::chosenFilters(QueryParser::parse(q("borough:a OR borough:b"))).size() == 1);
}

TEST_CASE("Every node records the span of the query it was read from", "[search][parser]")
{
    const QString query = q(" a  (b OR \"c d\")  -(e f) tag:\"x y\" ");
    const QueryNode root = QueryParser::parse(query);
    auto text = [&query](const QueryNode& node) { return query.mid(node.spanColumn - 1, node.spanLength); };
    CHECK(text(root) == q("a  (b OR \"c d\")  -(e f) tag:\"x y\""));
    REQUIRE(root.children.size() == 4);
    CHECK(text(root.children.at(1)) == q("(b OR \"c d\")"));
    CHECK(root.children.at(1).grouped);
    CHECK(text(root.children.at(2)) == q("-(e f)"));
    CHECK(text(root.children.at(2).children.at(0)) == q("(e f)"));
    CHECK(text(root.children.at(3)) == q("tag:\"x y\""));
    CHECK_FALSE(root.children.at(3).grouped);
}
