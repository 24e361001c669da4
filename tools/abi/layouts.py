"""Per-architecture struct layouts from the DWARF of compiled probes, plus sample instances.

For each architecture and probe unit: declare one variable of each listed type and its size
and alignment as data symbols, compile with -g, then walk the variable's DWARF type: every
leaf member becomes a field (dotted path through nested structs and unions, arrays as element
size and count, signedness from the base type's encoding). A second probe initialises one
instance of each SAMPLES struct; its bytes are the unit tests' oracle.
"""
import hashlib
import subprocess

from elftools.elf.elffile import ELFFile

import probe
from elfobject import ElfObject
from struct_list import (INPUT_HEADERS, KERNEL_EXTRA, KERNEL_HEADERS, LIBC_DEFINES, LIBC_HEADERS,
                         SAMPLES, STRUCTS)
from swiftgen import header, multiline_string

SIGNED_ENCODINGS = {0x05, 0x06, 0x0d}  # DW_ATE_signed, signed_char, signed_fixed


def unit_prelude(unit: str) -> str:
    if unit == "kernel":
        return probe.includes_source(KERNEL_HEADERS, optional=True) + KERNEL_EXTRA
    if unit == "input":
        return probe.includes_source(INPUT_HEADERS, optional=True)
    return LIBC_DEFINES + probe.includes_source(LIBC_HEADERS, optional=True)


def _strip(die):
    """Follows typedefs and qualifiers to the underlying type DIE."""
    while die.tag in ("DW_TAG_typedef", "DW_TAG_const_type", "DW_TAG_volatile_type",
                      "DW_TAG_atomic_type", "DW_TAG_restrict_type"):
        if "DW_AT_type" not in die.attributes:
            return None  # const void
        die = die.get_DIE_from_attribute("DW_AT_type")
    return die


def _array_shape(die):
    """(element DIE, total element count) of an array type; count 0 for a flexible array."""
    count = 1
    for sub in die.iter_children():
        if sub.tag != "DW_TAG_subrange_type":
            continue
        if "DW_AT_count" in sub.attributes:
            count *= sub.attributes["DW_AT_count"].value
        elif "DW_AT_upper_bound" in sub.attributes:
            count *= sub.attributes["DW_AT_upper_bound"].value + 1
        else:
            count = 0
    return _strip(die.get_DIE_from_attribute("DW_AT_type")), count


def _scalar(die, pointer_size):
    """(size, signed) of a scalar type DIE, or None for an aggregate."""
    if die is None:
        return None
    if die.tag == "DW_TAG_base_type":
        return die.attributes["DW_AT_byte_size"].value, \
            die.attributes["DW_AT_encoding"].value in SIGNED_ENCODINGS
    if die.tag in ("DW_TAG_pointer_type", "DW_TAG_subroutine_type"):
        return pointer_size, False
    if die.tag == "DW_TAG_enumeration_type":
        under = _strip(die.get_DIE_from_attribute("DW_AT_type")) if "DW_AT_type" in die.attributes else None
        signed = under is not None and _scalar(under, pointer_size)[1]
        return die.attributes["DW_AT_byte_size"].value, signed
    return None


def _fields(die, base, prefix, pointer_size, out):
    """Appends (name, offset, size, signed, count) for every leaf member of struct/union `die`."""
    for member in die.iter_children():
        if member.tag != "DW_TAG_member":
            continue
        name_attr = member.attributes.get("DW_AT_name")
        name = name_attr.value.decode() if name_attr else None
        if "DW_AT_bit_size" in member.attributes:
            continue  # bitfields: none in the listed ABI structs but anonymous padding
        loc = member.attributes.get("DW_AT_data_member_location")
        offset = base + (loc.value if loc is not None else 0)
        typ = _strip(member.get_DIE_from_attribute("DW_AT_type"))
        path = f"{prefix}{name}" if name else prefix.rstrip(".")
        count = 1
        if typ.tag == "DW_TAG_array_type":
            typ, count = _array_shape(typ)
        scalar = _scalar(typ, pointer_size)
        if scalar is not None:
            out.append((path, offset, scalar[0], scalar[1], count))
        elif count == 1 and typ.tag in ("DW_TAG_structure_type", "DW_TAG_union_type"):
            _fields(typ, offset, f"{path}." if path else "", pointer_size, out)
        else:
            # An array of structs: kept as opaque elements of the struct's size.
            size = typ.attributes["DW_AT_byte_size"].value if "DW_AT_byte_size" in typ.attributes else 0
            out.append((path, offset, size, False, count))


def probe_layouts(arch):
    """{layout name: (size, alignment, [fields])} for one architecture."""
    result = {}
    for unit in ("kernel", "libc", "input"):
        lines = {}
        for name, ctype, u in STRUCTS:
            if u != unit:
                continue
            lines[name] = (f"__attribute__((used)) {ctype} ferry_l_{name}; "
                           f"__attribute__((used)) const long long ferry_v_size_{name} = sizeof({ctype}); "
                           f"__attribute__((used)) const long long ferry_v_align_{name} = _Alignof({ctype});")
        kept, obj = probe.compile_lines(arch, f"{unit}-layouts", unit_prelude(unit), lines,
                                        flags=("-g", "-gdwarf-4", "-fno-eliminate-unused-debug-types"))
        # Linked (never run) so the linker applies the DWARF relocations pyelftools lacks.
        linked = obj[:-2] + ".so"
        link = subprocess.run(arch.cc + ["-shared", "-nostdlib", obj, "-o", linked],
                              capture_output=True, text=True)
        if link.returncode != 0:
            raise SystemExit(f"generate-abi: {arch.swift}: linking the {unit} layout probe failed:\n"
                             + link.stderr.strip()[:2000])
        values = ElfObject(linked)
        with open(linked, "rb") as f:
            dwarf = ELFFile(f).get_dwarf_info()
            variables = {}
            for cu in dwarf.iter_CUs():
                for die in cu.iter_DIEs():
                    if die.tag == "DW_TAG_variable" and "DW_AT_name" in die.attributes:
                        var = die.attributes["DW_AT_name"].value.decode()
                        if var.startswith("ferry_l_"):
                            variables[var[8:]] = _strip(die.get_DIE_from_attribute("DW_AT_type"))
            for name in kept:
                typ = variables[name]
                fields = []
                _fields(typ, 0, "", arch.pointer_size, fields)
                size = values.int64(f"ferry_v_size_{name}")
                dwarf_size = typ.attributes["DW_AT_byte_size"].value
                if size != dwarf_size:
                    raise SystemExit(f"generate-abi: {arch.swift}: {name}: sizeof {size} but DWARF {dwarf_size}")
                result[name] = (size, values.int64(f"ferry_v_align_{name}"), fields)
    return result


def _sample_value(name, size, signed):
    """A deterministic value for field `name` that fits `size` bytes (negative when signed)."""
    h = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")
    magnitude = h % (1 << (8 * size - 2)) + 1
    return -magnitude if signed else magnitude


def probe_samples(arch, layouts_by_arch):
    """{struct: bytes} of initialised instances; fields common to every arch get one value."""
    lines = {}
    units = {name: unit for name, _, unit in STRUCTS}
    ctypes = {name: ctype for name, ctype, _ in STRUCTS}
    chosen = {}
    for struct in SAMPLES:
        per_arch = [l[struct] for l in layouts_by_arch.values() if struct in l]
        if len(per_arch) != len(layouts_by_arch) or struct not in layouts_by_arch[arch.swift]:
            continue
        field_sets = [{f[0]: f for f in layout[2]} for layout in per_arch]
        common = set(field_sets[0]).intersection(*field_sets[1:])
        inits = []
        for fname in sorted(common):
            variants = [fs[fname] for fs in field_sets]
            if any(v[4] == 0 for v in variants) or "." in fname and fname.split(".")[0] in (
                    "_sifields",):
                continue
            size = min(v[2] for v in variants)
            signed = all(v[3] for v in variants)
            value = _sample_value(f"{struct}.{fname}", size, signed)
            target = f".{fname}" + ("[0]" if any(v[4] > 1 for v in variants) else "")
            inits.append(f"{target} = (__typeof__(((({ctypes[struct]} *)0)->{fname.split('.')[0]}"
                         f"{''.join('.' + p for p in fname.split('.')[1:])}"
                         f"{'[0]' if any(v[4] > 1 for v in variants) else ''})))({value}LL)")
        lines[struct] = (f"__attribute__((used)) {ctypes[struct]} ferry_s_{struct} = "
                         "{ " + ", ".join(inits) + " };")
        chosen[struct] = units[struct]
    samples = {}
    for unit in ("kernel", "libc", "input"):
        unit_lines = {k: v for k, v in lines.items() if chosen[k] == unit}
        if not unit_lines:
            continue
        kept, obj = probe.compile_lines(arch, f"{unit}-samples", unit_prelude(unit), unit_lines)
        missing = set(unit_lines) - set(kept)
        if missing:
            raise SystemExit(f"generate-abi: {arch.swift}: sample instances failed to compile: {sorted(missing)}")
        elf = ElfObject(obj)
        for k in kept:
            samples[k] = elf.symbols[f"ferry_s_{k}"]
    return samples


def generate(archs) -> dict:
    layouts_by_arch = {arch.swift: probe_layouts(arch) for arch in archs}
    files = {}
    sample_lines = []
    for arch in archs:
        layouts = layouts_by_arch[arch.swift]
        lines = []
        for name, _, _ in STRUCTS:
            if name not in layouts:
                continue
            size, align, fields = layouts[name]
            lines.append(f"@{name} {size} {align}")
            for fname, offset, fsize, signed, count in fields:
                lines.append(f"{fname} {offset} {fsize} {'s' if signed else 'u'} {count}")
        files[f"Layouts+{arch.swift}.swift"] = (
            header(f"DWARF of probes compiled by {arch.cc[0]}") +
            f"\n/// {arch.swift} layouts: \"@name size alignment\" lines, then one line per field:\n"
            "/// \"path offset size s|u count\" (count: array elements, 0 for a flexible array).\n"
            f"let layoutSource_{arch.swift} = {multiline_string(lines, indent='')}\n")
        for struct, data in probe_samples(arch, layouts_by_arch).items():
            sample_lines.append(f"{arch.swift} {struct} {data.hex()}")
    files["LayoutSamples.swift"] = (
        header("initialised instances in the probes' objects") +
        "\n/// Test oracle: \"arch struct hexbytes\", each the bytes a cross compiler emitted for one\n"
        "/// initialised instance (fields common to all architectures hold the same values).\n"
        f"let layoutSampleSource = {multiline_string(sample_lines, indent='')}\n")
    return files
