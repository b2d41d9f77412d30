#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace spotlight {

class Catalogue;
struct Stores;

// What the fuzz targets share: Qt set up once per process, and a small seeded catalogue in a
// temporary folder that lasts as long as the process.
namespace fuzz {

// A QCoreApplication (SQL drivers are plugins found through it) and test-mode standard paths, so
// that nothing touches the real per-user catalogue. Call from LLVMFuzzerInitialize.
void initialise(int* argc, char*** argv);

// The seed catalogue (33 authorities, 17 exhibits), created on first use.
Catalogue& seededCatalogue();
// The same catalogue's stores on a second connection, for targets that drive the Importer.
const Stores& seededStores();

// Stops the process so that libFuzzer records the input: for errors that a user should never see.
[[noreturn]] void finding(const char* what, const QString& detail);

} // namespace fuzz
} // namespace spotlight
