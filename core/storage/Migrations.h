#pragma once

#include <QString>

#include <span>

namespace spotlight {

class Database;

// One numbered schema step: applying it to a catalogue at version - 1 brings it to `version`.
// `applyOnServer` is the same step on PostgreSQL; server catalogues begin at the first step that
// has one, so the steps before it have none.
struct Migration
{
    int version;
    const char* summary;
    void (*apply)(const Database&);
    void (*applyOnServer)(const Database&) = nullptr;
};

// Brings a catalogue's schema (PRAGMA user_version) up to date one step at a time, each step in its
// own transaction. Before upgrading a file that already holds a catalogue, it takes a backup copy
// beside it. A file from a newer version of Spotlight is refused and left alone.
class Migrations
{
public:
    static std::span<const Migration> all();
    static int latestVersion();
    // Error, before anything is written, when the file was written by a newer Spotlight.
    static void refuseNewer(const Database& database, int latest = latestVersion());

    static void bringUpToDate(const Database& database);
    // The same, with a given list of steps: lets tests exercise upgrades and failures.
    static void bringUpToDate(const Database& database, std::span<const Migration> steps);
    // Where the backup taken before upgrading from `fromVersion` goes.
    static QString backupPathFor(const QString& catalogue, int fromVersion);
};

} // namespace spotlight
