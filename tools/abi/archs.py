"""The architectures Ferry generates tables for, and how each is probed.

One row per Swift `Architecture` case: the name the system-calls package uses for its table,
the cross compiler that probes its headers and the Debian package that provides that compiler.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Arch:
    swift: str          # Architecture case in Sources/FerryABI/Architecture.swift
    syscalls: str       # table name in the system-calls package
    cc: list            # compiler command (probes are compiled, never run)
    apt: str            # Debian package that provides the compiler
    big_endian: bool
    pointer_size: int


ARCHS = [
    Arch("aarch64", "arm64", ["aarch64-linux-gnu-gcc"], "gcc-aarch64-linux-gnu", False, 8),
    Arch("riscv64", "riscv64", ["riscv64-linux-gnu-gcc"], "gcc-riscv64-linux-gnu", False, 8),
    Arch("mips", "mipso32", ["mips-linux-gnu-gcc", "-mabi=32"], "gcc-mips-linux-gnu", True, 4),
    Arch("arm", "arm", ["arm-linux-gnueabihf-gcc"], "gcc-arm-linux-gnueabihf", False, 4),
    Arch("i386", "i386", ["i686-linux-gnu-gcc"], "gcc-i686-linux-gnu", False, 4),
    Arch("x86_64", "x86_64", ["gcc"], "gcc", False, 8),
]
