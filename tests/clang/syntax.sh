#!/usr/bin/env bash
# Compiles every translation unit of a g++ build again with clang++ -fsyntax-only and the same flags
# (-Wall -Wextra -Wpedantic -Werror), so that code only g++ accepts fails CI within minutes rather
# than in the fuzz build (clang 14 refused a C++20 lambda capture of a structured binding that g++
# 12 took). Reuses the build's compile_commands.json and its generated moc/uic headers; about 3.5
# minutes on 2 cores. The full clang build is `cmake --workflow --preset clang`.
#
#   tests/clang/syntax.sh [BUILD-DIR]    # default build/testing, already built
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/testing}
database="$build/compile_commands.json"
if [ ! -f "$database" ]; then
    echo "tests/clang/syntax.sh: $database not found: build $build first" >&2
    exit 1
fi

commands=$(mktemp)
failures=$(mktemp)
trap 'rm -f "$commands" "$failures"' EXIT

# One line per translation unit: cd into its directory, swap the compiler and -o for -fsyntax-only.
python3 - "$database" >"$commands" <<'PY'
import json, re, shlex, sys
for entry in json.load(open(sys.argv[1])):
    if "_autogen/" in entry["file"]:
        continue  # moc's output: Qt's code, not ours
    arguments = shlex.split(entry["command"])
    arguments[0] = "clang++"
    if "-o" in arguments:
        at = arguments.index("-o")
        del arguments[at:at + 2]
    arguments.append("-fsyntax-only")
    print("cd %s && %s" % (shlex.quote(entry["directory"]), shlex.join(arguments)))
PY

count=$(wc -l <"$commands")
tr '\n' '\0' <"$commands" |
    xargs -0 -P 2 -I{} bash -c '{} || echo failed >>'"$failures"
failed=$(wc -l <"$failures")
echo "clang++ $(clang++ -dumpversion): $count translation units, $failed failed"
[ "$failed" -eq 0 ]
