#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset, build/fuzz) and runs each for a while, starting
# from the committed seeds in tests/fuzz/corpus/<target>. New inputs go to build/fuzz/corpus/<target>
# (kept between runs), crashes to build/fuzz/artifacts/<target>/. Exits 1 if any target crashed.
#
#   tests/fuzz/run.sh [SECONDS-PER-TARGET] [TARGET...]     (default 60 s; all targets)
#
# JOBS sets the build's parallelism (default 2). Targets: csv csv_import json query_parser search xlsx.
# FUZZ_RUNS=N runs each target for N inputs instead of a time, and FUZZ_SEED=S fixes libFuzzer's
# random seed: together they make a run repeatable, as CI's is (.ci/run). FUZZ_TIMEOUT (default 10 s)
# is how long one input may take before it counts as a hang: raise it for a long run on a machine
# that is busy with other work, then replay each timeout-* input alone to see if it really hangs.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(csv csv_import json query_parser search xlsx)
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-2}"

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0}

failed=()
printf '\n%-13s %10s %8s %7s %7s %7s  %s\n' target executions exec/s cov ft corpus result
for target in "${targets[@]}"; do
    case $target in
    csv | csv_import) dict=tests/fuzz/csv.dict ;;
    query_parser | search) dict=tests/fuzz/query.dict ;;
    xlsx) dict=tests/fuzz/xlsx.dict ;;
    *) dict= ;;
    esac
    work=build/fuzz/corpus/$target
    artifacts=build/fuzz/artifacts/$target
    log=build/fuzz/logs/$target.log
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    status=0
    limit=(-max_total_time="$seconds")
    if [ -n "${FUZZ_RUNS:-}" ]; then
        limit=(-runs="$FUZZ_RUNS")
    fi
    build/fuzz/bin/fuzz_"$target" "${limit[@]}" -seed="${FUZZ_SEED:-0}" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" ${dict:+-dict="$dict"} \
        "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
    if [ "$status" -eq 0 ]; then
        result=ok
    else
        result="CRASHED (exit $status): $(grep -m1 -E '==FINDING==|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" || true)"
        failed+=("$target")
    fi
    printf '%-13s %10s %8s %7s %7s %7s  %s\n' "$target" "${executions:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
        "${corpus:-?}" "$result"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo
    for target in "${failed[@]}"; do
        echo "== $target: build/fuzz/logs/$target.log; inputs in build/fuzz/artifacts/$target/" >&2
        grep -A 30 -m1 -E '==FINDING==|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' \
            "build/fuzz/logs/$target.log" >&2 || tail -n 30 "build/fuzz/logs/$target.log" >&2
    done
    exit 1
fi
