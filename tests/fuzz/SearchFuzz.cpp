// The whole search on the seed catalogue: parse, compile to SQL and run, for a page, for every
// match in another order, and for the facets. A query may be refused with QueryError, which the
// window shows under the search bar; any other error (an SQL or FTS5 failure, "parser stack
// overflow", ...) is a finding, and so is a crash or a hang (libFuzzer's -timeout).
#include "Catalogue.h"
#include "Error.h"
#include "FuzzSupport.h"

#include <QString>

using namespace spotlight;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    fuzz::seededCatalogue();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString query = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const Catalogue& catalogue = fuzz::seededCatalogue();
    try {
        const ExhibitPage page = catalogue.search(query, 20);
        const QList<qint64> all = catalogue.matchingIds(query, SortOrder{SortOrder::Key::Level, true});
        if (all.size() != page.total || page.exhibits.size() > 20 || page.exhibits.size() > page.total) {
            fuzz::finding("a search's page, total and every match disagree",
                          QStringLiteral("«%1»: page %2, total %3, all %4")
                              .arg(query)
                              .arg(page.exhibits.size())
                              .arg(page.total)
                              .arg(all.size()));
        }
        [[maybe_unused]] const Facets facets = catalogue.facets(query);
    } catch (const QueryError&) {
        return 0;
    } catch (const Error& error) {
        fuzz::finding("a query failed with an error that is not a QueryError",
                      QStringLiteral("«%1»: %2").arg(query, error.message()));
    }
    return 0;
}
