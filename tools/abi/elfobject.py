"""Reads symbol contents from an ELF object or shared library (32/64-bit, either byte order).

Probes are compiled, never run: every value they compute sits in an initialised data symbol,
and this reader returns each symbol's bytes so nothing but Python is needed to read them back.
"""
import struct


class ElfObject:
    def __init__(self, path: str):
        with open(path, "rb") as f:
            self.data = f.read()
        d = self.data
        if d[:4] != b"\x7fELF":
            raise ValueError(f"{path}: not an ELF file")
        self.is64 = d[4] == 2
        self.big_endian = d[5] == 2
        self.endian = ">" if self.big_endian else "<"
        e = self.endian
        if self.is64:
            shoff, = struct.unpack_from(e + "Q", d, 0x28)
            shentsize, shnum, shstrndx = struct.unpack_from(e + "HHH", d, 0x3A)
        else:
            shoff, = struct.unpack_from(e + "I", d, 0x20)
            shentsize, shnum, shstrndx = struct.unpack_from(e + "HHH", d, 0x2E)
        self.sections = [self._section(shoff + i * shentsize) for i in range(shnum)]
        self.symbols = self._symbols()

    def _section(self, off):
        e, d = self.endian, self.data
        if self.is64:
            name, typ, flags, addr, offset, size, link, info, align, entsize = \
                struct.unpack_from(e + "IIQQQQIIQQ", d, off)
        else:
            name, typ, flags, addr, offset, size, link, info, align, entsize = \
                struct.unpack_from(e + "IIIIIIIIII", d, off)
        return {"type": typ, "addr": addr, "offset": offset, "size": size, "link": link,
                "entsize": entsize}

    def _string(self, section, index):
        start = section["offset"] + index
        end = self.data.index(b"\0", start)
        return self.data[start:end].decode()

    def _symbols(self):
        """{name: bytes} for every defined data symbol with a size."""
        e, d = self.endian, self.data
        out = {}
        for sec in self.sections:
            if sec["type"] != 2:  # SHT_SYMTAB
                continue
            strtab = self.sections[sec["link"]]
            for i in range(sec["size"] // sec["entsize"]):
                off = sec["offset"] + i * sec["entsize"]
                if self.is64:
                    name, info, other, shndx, value, size = struct.unpack_from(e + "IBBHQQ", d, off)
                else:
                    name, value, size, info, other, shndx = struct.unpack_from(e + "IIIBBH", d, off)
                if size == 0 or shndx == 0 or shndx >= 0xFF00:
                    continue
                target = self.sections[shndx]
                if target["type"] == 8:  # SHT_NOBITS (.bss): all zero
                    out[self._string(strtab, name)] = bytes(size)
                else:
                    # st_value is section-relative in a .o, an address in a linked file.
                    start = target["offset"] + value - target["addr"]
                    out[self._string(strtab, name)] = d[start:start + size]
        return out

    def int64(self, name: str) -> int:
        """A signed 64-bit integer symbol in the object's byte order."""
        return struct.unpack(self.endian + "q", self.symbols[name])[0]
