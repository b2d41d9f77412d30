// Planning a CSV import into the seed catalogue: reading, resolving names and finding duplicates
// must never crash, whatever the file holds. Nothing is written.
#include "Error.h"
#include "FuzzSupport.h"
#include "intake/Importer.h"
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
    const Importer importer(fuzz::seededStores());
    for (const bool update : {false, true}) {
        try {
            const ImportPlan plan = importer.planCsv(bytes, QStringLiteral("fuzz.csv"), ImportOptions{update});
            [[maybe_unused]] const QStringList problems = plan.problems();
            [[maybe_unused]] const bool valid = plan.isValid();
            [[maybe_unused]] const int counted = plan.creates() + plan.updates() + plan.skips();
        } catch (const Error& error) {
            // Planning reports a file's problems in the plan; an exception means it gave up.
            fuzz::finding("planning a CSV import threw", error.message());
        }
    }
    return 0;
}
