#!/usr/bin/env bash
# Kills spotlight-cli with SIGKILL at random moments of each kind of write, then checks that the
# catalogue opens and passes `check`, and holds all or none of the interrupted change; and that an
# output file is either the earlier one or a complete new one, never a part.
#
# Usage: tests/reliability/crash.sh [RUNS-PER-KIND] [EXHIBITS]   (defaults 20 and 20000)
# after `cmake --workflow --preset testing`, or with the programs in SPOTLIGHT_BIN (a copy, so that a
# long run goes on while the tree is rebuilt). Prints one line per kind; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
exhibits=${2:-20000}
bin=${SPOTLIGHT_BIN:-$PWD/build/testing/bin}
cli=$bin/spotlight-cli
bench=$bin/spotlight-bench
work=$PWD/build/reliability
mkdir -p "$work"
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
export QT_QPA_PLATFORM=offscreen SPOTLIGHT_CURATOR=crash-harness XDG_RUNTIME_DIR=$runtime

failures=0
fail() {
    echo "FAIL ($kind, run $run): $*" >&2
    failures=$((failures + 1))
    cp "$db" "$work/failed-$kind-$run.sqlite" 2>/dev/null || true
}
count() { sqlite3 "$db" "$1"; }

# The catalogues every run starts from: N generated exhibits, an empty one, and the CSV of the N.
pristine=$work/pristine-$exhibits.sqlite
# What an earlier build left at an older format would be upgraded by every run.
tests/reliability/forget-stale.sh "$cli" "$work"
if [ ! -f "$pristine" ]; then
    "$bench" generate "$exhibits" "$pristine" >/dev/null
fi
csv=$work/exhibits-$exhibits.csv
[ -f "$csv" ] || "$cli" --db "$pristine" export --format csv -o "$csv" >/dev/null
empty=$work/empty.sqlite
[ -f "$empty" ] || "$cli" --db "$empty" init --empty >/dev/null
# Format 2, the previous-but-one schema: what an upgrade starts from.
old=$work/format2-$exhibits.sqlite
if [ ! -f "$old" ]; then
    cp "$pristine" "$old"
    # Without what formats 3 (versions), 4 (the search change log), 5 (consent to publish a
    # contact's email), 6 (resubmission links), 7 (a contact's phone and consent to publish it),
    # 8 (privacy findings kept beside each exhibit) and 9 (sponsoring panels) added.
    sqlite3 "$old" "DROP TABLE panel_score; ALTER TABLE category DROP COLUMN reviewers; ALTER TABLE edition DROP COLUMN criteria;
        DROP TABLE privacy_scan; ALTER TABLE exhibit DROP COLUMN contact_phone_public; ALTER TABLE exhibit DROP COLUMN contact_phone;
        DROP INDEX exhibit_resubmissions; ALTER TABLE exhibit DROP COLUMN resubmission_of;
        ALTER TABLE exhibit DROP COLUMN contact_email_public; DROP TRIGGER search_change_on_text_insert; DROP TRIGGER search_change_on_text_update;
        DROP TRIGGER search_change_on_title; DROP TRIGGER search_change_on_delete; DROP TABLE search_change;
        ALTER TABLE exhibit DROP COLUMN version; PRAGMA user_version = 2;" >/dev/null
fi
withdrawn_after=$(cp "$pristine" "$work/ref.sqlite" && "$cli" --db "$work/ref.sqlite" status --query "" withdrawn \
    >/dev/null 2>&1; sqlite3 "$work/ref.sqlite" "SELECT count(*) FROM exhibit WHERE status = 'withdrawn'")
withdrawn_before=$(sqlite3 "$pristine" "SELECT count(*) FROM exhibit WHERE status = 'withdrawn'")

# Runs "$@" in the background, kills it after a random time up to $1 ms, and waits for it.
kill_after_random() {
    local limit=$1
    shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v r="$RANDOM" -v l="$limit" 'BEGIN { printf "%.3f", r / 32768 * l / 1000 }')"
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
}

# How long an uninterrupted run of the kind takes, in ms: kills fall anywhere within it.
duration_of() {
    local start
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    echo $((($(date +%s%N) - start) / 1000000))
}

checks_clean() {
    local report
    report=$("$cli" --db "$db" check 2>&1) || { fail "check failed: $report"; return 1; }
    return 0
}

# The web showcase a publish replaces: a small earlier one, made once.
earlier_site=$work/earlier-site
if [ ! -f "$earlier_site/index.html" ]; then
    "$cli" --db "$pristine" publish --query "borough:sutton" --include-unrecognised --contact crash@example.org \
        --title "The earlier showcase" -o "$earlier_site" >/dev/null 2>&1
fi
publish=("$cli" --db "$work/run.sqlite" publish --query "borough:camden" --include-unrecognised
    --contact crash@example.org -o "$work/output")

for kind in import tag status migration backup booklet publish; do
    killed=0
    outcomes=""
    db=$work/run.sqlite
    out=$work/output
    case $kind in
        import) base=$empty ;;
        migration) base=$old ;;
        *) base=$pristine ;;
    esac
    cp "$base" "$db"
    case $kind in
        import)
            limit=$(duration_of "$cli" --db "$db" import --create-editions "$csv")
            # An import that fails on its own would leave nothing to interrupt and prove nothing.
            [ "$(sqlite3 "$db" "SELECT count(*) FROM exhibit")" = "$exhibits" ] ||
                { echo "crash.sh: the uninterrupted import did not import the $exhibits exhibits" >&2; exit 1; } ;;
        tag) limit=$(duration_of "$cli" --db "$db" tag add --query "" crash-tag) ;;
        status) limit=$(duration_of "$cli" --db "$db" status --query "" withdrawn) ;;
        migration) limit=$(duration_of "$cli" --db "$db" summary)
            # A recipe for format 2 that misses what a later format added fails every upgrade alike.
            [ "$(sqlite3 "$db" "PRAGMA user_version")" -gt 2 ] ||
                { echo "crash.sh: the uninterrupted upgrade of the format 2 catalogue failed" >&2; exit 1; } ;;
        backup) rm -f "$out"; limit=$(duration_of "$cli" --db "$db" backup "$out") ;;
        booklet) limit=$(duration_of "$cli" --db "$db" export --format pdf --query "borough:camden" \
            --allow-unreviewed -o "$out") ;;
        publish) rm -rf "$out"; limit=$(duration_of "${publish[@]}"); published=$(find "$out" -type f | wc -l) ;;
    esac
    for run in $(seq 1 "$runs"); do
        rm -rf "$db" "$db-wal" "$db-shm" "$db".schema-v*.bak* "$out" "$out".partial "$work"/.output-publishing-*
        cp "$base" "$db"
        # A booklet replaces an earlier file, and a publish an earlier showcase; a backup never
        # overwrites one, so it starts with none.
        case $kind in
            backup) ;;
            publish) cp -a "$earlier_site" "$out" ;;
            *) printf 'the earlier output' >"$out" ;;
        esac
        case $kind in
            import) kill_after_random "$limit" "$cli" --db "$db" import --create-editions "$csv" ;;
            tag) kill_after_random "$limit" "$cli" --db "$db" tag add --query "" crash-tag ;;
            status) kill_after_random "$limit" "$cli" --db "$db" status --query "" withdrawn ;;
            migration) kill_after_random "$limit" "$cli" --db "$db" summary ;;
            backup) kill_after_random "$limit" "$cli" --db "$db" backup "$out" ;;
            publish) kill_after_random "$limit" "${publish[@]}" ;;
            booklet) kill_after_random "$limit" "$cli" --db "$db" export --format pdf --query "borough:camden" \
                --allow-unreviewed -o "$out" ;;
        esac
        # The format before `check`, which upgrades a file still at format 2.
        format=$(count "PRAGMA user_version")
        checks_clean || continue
        case $kind in
            import)
                n=$(count "SELECT count(*) FROM exhibit")
                [ "$n" = 0 ] || [ "$n" = "$exhibits" ] || fail "$n of $exhibits exhibits imported"
                outcome=$([ "$n" = 0 ] && echo none || echo all) ;;
            tag)
                n=$(count "SELECT count(*) FROM exhibit_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = 'crash-tag'")
                [ "$n" = 0 ] || [ "$n" = "$exhibits" ] || fail "$n of $exhibits exhibits tagged"
                outcome=$([ "$n" = 0 ] && echo none || echo all) ;;
            status)
                n=$(count "SELECT count(*) FROM exhibit WHERE status = 'withdrawn'")
                [ "$n" = "$withdrawn_before" ] || [ "$n" = "$withdrawn_after" ] ||
                    fail "$n withdrawn, expected $withdrawn_before or $withdrawn_after"
                outcome=$([ "$n" = "$withdrawn_before" ] && echo none || echo all) ;;
            migration)
                [ "$format" = 2 ] || [ "$format" -ge 3 ] || fail "format $format"
                n=$(count "SELECT count(*) FROM exhibit")
                [ "$n" = "$exhibits" ] || fail "$n exhibits after the upgrade"
                outcome=$([ "$format" = 2 ] && echo none || echo all) ;;
            publish)
                # The earlier showcase whole, or the new one complete: never a mix, never none.
                if diff -r -q "$earlier_site" "$out" >/dev/null 2>&1; then
                    outcome=none
                elif [ "$(find "$out" -type f | wc -l)" = "$published" ] && pdfinfo "$out/downloads/showcase.pdf" \
                    >/dev/null 2>&1 && grep -q "</html>" "$out/index.html"; then
                    outcome=all
                else
                    fail "the showcase is neither the earlier one nor a complete new one"
                    outcome=partial
                fi ;;
            backup | booklet)
                if [ ! -e "$out" ] || cmp -s "$out" <(printf 'the earlier output'); then
                    outcome=none
                elif [ "$kind" = backup ] && "$cli" --db "$out" check >/dev/null 2>&1 &&
                    [ "$(sqlite3 "$out" "SELECT count(*) FROM exhibit")" = "$exhibits" ]; then
                    outcome=all
                elif [ "$kind" = booklet ] && pdfinfo "$out" >/dev/null 2>&1; then
                    outcome=all
                else
                    fail "the output is neither the earlier file nor a complete new one"
                    outcome=partial
                fi ;;
        esac
        outcomes="$outcomes $outcome"
    done
    none=$(grep -o none <<<"$outcomes" | wc -l)
    all=$(grep -o all <<<"$outcomes" | wc -l)
    printf '%-10s %4d runs over %6d ms, %4d killed mid-run: %4d left nothing, %4d complete, checks clean\n' \
        "$kind" "$runs" "$limit" "$killed" "$none" "$all"
done
rm -rf "$work/run.sqlite" "$work/run.sqlite-wal" "$work/run.sqlite-shm" "$work/output" "$work"/.output-publishing-*
echo "failures: $failures"
[ "$failures" -eq 0 ]
