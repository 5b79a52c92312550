#!/usr/bin/env bash
# Sets up and builds CC Bridge for release and makes its .deb with CPack; prints the file's
# path. (On Windows and macOS, packaging/CMakeLists.txt's recipe makes the NSIS installer or
# the .dmg: see the README.)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --package
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCBRIDGE_BUILD_TESTS=OFF > /dev/null
cmake --build build/release
cd build/release
rm -rf package
cpack -G DEB -B package > package.log || { cat package.log; exit 1; }
realpath package/ccbridge_*.deb
