// A team catalogue under load: ten curators' connections make 500 edits each at once (tags, edits
// of whole exhibits made against the version they read, and saves of copies they know are stale)
// while two more connections search. Nothing is lost, no "busy" error reaches anyone, and every
// stale save is refused as a conflict. Prints the figures. Run only against the server ([server]).
#include "TestSupport.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace spotlight;
using namespace spotlight::test;

namespace {

constexpr int Writers = 10;
constexpr int EditsPerWriter = 500;
constexpr int Readers = 2;
// The tags go to a catalogue of this many more exhibits than the seed's, a cycle's worth, so that
// each ends with a few dozen tags as real ones have, not hundreds. Whole-exhibit edits go to the
// seed's exhibits, five writers to one at a time, so that they meet.
constexpr int TaggedExhibits = 150;
// A reader searches as a person or a window's search box does, not in a loop that would take the
// writers' share of the machine.
constexpr int ReaderPauseMs = 20;
// An edit refused because another curator changed the exhibit first is read again and made again,
// as a person would; this many times at most.
constexpr int Attempts = 50;

// What one writer did, and what went wrong for it.
struct WriterTally
{
    QList<std::pair<QString, QString>> tagged; // (exhibit ref, tag) added
    QList<std::pair<QString, QString>> edited; // (exhibit ref, the mark its description was given)
    QHash<QString, int> changes;               // stored changes per exhibit ref
    int editAttempts = 0;
    int editConflicts = 0;     // edits refused because the exhibit moved on after it was read
    int wrongConflicts = 0;    // refusals that name the wrong exhibit, or one that had not moved on
    int abandoned = 0;         // edits still refused after every attempt
    int staleSaves = 0;        // saves of a copy older than the stored exhibit
    int staleConflicts = 0;    // ... refused as a conflict, as every one should be
    QStringList busy;          // "busy with another curator's change" shown to the curator
    QStringList otherFailures; // anything else that failed
};

void failed(WriterTally& tally, const Error& error)
{
    (error.message().contains(QLatin1String("busy")) ? tally.busy : tally.otherFailures) << error.message();
}

void addTag(Catalogue& catalogue, const QString& ref, const QString& tag, WriterTally& tally)
{
    catalogue.curation().addTags({ref}, {tag});
    tally.tagged.append({ref, tag});
    ++tally.changes[ref];
}

// Reads the exhibit, marks its description, and saves it against the version read; read again and
// marked again when another curator's change came first.
void editExhibit(Catalogue& catalogue, const QString& ref, const QString& mark, WriterTally& tally)
{
    for (int attempt = 0; attempt < Attempts; ++attempt) {
        Exhibit exhibit = catalogue.requireExhibit(ref);
        const qint64 read = exhibit.version;
        exhibit.description += QLatin1Char(' ') + mark;
        ++tally.editAttempts;
        try {
            catalogue.curation().updateExhibit(exhibit);
            tally.edited.append({ref, mark});
            ++tally.changes[ref];
            return;
        } catch (const ConflictError& conflict) {
            ++tally.editConflicts;
            const QList<Conflict>& named = conflict.conflicts();
            const bool right = named.size() == 1 && named.first().ref == ref && named.first().current &&
                               named.first().current->version > read;
            tally.wrongConflicts += right ? 0 : 1;
        }
    }
    ++tally.abandoned;
}

// A window that read the exhibit, then saw it tagged (here, by its own curator), saves the copy it
// read: refused, whoever else is writing.
void saveStaleCopy(Catalogue& catalogue, const QString& ref, const QString& tag, const QString& mark,
                   WriterTally& tally)
{
    Exhibit held = catalogue.requireExhibit(ref);
    addTag(catalogue, ref, tag, tally);
    held.description += QLatin1Char(' ') + mark;
    ++tally.staleSaves;
    try {
        catalogue.curation().updateExhibit(held);
        ++tally.changes[ref];
    } catch (const ConflictError&) {
        ++tally.staleConflicts;
    }
}

// Makes `edits` edits: mostly tags added to `tagged`, and edits and stale saves of `edited`.
void runWriter(const QString& address, const QStringList& edited, const QStringList& tagged, int writer, int edits,
               WriterTally& tally)
{
    try {
        const auto catalogue = Catalogue::open(address);
        catalogue->curation().setAuthor(QStringLiteral("soak writer %1").arg(writer));
        for (int edit = 0; edit < edits; ++edit) {
            // Five writers at a time edit the same exhibit at about the same moment.
            const QString& hot = edited.at((edit / 4 + writer / 5) % edited.size());
            const QString name = QStringLiteral("soak-w%1-e%2").arg(writer).arg(edit);
            try {
                if (edit % 20 == 19) {
                    saveStaleCopy(*catalogue, hot, name, QStringLiteral("stale-") + name, tally);
                } else if (edit % 4 == 1) {
                    editExhibit(*catalogue, hot, QStringLiteral("edit-") + name, tally);
                } else {
                    addTag(*catalogue, tagged.at((writer * 37 + edit) % tagged.size()), name, tally);
                }
            } catch (const Error& error) {
                failed(tally, error);
            }
        }
    } catch (const Error& error) {
        failed(tally, error);
    }
}

WriterTally combined(const std::vector<WriterTally>& tallies)
{
    WriterTally all;
    for (const WriterTally& tally : tallies) {
        all.tagged += tally.tagged;
        all.edited += tally.edited;
        for (auto it = tally.changes.constBegin(); it != tally.changes.constEnd(); ++it) {
            all.changes[it.key()] += it.value();
        }
        all.editAttempts += tally.editAttempts;
        all.editConflicts += tally.editConflicts;
        all.wrongConflicts += tally.wrongConflicts;
        all.abandoned += tally.abandoned;
        all.staleSaves += tally.staleSaves;
        all.staleConflicts += tally.staleConflicts;
        all.busy += tally.busy;
        all.otherFailures += tally.otherFailures;
    }
    return all;
}

// Searches until the writers are done; returns how many searches it made.
int runReader(const QString& address, const std::atomic<bool>& writing, QStringList& failures)
{
    int searches = 0;
    try {
        const auto catalogue = Catalogue::open(address);
        while (writing.load()) {
            try {
                catalogue->search(QStringLiteral("soak"), 50);
                catalogue->search(QStringLiteral("borough:camden edit"), 20);
                searches += 2;
                std::this_thread::sleep_for(std::chrono::milliseconds(ReaderPauseMs));
            } catch (const Error& error) {
                failures << error.message();
            }
        }
    } catch (const Error& error) {
        failures << error.message();
    }
    return searches;
}

QStringList firstOf(const QStringList& messages)
{
    return messages.mid(0, 5);
}

} // namespace

TEST_CASE("Ten curators editing a team catalogue at once while two search lose nothing and see every conflict",
          "[server][soak]")
{
    REQUIRE(onServer());
    Scratch scratch;
    const QString address = catalogueLocation(scratch, QStringLiteral("soak"));
    QStringList edited;
    QStringList tagged;
    QHash<QString, qint64> versionsBefore;
    {
        const auto seeded = makeCatalogue(scratch, QStringLiteral("soak"));
        const QList<Exhibit> seed = seeded->exhibits();
        for (int n = 1; n <= TaggedExhibits; ++n) {
            Exhibit exhibit = seed.at(n % seed.size());
            exhibit.ref = QStringLiteral("soak-exhibit-%1").arg(n);
            exhibit.title = QStringLiteral("Soak exhibit %1").arg(n);
            exhibit.standNumber.clear();
            exhibit.tags.clear();
            exhibit.evidence.clear();
            exhibit.reviews.clear();
            exhibit.resubmissionOf.clear();
            exhibit.version = 0;
            seeded->curation().addExhibit(exhibit);
            tagged << exhibit.ref;
        }
        for (const Exhibit& exhibit : seed) {
            edited << exhibit.ref;
        }
        for (const Exhibit& exhibit : seeded->exhibits()) {
            versionsBefore.insert(exhibit.ref, exhibit.version);
        }
    }
    const QStringList refs = versionsBefore.keys();
    REQUIRE(edited.size() >= 10);
    REQUIRE(refs.size() == edited.size() + TaggedExhibits);

    std::vector<WriterTally> tallies(Writers);
    std::vector<QStringList> readerFailures(Readers);
    std::vector<int> searches(Readers, 0);
    std::atomic<bool> writing{true};
    QElapsedTimer clock;
    clock.start();
    {
        std::vector<std::thread> readers;
        for (int reader = 0; reader < Readers; ++reader) {
            readers.emplace_back(
                [&, reader] { searches[reader] = runReader(address, writing, readerFailures[reader]); });
        }
        {
            std::vector<std::thread> writers;
            for (int writer = 0; writer < Writers; ++writer) {
                writers.emplace_back(
                    [&, writer] { runWriter(address, edited, tagged, writer, EditsPerWriter, tallies[writer]); });
            }
            for (std::thread& thread : writers) {
                thread.join();
            }
        }
        writing = false;
        for (std::thread& thread : readers) {
            thread.join();
        }
    }
    const qint64 elapsed = clock.elapsed();

    const WriterTally all = combined(tallies);
    QStringList readFailures;
    int reads = 0;
    for (int reader = 0; reader < Readers; ++reader) {
        readFailures += readerFailures[reader];
        reads += searches[reader];
    }

    // Every tag and every accepted edit is there, and each exhibit's version moved on once for each
    // change stored, no more and no fewer.
    const auto after = Catalogue::open(address);
    QHash<QString, Exhibit> stored;
    for (const Exhibit& exhibit : after->exhibits()) {
        stored.insert(exhibit.ref, exhibit);
    }
    int lostTags = 0;
    for (const auto& [ref, tag] : all.tagged) {
        lostTags += stored.value(ref).tags.contains(tag) ? 0 : 1;
    }
    int lostEdits = 0;
    for (const auto& [ref, mark] : all.edited) {
        lostEdits += stored.value(ref).description.contains(mark) ? 0 : 1;
    }
    int staleWritten = 0;
    int versionsAstray = 0;
    for (const QString& ref : refs) {
        staleWritten += int(stored.value(ref).description.count(QLatin1String("stale-soak")));
        versionsAstray += stored.value(ref).version == versionsBefore.value(ref) + all.changes.value(ref) ? 0 : 1;
    }
    const QStringList problems = after->check();

    const int edits = int(all.tagged.size()) + all.editAttempts + all.staleSaves;
    const int operations = edits + reads;
    const int busy = int(all.busy.size() + readFailures.filter(QStringLiteral("busy")).size());
    std::printf("server soak: %d operations in %.1f s, %.0f ops/s: %d writers x %d edits (%d tags added, %d edits of "
                "whole exhibits tried, %d saves of stale copies), %d readers making %d searches\n"
                "server soak: busy errors shown: %d; other failures: %d; lost writes: %d (tags %d, edits %d, stale "
                "saves written %d); exhibits whose version does not add up: %d\n"
                "server soak: conflicts reported on stale saves: %d of %d expected; edits refused because another "
                "came first: %d (wrongly: %d; given up: %d); integrity and search-index checks: %s\n",
                operations, elapsed / 1000.0, operations * 1000.0 / std::max<qint64>(elapsed, 1), Writers,
                EditsPerWriter, int(all.tagged.size()), all.editAttempts, all.staleSaves, Readers, reads, busy,
                int(all.otherFailures.size() + readFailures.size()) -
                    int(readFailures.filter(QStringLiteral("busy")).size()),
                lostTags + lostEdits + staleWritten, lostTags, lostEdits, staleWritten, versionsAstray,
                all.staleConflicts, all.staleSaves, all.editConflicts, all.wrongConflicts, all.abandoned,
                problems.isEmpty() ? "clean" : qPrintable(problems.join(QStringLiteral("; "))));
    std::fflush(stdout);

    INFO("busy: " << firstOf(all.busy).join(QStringLiteral("\n")).toStdString());
    INFO("writers: " << firstOf(all.otherFailures).join(QStringLiteral("\n")).toStdString());
    INFO("readers: " << firstOf(readFailures).join(QStringLiteral("\n")).toStdString());
    CHECK(busy == 0);
    CHECK(all.otherFailures.isEmpty());
    CHECK(readFailures.isEmpty());
    CHECK(edits >= Writers * EditsPerWriter);
    CHECK(lostTags == 0);
    CHECK(lostEdits == 0);
    CHECK(staleWritten == 0);
    CHECK(versionsAstray == 0);
    CHECK(all.staleSaves == Writers * (EditsPerWriter / 20));
    CHECK(all.staleConflicts == all.staleSaves);
    CHECK(all.wrongConflicts == 0);
    CHECK(all.abandoned == 0);
    CHECK(int(all.tagged.size() + all.edited.size()) == Writers * EditsPerWriter);
    CHECK(reads > 0);
    CHECK(problems == QStringList{});
}

TEST_CASE("Curators take their turns without a busy error on a server whose default isolation is serializable",
          "[server]")
{
    REQUIRE(onServer());
    Scratch scratch;
    const QString address = catalogueLocation(scratch, QStringLiteral("serializable"));
    QStringList refs = refsOf(makeCatalogue(scratch, QStringLiteral("serializable"))->exhibits());
    // What an administrator may choose for a whole server or database; every later connection has it.
    Database::open(address, Database::OpenMode::MustExist)
        ->exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_isolation = 'serializable'")
                   .arg(QUrl(address).path().mid(1)));
    refs = refs.mid(0, 3);

    constexpr int Edits = 60;
    std::vector<WriterTally> tallies(4);
    {
        std::vector<std::thread> writers;
        for (int writer = 0; writer < int(tallies.size()); ++writer) {
            writers.emplace_back([&, writer] { runWriter(address, refs, refs, writer, Edits, tallies[writer]); });
        }
        for (std::thread& thread : writers) {
            thread.join();
        }
    }
    const WriterTally all = combined(tallies);
    const auto after = Catalogue::open(address);
    int lost = 0;
    for (const auto& [ref, tag] : all.tagged) {
        lost += after->exhibit(ref)->tags.contains(tag) ? 0 : 1;
    }
    INFO(firstOf(all.busy + all.otherFailures).join(QStringLiteral("\n")).toStdString());
    CHECK(all.busy.isEmpty());
    CHECK(all.otherFailures.isEmpty());
    CHECK(int(all.tagged.size() + all.edited.size()) == int(tallies.size()) * Edits);
    CHECK(all.staleConflicts == all.staleSaves);
    CHECK(lost == 0);
}
