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
"$bench" workbook 5000
build/testing/bin/spotlight-window-bench "$catalogue"
# Each booklet in its own process, so that each peak memory figure is its own.
for exhibits in 17 1000 10000; do
    "$bench" booklet "$catalogue" "$exhibits"
done
# Bulk edits from the command line on 20,000 exhibits, each in its own process: time and peak memory.
bulk=build/bench/catalogue-20000.sqlite
if [ ! -f "$bulk" ]; then
    "$bench" generate 20000 "$bulk"
fi
cp "$bulk" build/bench/bulk.sqlite
rm -f build/bench/bulk.sqlite-wal build/bench/bulk.sqlite-shm
cli=build/testing/bin/spotlight-cli
/usr/bin/time -f "bulk: tag add --query '' on 20,000 exhibits: %e s, %M KB peak" \
    "$cli" --db build/bench/bulk.sqlite tag add --query "" bulk-tag >/dev/null
/usr/bin/time -f "bulk: tag remove --query '' on 20,000 exhibits: %e s, %M KB peak" \
    "$cli" --db build/bench/bulk.sqlite tag remove --query "" bulk-tag >/dev/null
/usr/bin/time -f "bulk: status --query '' withdrawn on 20,000 exhibits: %e s, %M KB peak" \
    "$cli" --db build/bench/bulk.sqlite status --query "" withdrawn >/dev/null || true
