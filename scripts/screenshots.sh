#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots: the real window under Xvfb, with a private
# keyring and a scripted provider. Installs what is missing (Xvfb, gnome-keyring) and builds
# the screenshot program into the test build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --screenshots

BUILD_DIR=${BUILD_DIR:-build/tests}
[[ -f "$BUILD_DIR/build.ninja" ]] || cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build "$BUILD_DIR" --target ccbridge_screenshots
out="$PWD/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/data" "$work/run" "$work/config"
HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run" \
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
    printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$0" "$1"' "$BUILD_DIR"/tests/ccbridge_screenshots "$out"
echo "Screenshots written to $out"
