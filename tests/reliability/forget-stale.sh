#!/usr/bin/env bash
# Removes the catalogues and outputs crash.sh and fulldisk.sh keep between runs in FOLDER when they
# were made at another catalogue format than SPOTLIGHT-CLI makes now, so they are made again.
#
# Usage: tests/reliability/forget-stale.sh SPOTLIGHT-CLI FOLDER
set -euo pipefail
cli=$1
work=$2
mkdir -p "$work"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
XDG_RUNTIME_DIR=$probe QT_QPA_PLATFORM=offscreen "$cli" --db "$probe/probe.sqlite" init --empty >/dev/null
current=$(sqlite3 "$probe/probe.sqlite" "PRAGMA user_version")
for pristine in "$work"/pristine-*.sqlite; do
    [ -f "$pristine" ] || continue
    if [ "$(sqlite3 "$pristine" "PRAGMA user_version")" != "$current" ]; then
        rm -rf "$work"/pristine-* "$work"/format2-* "$work"/exhibits-*.csv "$work"/empty.sqlite "$work"/earlier-site
        break
    fi
done
