#include "TestSupport.h"
#include "search/Query.h"

#include <QHash>
#include <QRegularExpression>

using namespace spotlight;
using namespace spotlight::test;

namespace {

QStringList refs(const Catalogue& catalogue, const QString& query)
{
    return refsOf(catalogue.search(query, 100).exhibits);
}

// A compact picture of a syntax tree, for table-driven parser tests.
QString shape(const QueryNode& node)
{
    auto children = [&node] {
        QStringList parts;
        for (const QueryNode& child : node.children) {
            parts << shape(child);
        }
        return parts.join(QLatin1Char(' '));
    };
    switch (node.kind) {
    case QueryNode::Kind::All:
        return QStringLiteral("ALL");
    case QueryNode::Kind::And:
        return QStringLiteral("(AND %1)").arg(children());
    case QueryNode::Kind::Or:
        return QStringLiteral("(OR %1)").arg(children());
    case QueryNode::Kind::Not:
        return QStringLiteral("(NOT %1)").arg(children());
    case QueryNode::Kind::Word:
        return node.text;
    case QueryNode::Kind::Phrase:
        return QLatin1Char('"') + node.text + QLatin1Char('"');
    case QueryNode::Kind::Field:
        return QStringLiteral("%1:%2%3").arg(
            node.field, node.comparison == QLatin1String("=") ? QString() : node.comparison, node.text);
    }
    return {};
}

} // namespace

TEST_CASE("The seed catalogue gives the obvious first results", "[search]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK(refs(*catalogue, QStringLiteral("mockingbird")).value(0) == QStringLiteral("waltham-forest-mockingbird"));
    CHECK(refs(*catalogue, QStringLiteral("autism")).value(0) == QStringLiteral("merton-autism-mainstream-classrooms"));
    const QStringList safeguarding = refs(*catalogue, QStringLiteral("safegu"));
    CHECK(safeguarding.mid(0, 2).contains(QStringLiteral("haringey-stop-and-search-safeguarding")));
    CHECK(safeguarding.mid(0, 2).contains(QStringLiteral("camden-safeguarding-performance-app")));
    const QStringList antiRacist = refs(*catalogue, QStringLiteral("anti racist"));
    CHECK(antiRacist.mid(0, 2).contains(QStringLiteral("lewisham-anti-racist-practice-framework")));
    CHECK(antiRacist.mid(0, 2).contains(QStringLiteral("bi-borough-anti-racist-practice-disproportionality")));
    CHECK(refs(*catalogue, QStringLiteral("borough:rbkc")) ==
          QStringList{QStringLiteral("bi-borough-anti-racist-practice-disproportionality")});
}

TEST_CASE("Words match as prefixes, ignoring case and accents, and punctuation means what people mean", "[search]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit cafe;
    cafe.ref = QStringLiteral("cafe");
    cafe.title = QStringLiteral("The Café for Children's SEND/autism support, ver1.1");
    cafe.leadAuthority = QStringLiteral("Camden");
    catalogue->curation().addExhibit(cafe);
    for (const char* query : {"cafe", "CAFÉ", "caf", "children's", "SEND/autism", "ver1.1", "\"the cafe for\""}) {
        INFO(query);
        CHECK(refs(*catalogue, QString::fromUtf8(query)).contains(QStringLiteral("cafe")));
    }
    CHECK(refs(*catalogue, QStringLiteral("anti-racist")).size() == 2);
    CHECK(refs(*catalogue, QStringLiteral("\"cafe children\"")).isEmpty()); // a phrase is exact
}

TEST_CASE("Words find an exhibit's tags and authorities as well as its text, at once after a bulk edit",
          "[search][labels]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QString mockingbird = QStringLiteral("waltham-forest-mockingbird");
    const QStringList tagged{mockingbird, QStringLiteral("merton-autism-mainstream-classrooms"),
                             QStringLiteral("camden-safeguarding-performance-app")};
    CHECK(refs(*catalogue, QStringLiteral("zebrafish")).isEmpty());
    catalogue->curation().addTags(tagged, {QStringLiteral("zebrafish/pilots")});

    const ExhibitPage found = catalogue->search(QStringLiteral("zebra"), 50);
    CHECK(found.total == 3);
    CHECK(found.ranked);
    // One word in the text and one in the tags: both must hold, whichever index holds each.
    CHECK(refs(*catalogue, QStringLiteral("zebrafish mockingbird")) == QStringList{mockingbird});
    CHECK(refs(*catalogue, QStringLiteral("zebrafish -mockingbird")).size() == 2);
    CHECK(refs(*catalogue, QStringLiteral("zebrafish OR mockingbird")).size() == 3);
    CHECK(refs(*catalogue, QStringLiteral("\"zebrafish pilots\" borough:camden")) ==
          QStringList{QStringLiteral("camden-safeguarding-performance-app")});
    CHECK(catalogue->facets(QStringLiteral("zebrafish")).tags.size() >= 1);
    // A word in the title ranks above the same word in the tags.
    Exhibit titled;
    titled.ref = QStringLiteral("zebrafish-title");
    titled.title = QStringLiteral("Zebrafish Practice Week");
    titled.leadAuthority = QStringLiteral("Hackney");
    catalogue->curation().addExhibit(titled);
    CHECK(refs(*catalogue, QStringLiteral("zebrafish")).value(0) == titled.ref);

    // An authority's name finds its exhibits, whether or not their text names it.
    const QStringList camden = refs(*catalogue, QStringLiteral("borough:camden"));
    for (const QString& ref : camden) {
        CHECK(refs(*catalogue, QStringLiteral("camden")).contains(ref));
    }

    catalogue->curation().removeTags(tagged, {QStringLiteral("zebrafish/pilots")});
    CHECK(refs(*catalogue, QStringLiteral("zebrafish")) == QStringList{titled.ref});
    catalogue->undoStack()->undo();
    CHECK(catalogue->search(QStringLiteral("zebrafish"), 50).total == 4);
    CHECK(catalogue->check() == QStringList{});
}

TEST_CASE("OR, negation, groups and fields combine", "[search]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK(catalogue->search(QStringLiteral("mockingbird OR autism"), 50).total == 2);
    CHECK(catalogue->search(QStringLiteral("safeguarding -camden"), 50).total ==
          catalogue->search(QStringLiteral("safeguarding"), 50).total - 1);
    CHECK(catalogue->search(QStringLiteral("-borough:\"barking & dagenham\""), 50).total == 15);
    CHECK(catalogue->search(QStringLiteral("(borough:hackney OR borough:lewisham) framework"), 50).total == 1);
    CHECK(catalogue->search(QStringLiteral("tag:send"), 50).total == 2); // send/autism and send/communication
    CHECK(catalogue->search(QStringLiteral("TAG:Send/Autism"), 50).total == 1);
    CHECK(catalogue->search(QStringLiteral("category:send"), 50).total == 2);
    CHECK(catalogue->search(QStringLiteral("category:\"racial equity\" status:showcased"), 50).total == 3);
    CHECK(catalogue->search(QStringLiteral("edition:2025 level:0"), 50).total == 17);
    CHECK(catalogue->search(QStringLiteral("level:>=1"), 50).total == 0);
    CHECK(catalogue->search(QStringLiteral("has:evidence"), 50).total == 0);
    CHECK(catalogue->search(QStringLiteral("-has:contact"), 50).total == 17);
    CHECK(catalogue->search(QStringLiteral("borough:E09000031"), 50).total == 1);
    // A phone number alone is a contact, and contact: finds it.
    Exhibit phoned = catalogue->requireExhibit(QStringLiteral("waltham-forest-mockingbird"));
    phoned.contact.phone = QStringLiteral("020 8496 0000");
    catalogue->curation().updateExhibit(phoned);
    CHECK(catalogue->refs(QStringLiteral("has:contact")) == QStringList{phoned.ref});
    CHECK(catalogue->refs(QStringLiteral("contact:8496")) == QStringList{phoned.ref});
}

TEST_CASE("A negated field is the exact complement, exhibits without an edition included", "[search][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    Exhibit unplaced;
    unplaced.ref = QStringLiteral("no-edition-yet");
    unplaced.title = QStringLiteral("Not yet in an edition");
    unplaced.leadAuthority = QStringLiteral("Hackney");
    catalogue->curation().addExhibit(unplaced);
    REQUIRE(catalogue->requireExhibit(unplaced.ref).edition.isEmpty());
    const qint64 all = catalogue->search(QString(), 50).total;
    for (const char* field : {"edition:2025", "borough:hackney", "tag:send", "status:showcased", "level:>=1",
                              "category:racial", "has:contact", "contact:a", "kind:case-study"}) {
        INFO(field);
        const QString query = QString::fromUtf8(field);
        CHECK(catalogue->search(query, 50).total + catalogue->search(QLatin1Char('-') + query, 50).total == all);
        CHECK(catalogue->search(QStringLiteral("NOT ") + query, 50).total ==
              catalogue->search(QLatin1Char('-') + query, 50).total);
    }
    CHECK(refsOf(catalogue->search(QStringLiteral("-edition:2025"), 50).exhibits).contains(unplaced.ref));
}

TEST_CASE("Without words, results sort by title ignoring case, and pages carry the total", "[search]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const ExhibitPage first = catalogue->search(QString(), 5, 0);
    CHECK(first.total == 17);
    CHECK(first.exhibits.size() == 5);
    CHECK_FALSE(first.ranked);
    CHECK(first.exhibits.first().title == QStringLiteral("Anti-Racist Practice and Focus on Disproportionality"));
    const ExhibitPage last = catalogue->search(QString(), 5, 15);
    CHECK(last.exhibits.size() == 2);
    CHECK(last.exhibits.last().title == QStringLiteral("Your Choice"));
}

TEST_CASE("The parser builds the tree people mean", "[search][parser]")
{
    const QList<std::pair<const char*, const char*>> cases{
        {"", "ALL"},
        {"   ", "ALL"},
        {"send", "send"},
        {"send autism", "(AND send autism)"},
        {"send OR autism", "(OR send autism)"},
        {"send or autism", "(AND send or autism)"},
        {"a b OR c", "(OR (AND a b) c)"},
        {"-camden", "(NOT camden)"},
        {"NOT camden", "(NOT camden)"},
        {"a AND b", "(AND a b)"},
        {"\"exact phrase\"", "\"exact phrase\""},
        {"-\"exact phrase\"", "(NOT \"exact phrase\")"},
        {"(a OR b) c", "(AND (OR a b) c)"},
        {"-(a OR b)", "(NOT (OR a b))"},
        {"anti-racist", "anti-racist"},
        {"a - b", "(AND a - b)"},
        {"BOROUGH:rbkc", "borough:rbkc"},
        {"borough:\"Kensington & Chelsea\"", "borough:Kensington & Chelsea"},
        {"level:3", "level:3"},
        {"level:>=2", "level:>=2"},
        {"level:<4", "level:<4"},
        {"has:evidence tag:send/autism", "(AND has:evidence tag:send/autism)"},
    };
    for (const auto& [query, expected] : cases) {
        INFO(query);
        CHECK(shape(QueryParser::parse(QString::fromUtf8(query))) == QString::fromUtf8(expected));
    }
}

TEST_CASE("A broken query says what is wrong and where", "[search][parser]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    struct Case
    {
        const char* query;
        int column;
        const char* message;
    };
    const QList<Case> cases{
        {"mockingbird \"unclosed", 13, "never closed"},
        {"send OR", 6, "\"OR\" needs something to search for on its right"},
        {"OR send", 1, "on its left"},
        {"(send", 1, "never closed"},
        {"send)", 5, "no matching"},
        {"()", 1, "hold nothing"},
        {"bourgh:hackney", 1, "did you mean \"borough:\""},
        {"colour:red", 1, "Unknown field"},
        {"level:7", 1, "out of range"},
        {"level:>=x", 1, "out of range"},
        {"status:pending", 1, "Unknown status"},
        {"kind:case-studdy", 1, "did you mean \"case-study\""},
        {"has:money", 1, "\"has:\" takes"},
        {"tag:", 1, "needs a value"},
        {"a borough:Hackny", 3, "did you mean \"Hackney\""},
        {"***", 1, "nothing to search for"},
        {"-", 1, "nothing to search for"},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        try {
            catalogue->search(QString::fromUtf8(c.query), 10);
            FAIL("the query was accepted");
        } catch (const QueryError& error) {
            CHECK(error.column() == c.column);
            CHECK_THAT(error.message().toStdString(), Catch::Contains(c.message));
            CHECK_THAT(error.message().toStdString(), Catch::Contains("column"));
        }
    }
}

TEST_CASE("Deeply nested queries run up to the limit and are refused clearly beyond it", "[search][reliability]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    // The shapes that reached SQLite's and FTS5's parser stacks ("parser stack overflow").
    const auto nestedOr = [](const QString& head, int depth) {
        return QString(head + QStringLiteral(" OR (")).repeated(depth) + QStringLiteral("b") +
               QString(depth, QLatin1Char(')'));
    };
    const auto negations = [](int depth) {
        return QStringLiteral("x ") + QString(depth, QLatin1Char('-')) + QStringLiteral("a");
    };
    for (const QString& query : {nestedOr(QStringLiteral("a"), 10), nestedOr(QStringLiteral("tag:a"), 10),
                                 negations(10), QStringLiteral("-(-(-(-(-(mock)))))")}) {
        INFO(query.toStdString());
        CHECK_NOTHROW(catalogue->search(query, 10));
        CHECK_NOTHROW(catalogue->facets(query));
    }
    for (const QString& query : {nestedOr(QStringLiteral("a"), 33), nestedOr(QStringLiteral("tag:a"), 30),
                                 negations(50), QString(5000, QLatin1Char('(')) + QStringLiteral("a")}) {
        INFO(query.left(60).toStdString());
        try {
            catalogue->search(query, 10);
            FAIL("the query was accepted");
        } catch (const QueryError& error) {
            CHECK_THAT(error.message().toStdString(), Catch::Contains("deep") || Catch::Contains("characters long"));
        }
    }
}

TEST_CASE("Hostile queries give a clear result or a clear error, and do no harm", "[search][security]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QStringList hostile{
        QStringLiteral("\"\""),
        QStringLiteral("\""),
        QStringLiteral("\\"),
        QStringLiteral("a\\\"b"),
        QStringLiteral("*"),
        QStringLiteral("safe*"),
        QStringLiteral("^mock"),
        QStringLiteral("NEAR(mock bird)"),
        QStringLiteral("NEAR(mock"),
        QStringLiteral(":"),
        QStringLiteral("title:mock"),
        QStringLiteral("mock:"),
        QStringLiteral("'; DROP TABLE exhibit; --"),
        QStringLiteral("\" OR 1=1 --"),
        QStringLiteral("borough:\"'; DROP TABLE authority; --\""),
        QStringLiteral("tag:\"%\" category:_ contact:%"),
        QString(10000, QLatin1Char('a')),
        QStringLiteral("mock") + QChar(0) + QStringLiteral("bird"),
        QStringLiteral("رعاية الأطفال"),
        QStringLiteral("🙂 mockingbird 🙂"),
        QStringLiteral("\u202Emockingbird"),
        QStringLiteral("((((((((((mock))))))))))"),
    };
    for (const QString& query : hostile) {
        INFO(query.left(40).toStdString());
        try {
            const ExhibitPage page = catalogue->search(query, 10);
            CHECK(page.total == page.exhibits.size()); // fewer than 10 match anything here
        } catch (const QueryError& error) {
            CHECK_FALSE(error.message().isEmpty());
        }
    }
    CHECK(catalogue->summary().exhibits == 17);
    CHECK(catalogue->authorities().size() == 33);
    CHECK(catalogue->check().isEmpty());
    CHECK(refs(*catalogue, QStringLiteral("🙂 mockingbird 🙂")) ==
          QStringList{QStringLiteral("waltham-forest-mockingbird")});
    CHECK(refs(*catalogue, QStringLiteral("\"'; DROP TABLE exhibit; --\"")).isEmpty());
}

TEST_CASE("Facet counts agree with a brute-force count over the same exhibits", "[search][facets]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().addTags({QStringLiteral("merton-autism-mainstream-classrooms")}, {QStringLiteral("send")});
    for (const QString& query :
         {QString(), QStringLiteral("safeguarding"), QStringLiteral("tag:send"), QStringLiteral("-borough:camden")}) {
        INFO(query.toStdString());
        const QList<Exhibit> matching = catalogue->exhibits(query);

        QHash<QString, qint64> authorities;
        QHash<QString, qint64> categories;
        QHash<QString, qint64> tags;
        QHash<QString, qint64> statuses;
        for (const Exhibit& exhibit : matching) {
            for (const QString& authority : exhibit.authorities()) {
                ++authorities[authority];
            }
            for (const QString& category : exhibit.categories) {
                ++categories[category];
            }
            QSet<QString> withAncestors;
            for (const QString& tag : exhibit.tags) {
                const QStringList levels = tag.split(QLatin1Char('/'));
                for (qsizetype depth = 1; depth <= levels.size(); ++depth) {
                    withAncestors.insert(levels.mid(0, depth).join(QLatin1Char('/')));
                }
            }
            for (const QString& tag : withAncestors) {
                ++tags[tag];
            }
            ++statuses[statusKey(exhibit.status)];
        }
        auto asHash = [](const QList<FacetValue>& values, bool byLabel) {
            QHash<QString, qint64> hash;
            for (const FacetValue& value : values) {
                hash.insert(byLabel ? value.label : value.key, value.count);
            }
            return hash;
        };
        // Asked with the query, and of the matches a search already found (as the window asks).
        for (const Facets& facets : {catalogue->facets(query), catalogue->facetsOf(catalogue->matchingIds(query))}) {
            CHECK(asHash(facets.authorities, true) == authorities);
            CHECK(asHash(facets.categories, true) == categories);
            CHECK(asHash(facets.tags, false) == tags);
            CHECK(asHash(facets.statuses, false) == statuses);
            qint64 levelTotal = 0;
            for (const FacetValue& level : facets.levels) {
                levelTotal += level.count;
            }
            CHECK(levelTotal == matching.size());
        }
    }
    // A parent counts an exhibit once even when it carries the parent and a child.
    const Facets facets = catalogue->facets();
    const auto send = std::find_if(facets.tags.begin(), facets.tags.end(),
                                   [](const FacetValue& tag) { return tag.key == QStringLiteral("send"); });
    REQUIRE(send != facets.tags.end());
    CHECK(send->count == 2);
}

TEST_CASE("Evidence kinds are a facet: each exhibit counts once for each kind it has", "[search][facets]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK(catalogue->facets().kinds.isEmpty()); // the seed records no evidence
    Exhibit exhibit = catalogue->requireExhibit(QStringLiteral("merton-autism-mainstream-classrooms"));
    for (const char* title : {"Termly attendance", "Exclusions"}) {
        exhibit.evidence << Evidence{EvidenceKind::OutcomeData, QLatin1String(title), {}, 2, {}, {}, {}, {}};
    }
    exhibit.evidence << Evidence{EvidenceKind::CaseStudy, QStringLiteral("One class"), {}, 1, {}, {}, {}, {}};
    catalogue->curation().updateExhibit(exhibit);
    const QList<FacetValue> kinds = catalogue->facets().kinds;
    REQUIRE(kinds.size() == 2);
    CHECK(kinds.at(0).count == 1); // two pieces of outcome data, one exhibit
    CHECK(catalogue->facets(QStringLiteral("kind:outcome-data")).kinds.size() == 2);
    CHECK(catalogue->facets(QStringLiteral("borough:camden")).kinds.isEmpty());
}

TEST_CASE("Facet counts follow changes to the catalogue", "[search][facets]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    auto countOf = [&](const QString& tag) {
        for (const FacetValue& value : catalogue->facets().tags) {
            if (value.key == tag) {
                return value.count;
            }
        }
        return qint64(0);
    };
    CHECK(countOf(QStringLiteral("fostering")) == 1);
    catalogue->curation().addTags({QStringLiteral("brent-care-journeys-children-in-care-councils")},
                                  {QStringLiteral("fostering/kinship")});
    CHECK(countOf(QStringLiteral("fostering")) == 2);
    CHECK(countOf(QStringLiteral("fostering/kinship")) == 1);
    catalogue->curation().removeExhibit(QStringLiteral("waltham-forest-mockingbird"));
    CHECK(countOf(QStringLiteral("fostering")) == 1);
    // A change made through another connection is noticed too.
    auto other = Catalogue::open(catalogue->path());
    other->curation().removeTags({QStringLiteral("brent-care-journeys-children-in-care-councils")},
                                 {QStringLiteral("fostering/kinship")});
    CHECK(countOf(QStringLiteral("fostering")) == 0);
    CHECK(catalogue->check().isEmpty());
}

TEST_CASE("Saved searches are kept, refused when broken, and combine with more words", "[search][saved]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    catalogue->curation().saveSearch(SavedSearch{QStringLiteral("SEND"), QStringLiteral("tag:send")});
    CHECK(catalogue->savedSearch(QStringLiteral("send"))->query == QStringLiteral("tag:send"));
    CHECK_THROWS_AS(catalogue->curation().saveSearch(SavedSearch{QStringLiteral("bad"), QStringLiteral("level:9")}),
                    QueryError);
    CHECK(catalogue->savedSearches().size() == 1);
    CHECK(catalogue->curation().removeSearch(QStringLiteral("SEND")));
    CHECK(catalogue->savedSearches().isEmpty());
}

TEST_CASE("The main query shapes use the indexes meant for them", "[search][plans]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<std::pair<const char*, QString>> cases{
        {"", QStringLiteral("SCAN e USING COVERING INDEX exhibit_by_title")},
        {"mockingbird", QStringLiteral("SCAN exhibit_fts VIRTUAL TABLE INDEX")},
        {"borough:hackney", QStringLiteral("USING COVERING INDEX authority_exhibits (authority_id=?)")},
        {"tag:send", QStringLiteral("USING COVERING INDEX tag_exhibits (tag_id=?)")},
        {"status:showcased", QStringLiteral("exhibit_by_status (status=?)")},
        {"edition:2025", QStringLiteral("exhibit_by_edition (edition_id=?)")},
        {"category:racial", QStringLiteral("USING COVERING INDEX category_exhibits (category_id=?)")},
        {"kind:case-study", QStringLiteral("USING COVERING INDEX evidence_by_kind (kind=?)")},
        {"autism borough:camden", QStringLiteral("authority_exhibits (authority_id=?)")},
        {"children -tag:send", QStringLiteral("tag_exhibits (tag_id=?)")},
    };
    // A full scan of the exhibits, or of a table of links, is what turns milliseconds into seconds.
    const QRegularExpression fullScan(
        QStringLiteral("^SCAN (e|exhibit|exhibit_authority|exhibit_category|exhibit_tag|evidence|ec|et|ea)$"));
    for (const auto& [query, expected] : cases) {
        const QStringList plan = catalogue->queryPlan(QString::fromUtf8(query));
        const QString text = plan.join(QLatin1Char('\n'));
        INFO(query << "\n" << text.toStdString());
        CHECK(text.contains(expected));
        for (const QString& step : plan) {
            CHECK_FALSE(fullScan.match(step.trimmed()).hasMatch());
        }
    }
    // Without words, the title order comes straight from the index.
    CHECK_FALSE(catalogue->queryPlan(QString()).join(QLatin1Char(' ')).contains(QStringLiteral("TEMP B-TREE")));
}

TEST_CASE("Results can be ordered by a column, in SQL", "[search]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    auto leadsOf = [&](const QString& query, SortOrder order) {
        QStringList leads;
        for (const Exhibit& exhibit : catalogue->exhibitsWithIds(catalogue->matchingIds(query, order))) {
            leads << exhibit.leadAuthority;
        }
        return leads;
    };
    const QStringList ascending = leadsOf(QString(), {SortOrder::Key::LeadAuthority, false});
    CHECK(ascending.first() == QStringLiteral("Barking and Dagenham"));
    CHECK(ascending.last() == QStringLiteral("Westminster"));
    CHECK(leadsOf(QString(), {SortOrder::Key::LeadAuthority, true}).first() == QStringLiteral("Westminster"));
    // Words with a column order still find the same exhibits.
    CHECK(leadsOf(QStringLiteral("safeguarding borough:camden"), {SortOrder::Key::Level, true}) ==
          QStringList{QStringLiteral("Camden")});
    const QList<qint64> ranked = catalogue->matchingIds(QStringLiteral("safegu"));
    const QList<qint64> byTitle = catalogue->matchingIds(QStringLiteral("safegu"), {SortOrder::Key::Title, false});
    CHECK(QSet<qint64>(ranked.begin(), ranked.end()) == QSet<qint64>(byTitle.begin(), byTitle.end()));
}

TEST_CASE("Top-level field filters are found with their place in the query", "[search][parser]")
{
    const QString query = QStringLiteral("autism borough:\"Kensington & Chelsea\" tag:send (a OR status:draft)");
    const std::vector<QueryNode> fields = QueryParser::topLevelFields(QueryParser::parse(query));
    REQUIRE(fields.size() == 2);
    CHECK(query.mid(fields.at(0).column - 1, fields.at(0).length) ==
          QStringLiteral("borough:\"Kensington & Chelsea\""));
    CHECK(query.mid(fields.at(1).column - 1, fields.at(1).length) == QStringLiteral("tag:send"));
}
