"""Per-architecture constants (errno, signals, flag sets, ioctl numbers, ...) from probes.

For each architecture: list the macros the headers define (with the defining header), pick the
ones constant_groups.GROUPS names, compile one 64-bit symbol per macro with the arch's cross
compiler and read the values back. Also cross-checks the system-calls numbers against the
arch's own <asm/unistd.h> __NR_* values, so the two authorities cannot silently disagree.
"""
import re

import probe
import syscalls
from constant_groups import GROUPS, KERNEL_HEADERS, KERNEL_PRELUDE, LIBC_HEADERS, LIBC_PRELUDE
from swiftgen import header, multiline_string

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _select(macros: dict, enums: dict, unit: str, taken: set):
    """[(group, kind, name, definition)] in header order, first matching group wins (a "shared"
    group lets the search go on). Enumeration constants are candidates only for "enum" groups."""
    compiled = [(g, k, re.compile(f), re.compile(n), set(x), set(rest[0]) if rest else set())
                for g, k, u, f, n, x, *rest in GROUPS if u == unit]
    candidates = [(name, path, definition, False) for name, (path, definition) in macros.items()]
    candidates += [(name, path, "", True) for name, path in enums.items() if name not in macros]
    chosen = []
    for name, path, definition, is_enum in candidates:
        if name in taken:
            continue
        for group, kind, file_re, name_re, excluded, options in compiled:
            if is_enum and "enum" not in options:
                continue
            if name not in excluded and name_re.match(name) and file_re.search(path):
                chosen.append((group, kind, name, definition))
                if "shared" not in options:
                    taken.add(name)
                    break
    return chosen


def _check_syscall_numbers(arch, macros: dict, values: dict):
    table = syscalls.arch_table(arch.syscalls)
    compared = 0
    for name, number in values.items():
        if not name.startswith("__NR_"):
            continue
        sc = name[5:]
        if sc in table:
            compared += 1
            if table[sc] != number:
                raise SystemExit(f"generate-abi: {arch.swift}: {sc} is {table[sc]} in system-calls "
                                 f"but {number} in <asm/unistd.h>")
    if compared < 250:
        raise SystemExit(f"generate-abi: {arch.swift}: only {compared} __NR_ values compared")
    return compared


def probe_arch(arch):
    """[(group, kind, name, value, alias-of or None)] for one architecture, and a report line."""
    taken = set()
    rows = []
    checked = 0
    for unit, headers in (("kernel", KERNEL_HEADERS), ("libc", LIBC_HEADERS)):
        prelude = (KERNEL_PRELUDE if unit == "kernel" else LIBC_PRELUDE) + probe.includes_source(headers)
        text = probe.preprocessed(arch, f"{unit}-constants", prelude)
        macros = probe.macros(arch, f"{unit}-constants", prelude, text=text)
        enums = probe.enumerators(arch, f"{unit}-constants", prelude, text=text)
        chosen = _select(macros, enums, unit, taken)
        expressions = {name: name for _, _, name, _ in chosen}
        if unit == "kernel":
            expressions["LINUX_VERSION_CODE"] = "LINUX_VERSION_CODE"
            for name, (_, definition) in macros.items():
                if name.startswith("__NR_") and definition:
                    expressions[name] = name
        values, _ = probe.compile_values(arch, f"{unit}-constants", prelude, expressions)
        if unit == "kernel":
            checked = _check_syscall_numbers(arch, macros, values)
            code = values["LINUX_VERSION_CODE"]
            headers_version = f"{code >> 16}.{(code >> 8) & 0xFF}"
        group_names = {}
        for group, _, name, _ in chosen:
            group_names.setdefault(group, set()).add(name)
        for group, kind, name, definition in chosen:
            if name not in values:
                continue  # not an integer constant on this arch (e.g. SIG_DFL is a pointer)
            alias = definition if (_IDENT.match(definition) and definition != name
                                   and definition in group_names[group]) else None
            rows.append((group, kind, name, values[name], alias))
    return rows, checked, headers_version


def generate(archs) -> dict:
    files = {}
    for arch in archs:
        rows, checked, headers_version = probe_arch(arch)
        blocks = []  # one list of lines per group
        current = None
        for group, kind, name, value, alias in sorted(rows, key=lambda r: _group_order(r[0])):
            if group != current:
                blocks.append([f"@{group} {kind}"])
                current = group
            blocks[-1].append(f"{name} {value}" + (f" ={alias}" if alias else ""))
        parts = _split(blocks)
        for number, lines in enumerate(parts, 1):
            suffix = "" if number == 1 else str(number)
            counts = (f"// {len(rows)} constants in {len(parts)} files; {checked} __NR_ numbers agree with system-calls.\n"
                      if number == 1 else f"// Part {number} of {len(parts)}: TableSources.swift joins the parts.\n")
            files[f"Constants{suffix}+{arch.swift}.swift"] = (
                header(f"probes compiled by {arch.cc[0]} against Linux {headers_version} uapi and libc headers") +
                counts +
                f"\n/// {arch.swift} constants: \"@group kind\" lines, then \"NAME value [=ALIAS]\".\n"
                f"let constantSource{suffix}_{arch.swift} = {multiline_string(lines, indent='')}\n")
    return files


# Lines per generated file at most (whole groups per file), so no file grows past what the Swift
# compiler handles quickly; the parts are joined back in TableSources.swift.
PART_LINES = 1200


def _split(blocks):
    parts = [[]]
    for block in blocks:
        if parts[-1] and len(parts[-1]) + len(block) > PART_LINES:
            parts.append([])
        parts[-1] += block
    return parts


_ORDER = {g[0]: i for i, g in enumerate(GROUPS)}


def _group_order(group):
    return _ORDER[group]
