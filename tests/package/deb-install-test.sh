#!/usr/bin/env bash
# The .deb as a user meets it: checked by lintian, desktop-file-validate and appstreamcli,
# installed with apt into a clean Debian 12 root made here (debootstrap minbase, so apt must
# resolve every dependency from the package's own metadata), run from the installed files
# (--version, a headless health check, the menu entry's Exec and Icon), then removed, after
# which nothing of it may be left in the system folders.
#
# Usage: deb-install-test.sh <package.deb> <expected version>
# Needs root (debootstrap, chroot), debootstrap, lintian, desktop-file-utils, appstream and
# curl, and Debian's mirror. The fresh root is cached as a tarball in
# ${CCBRIDGE_ROOT_CACHE:-~/.cache/ccbridge} and made again whenever the cache is missing,
# older than a week or unreadable.
set -euo pipefail

deb=$(realpath "$1")
version=$2
mirror=${CCBRIDGE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache_dir=${CCBRIDGE_ROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ccbridge}
cache="$cache_dir/debian12-minbase.tar"
app_id=io.github.ccbridge.CCBridge

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

if [[ $(id -u) != 0 ]]; then
    # debootstrap and chroot need root: a developer's run goes through sudo, as setup.sh does.
    command -v sudo >/dev/null || fail "this test needs root (debootstrap and chroot) or sudo"
    exec sudo --preserve-env=CCBRIDGE_DEBIAN_MIRROR,CCBRIDGE_ROOT_CACHE,XDG_CACHE_HOME "$0" "$@"
fi

work=$(mktemp -d /var/tmp/ccbridge-package-test.XXXXXX)
root="$work/root"
proxy_pid=
cleanup() {
    [[ -n $proxy_pid ]] && kill "$proxy_pid" 2>/dev/null || true
    # Anything the app started in the root dies with it, so that the mounts can go.
    if [[ -d $root/proc/1 ]]; then
        for pid in /proc/[0-9]*; do
            [[ $(readlink "$pid/root" 2>/dev/null) == "$root" ]] && kill -9 "${pid#/proc/}" 2>/dev/null || true
        done
        umount "$root/proc" || umount -l "$root/proc"
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "static checks of the package"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
mkdir "$work/contents"
dpkg-deb -x "$deb" "$work/contents"
lintian --fail-on error --no-tag-display-limit "$deb"
desktop-file-validate "$work/contents/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$work/contents/usr/share/metainfo/$app_id.metainfo.xml"
for file in copyright changelog.gz THIRD-PARTY.md licenses/LGPL-3.0.txt licenses/QtKeychain-BSD-2-Clause.txt licenses/llhttp-MIT.txt; do
    [[ -f $work/contents/usr/share/doc/ccbridge/$file ]] || fail "the package lacks /usr/share/doc/ccbridge/$file"
done

step "a clean Debian 12 root"
mkdir "$root"
if [[ -z $(find "$cache" -mtime -7 2>/dev/null) ]] || ! tar -C "$root" -xf "$cache" 2>/dev/null; then
    rm -rf "$root" && mkdir "$root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
    cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
    mkdir -p "$cache_dir"
    tar -C "$root" -cf "$cache.partial" . && mv "$cache.partial" "$cache"
fi
mount -t proc proc "$root/proc"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
snapshot() { in_root find /usr /etc /opt /var/lib -xdev \( -type f -o -type l \) 2>/dev/null | sort; }

in_root apt-get -q update > "$work/apt-update.log" || { cat "$work/apt-update.log"; fail "apt-get update failed"; }
# The package's dependencies first, so that what is left after removing it is compared
# against a root that already had them.
cp "$deb" "$root/tmp/ccbridge.deb"
in_root apt-get -q -y install --no-install-recommends /tmp/ccbridge.deb > "$work/apt-install.log" \
    || { tail -30 "$work/apt-install.log"; fail "apt could not install the package"; }
in_root apt-get -q -y remove ccbridge > /dev/null
before=$(snapshot)

step "installed with apt"
in_root apt-get -q -y install --no-install-recommends /tmp/ccbridge.deb > "$work/apt-install.log" \
    || { tail -30 "$work/apt-install.log"; fail "apt could not install the package"; }
in_root dpkg -L ccbridge > "$work/files"

step "ccbridge --version"
reported=$(in_root ccbridge --version)
[[ $reported == "ccbridge $version" ]] || fail "ccbridge --version said '$reported', not 'ccbridge $version'"

step "a headless proxy from the installed files answers its health check"
in_root useradd --create-home tester
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/home/tester USER=tester LANG=C.UTF-8 \
    setpriv --reuid=tester --regid=tester --init-groups \
    ccbridge --headless --listen "127.0.0.1:$port" --upstream http://127.0.0.1:9/v1 --model test-model \
    2> "$work/proxy.log" &
proxy_pid=$!
health=
for _ in $(seq 100); do
    health=$(curl -sf --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null) && break
    kill -0 "$proxy_pid" 2>/dev/null || { cat "$work/proxy.log"; fail "the headless proxy exited"; }
    sleep 0.1
done
[[ $health == *'"status"'* ]] || { cat "$work/proxy.log"; fail "no health answer from the installed proxy (got '$health')"; }
echo "$health"
# ccbridge became the executable without the widget libraries (app/cli/windowlessexecutable.h).
exe=$(readlink "/proc/$proxy_pid/exe")
[[ $exe == */usr/libexec/ccbridge/ccbridge-headless ]] || fail "the headless proxy runs $exe, not ccbridge-headless"
! grep -q libQt6Widgets "/proc/$proxy_pid/maps" || fail "the headless proxy loaded the widget libraries"
kill -TERM "$proxy_pid" && wait "$proxy_pid" || true
proxy_pid=

step "the menu entry: its Exec and Icon resolve in the root, and it starts the window"
desktop="$root/usr/share/applications/$app_id.desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
program=${exec_line%% *}
resolved=$(in_root sh -c "command -v '$program'") || fail "Exec=$exec_line: $program is not on the PATH"
[[ -x $root$resolved ]] || fail "Exec=$exec_line: $resolved is not executable"
icons=$(cd "$root" && ls usr/share/icons/hicolor/*/apps/"$icon".{png,svg} 2>/dev/null | wc -l)
(( icons >= 9 )) || fail "Icon=$icon: only $icons icon files in the hicolor theme"
# The window is up once its single-instance socket listens (ui/singleinstance.cpp).
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/home/tester USER=tester LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    setpriv --reuid=tester --regid=tester --init-groups $exec_line 2> "$work/window.log" &
proxy_pid=$!
for _ in $(seq 100); do
    [[ -S $root/tmp/ccbridge-tester ]] && break
    kill -0 "$proxy_pid" 2>/dev/null || { cat "$work/window.log"; fail "the menu entry's program exited"; }
    sleep 0.1
done
[[ -S $root/tmp/ccbridge-tester ]] || { cat "$work/window.log"; fail "the window did not start"; }
kill -TERM "$proxy_pid" && wait "$proxy_pid" || true
proxy_pid=

step "removed with apt: nothing of it is left in the system folders"
in_root apt-get -q -y remove ccbridge > /dev/null
status=$(in_root dpkg-query -W -f '${db:Status-Status}' ccbridge 2>/dev/null || true)
[[ $status != installed ]] || fail "ccbridge is still installed"
while read -r file; do
    [[ -f $root$file || -L $root$file ]] && fail "$file is left after removal"
done < "$work/files"
after=$(snapshot)
left=$(comm -13 <(echo "$before") <(echo "$after") | grep -v '^/var/lib/dpkg/\|^/var/lib/apt/\|^/var/cache/\|^/etc/ld.so.cache$\|^/etc/passwd\|^/etc/group\|^/etc/shadow\|^/etc/gshadow\|^/etc/subuid\|^/etc/subgid' || true)
[[ -z $left ]] || fail "left in the system folders after removal: $left"
# The user's own files are theirs: removing the program keeps them.
[[ -d $root/home/tester ]] || fail "the user's home went with the package"
echo "PASS: installed, ran and removed cleanly"
