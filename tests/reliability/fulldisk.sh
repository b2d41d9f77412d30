#!/usr/bin/env bash
# Fills a small file system (a size-limited tmpfs) during an import, a CSV export, a backup and a web
# publish, and checks each says the disk is full, exits 1, and leaves the catalogue and any earlier
# output as they were.
#
# Usage: tests/reliability/fulldisk.sh [EXHIBITS]   (default 5000) after the testing workflow; reuses
# crash.sh's generated catalogue when there is one. Mounting needs root (and a machine that allows
# it); without it the script says so and exits 77, skipped.
set -uo pipefail
cd "$(dirname "$0")/../.."
exhibits=${1:-5000}
cli=$PWD/build/testing/bin/spotlight-cli
bench=$PWD/build/testing/bin/spotlight-bench
work=$PWD/build/reliability
mkdir -p "$work"
runtime=$(mktemp -d)
tiny=$(mktemp -d)
cleanup() {
    umount "$tiny" 2>/dev/null
    rm -rf "$runtime" "$tiny"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen SPOTLIGHT_CURATOR=fulldisk-harness XDG_RUNTIME_DIR=$runtime

pristine=$work/pristine-$exhibits.sqlite
# One left by an earlier build may be at an older format: opening it would upgrade it first.
"$(dirname "$0")/forget-stale.sh" "$cli" "$work"
[ -f "$pristine" ] || "$bench" generate "$exhibits" "$pristine" >/dev/null
csv=$work/exhibits-$exhibits.csv
[ -f "$csv" ] || "$cli" --db "$pristine" export --format csv -o "$csv" >/dev/null

# A file system with room for the catalogue and the earlier outputs, and little else.
size_kb=$(($(du -k "$pristine" | cut -f1) + 12288))
if ! mount -t tmpfs -o size=${size_kb}k tmpfs "$tiny" 2>/dev/null; then
    echo "fulldisk.sh: cannot mount a small file system here (needs root); skipped"
    exit 77
fi

failures=0
fail() {
    echo "FAIL ($what): $*" >&2
    failures=$((failures + 1))
}
# Fills what is left of the file system but `leave` KB.
fill() {
    local leave=$1
    rm -f "$tiny/ballast"
    local free_kb
    free_kb=$(df -k --output=avail "$tiny" | tail -1)
    [ "$free_kb" -gt "$leave" ] && head -c $(((free_kb - leave) * 1024)) /dev/zero >"$tiny/ballast" 2>/dev/null
}
# Runs the command, which must fail with a message about the full disk.
expect_full() {
    local output status
    output=$("$@" 2>&1)
    status=$?
    output=$(grep -v XDG_RUNTIME <<<"$output")
    [ "$status" = 1 ] || fail "exit status $status, not 1"
    grep -qi "full\|no space" <<<"$output" || fail "the message does not say the disk is full: $output"
    printf '%-8s exit %s: %s\n' "$what" "$status" "$(grep -m1 "spotlight-cli:" <<<"$output" | cut -c1-160)"
}

db=$tiny/catalogue.sqlite
cp "$pristine" "$db"

what=export
printf 'the earlier export' >"$tiny/earlier.csv"
fill 200
expect_full "$cli" --db "$db" export --format csv -o "$tiny/earlier.csv"
[ "$(cat "$tiny/earlier.csv")" = "the earlier export" ] || fail "the earlier file changed"

what=backup
expect_full "$cli" --db "$db" backup "$tiny/backup.sqlite"
[ ! -e "$tiny/backup.sqlite" ] || fail "a partial backup was left"

what=publish
rm -f "$tiny/ballast"
"$cli" --db "$db" publish --query "borough:sutton" --include-unrecognised --no-booklet --contact a@example.org \
    -o "$tiny/site" >/dev/null 2>&1 || fail "the earlier showcase could not be published"
cp -a "$tiny/site" "$work/fulldisk-earlier-site"
fill 300
expect_full "$cli" --db "$db" publish --include-unrecognised --contact a@example.org -o "$tiny/site"
diff -r -q "$work/fulldisk-earlier-site" "$tiny/site" >/dev/null || fail "the earlier showcase changed"
ls -a "$tiny" | grep -q publishing && fail "a temporary folder was left behind"
rm -rf "$work/fulldisk-earlier-site"

what=import
rm -f "$tiny/ballast" "$db" "$db-wal" "$db-shm"
"$cli" --db "$db" init --empty >/dev/null 2>&1
fill 400
expect_full "$cli" --db "$db" import --create-editions "$csv"
rm -f "$tiny/ballast"
"$cli" --db "$db" check >/dev/null 2>&1 || fail "check failed after the import"
[ "$(sqlite3 "$db" "SELECT count(*) FROM exhibit")" = 0 ] || fail "part of the import was written"

echo "failures: $failures"
[ "$failures" -eq 0 ]
