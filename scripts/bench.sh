#!/usr/bin/env bash
# Builds CC Bridge and the benchmark in Release and runs it: the real ccbridge executable in
# front of a fast scripted upstream on loopback, against that upstream directly, in one run.
# Prints the table (docs/PERFORMANCE.md explains it) and writes the figures as JSON.
# Arguments go to the benchmark, e.g. --duration 2 or --json results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCBRIDGE_BUILD_TESTS=OFF > /dev/null
cmake --build build/release --target ccbridge_bench

# Figures taken while something else keeps the cores busy are noise: say so up front.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exec build/release/tests/bench/ccbridge_bench --json build/release/bench.json "$@"
