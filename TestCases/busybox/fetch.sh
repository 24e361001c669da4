#!/usr/bin/env bash
# Puts Debian's arm64 static busybox into TestCases/build/busybox-arm64/ without installing
# it (the package would conflict with the host's amd64 busybox-static), and makes sure the
# host's own busybox (package busybox-static, amd64) is installed. Idempotent and quiet when
# everything is already there. Prints the path of the arm64 binary.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest="$root/TestCases/build/busybox-arm64"
bin="$dest/bin/busybox"

need_root() { [ "$(id -u)" = 0 ] || { echo "fetch.sh: $1 needs root (run as root or install it yourself)" >&2; exit 1; }; }

if ! [ -x /bin/busybox ] && ! [ -x /usr/bin/busybox ]; then
    need_root "installing busybox-static"
    apt-get install -y -qq busybox-static >/dev/null || { apt-get update -qq && apt-get install -y -qq busybox-static >/dev/null; }
fi

if ! [ -x "$bin" ]; then
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        need_root "adding the arm64 dpkg architecture"
        dpkg --add-architecture arm64
        apt-get update -qq
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && { apt-get download -qq busybox-static:arm64 2>/dev/null ||
                    { apt-get update -qq && apt-get download -qq busybox-static:arm64; }; })
    deb=$(ls "$tmp"/busybox-static_*_arm64.deb 2>/dev/null | head -n1)
    [ -n "$deb" ] || { echo "fetch.sh: could not download busybox-static:arm64" >&2; exit 1; }
    rm -rf "$dest"
    mkdir -p "$dest"
    dpkg-deb -x "$deb" "$dest"
    # Debian ships it as /bin/busybox (older) or /usr/bin/busybox.
    if ! [ -x "$bin" ]; then
        mkdir -p "$dest/bin"
        found=$(find "$dest" -type f -name busybox | head -n1)
        [ -n "$found" ] || { echo "fetch.sh: no busybox binary inside $deb" >&2; exit 1; }
        ln -sf "$found" "$bin"
    fi
    file_out=$(od -An -tx1 -j18 -N2 "$bin" | tr -d ' ')
    [ "$file_out" = "b700" ] || { echo "fetch.sh: $bin is not an AArch64 ELF (e_machine $file_out)" >&2; exit 1; }
fi
echo "$bin"
