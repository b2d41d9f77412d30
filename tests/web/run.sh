#!/usr/bin/env bash
# The web showcase checked as readers meet it: publishes the seed catalogue and a generated one of
# 300 exhibits with long, accented and right-to-left text, validates every page with tidy, then
# runs check.mjs (axe-core, 320 px reflow, links, requests, keyboard, no-JavaScript) in Debian's
# headless Chromium. The checks' own tooling comes from npm, pinned in package-lock.json and
# installed here with `npm ci`; the program itself uses none of it.
#   tests/web/run.sh SPOTLIGHT-CLI SPOTLIGHT-BENCH WORK-FOLDER
# Exits 77 (skipped) when a tool is missing, except under CI=true, where that is a failure.
set -euo pipefail

cli=$1
bench=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)

missing=()
for tool in node npm tidy; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    echo "web checks need ${missing[*]}: run packaging/setup.sh"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi

# The tooling, installed once per lockfile into the build folder.
tools=$work/tools
mkdir -p "$tools"
if ! cmp -s "$here/package-lock.json" "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$tools/"
    (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
cp "$here/check.mjs" "$tools/"

sites=$work/sites
rm -rf "$sites"
mkdir -p "$sites"
export SOURCE_DATE_EPOCH=1740000000
"$cli" --db "$sites/seed.sqlite" init >/dev/null
printf '%s\n\n%s\n' "Practice Spotlight showcases what London's children's services do well, so that others can learn from it." \
    "Search the exhibits, or browse them by **authority**, *category*, tag or evidence level." >"$sites/intro.md"
"$cli" --db "$sites/seed.sqlite" publish --include-unrecognised --contact spotlight@liia.example \
    --title "Practice Spotlight 2025" --intro "$sites/intro.md" -o "$sites/seed"
"$bench" generate 300 "$sites/generated.sqlite" --varied >/dev/null
"$cli" --db "$sites/generated.sqlite" publish --include-unrecognised --contact spotlight@liia.example \
    -o "$sites/generated"

# tidy exits 2 on errors; its warnings (it does not know SVG links or every ARIA attribute) are not.
pages=0
errors=0
while IFS= read -r -d '' page; do
    pages=$((pages + 1))
    status=0
    tidy -e -q "$page" >"$sites/tidy.txt" 2>&1 || status=$?
    if [ "$status" -ge 2 ]; then
        errors=$((errors + 1))
        echo "tidy: errors in $page"
        grep -i error "$sites/tidy.txt" | head -5
    fi
done < <(find "$sites/seed" "$sites/generated" -name '*.html' -print0)
echo "tidy: $pages pages, $errors with errors"

node "$tools/check.mjs" "$sites/seed" "$sites/generated:sample"
[ "$errors" -eq 0 ]
