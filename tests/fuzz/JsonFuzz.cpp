// The JSON reader and planning a JSON catalogue import into the seed catalogue: neither may crash,
// and every problem the reader reports has a line.
#include "Error.h"
#include "FuzzSupport.h"
#include "intake/Importer.h"
#include "io/JsonCodec.h"
#include "storage/Stores.h"

#include <QByteArray>

using namespace spotlight;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    fuzz::seededStores();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QList<JsonProblem> problems;
    const CatalogueDocument document = JsonCodec::read(bytes, problems);
    for (const JsonProblem& problem : problems) {
        if (problem.line < 1) {
            fuzz::finding("a JSON problem without a line", problem.message);
        }
    }
    if (document.exhibitLines.size() != document.exhibits.size()) {
        fuzz::finding("JSON exhibits and their lines differ in number", {});
    }
    try {
        const ImportPlan plan =
            Importer(fuzz::seededStores()).planJson(bytes, QStringLiteral("fuzz.json"), ImportOptions{});
        [[maybe_unused]] const QStringList planProblems = plan.problems();
        [[maybe_unused]] const bool valid = plan.isValid();
    } catch (const Error& error) {
        fuzz::finding("planning a JSON import threw", error.message());
    }
    return 0;
}
