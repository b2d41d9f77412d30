#!/usr/bin/env bash
# Installs, from Debian 12's own packages, whatever the build, the app and the tests need and this
# machine lacks. Safe to run again: when everything is present it does nothing.
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkgconf binutils
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libgl-dev libsqlite3-dev
    catch2
    # .xlsx: libzip reads workbooks' zip container, libxlsxwriter writes the template (and the
    # tests' workbooks)
    libzip-dev libxlsxwriter-dev
    # run: fonts for the window and the booklets
    fonts-dejavu-core
    # test: read PDFs back, run the window headless, validate packaging metadata
    poppler-utils xvfb xauth appstream clang-format time
    # reliability: the kill -9 harness reads catalogues it interrupted; the clang build, and
    # libFuzzer with ASan/UBSan runtimes (libclang_rt.*), which clang only recommends and so
    # --no-install-recommends leaves out; g++'s come with libgcc-12-dev
    sqlite3 clang libclang-rt-14-dev
    # team catalogues: Qt's PostgreSQL driver and libpq; the tests start a throwaway PostgreSQL 15
    libqt6sql6-psql libpq-dev postgresql
    # web showcase checks: axe-core runs in Debian's headless Chromium; tidy validates the HTML
    chromium tidy
)
# The web checks' own tooling (axe-core, a Chromium driver) comes from npm, pinned in
# tests/web/package-lock.json. Some machines already have Node.js and npm from outside Debian;
# those are used as they are.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
