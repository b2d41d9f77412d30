#pragma once

#include "domain/Exhibit.h"
#include "domain/ExhibitMention.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>
#include <tuple>

namespace spotlight {

class AuthorityStore;
class Database;
class EditionStore;
class TagStore;

// Exhibits with their authorities, categories, tags, evidence and reviews. Callers hold the
// transaction; every method here is one step of it.
class ExhibitStore
{
public:
    ExhibitStore(const Database& database, const AuthorityStore& authorities, const EditionStore& editions,
                 TagStore& tags);

    // Names in the exhibit (authorities, edition, categories) must resolve; tags are created as needed.
    qint64 insert(const Exhibit& exhibit);
    // Replaces everything about the exhibit with this id except its creation time.
    void replace(qint64 id, const Exhibit& exhibit);
    void remove(qint64 id);
    void setStatus(qint64 id, CurationStatus status);
    // For bulk imports: exhibits written while one of these lives are indexed for search together
    // by finish(), in the same transaction. Leaving the scope without finish() (an import that
    // failed half-way) turns indexing back on, so later writes are indexed as they happen.
    class DeferredIndexing
    {
    public:
        explicit DeferredIndexing(ExhibitStore& store);
        // For bulk edits of exhibits already indexed: takes them out of the index at once, so
        // that the edit's triggers skip them row by row, and finish() indexes them again with
        // everything else, in one statement (FTS5 costs far less that way).
        DeferredIndexing(ExhibitStore& store, const QList<qint64>& existing);
        ~DeferredIndexing();
        DeferredIndexing(const DeferredIndexing&) = delete;
        DeferredIndexing& operator=(const DeferredIndexing&) = delete;
        void finish();

    private:
        ExhibitStore& m_store;
    };
    void touch(qint64 id);
    void touch(const QList<qint64>& ids);
    // Raises the version of every exhibit whose id `selectIds` (SQL taking one bound value, `key`)
    // returns: for changes made outside the exhibit's own rows, such as renaming its tag or edition.
    static void touchAll(const Database& database, const QString& selectIds, qint64 key);

    std::optional<qint64> idOf(const QString& ref) const;
    // The same, or an Error naming the first ref that no exhibit has.
    qint64 requireId(const QString& ref) const;
    Exhibit requireByRef(const QString& ref) const;
    QHash<QString, qint64> requireIdsOf(const QStringList& refs) const;
    // The ref of each of `ids` that exists, in the order of `ids`.
    QStringList refsOf(const QList<qint64>& ids) const;
    // The id of each of `refs` that exists.
    QHash<QString, qint64> idsOf(const QStringList& refs) const;
    // The stored version of each of `refs` that exists.
    QHash<QString, qint64> versions(const QStringList& refs) const;
    std::optional<Exhibit> byRef(const QString& ref) const;
    // Whole exhibits, in the order of `ids`; unknown ids are skipped.
    QList<Exhibit> load(const QList<qint64>& ids) const;
    qint64 count() const;
    // How many authorities lead or partner at least one exhibit.
    qint64 authoritiesWithExhibits() const;
    QString titleOf(const QString& ref) const;
    // (ref, title) of every exhibit led by the authority with this official name.
    QList<std::pair<QString, QString>> refsAndTitlesLedBy(const QString& authority) const;
    // The refs of the exhibits in `edition`, or in its category `category`, by ref.
    QStringList refsIn(const QString& edition, const QString& category = {}) const;
    // For Coverage, over an edition's exhibits that are not withdrawn: how many each authority
    // leads in each category ("" for none), and how many it takes part in by role ("lead",
    // "partner").
    QList<std::tuple<QString, QString, int>> leadCountsByCategory(const QString& edition) const;
    QList<std::tuple<QString, QString, int>> countsByRole(const QString& edition) const;
    // The ref of the exhibit of `edition` at stand `stand`, or empty.
    QString refAtStand(const QString& edition, const QString& stand) const;
    // The exhibit with this ref, named with its title and edition; none when no exhibit has it.
    std::optional<ExhibitMention> mentionOf(const QString& ref) const;
    // The exhibits that submit the one with this ref again (Exhibit::resubmissionOf), by edition year
    // and then ref.
    QList<ExhibitMention> resubmissionsOf(const QString& ref) const;
    // A ref made from the title that no exhibit uses yet, nor any for which `takenElsewhere` holds
    // (the refs given to earlier rows of an import).
    QString uniqueRefFor(const QString& title, const std::function<bool(const QString&)>& takenElsewhere = {}) const;

private:
    struct Links;
    Links resolve(const Exhibit& exhibit) const;
    void write(qint64 id, const Exhibit& exhibit);
    void writeLinks(qint64 id, const Links& links, const Exhibit& exhibit);
    QList<ExhibitMention> mentions(const QString& where, const QString& key) const;
    // `column` (id or version) of each of `refs` that exists.
    QHash<QString, qint64> keyedByRef(const QString& column, const QStringList& refs) const;

    const Database& m_database;
    const AuthorityStore& m_authorities;
    const EditionStore& m_editions;
    TagStore& m_tags;
    bool m_deferIndexing = false;
};

} // namespace spotlight
