#!/usr/bin/env bash
# Sets up, builds and starts CC Bridge; arguments go to ccbridge (see ccbridge --help).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCBRIDGE_BUILD_TESTS=OFF > /dev/null
cmake --build build/release --target ccbridge
exec build/release/app/ccbridge "$@"
