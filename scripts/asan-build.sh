#!/usr/bin/env bash
# Configures and builds the sanitized build in build/asan: clang with AddressSanitizer and
# UndefinedBehaviorSanitizer, and the libFuzzer targets (tests/fuzz), which share its objects.
# Builds the targets named (e.g. `fuzzers`), by default all of them; the benchmark is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCCBRIDGE_SANITIZE=ON -DCCBRIDGE_BUILD_FUZZERS=ON -DCCBRIDGE_BUILD_BENCH=OFF > /dev/null
cmake --build build/asan ${1:+--target "$@"}
