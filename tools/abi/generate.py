"""Entry point behind tools/generate-abi: writes Sources/FerryABI/Generated, or checks it.

Usage: generate.py --out DIR           write every generated file into DIR (stale ones removed)
       generate.py --check DIR         regenerate into a temp dir and compare with DIR
"""
import argparse
import difflib
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from archs import ARCHS  # noqa: E402
import constants  # noqa: E402
import ioctls  # noqa: E402
import layouts  # noqa: E402
import syscalls  # noqa: E402
from swiftgen import header as swift_header  # noqa: E402

GENERATED_SUFFIX = ".swift"


# Each generated table kind: its Swift global per arch is "<prefix>_<arch>".
TABLE_KINDS = [("syscallSources", "syscallSource"), ("constantSources", "constantSource"),
               ("ioctlSources", "ioctlSource"), ("layoutSources", "layoutSource")]
ARCHITECTURE_SWIFT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                  "Sources", "FerryABI", "Architecture.swift")


def _swift_architecture_order():
    """The case order of Architecture in Architecture.swift (PerArchitecture indexes by it)."""
    text = open(ARCHITECTURE_SWIFT).read()
    m = re.search(r"^\s*case ([a-z0-9_, ]+)$", text, re.M)
    if not m:
        raise SystemExit(f"generate-abi: no 'case ...' line in {ARCHITECTURE_SWIFT}")
    return [c.strip() for c in m.group(1).split(",")]


def _parts(files: dict, prefix: str, arch: str) -> str:
    """The Swift expression for one architecture's source of a kind: its global, or its split
    parts ("<prefix>_<arch>", "<prefix>2_<arch>", ...) joined by newlines."""
    found = {}
    for text in files.values():
        for m in re.finditer(rf"^let {prefix}(\d*)_{arch} = ", text, re.M):
            found[int(m.group(1) or 1)] = f"{prefix}{m.group(1)}_{arch}"
    if sorted(found) != list(range(1, len(found) + 1)):
        raise SystemExit(f"generate-abi: {prefix} parts for {arch} are {sorted(found)}")
    return ' + "\\n" + '.join(found[k] for k in sorted(found))


def table_sources(files: dict) -> str:
    """One array per table kind holding each architecture's generated source, in case order."""
    order = _swift_architecture_order()
    if order != [a.swift for a in ARCHS]:
        raise SystemExit(f"generate-abi: archs.py order {[a.swift for a in ARCHS]} differs from "
                         f"Architecture's cases {order}")
    body = "".join(f"let {name}: [String] = [{', '.join(_parts(files, prefix, a) for a in order)}]\n"
                   for name, prefix in TABLE_KINDS)
    return (swift_header("the per-architecture generated sources") +
            "\n/// Each table kind's generated source per architecture, in `Architecture.allCases` order\n"
            "/// (what `PerArchitecture` indexes by).\n" + body)


def generate_all() -> dict:
    files = {}
    for part in (syscalls, constants, ioctls, layouts):
        produced = part.generate(ARCHS)
        overlap = set(files) & set(produced)
        if overlap:
            raise SystemExit(f"generate-abi: two generators wrote {sorted(overlap)}")
        files.update(produced)
    files["TableSources.swift"] = table_sources(files)
    return files


def write(files: dict, out: str):
    os.makedirs(out, exist_ok=True)
    for stale in set(f for f in os.listdir(out) if f.endswith(GENERATED_SUFFIX)) - set(files):
        os.remove(os.path.join(out, stale))
    for name, text in files.items():
        path = os.path.join(out, name)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            with open(path, "w") as f:
                f.write(text)


def arch_of(file_name: str) -> str:
    """Generated files are split per architecture as Name+<arch>.swift."""
    stem = file_name[:-len(GENERATED_SUFFIX)]
    return stem.split("+", 1)[1] if "+" in stem else "all architectures"


def _symbol_context(lines, i) -> str:
    """"[group] " for a line under an "@group ..." header (constants, layouts), else ""."""
    if lines[i].startswith("@"):
        return ""
    for j in range(i - 1, -1, -1):
        if lines[j].startswith("@"):
            return f"[{lines[j][1:].split()[0]}] "
        if lines[j].startswith("let "):
            break
    return ""


def check(committed: str) -> int:
    with tempfile.TemporaryDirectory(prefix="ferry-abi-") as tmp:
        write(generate_all(), tmp)
        fresh = {f for f in os.listdir(tmp) if f.endswith(GENERATED_SUFFIX)}
        old = {f for f in os.listdir(committed) if f.endswith(GENERATED_SUFFIX)} \
            if os.path.isdir(committed) else set()
        problems = 0
        for name in sorted(fresh | old):
            if name not in old:
                print(f"{arch_of(name)}: {name} is missing from {committed}")
                problems += 1
                continue
            if name not in fresh:
                print(f"{arch_of(name)}: {name} is no longer generated")
                problems += 1
                continue
            a = open(os.path.join(committed, name)).read().splitlines()
            b = open(os.path.join(tmp, name)).read().splitlines()
            if a == b:
                continue
            problems += 1
            changed = []
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if tag == "equal":
                    continue
                changed += [("committed", a, i) for i in range(i1, i2)]
                changed += [("generated", b, j) for j in range(j1, j2)]
            print(f"{arch_of(name)}: {name} differs ({len(changed)} lines), first ones:")
            for side, lines, i in changed[:10]:
                print(f"    {side}: {_symbol_context(lines, i)}{lines[i].strip()}")
        if problems:
            print(f"generate-abi --check: {problems} generated file(s) out of date; "
                  "run tools/generate-abi and commit", file=sys.stderr)
            return 1
        print(f"generate-abi --check: {len(fresh)} generated files up to date")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", help="directory to write the generated Swift into")
    group.add_argument("--check", help="directory of committed generated Swift to compare with")
    args = parser.parse_args()
    if args.check:
        sys.exit(check(args.check))
    files = generate_all()
    write(files, args.out)
    print(f"generate-abi: wrote {len(files)} files into {args.out}")


if __name__ == "__main__":
    main()
