#!/usr/bin/env bash
# Renders the application icon (io.github.ccbridge.CCBridge.svg) into what the packages ship:
# hicolor PNGs for Linux, an .ico for Windows, an .icns for macOS. Run it after changing the
# SVG and commit the results (Debian: librsvg2-bin, icoutils, icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
id=io.github.ccbridge.CCBridge
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$id.svg" -o "hicolor/${size}x${size}/apps/$id.png"
done
# The 256 px image goes in as PNG (-r), as Windows Vista and later read it.
icotool -c -o ccbridge.ico hicolor/{16x16,24x24,32x32,48x48}/apps/$id.png -r hicolor/256x256/apps/$id.png
png2icns ccbridge.icns hicolor/{16x16,32x32,128x128,256x256,512x512}/apps/$id.png > /dev/null
