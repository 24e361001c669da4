#!/usr/bin/env bash
# Installs everything Ferry's build and tests need on a fresh Debian or Ubuntu machine (as root,
# or with sudo). Idempotent: quiet and quick when everything is already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

packages=(
  gcc g++ make python3 python3-venv           # host toolchain, generators
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu   # AArch64 guests
  gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu # RISC-V 64 guests
  qemu-user                                    # reference CPU for the differential harness
  libcapstone-dev                              # disassembly (-d in_asm, unknown instructions)
  libxml2-dev libxml2-utils                    # JUnit output and its schema check
  busybox-static                               # the host busybox the arm64 one is compared with
  strace                                       # reference printer for -strace
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/setup.sh: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "ci/setup.sh: swift is not on PATH: install the Swift 6 toolchain (swift.org) first" >&2; exit 1; }
# Debian's arm64 busybox, unpacked (not installed: it conflicts with the host's busybox-static).
"$root/TestCases/busybox/fetch.sh" >/dev/null
