#!/usr/bin/env bash
# Builds a generated catalogue of N exhibits (default 100,000) and prints the benchmark figures.
# Usage: tests/bench/run.sh [N]   (after `cmake --workflow --preset testing`)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
bench=build/testing/bin/spotlight-bench
catalogue=build/bench/catalogue-$count.sqlite
mkdir -p build/bench
if [ ! -f "$catalogue" ]; then
    "$bench" generate "$count" "$catalogue"
fi
echo "# $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -srm)"
"$bench" search "$catalogue"
"$bench" io "$catalogue"
build/testing/bin/spotlight-window-bench "$catalogue"
# Each booklet in its own process, so that each peak memory figure is its own.
for exhibits in 17 1000 10000; do
    "$bench" booklet "$catalogue" "$exhibits"
done
