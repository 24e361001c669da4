"""Per-architecture ioctl request numbers, by family, from probes (ioctl_list.FAMILIES).

For each architecture: list every macro the ioctl headers define, pick the request macros each
family names, then compile per request its number and the architecture's own _IOC_DIR,
_IOC_TYPE, _IOC_NR and _IOC_SIZE of it, plus the _IOC field widths, shifts and direction values
(MIPS: none 1, read 2, write 4, 13-bit size), and read them back. The argument type is the
`sizeof(...)` operand in the preprocessor's expansion of the request. Headers come from the
cross compiler's own sysroot only (probe.sysroot_flags), so arm has no <linux/kvm.h>.
"""
import os
import re
import subprocess

import probe
from constant_groups import KERNEL_PRELUDE
from ioctl_list import FAMILIES, REQUIRED, UNITS
from swiftgen import header, multiline_string

ENCODING_FIELDS = ["NRBITS", "TYPEBITS", "SIZEBITS", "DIRBITS", "NRSHIFT", "TYPESHIFT",
                   "SIZESHIFT", "DIRSHIFT", "NONE", "READ", "WRITE"]
_ENCODED = re.compile(r"\b_IO(C|R|W|WR)?\b|_IO(C|R|W|WR)?\(")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _prelude(unit):
    return KERNEL_PRELUDE if unit == "kernel" else ""


def usable_headers(arch, unit, flags):
    """(headers that compile alone, {header: why not}) for one probe unit."""
    ok, missing = [], {}
    for h in UNITS[unit]:
        src = os.path.join(probe.BUILD, f"{arch.swift}-ioctl-header.c")
        with open(src, "w") as f:
            f.write(_prelude(unit) + f"#include <{h}>\n")
        r = subprocess.run(arch.cc + [*flags, "-fsyntax-only", "-w", src], capture_output=True, text=True)
        if r.returncode == 0:
            ok.append(h)
        else:
            first = next((l for l in r.stderr.splitlines() if "error" in l), r.stderr.strip())
            missing[h] = first.split("error: ", 1)[-1].strip()
    return ok, missing


def _is_encoded(name, defs, depth=0):
    """Whether the macro is built from _IO/_IOR/_IOW/_IOWR/_IOC, through wrappers and aliases."""
    if depth > 6 or name not in defs:
        return False
    body = defs[name][2]
    if _ENCODED.search(body):
        return True
    return any(_is_encoded(i, defs, depth + 1) for i in _IDENT.findall(body) if i != name)


def _select(defs, unit):
    """[(family, name, params, path, definition)] in header order, first matching family wins."""
    families = [(f, u, re.compile(h), re.compile(n), enc, re.compile(x) if x else None)
                for f, u, h, n, enc, x in FAMILIES if u == unit]
    chosen = []
    for name, (path, params, body) in defs.items():
        for family, _, header_re, name_re, encoded_only, excluded in families:
            if not name_re.match(name) or not header_re.search(path):
                continue
            if excluded and excluded.search(name):
                continue
            if encoded_only and not _is_encoded(name, defs):
                continue
            chosen.append((family, name, params, path, body))
            break
    return chosen


def _call(name, params):
    return name if params is None else f"{name}({','.join('0' for _ in params.split(','))})"


def _argument_types(arch, unit, prelude, flags, calls):
    """{name: C type} from the `sizeof(...)` in each request's full macro expansion."""
    src = os.path.join(probe.BUILD, f"{arch.swift}-ioctl-{unit}-expand.c")
    with open(src, "w") as f:
        f.write(prelude + "".join(f"\nferry_x_{n} = {c} ;\n" for n, c in calls.items()))
    out = subprocess.run(arch.cc + [*flags, "-E", "-P", src], capture_output=True, text=True).stdout
    types = {}
    for m in re.finditer(r"ferry_x_([A-Za-z0-9_]+) = (.*?) ;", out, re.S):
        text = m.group(2)
        at = text.find("sizeof(")
        if at < 0:
            continue
        depth, i = 0, at + len("sizeof")
        for j in range(i, len(text)):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            if depth == 0:
                types[m.group(1)] = " ".join(text[i + 1:j].split())
                break
    return types


def _short_path(path):
    parts = path.split("/")
    return "/".join(parts[-2:])


def probe_arch(arch):
    flags = probe.sysroot_flags(arch)
    requests, families_headers, missing_headers, dropped = [], {}, {}, set()
    encoding, defined, version = None, set(), None
    for unit in UNITS:
        headers, missing = usable_headers(arch, unit, flags)
        missing_headers.update(missing)
        prelude = _prelude(unit) + probe.includes_source(headers)
        defs = probe.definitions(arch, f"ioctl-{unit}", prelude)
        defined |= set(defs)
        chosen = _select(defs, unit)
        calls = {name: _call(name, params) for _, name, params, _, _ in chosen}
        expressions = {}
        for name, call in calls.items():
            expressions[f"req_{name}"] = f"(unsigned int)({call})"
            for part in ("DIR", "TYPE", "NR", "SIZE"):
                expressions[f"{part.lower()}_{name}"] = f"_IOC_{part}((unsigned int)({call}))"
        if encoding is None:
            expressions.update({f"enc_{f}": f"_IOC_{f}" for f in ENCODING_FIELDS})
            expressions["linux_version"] = "LINUX_VERSION_CODE" if "LINUX_VERSION_CODE" in defs else "0"
        values, _ = probe.compile_values(arch, f"ioctl-{unit}", prelude, expressions)
        if encoding is None:
            encoding = {f: values[f"enc_{f}"] for f in ENCODING_FIELDS}
            version = values["linux_version"]
        types = _argument_types(arch, unit, prelude, flags, calls)
        selected = {name for _, name, _, _, _ in chosen}
        for family, name, params, path, body in chosen:
            parts = [values.get(f"{p}_{name}") for p in ("req", "dir", "type", "nr", "size")]
            if None in parts:
                dropped.add(name)  # not an integer constant here (e.g. needs libc's timeval)
                continue
            alias = body if body in selected and body != name else None
            requests.append((family, name, params, parts, _is_encoded(name, defs), alias, types.get(name)))
            families_headers.setdefault(family, [])
            if _short_path(path) not in families_headers[family]:
                families_headers[family].append(_short_path(path))
    found = {r[1] for r in requests}
    missing = {}
    for name in REQUIRED:
        if name in found:
            continue
        family = next(f for f, _, _, n, _, _ in FAMILIES if re.match(n, name))
        header_re = next(h for f, _, h, _, _, _ in FAMILIES if f == family)
        gone = [h for h in missing_headers if re.search(header_re, "/" + h)]
        if gone:
            missing[name] = f"<{gone[0]}> unusable on {arch.swift}: {missing_headers[gone[0]]}"
        elif name in dropped:
            missing[name] = "defined, but not an integer constant with these headers"
        elif name not in defined:
            missing[name] = f"not defined by the Linux {version >> 16}.{(version >> 8) & 0xFF} uapi headers"
        else:
            raise SystemExit(f"generate-abi: {arch.swift}: {name} is defined but no ioctl family "
                             "selects it: fix tools/abi/ioctl_list.py")
    return requests, encoding, families_headers, missing, version


def generate(archs) -> dict:
    order = {f[0]: i for i, f in enumerate(FAMILIES)}
    files = {}
    for arch in archs:
        requests, enc, family_headers, missing, version = probe_arch(arch)
        lines = ["@encoding " + " ".join(f"{f.lower()} {enc[f]}" for f in ENCODING_FIELDS)]
        current = None
        for family, name, params, (req, d, t, nr, size), encoded, alias, argtype in sorted(
                requests, key=lambda r: order[r[0]]):
            if family != current:
                lines.append(f"@family {family} {','.join(family_headers[family])}")
                current = family
            spelled = name if params is None else f"{name}({params})"
            lines.append(f"{spelled} 0x{req:x} {d} {t} {nr} {size} {'e' if encoded else 'l'} "
                         f"{alias or '-'} {argtype or '-'}")
        for name, why in missing.items():
            lines.append(f"!missing {name} {why}")
        families = len({r[0] for r in requests})
        files[f"Ioctls+{arch.swift}.swift"] = (
            header(f"probes compiled by {arch.cc[0]} against Linux "
                   f"{version >> 16}.{(version >> 8) & 0xFF} uapi headers") +
            f"// {len(requests)} requests in {families} families; {len(missing)} required ones missing.\n"
            f"\n/// {arch.swift} ioctl requests: \"@encoding\" (the _IOC layout), \"@family name headers\",\n"
            "/// then \"NAME[(params)] request dir type nr size e|l alias|- argtype|-\" (dir/type/nr/size\n"
            "/// by the arch's own _IOC_* macros; e: built with _IO*, l: a plain number), and\n"
            "/// \"!missing NAME reason\" for each request the ioctl issue needs that this arch lacks.\n"
            f"let ioctlSource_{arch.swift} = {multiline_string(lines, indent='')}\n")
    return files
