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


def _run(cmd, what):
    result = subprocess.run(cmd, capture_output=True, text=True)
    return result


def includes_source(headers) -> str:
    return "".join(f"#include <{h}>\n" for h in headers)


def macros(arch, unit: str, prelude: str):
    """{name: (defining header path, definition text)} for object-like macros."""
    os.makedirs(BUILD, exist_ok=True)
    src = os.path.join(BUILD, f"{arch.swift}-{unit}-macros.c")
    with open(src, "w") as f:
        f.write(prelude)
    result = _run(arch.cc + ["-E", "-dD", src], "preprocess")
    if result.returncode != 0:
        raise SystemExit(f"generate-abi: {arch.swift}: preprocessing the {unit} headers failed:\n"
                         + result.stderr.strip()[:2000])
    found = {}
    current = ""
    for line in result.stdout.splitlines():
        m = _LINE_MARKER.match(line)
        if m:
            current = m.group(1)
            continue
        m = _DEFINE.match(line)
        if m and m.group(1) not in found:
            found[m.group(1)] = (current, (m.group(2) or "").strip())
    return found


_ERROR_LINE = None


def compile_values(arch, unit: str, prelude: str, expressions: dict, extra_source: str = ""):
    """Compiles `name = (long long)(expression)` for each entry; returns ({name: value}, obj).

    An expression the compiler rejects is dropped (gcc names an undeclared identifier once, so this may take several rounds), so a probe list
    may name things an architecture lacks. `extra_source` is compiled into the same object
    (e.g. initialised struct instances whose bytes are read back as test oracles).
    """
    os.makedirs(BUILD, exist_ok=True)
    src = os.path.join(BUILD, f"{arch.swift}-{unit}.c")
    obj = src[:-2] + ".o"
    pending = dict(expressions)
    error_line = re.compile(re.escape(os.path.basename(src)) + r":(\d+):\d+: error")
    for _ in range(50):
        lines = [prelude, extra_source]
        first = sum(p.count("\n") for p in lines) + 1
        names = list(pending)
        for name in names:
            lines.append(f"__attribute__((used)) const long long ferry_v_{name} = "
                         f"(long long)({pending[name]});\n")
        with open(src, "w") as f:
            f.write("".join(lines))
        result = _run(arch.cc + ["-c", "-O0", "-w", "-fno-common", src, "-o", obj], "compile")
        if result.returncode == 0:
            elf = ElfObject(obj)
            return {n: elf.int64(f"ferry_v_{n}") for n in names}, elf
        bad = set()
        for m in error_line.finditer(result.stderr):
            index = int(m.group(1)) - first
            if 0 <= index < len(names):
                bad.add(names[index])
        if not bad:
            raise SystemExit(f"generate-abi: {arch.swift}: the {unit} probe does not compile:\n"
                             + result.stderr.strip()[:3000])
        for name in bad:
            del pending[name]
    raise SystemExit(f"generate-abi: {arch.swift}: the {unit} probe still fails after retries")
