#include "PostgresSchema.h"

#include "Database.h"
#include "Query.h"
#include "Schema.h"

#include <initializer_list>

namespace spotlight::PostgresSchema {
namespace {

void run(const Database& database, std::initializer_list<QString> statements)
{
    for (const QString& statement : statements) {
        database.exec(statement);
    }
}

// Grants a table that a later format added to the roles `server init` made for the catalogue's
// curators and viewers, when it made them.
QString grantToTeam(const QString& table)
{
    return QStringLiteral(R"sql(DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_curators') THEN
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %I', current_database() || '_curators');
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_viewers') THEN
                EXECUTE format('GRANT SELECT ON %1 TO %I', current_database() || '_viewers');
            END IF;
        END $$)sql")
        .arg(table);
}

// Tables whose rows are numbered by the catalogue: as SQLite numbers an INTEGER PRIMARY KEY, one
// past the highest, so that a row put back by Undo keeps its number and a new one never collides
// with it (an identity sequence would hand out a number a restored row already has). Writers take
// turns (PostgresDatabase::beginWrite), so two never pick the same number.
const char* const NumberedTables[] = {"authority", "edition", "category",     "exhibit",    "tag",
                                      "evidence",  "review",  "saved_search", "change_log", "search_change"};

// Every table a change can touch: each statement on one moves the catalogue's data version on.
const char* const ChangingTables[] = {
    "authority",         "authority_key",    "edition",        "category", "exhibit",  "exhibit_text",
    "exhibit_authority", "exhibit_category", "exhibit_tag",    "tag",      "evidence", "review",
    "saved_search",      "change_log",       "privacy_review",
};

// The tables whose rows belong to one exhibit, and the column naming it: their changes are
// announced with the exhibits' ids.
const std::pair<const char*, const char*> ExhibitRows[] = {
    {"exhibit", "id"},
    {"exhibit_authority", "exhibit_id"},
    {"exhibit_category", "exhibit_id"},
    {"exhibit_tag", "exhibit_id"},
    {"evidence", "exhibit_id"},
    {"review", "exhibit_id"},
};
// Past this many, a notification says "exhibits *": a window then refreshes everything it shows,
// and the payload stays well inside PostgreSQL's 8,000 bytes.
constexpr int MostExhibitsNamed = 500;

// The trigger function spotlight_COLUMN keeping exhibit_text.COLUMN, the search text an exhibit takes
// from its rows of NAMED (authorities, tags), in step with its links in LINKS and with renames in
// NAMED. `textOf` is the SQL of that text for an exhibit id, as the file's triggers use it.
QString linkTextFunction(const Database& database, const QString& column, const QString& named, const QString& links,
                         QString (*textOf)(const SqlDialect&, const QString&))
{
    return QStringLiteral(R"sql(CREATE FUNCTION spotlight_%1() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = '%2' THEN
                UPDATE exhibit_text SET %1 = %4
                WHERE exhibit_id IN (SELECT exhibit_id FROM %3 WHERE %2_id = new.id);
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE exhibit_text SET %1 = %5 WHERE exhibit_id = old.exhibit_id;
            ELSE
                UPDATE exhibit_text SET %1 = %6 WHERE exhibit_id = new.exhibit_id;
            END IF;
            RETURN NULL;
        END $$)sql")
        .arg(column, named, links, textOf(database.sql(), QStringLiteral("exhibit_text.exhibit_id")),
             textOf(database.sql(), QStringLiteral("old.exhibit_id")),
             textOf(database.sql(), QStringLiteral("new.exhibit_id")));
}

} // namespace

// Format 6 as one step: catalogues on a server began at format 6. The same tables, columns and
// constraints as an SQLite catalogue at format 6, so that `copy` moves every row across unchanged;
// what differs is how PostgreSQL spells them:
// - names compared without regard to case (SQLite's COLLATE NOCASE columns) are citext, whose LIKE
//   ignores case too; a `nocase` collation, created here, serves the statements that say COLLATE
//   NOCASE themselves;
// - full-text search is a weighted tsvector kept in exhibit_text (title A, summary B, tags and
//   authorities C, description D), folded by unaccent, in place of FTS5;
// - the triggers are PL/pgSQL functions.
void createVersion6(const Database& database)
{
    run(database,
        {
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS unaccent"),
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext"),
            QStringLiteral(
                "CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = "
                "false)"),
            QStringLiteral("CREATE TABLE spotlight_catalogue (key text PRIMARY KEY, value text NOT NULL)"),
            QStringLiteral("INSERT INTO spotlight_catalogue (key, value) VALUES ('application', "
                           "'london.liia.Spotlight')"),
            // One row: moves on with every statement that changes the catalogue, and commits with it.
            QStringLiteral("CREATE TABLE spotlight_state (one boolean PRIMARY KEY DEFAULT true CHECK (one), "
                           "data_version bigint NOT NULL)"),
            QStringLiteral("INSERT INTO spotlight_state (one, data_version) VALUES (true, 0)"),

            QStringLiteral(R"sql(CREATE TABLE authority (
            id bigint PRIMARY KEY,
            gss_code text NOT NULL UNIQUE,
            name text NOT NULL UNIQUE,
            short_name text NOT NULL,
            abbreviation text NOT NULL,
            inner_london integer NOT NULL CHECK (inner_london IN (0, 1)),
            tile_row integer NOT NULL,
            tile_column integer NOT NULL,
            aliases text NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE authority_key (
            key text PRIMARY KEY,
            authority_id bigint NOT NULL REFERENCES authority(id) ON DELETE CASCADE
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE edition (
            id bigint PRIMARY KEY,
            name citext NOT NULL UNIQUE CHECK (name <> ''),
            year integer NOT NULL,
            event text NOT NULL DEFAULT '',
            starts_on text,
            ends_on text,
            venue text NOT NULL DEFAULT '',
            description text NOT NULL DEFAULT '',
            archived integer NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            signatory_name text NOT NULL DEFAULT '',
            signatory_role text NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE category (
            id bigint PRIMARY KEY,
            edition_id bigint NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            name citext NOT NULL CHECK (name <> ''),
            sponsor text NOT NULL DEFAULT '',
            description text NOT NULL DEFAULT '',
            position integer NOT NULL DEFAULT 0,
            UNIQUE (edition_id, name)
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE exhibit (
            id bigint PRIMARY KEY,
            ref text NOT NULL UNIQUE CHECK (ref <> ''),
            title text NOT NULL CHECK (title <> ''),
            title_sort text COLLATE "C" NOT NULL,
            edition_id bigint REFERENCES edition(id) ON DELETE RESTRICT,
            status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in-review', 'recognised',
                                                   'showcased', 'archived', 'withdrawn')),
            contact_name text NOT NULL DEFAULT '',
            contact_role text NOT NULL DEFAULT '',
            contact_email text NOT NULL DEFAULT '',
            age_range text NOT NULL DEFAULT '',
            stand_number text NOT NULL DEFAULT '',
            declared_level integer NOT NULL DEFAULT 0 CHECK (declared_level BETWEEN 0 AND 5),
            evidence_level integer NOT NULL DEFAULT 0 CHECK (evidence_level BETWEEN 0 AND 5),
            created_at text NOT NULL,
            updated_at text NOT NULL,
            version integer NOT NULL DEFAULT 1,
            contact_email_public integer NOT NULL DEFAULT 0 CHECK (contact_email_public IN (0, 1)),
            resubmission_of text REFERENCES exhibit(ref) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
                CHECK (resubmission_of <> ref)
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE exhibit_text (
            exhibit_id bigint PRIMARY KEY REFERENCES exhibit(id) ON DELETE CASCADE,
            summary text NOT NULL DEFAULT '',
            description text NOT NULL DEFAULT '',
            partner_organisations text NOT NULL DEFAULT '[]',
            target_groups text NOT NULL DEFAULT '[]',
            links text NOT NULL DEFAULT '[]',
            authorities_text text NOT NULL DEFAULT '',
            tags_text text NOT NULL DEFAULT '',
            indexed integer NOT NULL DEFAULT 1 CHECK (indexed IN (0, 1)),
            search_vector tsvector NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral("CREATE INDEX exhibit_text_search ON exhibit_text USING gin (search_vector)"),
            QStringLiteral("CREATE INDEX exhibit_by_title ON exhibit(title_sort)"),
            QStringLiteral("CREATE INDEX exhibit_by_edition ON exhibit(edition_id, title_sort)"),
            QStringLiteral("CREATE INDEX exhibit_by_status ON exhibit(status, title_sort)"),
            QStringLiteral("CREATE INDEX exhibit_by_level ON exhibit(evidence_level, title_sort)"),
            QStringLiteral("CREATE INDEX exhibit_resubmissions ON exhibit(resubmission_of)"),

            QStringLiteral(R"sql(CREATE TABLE exhibit_authority (
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            authority_id bigint NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
            role text NOT NULL CHECK (role IN ('lead', 'partner')),
            position integer NOT NULL,
            PRIMARY KEY (exhibit_id, authority_id)
        ))sql"),
            QStringLiteral("CREATE UNIQUE INDEX exhibit_has_one_lead ON exhibit_authority(exhibit_id) WHERE role = "
                           "'lead'"),
            QStringLiteral("CREATE INDEX authority_exhibits ON exhibit_authority(authority_id, exhibit_id)"),
            QStringLiteral(R"sql(CREATE TABLE exhibit_category (
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            category_id bigint NOT NULL REFERENCES category(id) ON DELETE CASCADE,
            PRIMARY KEY (exhibit_id, category_id)
        ))sql"),
            QStringLiteral("CREATE INDEX category_exhibits ON exhibit_category(category_id, exhibit_id)"),
            QStringLiteral(R"sql(CREATE TABLE tag (
            id bigint PRIMARY KEY,
            name text NOT NULL UNIQUE CHECK (name <> ''),
            colour text NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE exhibit_tag (
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            tag_id bigint NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
            PRIMARY KEY (exhibit_id, tag_id)
        ))sql"),
            QStringLiteral("CREATE INDEX tag_exhibits ON exhibit_tag(tag_id, exhibit_id)"),
            QStringLiteral(R"sql(CREATE TABLE evidence (
            id bigint PRIMARY KEY,
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            position integer NOT NULL,
            kind text NOT NULL CHECK (kind IN ('evaluation-report', 'outcome-data', 'case-study',
                                               'practitioner-feedback', 'child-family-voice',
                                               'inspection-finding', 'external-rating')),
            title text NOT NULL CHECK (title <> ''),
            summary text NOT NULL DEFAULT '',
            level integer NOT NULL CHECK (level BETWEEN 0 AND 5),
            date text,
            source_url text NOT NULL DEFAULT '',
            attachment text NOT NULL DEFAULT '',
            key_figures text NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral("CREATE INDEX evidence_of_exhibit ON evidence(exhibit_id, position)"),
            QStringLiteral("CREATE INDEX evidence_by_kind ON evidence(kind, exhibit_id)"),
            QStringLiteral(R"sql(CREATE TABLE review (
            id bigint PRIMARY KEY,
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            position integer NOT NULL,
            panel text NOT NULL DEFAULT '',
            date text,
            reviewers text NOT NULL DEFAULT '',
            feedback text NOT NULL DEFAULT '',
            recognition text NOT NULL DEFAULT ''
        ))sql"),
            QStringLiteral("CREATE INDEX review_of_exhibit ON review(exhibit_id, position)"),
            QStringLiteral(R"sql(CREATE TABLE saved_search (
            id bigint PRIMARY KEY,
            name citext NOT NULL UNIQUE CHECK (name <> ''),
            query text NOT NULL
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE change_log (
            id bigint PRIMARY KEY,
            at text NOT NULL,
            who text NOT NULL,
            exhibit_ref text NOT NULL DEFAULT '',
            action text NOT NULL,
            field text NOT NULL DEFAULT '',
            before text,
            after text
        ))sql"),
            QStringLiteral("CREATE INDEX change_log_of_exhibit ON change_log(exhibit_ref, id)"),
            QStringLiteral(R"sql(CREATE TABLE privacy_review (
            exhibit_ref text NOT NULL,
            finding_key text NOT NULL,
            reason text NOT NULL CHECK (reason <> ''),
            who text NOT NULL,
            at text NOT NULL,
            PRIMARY KEY (exhibit_ref, finding_key)
        ))sql"),
            QStringLiteral(R"sql(CREATE TABLE search_change (
            seq bigint PRIMARY KEY,
            exhibit_id bigint NOT NULL
        ))sql"),
        });

    run(database,
        {
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'search_change' THEN
                IF new.seq IS NULL THEN
                    SELECT coalesce(max(seq), 0) + 1 INTO new.seq FROM search_change;
                END IF;
            ELSIF new.id IS NULL THEN
                EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', TG_TABLE_NAME) INTO new.id;
            END IF;
            RETURN new;
        END $$)sql"),
            // Windows listening on spotlight_changed learn, when a change commits, which tables it
            // touched ("tag") and which exhibits ("exhibits 12,40", or "exhibits *" for too many to
            // name in one notification). The server folds repeats within a transaction into one.
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- Once per transaction: the same row updated for every statement of a large import
            -- leaves a chain of versions each later update must walk.
            IF current_setting('spotlight.version_moved', true) IS DISTINCT FROM 'yes' THEN
                UPDATE spotlight_state SET data_version = data_version + 1;
                PERFORM set_config('spotlight.version_moved', 'yes', true);
            END IF;
            PERFORM pg_notify('spotlight_changed', TG_TABLE_NAME);
            RETURN NULL;
        END $$)sql"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_exhibits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            ids text;
        BEGIN
            IF TG_ARGV[0] = 'id' THEN
                SELECT CASE WHEN count(*) > %1 THEN '*' ELSE string_agg(DISTINCT id::text, ',') END
                INTO ids FROM changed_rows;
            ELSE
                SELECT CASE WHEN count(*) > %1 THEN '*' ELSE string_agg(DISTINCT exhibit_id::text, ',') END
                INTO ids FROM changed_rows;
            END IF;
            IF ids IS NOT NULL THEN
                PERFORM pg_notify('spotlight_changed', 'exhibits ' || ids);
            END IF;
            RETURN NULL;
        END $$)sql")
                .arg(MostExhibitsNamed),

            // Searchable text as FTS5's unicode61 tokenizer with remove_diacritics sees it: folded,
            // lower case, runs of letters and digits.
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_fold(value text) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT regexp_replace(lower(unaccent(value)), '[^[:alnum:]]+', ' ', 'g')
        $$)sql"),
            QStringLiteral(
                R"sql(CREATE FUNCTION spotlight_query(expression text) RETURNS tsquery LANGUAGE sql STABLE AS $$
            SELECT to_tsquery('simple', lower(unaccent(expression)))
        $$)sql"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_document(title text, summary text, tags text,
                                                    authorities text, description text)
            RETURNS tsvector LANGUAGE sql STABLE AS $$
            SELECT setweight(to_tsvector('simple', spotlight_fold(title)), 'A') ||
                   setweight(to_tsvector('simple', spotlight_fold(summary)), 'B') ||
                   setweight(to_tsvector('simple', spotlight_fold(tags || ' ' || authorities)), 'C') ||
                   setweight(to_tsvector('simple', spotlight_fold(description)), 'D')
        $$)sql"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_index() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            new.search_vector := spotlight_document(
                coalesce((SELECT title FROM exhibit WHERE id = new.exhibit_id), ''), new.summary, new.tags_text,
                new.authorities_text, new.description);
            RETURN new;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER exhibit_text_index BEFORE INSERT OR UPDATE OF summary, description, "
                           "tags_text, authorities_text ON exhibit_text FOR EACH ROW EXECUTE FUNCTION "
                           "spotlight_index()"),
            // A new title is indexed by touching the exhibit's text, which runs the trigger above.
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_title_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF old.title IS DISTINCT FROM new.title THEN
                UPDATE exhibit_text SET summary = summary WHERE exhibit_id = new.id;
            END IF;
            IF old.title IS DISTINCT FROM new.title OR old.title_sort IS DISTINCT FROM new.title_sort THEN
                INSERT INTO search_change (exhibit_id) VALUES (new.id);
            END IF;
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER exhibit_title_changed AFTER UPDATE OF title, title_sort ON exhibit "
                           "FOR EACH ROW EXECUTE FUNCTION spotlight_title_changed()"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' OR old.summary IS DISTINCT FROM new.summary
               OR old.tags_text IS DISTINCT FROM new.tags_text
               OR old.authorities_text IS DISTINCT FROM new.authorities_text
               OR old.description IS DISTINCT FROM new.description THEN
                INSERT INTO search_change (exhibit_id) VALUES (new.exhibit_id);
            END IF;
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER exhibit_text_changed AFTER INSERT OR UPDATE OF summary, description, "
                           "tags_text, authorities_text ON exhibit_text FOR EACH ROW EXECUTE FUNCTION "
                           "spotlight_text_changed()"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_exhibit_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO search_change (exhibit_id) VALUES (old.id);
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER exhibit_deleted AFTER DELETE ON exhibit FOR EACH ROW EXECUTE FUNCTION "
                           "spotlight_exhibit_deleted()"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_trim_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF new.seq % 1000 = 0 THEN
                DELETE FROM search_change WHERE seq <= new.seq - 100000;
            END IF;
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER search_change_trim AFTER INSERT ON search_change FOR EACH ROW EXECUTE "
                           "FUNCTION spotlight_trim_search_change()"),

            // An exhibit's level is the higher of its declared level and its best evidence.
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_level(target bigint) RETURNS void LANGUAGE sql AS $$
            UPDATE exhibit SET evidence_level = greatest(declared_level,
                (SELECT coalesce(max(level), 0) FROM evidence WHERE exhibit_id = target))
            WHERE id = target
        $$)sql"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_exhibit_level() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM spotlight_level(new.id);
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER exhibit_level_on_insert AFTER INSERT ON exhibit FOR EACH ROW EXECUTE "
                           "FUNCTION spotlight_exhibit_level()"),
            QStringLiteral("CREATE TRIGGER exhibit_level_on_declared AFTER UPDATE OF declared_level ON exhibit FOR "
                           "EACH ROW EXECUTE FUNCTION spotlight_exhibit_level()"),
            QStringLiteral(R"sql(CREATE FUNCTION spotlight_evidence_level() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                PERFORM spotlight_level(old.exhibit_id);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM spotlight_level(new.exhibit_id);
            END IF;
            RETURN NULL;
        END $$)sql"),
            QStringLiteral("CREATE TRIGGER evidence_level AFTER INSERT OR DELETE OR UPDATE OF level, exhibit_id ON "
                           "evidence FOR EACH ROW EXECUTE FUNCTION spotlight_evidence_level()"),

            // The search text of an exhibit's authorities and tags follows their links and names.
            linkTextFunction(database, QStringLiteral("authorities_text"), QStringLiteral("authority"),
                             QStringLiteral("exhibit_authority"), &Schema::authoritiesTextOf),
            QStringLiteral("CREATE TRIGGER authorities_text_on_link AFTER INSERT OR DELETE ON exhibit_authority FOR "
                           "EACH ROW EXECUTE FUNCTION spotlight_authorities_text()"),
            QStringLiteral("CREATE TRIGGER authorities_text_on_rename AFTER UPDATE OF name, short_name, aliases ON "
                           "authority FOR EACH ROW EXECUTE FUNCTION spotlight_authorities_text()"),
            linkTextFunction(database, QStringLiteral("tags_text"), QStringLiteral("tag"),
                             QStringLiteral("exhibit_tag"), &Schema::tagsTextOf),
            QStringLiteral("CREATE TRIGGER tags_text_on_link AFTER INSERT OR DELETE ON exhibit_tag FOR EACH ROW "
                           "EXECUTE FUNCTION spotlight_tags_text()"),
            QStringLiteral("CREATE TRIGGER tags_text_on_rename AFTER UPDATE OF name ON tag FOR EACH ROW EXECUTE "
                           "FUNCTION spotlight_tags_text()"),
        });

    for (const char* table : NumberedTables) {
        database.exec(QStringLiteral("CREATE TRIGGER %1_numbered BEFORE INSERT ON %1 FOR EACH ROW EXECUTE FUNCTION "
                                     "spotlight_next_id()")
                          .arg(QLatin1String(table)));
    }
    for (const char* table : ChangingTables) {
        database.exec(
            QStringLiteral("CREATE TRIGGER %1_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %1 "
                           "FOR EACH STATEMENT EXECUTE FUNCTION spotlight_changed()")
                .arg(QLatin1String(table)));
    }
    // A statement's changed rows, as a transition table, name the exhibits it changed; PostgreSQL
    // wants one trigger per event for that.
    for (const auto& [table, column] : ExhibitRows) {
        for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
            database.exec(QStringLiteral("CREATE TRIGGER %1_exhibits_on_%2 AFTER %3 ON %1 REFERENCING %4 TABLE AS "
                                         "changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "
                                         "spotlight_exhibits_changed('%5')")
                              .arg(QLatin1String(table), QString::fromLatin1(event).toLower(), QLatin1String(event),
                                   QLatin1String(qstrcmp(event, "DELETE") == 0 ? "OLD" : "NEW"),
                                   QLatin1String(column)));
        }
    }
}

void upgradeToVersion8(const Database& database)
{
    run(database, {
                      QStringLiteral(R"sql(CREATE TABLE privacy_scan (
            exhibit_id bigint PRIMARY KEY REFERENCES exhibit(id) ON DELETE CASCADE,
            exhibit_version bigint NOT NULL,
            rules text NOT NULL,
            findings text NOT NULL
        ))sql"),
                      // `server init` granted the tables there were then; this one joins them. A cache, not a
                      // change: no trigger moves the data version or tells other windows.
                      grantToTeam(QStringLiteral("privacy_scan")),
                  });
}

void upgradeToVersion9(const Database& database)
{
    run(database, {
                      QStringLiteral("ALTER TABLE edition ADD COLUMN criteria text NOT NULL DEFAULT '[]'"),
                      QStringLiteral("ALTER TABLE category ADD COLUMN reviewers text NOT NULL DEFAULT '[]'"),
                      QStringLiteral(R"sql(CREATE TABLE panel_score (
            exhibit_id bigint NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
            reviewer text NOT NULL CHECK (reviewer <> ''),
            criterion text NOT NULL CHECK (criterion <> ''),
            score integer NOT NULL CHECK (score BETWEEN 1 AND 4),
            comment text NOT NULL DEFAULT '',
            PRIMARY KEY (exhibit_id, reviewer, criterion)
        ))sql"),
                      // Written with the exhibit, whose own row's trigger tells the other windows.
                      grantToTeam(QStringLiteral("panel_score")),
                  });
    Query(database, QStringLiteral("UPDATE edition SET criteria = ?")).bind(Schema::standardCriteriaJson()).exec();
}

} // namespace spotlight::PostgresSchema
