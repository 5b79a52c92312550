#!/usr/bin/env bash
# Sets up, builds and runs every test: Qt Test suites and the end-to-end tests with the
# official Anthropic SDK and the real Claude Code CLI. Ends with CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
cmake -S . -B build/tests -G Ninja -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build/tests
cd build/tests
ctest --output-on-failure --timeout 600 "$@"
