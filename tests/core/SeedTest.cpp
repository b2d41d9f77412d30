#include "TestSupport.h"

#include <QSet>

using namespace spotlight;
using namespace spotlight::test;

TEST_CASE("The seed holds London's 33 authorities with codes, aliases and map tiles", "[seed]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    const QList<Authority> authorities = catalogue->authorities();
    REQUIRE(authorities.size() == 33);
    CHECK(authorities.first().gssCode == QStringLiteral("E09000001"));
    CHECK(authorities.first().name == QStringLiteral("City of London"));
    CHECK(authorities.at(1).name == QStringLiteral("Barking and Dagenham"));
    CHECK(authorities.last().gssCode == QStringLiteral("E09000033"));
    CHECK(authorities.last().name == QStringLiteral("Westminster"));

    QSet<QString> codes;
    QSet<QPair<int, int>> tiles;
    int inner = 0;
    for (int i = 0; i < authorities.size(); ++i) {
        const Authority& authority = authorities.at(i);
        codes.insert(authority.gssCode);
        tiles.insert({authority.tileRow, authority.tileColumn});
        inner += authority.innerLondon ? 1 : 0;
        CHECK(authority.gssCode == QStringLiteral("E090000%1").arg(i + 1, 2, 10, QLatin1Char('0')));
        // After the City, the 32 boroughs run alphabetically.
        if (i > 1) {
            CHECK(authorities.at(i - 1).name < authority.name);
        }
    }
    CHECK(codes.size() == 33);
    CHECK(tiles.size() == 33); // no two authorities share a tile
    CHECK(inner == 14);        // the ONS definition: 13 boroughs and the City
}

TEST_CASE("The seed holds the 17 exhibits of Practice Spotlight 2025", "[seed]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    CHECK(catalogue->summary().exhibits == 17);
    REQUIRE(catalogue->editions().size() == 1);
    const Edition edition = catalogue->editions().first();
    CHECK(edition.name == QStringLiteral("Practice Spotlight 2025"));
    CHECK(edition.event == QStringLiteral("London Children's Services Summit 2025"));
    CHECK(edition.venue.contains(QStringLiteral("Guildhall")));
    CHECK(catalogue->categories().size() == 5);

    const Exhibit biBorough = *catalogue->exhibit(QStringLiteral("bi-borough-anti-racist-practice-disproportionality"));
    CHECK(biBorough.title == QStringLiteral("Anti-Racist Practice and Focus on Disproportionality"));
    CHECK(biBorough.leadAuthority == QStringLiteral("Westminster"));
    CHECK(biBorough.partnerAuthorities == QStringList{QStringLiteral("Kensington and Chelsea")});
    CHECK(biBorough.categories == QStringList{QStringLiteral("Racial equity")});

    const Exhibit therapy = *catalogue->exhibit(QStringLiteral("barking-dagenham-culturally-sensitive-therapy"));
    CHECK(therapy.leadAuthority == QStringLiteral("Barking and Dagenham"));
    CHECK(therapy.categories == QStringList{QStringLiteral("Complex needs and placements"),
                                            QStringLiteral("Integrated working with health")});

    const Exhibit sunrise = *catalogue->exhibit(QStringLiteral("barking-dagenham-sunrise-hub"));
    CHECK(sunrise.leadAuthority == QStringLiteral("Barking and Dagenham"));
    CHECK(sunrise.categories.isEmpty()); // not guessed

    for (const Exhibit& exhibit : catalogue->exhibits()) {
        INFO(exhibit.ref.toStdString());
        CHECK(exhibit.status == CurationStatus::Showcased);
        CHECK(exhibit.edition == edition.name);
        CHECK_FALSE(exhibit.summary.isEmpty());
        CHECK(exhibit.contact.isEmpty());  // no invented contacts
        CHECK(exhibit.evidence.isEmpty()); // no invented evidence
    }
}

TEST_CASE("Authority names resolve through aliases and codes", "[seed]")
{
    Scratch scratch;
    auto catalogue = makeCatalogue(scratch);
    for (const char* alias : {"RBKC", "K&C", "Kensington & Chelsea", "kensington and chelsea", "E09000020"}) {
        INFO(alias);
        CHECK(catalogue->search(QStringLiteral("borough:\"%1\"").arg(QLatin1String(alias)), 50).total == 1);
    }
    for (const char* alias : {"LBBD", "Barking & Dagenham"}) {
        INFO(alias);
        CHECK(catalogue->search(QStringLiteral("borough:\"%1\"").arg(QLatin1String(alias)), 50).total == 2);
    }
    for (const char* alias : {"Hammersmith & Fulham", "Richmond", "Kingston"}) {
        INFO(alias);
        CHECK(catalogue->search(QStringLiteral("borough:\"%1\"").arg(QLatin1String(alias)), 50).total == 0);
    }
}
