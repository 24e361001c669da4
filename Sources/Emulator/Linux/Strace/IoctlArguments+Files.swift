import FerryABI

/// Filesystem, loop-device and userfaultfd arguments in strace(1)'s `-X abbrev` forms (learnt
/// from strace 6.1 runs): fiemap, fsxattr, loop_info(64), uffdio_api and uffdio_register.
extension IoctlArguments {
    /// Entering `{fm_start=0, fm_length=N, fm_flags=0, fm_extent_count=4}`, after
    /// `{fm_flags=0, fm_mapped_extents=1, ...}` (the extents are left out under -X abbrev).
    func fiemap(_ v: StructView, phase: Phase) -> String {
        let flags = printingGroup("fiemap_flags").flags(v.u("fm_flags"))
        if phase == .entering {
            return "{fm_start=\(v.u("fm_start")), fm_length=\(v.u("fm_length")), fm_flags=\(flags), fm_extent_count=\(v.u("fm_extent_count"))}"
        }
        return "{fm_flags=\(flags), fm_mapped_extents=\(v.u("fm_mapped_extents")), ...}"
    }

    /// fsx_nextents is shown only where the kernel fills it (FS_IOC_FSGETXATTR).
    func fsxattr(_ v: StructView, withExtents: Bool) -> String {
        let extents = withExtents ? "fsx_nextents=\(v.u("fsx_nextents")), " : ""
        return "{fsx_xflags=\(printingGroup("fs_xflags").flags(v.u("fsx_xflags"))), fsx_extsize=\(v.u("fsx_extsize")), "
            + extents + "fsx_projid=\(v.u("fsx_projid")), fsx_cowextsize=\(v.u("fsx_cowextsize"))}"
    }

    /// loop_info64: offset, number, the encryption fields only when a type is set, flags, file
    /// name; loop_info puts the number first and calls the name lo_name.
    func loopInfo(_ v: StructView) -> String {
        let is64 = v.layout.field("lo_file_name") != nil
        let type = v.u("lo_encrypt_type")
        let keySize = Int(v.u("lo_encrypt_key_size"))
        var parts = is64 ? ["lo_offset=\(StraceText.hex(v.u("lo_offset")))", "lo_number=\(v.u("lo_number"))"]
                         : ["lo_number=\(v.s("lo_number"))", "lo_offset=\(StraceText.hex(v.u("lo_offset")))"]
        if type != 0 {
            parts.append("lo_encrypt_type=\(printingGroup("loop_crypt").name(type) ?? String(type))")
            parts.append("lo_encrypt_key_size=\(keySize)")
        }
        parts.append("lo_flags=\(printingGroup("loop_flags").flags(v.u("lo_flags")))")
        parts.append((is64 ? "lo_file_name=" : "lo_name=") + StraceText.cString(v.chars(is64 ? "lo_file_name" : "lo_name")))
        if type != 0 {
            if is64 { parts.append("lo_crypt_name=" + StraceText.cString(v.chars("lo_crypt_name"))) }
            if let f = v.layout.field("lo_encrypt_key") {
                let n = min(keySize, f.count)
                parts.append("lo_encrypt_key=" + StraceText.quote(Array(v.bytes[f.offset..<f.offset + n])))
            }
        }
        return "{" + parts.joined(separator: ", ") + ", ...}"
    }

    /// Entering `{api=0xaa, features=...}`; after, what the kernel filled:
    /// `features=..., ioctls=...}` (IoctlArguments.combined joins them with ` => `).
    func uffdioApi(_ v: StructView, phase: Phase) -> String {
        let features = printingGroup("uffd_features").flags(v.u("features"))
        if phase == .entering { return "{api=\(StraceText.hex(v.u("api"))), features=\(features)}" }
        return "features=\(features), ioctls=\(printingGroup("uffdio_ioctl_bits").flags(v.u("ioctls")))}"
    }

    /// `{range={start=0x..., len=0x1000}, mode=UFFDIO_REGISTER_MODE_MISSING, ioctls=...}`, the
    /// ioctls once the call filled them.
    func uffdioRegister(_ v: StructView, phase: Phase) -> String {
        let range = "range={start=\(StraceText.hex(v.u("range.start"))), len=\(StraceText.hex(v.u("range.len")))}"
        let mode = "mode=" + printingGroup("uffdio_register_mode").flags(v.u("mode"))
        if phase == .entering { return "{\(range), \(mode)}" }
        return "{\(range), \(mode), ioctls=\(printingGroup("uffdio_ioctl_bits").flags(v.u("ioctls")))}"
    }
}
