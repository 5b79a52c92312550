#!/usr/bin/env bash
# Sets up, builds and runs every test: Qt Test suites and the end-to-end tests with the
# official Anthropic SDK and the real Claude Code CLI; the same suites again built with
# AddressSanitizer and UndefinedBehaviorSanitizer (build/asan); and every fuzz target for 30 s
# (scripts/fuzz.sh). Ends with CTest's summary of the ordinary build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
cmake -S . -B build/tests -G Ninja -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build/tests
scripts/asan-build.sh
scripts/fuzz.sh 30

# The keychain tests need a Secret Service: a private D-Bus session with its own gnome-keyring,
# unlocked with a throwaway password. Only the daemon gets a temporary data and runtime
# directory, so the developer's own keyring stays untouched and every test keeps the real HOME
# (npm's cache, Claude Code's home in the end-to-end tests). The sanitized suites run first;
# a finding there stops the run.
keyring_dirs=$(mktemp -d)
trap 'rm -rf "$keyring_dirs"' EXIT
mkdir -m 700 "$keyring_dirs/data" "$keyring_dirs/run"
dbus-run-session -- sh -c '
    dirs=$1; shift
    printf pw | XDG_DATA_HOME="$dirs/data" XDG_RUNTIME_DIR="$dirs/run" \
        gnome-keyring-daemon --unlock --components=secrets >/dev/null
    echo "Sanitized build (build/asan):"
    ctest --test-dir build/asan --output-on-failure --timeout 600 "$@" || exit
    echo "Ordinary build (build/tests):"
    exec ctest --test-dir build/tests --output-on-failure --timeout 600 "$@"' sh "$keyring_dirs" "$@"
