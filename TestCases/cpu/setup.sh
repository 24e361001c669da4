#!/bin/sh
# Installs what the differential CPU harness needs (idempotent, quiet when already there):
# the AArch64 assembler/linker and qemu-user (the reference CPU). Debian/Ubuntu.
set -e
need=""
command -v aarch64-linux-gnu-as >/dev/null 2>&1 || need="$need binutils-aarch64-linux-gnu"
command -v qemu-aarch64 >/dev/null 2>&1 || need="$need qemu-user"
command -v python3 >/dev/null 2>&1 || need="$need python3"
[ -z "$need" ] && exit 0
echo "installing:$need"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $need >/dev/null
