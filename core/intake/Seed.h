#pragma once

namespace spotlight {

struct Stores;

// The seed catalogue kept readable in data/ and embedded in the program: London's 33 authorities,
// and the Practice Spotlight 2025 edition with its categories and exhibits.
namespace Seed {

// Writes the authorities, which every catalogue has. The caller holds the transaction.
void loadAuthorities(Stores& stores);
// Writes the 2025 edition, its categories and its exhibits, through the ordinary importer.
void loadPracticeSpotlight2025(Stores& stores);

} // namespace Seed
} // namespace spotlight
