"""Syscall names and per-architecture numbers from the pinned system-calls package.

Emits one Swift file with every name (their sorted order gives SyscallID raw values) and one
file per architecture with "number name" lines, parsed once at run time by SyscallTable.
"""
import importlib

from swiftgen import header, identifier, multiline_string

# Members of SyscallID that a generated static must not shadow.
RESERVED = {"name", "allNames", "rawValue", "hashValue", "hash", "init", "Type", "self"}


def package_version() -> str:
    from importlib.metadata import version
    return version("system-calls")


def all_names() -> list:
    from system_calls.tables.names import syscalls_names
    names = sorted(set(syscalls_names))
    clash = [n for n in names if n in RESERVED]
    if clash:
        raise SystemExit(f"generate-abi: syscall name(s) clash with SyscallID members: {clash}")
    if len(names) >= 0xFFFF:
        raise SystemExit("generate-abi: too many syscall names for a UInt16 id")
    return names


def arch_table(table_name: str) -> dict:
    module = importlib.import_module(f"system_calls.tables.{table_name}")
    return dict(getattr(module, f"syscalls_{table_name}"))


def generate(archs) -> dict:
    """Returns {relative file name: Swift source}."""
    version = package_version()
    source = f"system-calls {version}"
    names = all_names()
    known = set(names)
    files = {}

    statics = "".join(
        f"    public static let {identifier(n)} = SyscallID(index: {i})\n" for i, n in enumerate(names))
    files["SyscallNames.swift"] = (
        header(source) +
        "\n/// Every syscall name the system-calls package knows, on any architecture, sorted.\n"
        "/// A name's position is its SyscallID raw value.\n"
        f"let syscallNamesSource = {multiline_string(names, indent='')}\n\n"
        f"/// The system-calls package version these tables came from.\n"
        f"public let syscallTablesVersion = \"{version}\"\n\n"
        "extension SyscallID {\n" + statics + "}\n")

    for arch in archs:
        table = arch_table(arch.syscalls)
        unknown = sorted(set(table) - known)
        if unknown:
            raise SystemExit(f"generate-abi: {arch.swift}: names missing from names table: {unknown}")
        by_number = sorted((number, name) for name, number in table.items())
        numbers = [n for n, _ in by_number]
        if len(set(numbers)) != len(numbers):
            raise SystemExit(f"generate-abi: {arch.swift}: two syscalls share a number")
        lines = [f"{number} {name}" for number, name in by_number]
        files[f"Syscalls+{arch.swift}.swift"] = (
            header(f"{source}, table {arch.syscalls}") +
            f"\n/// {arch.swift} syscalls as \"number name\" lines, sorted by number.\n"
            f"let syscallSource_{arch.swift} = {multiline_string(lines, indent='')}\n")
    return files
