"""Compiles probe C files with an architecture's cross compiler and reads the results back.

Two services: `macros` lists every object-like macro a set of headers defines, with the header
that defines it (from `cc -E -dD` line markers); `compile_values` compiles one initialised
64-bit symbol per C expression and returns the values, dropping expressions the compiler
rejects (a macro that is not an integer constant, a struct member missing on this arch).
"""
import os
import re
import subprocess

from elfobject import ElfObject

BUILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "build")

_LINE_MARKER = re.compile(r'^# \d+ "([^"]+)"')
_DEFINE = re.compile(r'^#define ([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+(.*))?$')
_FUNCTION_DEFINE = re.compile(r'^#define ([A-Za-z_][A-Za-z0-9_]*)\(([^)]*)\)[ \t]*(.*)$')


_SYSROOT_FLAGS = {}


def sysroot_flags(arch):
    """-nostdinc plus the compiler's own include directories, without the host's /usr/include:
    Debian's cross compilers fall back to it, which would hand a 32-bit ARM probe the x86_64
    host's <linux/kvm.h> or any other header its own sysroot lacks. Every probe uses these."""
    if arch.cc[0] == "gcc":
        return ()
    if arch.swift not in _SYSROOT_FLAGS:
        out = subprocess.run(arch.cc + ["-E", "-v", "-"], input="", capture_output=True, text=True).stderr
        dirs, inside = [], False
        for line in out.splitlines():
            if line.startswith("#include <...> search starts here"):
                inside = True
            elif line.startswith("End of search list"):
                break
            elif inside:
                d = os.path.normpath(line.strip())
                if d != "/usr/include":
                    dirs.append(d)
        _SYSROOT_FLAGS[arch.swift] = ("-nostdinc", *[f for d in dirs for f in ("-isystem", d)])
    return _SYSROOT_FLAGS[arch.swift]


def includes_source(headers, optional=False) -> str:
    """#include lines; `optional` ones are skipped where the arch lacks the header."""
    if optional:
        return "".join(f"#if __has_include(<{h}>)\n#include <{h}>\n#endif\n" for h in headers)
    return "".join(f"#include <{h}>\n" for h in headers)


def macros(arch, unit: str, prelude: str, flags=(), text=None):
    """{name: (defining header path, definition text)} for object-like macros."""
    return {n: (path, d) for n, (path, params, d) in definitions(arch, unit, prelude, flags, text).items()
            if params is None}


_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[{}(),;=]|[^\sA-Za-z0-9_{}(),;=]+|[0-9][A-Za-z0-9_.]*")


def enumerators(arch, unit: str, prelude: str, flags=(), text=None):
    """{name: defining header path} for every enumeration constant the headers declare, in
    declaration order: some uapi headers give values only as enum members (linux/loop.h's
    LO_FLAGS_*), which `-dD` does not list. The probe compiles them like macros."""
    if text is None:
        text = preprocessed(arch, unit, prelude, flags)
    tokens = []  # (token, header path); directives and line markers are not code
    current = ""
    for line in text.splitlines():
        m = _LINE_MARKER.match(line)
        if m:
            current = m.group(1)
            continue
        if line.lstrip().startswith("#"):
            continue
        tokens += [(t, current) for t in _TOKEN.findall(line)]
    found = {}
    i = 0
    while i < len(tokens):
        if tokens[i][0] != "enum":
            i += 1
            continue
        j = i + 1
        if j < len(tokens) and _IDENT_TOKEN.match(tokens[j][0]):
            j += 1  # the tag
        if j >= len(tokens) or tokens[j][0] != "{":
            i = j
            continue
        # Members are separated by commas outside parentheses; each starts with its name.
        depth, expect_name, j = 0, True, j + 1
        while j < len(tokens) and not (depth == 0 and tokens[j][0] == "}"):
            t, path = tokens[j]
            if t in "({":
                depth += 1
            elif t in ")}":
                depth -= 1
            elif depth == 0 and t == ",":
                expect_name = True
            elif expect_name and _IDENT_TOKEN.match(t):
                found.setdefault(t, path)
                expect_name = False
            j += 1
        i = j + 1
    return found


_IDENT_TOKEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def preprocessed(arch, unit: str, prelude: str, flags=()) -> str:
    """`cc -E -dD` of the prelude: the code with every #define kept and line markers."""
    os.makedirs(BUILD, exist_ok=True)
    src = os.path.join(BUILD, f"{arch.swift}-{unit}-macros.c")
    with open(src, "w") as f:
        f.write(prelude)
    result = subprocess.run(arch.cc + [*sysroot_flags(arch), *flags, "-E", "-dD", src], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"generate-abi: {arch.swift}: preprocessing the {unit} headers failed:\n"
                         + result.stderr.strip()[:2000])
    return result.stdout


def definitions(arch, unit: str, prelude: str, flags=(), text=None):
    """{name: (defining header path, parameter list or None, definition text)} for every macro;
    a function-like macro's parameters are its names as written ("ev,len")."""
    if text is None:
        text = preprocessed(arch, unit, prelude, flags)
    found = {}
    current = ""
    for line in text.splitlines():
        m = _LINE_MARKER.match(line)
        if m:
            current = m.group(1)
            continue
        m = _FUNCTION_DEFINE.match(line)
        if m and m.group(1) not in found:
            found[m.group(1)] = (current, m.group(2).replace(" ", ""), m.group(3).strip())
            continue
        m = _DEFINE.match(line)
        if m and m.group(1) not in found:
            found[m.group(1)] = (current, None, (m.group(2) or "").strip())
    return found


def compile_lines(arch, unit: str, prelude: str, lines: dict, flags=()):
    """Compiles `prelude` plus one source line per key; returns (kept keys, object path).

    A line the compiler rejects is dropped and the rest recompiled (gcc names an undeclared
    identifier only once, so this may take several rounds), so a probe list may name things an
    architecture lacks: a macro that is not an integer constant, a struct it does not have.
    """
    os.makedirs(BUILD, exist_ok=True)
    src = os.path.join(BUILD, f"{arch.swift}-{unit}.c")
    obj = src[:-2] + ".o"
    pending = dict(lines)
    error_line = re.compile(re.escape(os.path.basename(src)) + r":(\d+):\d+: error")
    for _ in range(60):
        first = prelude.count("\n") + 1
        keys = list(pending)
        with open(src, "w") as f:
            f.write(prelude + "".join(pending[k].replace("\n", " ") + "\n" for k in keys))
        result = subprocess.run(arch.cc + [*sysroot_flags(arch), "-c", "-O0", "-w", "-fno-common", *flags, src, "-o", obj],
                                capture_output=True, text=True)
        if result.returncode == 0:
            return keys, obj
        bad = set()
        for m in error_line.finditer(result.stderr):
            index = int(m.group(1)) - first
            if 0 <= index < len(keys):
                bad.add(keys[index])
        if not bad:
            raise SystemExit(f"generate-abi: {arch.swift}: the {unit} probe does not compile:\n"
                             + result.stderr.strip()[:3000])
        for key in bad:
            del pending[key]
    raise SystemExit(f"generate-abi: {arch.swift}: the {unit} probe still fails after retries")


def compile_values(arch, unit: str, prelude: str, expressions: dict, flags=()):
    """{name: value} of `(long long)(expression)` for each expression that compiles."""
    lines = {n: f"__attribute__((used)) const long long ferry_v_{n} = (long long)({e});"
             for n, e in expressions.items()}
    kept, obj = compile_lines(arch, unit, prelude, lines, flags)
    elf = ElfObject(obj)
    return {n: elf.int64(f"ferry_v_{n}") for n in kept}, elf
