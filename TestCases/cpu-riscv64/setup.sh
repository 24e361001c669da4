#!/bin/sh
# Installs what the riscv64 CPU checks need (idempotent, quiet when already installed):
# the riscv64 cross compiler and static glibc, and qemu-riscv64 as the reference emulator.
set -e
need=""
command -v riscv64-linux-gnu-gcc >/dev/null 2>&1 || need="$need gcc-riscv64-linux-gnu"
[ -e /usr/riscv64-linux-gnu/lib/libc.a ] || need="$need libc6-dev-riscv64-cross"
command -v qemu-riscv64 >/dev/null 2>&1 || need="$need qemu-user"
[ -z "$need" ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q $need >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null; }
