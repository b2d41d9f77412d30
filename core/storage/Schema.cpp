#include "Schema.h"

#include "Database.h"
#include "Query.h"
#include "domain/Panel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

#include <initializer_list>

namespace spotlight::Schema {
namespace {

void run(const Database& database, std::initializer_list<const char*> statements)
{
    for (const char* statement : statements) {
        database.exec(QString::fromUtf8(statement));
    }
}

void run(const Database& database, std::initializer_list<QString> statements)
{
    for (const QString& statement : statements) {
        database.exec(statement);
    }
}

} // namespace

QString authoritiesTextOf(const SqlDialect& sql, const QString& exhibitId)
{
    return QStringLiteral("coalesce((SELECT %1 FROM exhibit_authority ea "
                          "JOIN authority a ON a.id = ea.authority_id WHERE ea.exhibit_id = %2), '')")
        .arg(sql.joined(QStringLiteral("a.name || ' ' || a.short_name || ' ' || replace(a.aliases, ';', ' ')"),
                        QStringLiteral("' '")),
             exhibitId);
}

QString tagsTextOf(const SqlDialect& sql, const QString& exhibitId)
{
    return QStringLiteral("coalesce((SELECT %1 FROM exhibit_tag et "
                          "JOIN tag t ON t.id = et.tag_id WHERE et.exhibit_id = %2), '')")
        .arg(sql.joined(QStringLiteral("t.name"), QStringLiteral("' '")), exhibitId);
}

// The text that full-text search indexes for an exhibit's authorities and tags is kept in
// exhibit_text (authorities_text, tags_text) so that FTS5 can read it as external content.
// Triggers recompute it whenever the links change, and the FTS triggers re-index only when an
// indexed column really changed. The links refer to their exhibit through deferred foreign keys, so
// ExhibitStore writes them first and then the exhibit's text already complete: a new exhibit is
// indexed once, not once per tag. A bulk import writes its rows unindexed and indexes them all in
// one statement before it commits (FTS5 flushes its pending terms at every statement otherwise).
void createVersion1(const Database& database)
{
    run(database,
        {
            R"sql(CREATE TABLE authority (
            id INTEGER PRIMARY KEY,
            gss_code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT NOT NULL,
            abbreviation TEXT NOT NULL,
            inner_london INTEGER NOT NULL CHECK (inner_london IN (0, 1)),
            tile_row INTEGER NOT NULL,
            tile_column INTEGER NOT NULL,
            aliases TEXT NOT NULL DEFAULT ''
        ))sql",
            // Every name a person may type for an authority, folded by foldForMatching().
            R"sql(CREATE TABLE authority_key (
            key TEXT PRIMARY KEY,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE
        ) WITHOUT ROWID)sql",

            R"sql(CREATE TABLE edition (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
            year INTEGER NOT NULL,
            event TEXT NOT NULL DEFAULT '',
            starts_on TEXT,
            ends_on TEXT,
            venue TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        ))sql",
            R"sql(CREATE TABLE category (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            name TEXT NOT NULL COLLATE NOCASE CHECK (name <> ''),
            sponsor TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (edition_id, name)
        ))sql",

            // The row every filter, sort and join reads: kept narrow so that looking up thousands of
            // matches stays cheap. The long text lives in exhibit_text.
            R"sql(CREATE TABLE exhibit (
            id INTEGER PRIMARY KEY,
            ref TEXT NOT NULL UNIQUE CHECK (ref <> ''),
            title TEXT NOT NULL CHECK (title <> ''),
            title_sort TEXT NOT NULL,
            edition_id INTEGER REFERENCES edition(id) ON DELETE RESTRICT,
            status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in-review', 'recognised',
                                                   'showcased', 'archived', 'withdrawn')),
            contact_name TEXT NOT NULL DEFAULT '',
            contact_role TEXT NOT NULL DEFAULT '',
            contact_email TEXT NOT NULL DEFAULT '',
            age_range TEXT NOT NULL DEFAULT '',
            stand_number TEXT NOT NULL DEFAULT '',
            declared_level INTEGER NOT NULL DEFAULT 0 CHECK (declared_level BETWEEN 0 AND 5),
            evidence_level INTEGER NOT NULL DEFAULT 0 CHECK (evidence_level BETWEEN 0 AND 5),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ))sql",
            // `indexed` is 0 only inside a bulk import's transaction, between writing a row and indexing
            // all such rows in one statement at its end.
            R"sql(CREATE TABLE exhibit_text (
            exhibit_id INTEGER PRIMARY KEY REFERENCES exhibit(id) ON DELETE CASCADE,
            summary TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            partner_organisations TEXT NOT NULL DEFAULT '[]',
            target_groups TEXT NOT NULL DEFAULT '[]',
            links TEXT NOT NULL DEFAULT '[]',
            authorities_text TEXT NOT NULL DEFAULT '',
            tags_text TEXT NOT NULL DEFAULT '',
            indexed INTEGER NOT NULL DEFAULT 1 CHECK (indexed IN (0, 1))
        ))sql",
            "CREATE INDEX exhibit_text_unindexed ON exhibit_text(exhibit_id) WHERE indexed = 0",
            "CREATE INDEX exhibit_by_title ON exhibit(title_sort)",
            "CREATE INDEX exhibit_by_edition ON exhibit(edition_id, title_sort)",
            "CREATE INDEX exhibit_by_status ON exhibit(status, title_sort)",
            "CREATE INDEX exhibit_by_level ON exhibit(evidence_level, title_sort)",

            R"sql(CREATE TABLE exhibit_authority (
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
            role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
            position INTEGER NOT NULL,
            PRIMARY KEY (exhibit_id, authority_id)
        ) WITHOUT ROWID)sql",
            "CREATE UNIQUE INDEX exhibit_has_one_lead ON exhibit_authority(exhibit_id) WHERE role = 'lead'",
            "CREATE INDEX authority_exhibits ON exhibit_authority(authority_id, exhibit_id)",

            R"sql(CREATE TABLE exhibit_category (
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            category_id INTEGER NOT NULL REFERENCES category(id) ON DELETE CASCADE,
            PRIMARY KEY (exhibit_id, category_id)
        ) WITHOUT ROWID)sql",
            "CREATE INDEX category_exhibits ON exhibit_category(category_id, exhibit_id)",

            R"sql(CREATE TABLE tag (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            colour TEXT NOT NULL DEFAULT ''
        ))sql",
            R"sql(CREATE TABLE exhibit_tag (
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
            PRIMARY KEY (exhibit_id, tag_id)
        ) WITHOUT ROWID)sql",
            "CREATE INDEX tag_exhibits ON exhibit_tag(tag_id, exhibit_id)",

            R"sql(CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('evaluation-report', 'outcome-data', 'case-study',
                                               'practitioner-feedback', 'child-family-voice',
                                               'inspection-finding', 'external-rating')),
            title TEXT NOT NULL CHECK (title <> ''),
            summary TEXT NOT NULL DEFAULT '',
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
            date TEXT,
            source_url TEXT NOT NULL DEFAULT '',
            attachment TEXT NOT NULL DEFAULT '',
            key_figures TEXT NOT NULL DEFAULT ''
        ))sql",
            "CREATE INDEX evidence_of_exhibit ON evidence(exhibit_id, position)",
            "CREATE INDEX evidence_by_kind ON evidence(kind, exhibit_id)",

            R"sql(CREATE TABLE review (
            id INTEGER PRIMARY KEY,
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            panel TEXT NOT NULL DEFAULT '',
            date TEXT,
            reviewers TEXT NOT NULL DEFAULT '',
            feedback TEXT NOT NULL DEFAULT '',
            recognition TEXT NOT NULL DEFAULT ''
        ))sql",
            "CREATE INDEX review_of_exhibit ON review(exhibit_id, position)",

            R"sql(CREATE TABLE saved_search (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
            query TEXT NOT NULL
        ))sql",

            // Keyed by ref, not by a foreign key, so that the history outlives a deleted exhibit.
            R"sql(CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            exhibit_ref TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT
        ))sql",
            "CREATE INDEX change_log_of_exhibit ON change_log(exhibit_ref, id)",

            // An exhibit's level is the higher of its declared level and its best evidence.
            R"sql(CREATE TRIGGER exhibit_level_on_insert AFTER INSERT ON exhibit BEGIN
            UPDATE exhibit SET evidence_level = new.declared_level WHERE id = new.id;
        END)sql",
            R"sql(CREATE TRIGGER exhibit_level_on_declared AFTER UPDATE OF declared_level ON exhibit BEGIN
            UPDATE exhibit SET evidence_level = max(new.declared_level,
                (SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = new.id))
            WHERE id = new.id;
        END)sql",
            R"sql(CREATE TRIGGER exhibit_level_on_evidence_insert AFTER INSERT ON evidence BEGIN
            UPDATE exhibit SET evidence_level = max(declared_level,
                (SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = new.exhibit_id))
            WHERE id = new.exhibit_id;
        END)sql",
            R"sql(CREATE TRIGGER exhibit_level_on_evidence_delete AFTER DELETE ON evidence BEGIN
            UPDATE exhibit SET evidence_level = max(declared_level,
                (SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = old.exhibit_id))
            WHERE id = old.exhibit_id;
        END)sql",
            R"sql(CREATE TRIGGER exhibit_level_on_evidence_update AFTER UPDATE OF level, exhibit_id ON evidence BEGIN
            UPDATE exhibit SET evidence_level = max(declared_level,
                (SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = exhibit.id))
            WHERE id IN (old.exhibit_id, new.exhibit_id);
        END)sql",

        });
    run(database,
        {
            QStringLiteral("CREATE TRIGGER authorities_text_on_insert AFTER INSERT ON exhibit_authority BEGIN "
                           "UPDATE exhibit_text SET authorities_text = %1 WHERE exhibit_id = new.exhibit_id; END")
                .arg(authoritiesTextOf(database.sql(), QStringLiteral("new.exhibit_id"))),
            QStringLiteral("CREATE TRIGGER authorities_text_on_delete AFTER DELETE ON exhibit_authority BEGIN "
                           "UPDATE exhibit_text SET authorities_text = %1 WHERE exhibit_id = old.exhibit_id; END")
                .arg(authoritiesTextOf(database.sql(), QStringLiteral("old.exhibit_id"))),
            QStringLiteral(
                "CREATE TRIGGER authorities_text_on_rename AFTER UPDATE OF name, short_name, aliases "
                "ON authority BEGIN "
                "UPDATE exhibit_text SET authorities_text = %1 "
                "WHERE exhibit_id IN (SELECT exhibit_id FROM exhibit_authority WHERE authority_id = new.id); END")
                .arg(authoritiesTextOf(database.sql(), QStringLiteral("exhibit_text.exhibit_id"))),
            QStringLiteral("CREATE TRIGGER tags_text_on_insert AFTER INSERT ON exhibit_tag BEGIN "
                           "UPDATE exhibit_text SET tags_text = %1 WHERE exhibit_id = new.exhibit_id; END")
                .arg(tagsTextOf(database.sql(), QStringLiteral("new.exhibit_id"))),
            QStringLiteral("CREATE TRIGGER tags_text_on_delete AFTER DELETE ON exhibit_tag BEGIN "
                           "UPDATE exhibit_text SET tags_text = %1 WHERE exhibit_id = old.exhibit_id; END")
                .arg(tagsTextOf(database.sql(), QStringLiteral("old.exhibit_id"))),
            QStringLiteral("CREATE TRIGGER tags_text_on_rename AFTER UPDATE OF name ON tag BEGIN "
                           "UPDATE exhibit_text SET tags_text = %1 "
                           "WHERE exhibit_id IN (SELECT exhibit_id FROM exhibit_tag WHERE tag_id = new.id); END")
                .arg(tagsTextOf(database.sql(), QStringLiteral("exhibit_text.exhibit_id"))),
        });
    run(database, {
                      // Full-text search over each exhibit's title and text, read through a view so that FTS5 can
                      // rebuild and check itself. Column weights are given at query time.
                      R"sql(CREATE VIEW exhibit_document AS
            SELECT e.id AS id, e.title AS title, t.summary AS summary, t.tags_text AS tags_text,
                   t.authorities_text AS authorities_text, t.description AS description
            FROM exhibit e JOIN exhibit_text t ON t.exhibit_id = e.id)sql",
                      R"sql(CREATE VIRTUAL TABLE exhibit_fts USING fts5(
            title, summary, tags_text, authorities_text, description,
            content = 'exhibit_document', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
        ))sql",
                      R"sql(CREATE TRIGGER exhibit_fts_on_insert AFTER INSERT ON exhibit_text WHEN new.indexed BEGIN
            INSERT INTO exhibit_fts(rowid, title, summary, tags_text, authorities_text, description)
            VALUES (new.exhibit_id, (SELECT title FROM exhibit WHERE id = new.exhibit_id), new.summary,
                    new.tags_text, new.authorities_text, new.description);
        END)sql",
                      // Skipped once the exhibit row is gone: its entry was removed before the delete cascaded.
                      R"sql(CREATE TRIGGER exhibit_fts_on_text_update
            AFTER UPDATE OF summary, tags_text, authorities_text, description ON exhibit_text
            WHEN old.indexed AND new.indexed
              AND (old.summary IS NOT new.summary OR old.tags_text IS NOT new.tags_text
                   OR old.authorities_text IS NOT new.authorities_text OR old.description IS NOT new.description)
              AND EXISTS (SELECT 1 FROM exhibit WHERE id = new.exhibit_id)
        BEGIN
            INSERT INTO exhibit_fts(exhibit_fts, rowid, title, summary, tags_text, authorities_text, description)
            VALUES ('delete', old.exhibit_id, (SELECT title FROM exhibit WHERE id = old.exhibit_id), old.summary,
                    old.tags_text, old.authorities_text, old.description);
            INSERT INTO exhibit_fts(rowid, title, summary, tags_text, authorities_text, description)
            VALUES (new.exhibit_id, (SELECT title FROM exhibit WHERE id = new.exhibit_id), new.summary,
                    new.tags_text, new.authorities_text, new.description);
        END)sql",
                      R"sql(CREATE TRIGGER exhibit_fts_on_title_update AFTER UPDATE OF title ON exhibit
            WHEN old.title IS NOT new.title
        BEGIN
            INSERT INTO exhibit_fts(exhibit_fts, rowid, title, summary, tags_text, authorities_text, description)
            SELECT 'delete', old.id, old.title, summary, tags_text, authorities_text, description
            FROM exhibit_text WHERE exhibit_id = old.id AND indexed;
            INSERT INTO exhibit_fts(rowid, title, summary, tags_text, authorities_text, description)
            SELECT new.id, new.title, summary, tags_text, authorities_text, description
            FROM exhibit_text WHERE exhibit_id = new.id AND indexed;
        END)sql",
                      R"sql(CREATE TRIGGER exhibit_fts_on_delete BEFORE DELETE ON exhibit BEGIN
            INSERT INTO exhibit_fts(exhibit_fts, rowid, title, summary, tags_text, authorities_text, description)
            SELECT 'delete', old.id, old.title, summary, tags_text, authorities_text, description
            FROM exhibit_text WHERE exhibit_id = old.id AND indexed;
        END)sql",
                  });
}

void upgradeToVersion2(const Database& database)
{
    run(database, {
                      "ALTER TABLE edition ADD COLUMN signatory_name TEXT NOT NULL DEFAULT ''",
                      "ALTER TABLE edition ADD COLUMN signatory_role TEXT NOT NULL DEFAULT ''",
                      // A finding is known by what it matched where (PrivacyFinding::key), so that editing the text
                      // brings back a finding whose words changed. Keyed by ref, like the change log.
                      R"sql(CREATE TABLE privacy_review (
            exhibit_ref TEXT NOT NULL,
            finding_key TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason <> ''),
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (exhibit_ref, finding_key)
        ) WITHOUT ROWID)sql",
                  });
}

void upgradeToVersion3(const Database& database)
{
    run(database, {
                      "ALTER TABLE exhibit ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
                  });
}

void upgradeToVersion4(const Database& database)
{
    run(database, {
                      R"sql(CREATE TABLE search_change (
            seq INTEGER PRIMARY KEY,
            exhibit_id INTEGER NOT NULL
        ))sql",
                      R"sql(CREATE TRIGGER search_change_on_text_insert AFTER INSERT ON exhibit_text BEGIN
            INSERT INTO search_change(exhibit_id) VALUES (new.exhibit_id);
        END)sql",
                      R"sql(CREATE TRIGGER search_change_on_text_update
            AFTER UPDATE OF summary, tags_text, authorities_text, description ON exhibit_text
            WHEN old.summary IS NOT new.summary OR old.tags_text IS NOT new.tags_text
              OR old.authorities_text IS NOT new.authorities_text OR old.description IS NOT new.description
        BEGIN
            INSERT INTO search_change(exhibit_id) VALUES (new.exhibit_id);
        END)sql",
                      R"sql(CREATE TRIGGER search_change_on_title AFTER UPDATE OF title, title_sort ON exhibit
            WHEN old.title IS NOT new.title OR old.title_sort IS NOT new.title_sort
        BEGIN
            INSERT INTO search_change(exhibit_id) VALUES (new.id);
        END)sql",
                      R"sql(CREATE TRIGGER search_change_on_delete AFTER DELETE ON exhibit BEGIN
            INSERT INTO search_change(exhibit_id) VALUES (old.id);
        END)sql",
                      // The log only has to reach back as far as the oldest index still catching up; one
                      // further behind than this rebuilds itself.
                      R"sql(CREATE TRIGGER search_change_trim AFTER INSERT ON search_change
            WHEN new.seq % 1000 = 0
        BEGIN
            DELETE FROM search_change WHERE seq <= new.seq - 100000;
        END)sql",
                  });
}

void upgradeToVersion5(const Database& database)
{
    run(database, {
                      "ALTER TABLE exhibit ADD COLUMN contact_email_public INTEGER NOT NULL DEFAULT 0 "
                      "CHECK (contact_email_public IN (0, 1))",
                  });
}

// An exhibit submitted again in a later edition names the earlier one by ref, the key files use.
// Deleting the earlier exhibit unlinks the later one rather than failing or taking it along. The
// check is deferred, so that one transaction may write a resubmission before the exhibit it names.
void upgradeToVersion6(const Database& database)
{
    run(database, {
                      "ALTER TABLE exhibit ADD COLUMN resubmission_of TEXT REFERENCES exhibit(ref) "
                      "ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED CHECK (resubmission_of <> ref)",
                      "CREATE INDEX exhibit_resubmissions ON exhibit(resubmission_of)",
                  });
}

void upgradeToVersion7(const Database& database)
{
    run(database, {
                      "ALTER TABLE exhibit ADD COLUMN contact_phone TEXT NOT NULL DEFAULT ''",
                      "ALTER TABLE exhibit ADD COLUMN contact_phone_public INTEGER NOT NULL DEFAULT 0 "
                      "CHECK (contact_phone_public IN (0, 1))",
                  });
}

void upgradeToVersion8(const Database& database)
{
    run(database, {
                      R"sql(CREATE TABLE privacy_scan (
            exhibit_id INTEGER PRIMARY KEY REFERENCES exhibit(id) ON DELETE CASCADE,
            exhibit_version INTEGER NOT NULL,
            rules TEXT NOT NULL,
            findings TEXT NOT NULL
        ))sql",
                  });
}

QString standardCriteriaJson()
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(Panel::standardCriteria())).toJson(QJsonDocument::Compact));
}

void upgradeToVersion9(const Database& database)
{
    run(database, {
                      "ALTER TABLE edition ADD COLUMN criteria TEXT NOT NULL DEFAULT '[]'",
                      "ALTER TABLE category ADD COLUMN reviewers TEXT NOT NULL DEFAULT '[]'",
                      R"sql(CREATE TABLE panel_score (
            exhibit_id INTEGER NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL CHECK (reviewer <> ''),
            criterion TEXT NOT NULL CHECK (criterion <> ''),
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
            comment TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (exhibit_id, reviewer, criterion)
        ))sql",
                  });
    Query(database, QStringLiteral("UPDATE edition SET criteria = ?")).bind(standardCriteriaJson()).exec();
}

} // namespace spotlight::Schema
