#!/usr/bin/env bash
# Installs what building (and, with --tests, testing; with --screenshots, taking the
# screenshots; with --package, making the .deb) CC Bridge needs on Debian/Ubuntu, skipping
# packages that are already there.
set -euo pipefail

# poppler-utils: pdftotext reads PDFs for providers that take none (at run time, not to build).
packages=(cmake ninja-build g++ ccache qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools qtkeychain-qt6-dev libgl-dev zlib1g-dev libsimdjson-dev poppler-utils)
if [[ " $* " == *" --tests "* ]]; then
    # Real shells run the exported env snippets (tst_envexport skips those not installed).
    packages+=(zsh fish)
    # The keychain tests run against a real Secret Service in a private D-Bus session.
    packages+=(gnome-keyring dbus-x11)
    # The window on a virtual X server, read over AT-SPI as screen readers and UI automation do.
    packages+=(xvfb at-spi2-core python3-pyatspi)
    # The .deb is built, checked and installed into a clean Debian root made with debootstrap.
    packages+=(dpkg-dev lintian desktop-file-utils appstream debootstrap curl)
    # The sanitized build and the fuzzers: clang with libFuzzer and the sanitizer runtimes
    # (libclang-rt-dev), and llvm-symbolizer (llvm) so that their reports name the lines.
    packages+=(clang libclang-rt-dev llvm)
    # Node.js may come from elsewhere than Debian (nodesource, nvm): a working one will do.
    command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi
if [[ " $* " == *" --package "* ]]; then
    # CPack's .deb computes its dependencies with dpkg-shlibdeps.
    packages+=(dpkg-dev)
fi
if [[ " $* " == *" --screenshots "* ]]; then
    # The window under a virtual X server, with a private keyring as for the tests.
    packages+=(xvfb xauth gnome-keyring dbus-x11)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} )); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
