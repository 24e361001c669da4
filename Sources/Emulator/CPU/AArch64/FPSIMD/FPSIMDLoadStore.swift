/// Every load and store of a V register: LDR/STR B/H/S/D/Q (unsigned offset, pre/post-index,
/// register offset, unscaled, literal), LDP/STP/LDNP/STNP S/D/Q, and the AdvSIMD structure
/// forms LD1-LD4/ST1-ST4 (multiple structures, single lane, LDnR replicate, post-index).
///
/// Guest addresses are host addresses (see `hostPointer`); every access is unaligned-safe.
/// The base register is written back after the access. This path runs glibc's memcpy and
/// string routines, so it allocates nothing and decodes with plain bit-field switches.
extension AArch64CPU {
    func executeFPSIMDLoadStore(_ insn: UInt32, pc: UInt64) -> Bool {
        switch insn & 0x3C00_0000 {
        case 0x3C00_0000: return fpLoadStoreSingle(insn)
        case 0x2C00_0000: return fpLoadStorePair(insn)
        default: break
        }
        if insn & 0x3F00_0000 == 0x1C00_0000 { return fpLoadLiteral(insn, pc: pc) }
        if insn & 0xBF00_0000 == 0x0C00_0000 { return simdLoadStoreMultiple(insn) }
        if insn & 0xBF00_0000 == 0x0D00_0000 { return simdLoadStoreSingle(insn) }
        return false
    }

    // MARK: - Whole-register transfers

    /// Loads `bytes` (1, 2, 4, 8 or 16) into V[t], zeroing the rest of the register.
    @inline(__always)
    private func loadVector(_ t: Int, _ address: UInt64, bytes: Int) {
        let p = UnsafeRawPointer(hostPointer(address))
        let r = vreg(t)
        var low: UInt64
        var high: UInt64 = 0
        switch bytes {
        case 1: low = UInt64(p.load(as: UInt8.self))
        case 2: low = UInt64(p.loadUnaligned(as: UInt16.self))
        case 4: low = UInt64(p.loadUnaligned(as: UInt32.self))
        case 8: low = p.loadUnaligned(as: UInt64.self)
        default:
            low = p.loadUnaligned(as: UInt64.self)
            high = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }
        r.storeBytes(of: low, as: UInt64.self)
        r.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    }

    /// Stores the low `bytes` (1, 2, 4, 8 or 16) of V[t].
    @inline(__always)
    private func storeVector(_ t: Int, _ address: UInt64, bytes: Int) {
        let p = hostPointer(address)
        let r = UnsafeRawPointer(vreg(t))
        switch bytes {
        case 1: p.storeBytes(of: r.load(as: UInt8.self), as: UInt8.self)
        case 2: p.storeBytes(of: r.load(as: UInt16.self), as: UInt16.self)
        case 4: p.storeBytes(of: r.load(as: UInt32.self), as: UInt32.self)
        case 8: p.storeBytes(of: r.load(as: UInt64.self), as: UInt64.self)
        default:
            p.storeBytes(of: r.load(as: UInt64.self), as: UInt64.self)
            p.storeBytes(of: r.load(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8,
                         as: UInt64.self)
        }
    }

    // MARK: - LDR/STR (immediate, register, unscaled) and literal

    private func fpLoadStoreSingle(_ insn: UInt32) -> Bool {
        let size = Int(insn >> 30)
        let opc = Int(insn >> 22) & 3
        if opc >= 2 && size != 0 { return false }
        let scale = opc >= 2 ? 4 : size                 // log2 of the access size
        let isLoad = opc & 1 != 0
        let rt = Int(insn & 31)
        let rn = Int(insn >> 5) & 31                     // 31 is SP
        let base = x[rn]
        var address: UInt64
        if insn & 0x0100_0000 != 0 {                     // unsigned, scaled 12-bit offset
            address = base &+ (UInt64(insn >> 10) & 0xFFF) << UInt64(scale)
        } else if insn & 0x0020_0000 == 0 {              // 9-bit signed offset forms
            let imm9 = UInt64(bitPattern: Int64(Int32(bitPattern: insn << 11) >> 23))
            switch (insn >> 10) & 3 {
            case 0:                                      // LDUR/STUR
                address = base &+ imm9
            case 1:                                      // post-index
                transferScalar(rt, base, scale: scale, isLoad: isLoad)
                x[rn] = base &+ imm9
                return true
            case 3:                                      // pre-index
                transferScalar(rt, base &+ imm9, scale: scale, isLoad: isLoad)
                x[rn] = base &+ imm9
                return true
            default: return false                        // unprivileged: no V form
            }
        } else {
            guard (insn >> 10) & 3 == 2 else { return false }
            let rm = Int(insn >> 16) & 31
            let offsetValue = rm == 31 ? 0 : x[rm]
            let shift = insn & 0x1000 != 0 ? UInt64(scale) : 0
            let offset: UInt64
            switch (insn >> 13) & 7 {
            case 2: offset = UInt64(UInt32(truncatingIfNeeded: offsetValue))              // UXTW
            case 3: offset = offsetValue                                                  // LSL
            case 6: offset = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: offsetValue)))
            case 7: offset = offsetValue                                                  // SXTX
            default: return false
            }
            address = base &+ (offset << shift)
        }
        transferScalar(rt, address, scale: scale, isLoad: isLoad)
        return true
    }

    @inline(__always)
    private func transferScalar(_ rt: Int, _ address: UInt64, scale: Int, isLoad: Bool) {
        if isLoad {
            loadVector(rt, address, bytes: 1 << scale)
        } else {
            storeVector(rt, address, bytes: 1 << scale)
        }
    }

    private func fpLoadLiteral(_ insn: UInt32, pc: UInt64) -> Bool {
        let opc = Int(insn >> 30)
        if opc == 3 { return false }                      // PRFM has no V form
        let offset = Int64(Int32(bitPattern: insn << 8) >> 13) << 2
        loadVector(Int(insn & 31), pc &+ UInt64(bitPattern: offset), bytes: 4 << opc)
        return true
    }

    // MARK: - LDP/STP/LDNP/STNP

    private func fpLoadStorePair(_ insn: UInt32) -> Bool {
        let opc = Int(insn >> 30)
        if opc == 3 { return false }
        let scale = 2 + opc
        let bytes = 1 << scale
        let isLoad = insn & 0x0040_0000 != 0
        let rt = Int(insn & 31)
        let rt2 = Int(insn >> 10) & 31
        let rn = Int(insn >> 5) & 31
        let imm = UInt64(bitPattern: Int64(Int32(bitPattern: insn << 10) >> 25) << Int64(scale))
        let base = x[rn]
        let address: UInt64
        let kind = (insn >> 23) & 3        // 0 no-allocate, 1 post-index, 2 offset, 3 pre-index
        address = kind == 1 ? base : base &+ imm
        if isLoad {
            loadVector(rt, address, bytes: bytes)
            loadVector(rt2, address &+ UInt64(bytes), bytes: bytes)
        } else {
            storeVector(rt, address, bytes: bytes)
            storeVector(rt2, address &+ UInt64(bytes), bytes: bytes)
        }
        if kind & 1 != 0 { x[rn] = base &+ imm }
        return true
    }

    // MARK: - AdvSIMD LD1-LD4/ST1-ST4, multiple structures

    private func simdLoadStoreMultiple(_ insn: UInt32) -> Bool {
        let postIndex = insn & 0x0080_0000 != 0
        if !postIndex && insn & 0x001F_0000 != 0 { return false }
        if insn & 0x0020_0000 != 0 { return false }
        let q = insn & 0x4000_0000 != 0
        let isLoad = insn & 0x0040_0000 != 0
        let size = Int(insn >> 10) & 3
        let rt = Int(insn & 31)
        let rn = Int(insn >> 5) & 31
        let regs: Int, selem: Int
        switch (insn >> 12) & 15 {
        case 0b0000: regs = 4; selem = 4
        case 0b0010: regs = 4; selem = 1
        case 0b0100: regs = 3; selem = 3
        case 0b0110: regs = 3; selem = 1
        case 0b0111: regs = 1; selem = 1
        case 0b1000: regs = 2; selem = 2
        case 0b1010: regs = 2; selem = 1
        default: return false
        }
        if size == 3 && !q && selem != 1 { return false }
        let base = x[rn]
        let datasize = q ? 16 : 8
        if selem == 1 {
            for r in 0..<regs {
                let t = (rt &+ r) & 31
                let address = base &+ UInt64(r &* datasize)
                if isLoad { loadVector(t, address, bytes: datasize) } else {
                    storeVector(t, address, bytes: datasize)
                }
            }
        } else {
            let ebytes = 1 << size
            let elements = datasize >> size
            if isLoad && !q {
                for s in 0..<selem { vreg((rt &+ s) & 31).storeBytes(of: 0, toByteOffset: 8,
                                                                    as: UInt64.self) }
            }
            var address = base
            for e in 0..<elements {
                for s in 0..<selem {
                    let lane = vreg((rt &+ s) & 31) + e &* ebytes
                    copyElement(lane, address, ebytes: ebytes, isLoad: isLoad)
                    address &+= UInt64(ebytes)
                }
            }
        }
        if postIndex {
            let rm = Int(insn >> 16) & 31
            x[rn] = base &+ (rm == 31 ? UInt64(regs &* datasize) : x[rm])
        }
        return true
    }

    /// Moves one element between a register lane and memory.
    @inline(__always)
    private func copyElement(_ lane: UnsafeMutableRawPointer, _ address: UInt64, ebytes: Int,
                             isLoad: Bool) {
        let p = hostPointer(address)
        if isLoad {
            switch ebytes {
            case 1: lane.storeBytes(of: p.load(as: UInt8.self), as: UInt8.self)
            case 2: lane.storeBytes(of: p.loadUnaligned(as: UInt16.self), as: UInt16.self)
            case 4: lane.storeBytes(of: p.loadUnaligned(as: UInt32.self), as: UInt32.self)
            default: lane.storeBytes(of: p.loadUnaligned(as: UInt64.self), as: UInt64.self)
            }
        } else {
            switch ebytes {
            case 1: p.storeBytes(of: lane.load(as: UInt8.self), as: UInt8.self)
            case 2: p.storeBytes(of: lane.loadUnaligned(as: UInt16.self), as: UInt16.self)
            case 4: p.storeBytes(of: lane.loadUnaligned(as: UInt32.self), as: UInt32.self)
            default: p.storeBytes(of: lane.loadUnaligned(as: UInt64.self), as: UInt64.self)
            }
        }
    }

    // MARK: - AdvSIMD LD1-LD4/ST1-ST4 single lane, LD1R-LD4R

    private func simdLoadStoreSingle(_ insn: UInt32) -> Bool {
        let postIndex = insn & 0x0080_0000 != 0
        if !postIndex && insn & 0x001F_0000 != 0 { return false }
        let q = insn & 0x4000_0000 != 0
        let isLoad = insn & 0x0040_0000 != 0
        let opcode = Int(insn >> 13) & 7
        let s = Int(insn >> 12) & 1
        let size = Int(insn >> 10) & 3
        let rt = Int(insn & 31)
        let rn = Int(insn >> 5) & 31
        let selem = (((opcode & 1) << 1) | Int(insn >> 21) & 1) + 1
        var scale = opcode >> 1
        var index = 0
        var replicate = false
        switch scale {
        case 3:
            if !isLoad || s != 0 { return false }
            scale = size
            replicate = true
        case 0:
            index = (q ? 8 : 0) | s << 2 | size
        case 1:
            if size & 1 != 0 { return false }
            index = (q ? 4 : 0) | s << 1 | size >> 1
        default:
            if size & 2 != 0 { return false }
            if size & 1 == 0 {
                index = (q ? 2 : 0) | s
            } else {
                if s != 0 { return false }
                index = q ? 1 : 0
                scale = 3
            }
        }
        let ebytes = 1 << scale
        let base = x[rn]
        var address = base
        for k in 0..<selem {
            let t = (rt &+ k) & 31
            if replicate {
                let p = UnsafeRawPointer(hostPointer(address))
                let pattern: UInt64
                switch scale {
                case 0: pattern = UInt64(p.load(as: UInt8.self)) &* 0x0101_0101_0101_0101
                case 1: pattern = UInt64(p.loadUnaligned(as: UInt16.self)) &* 0x0001_0001_0001_0001
                case 2: pattern = UInt64(p.loadUnaligned(as: UInt32.self)) &* 0x0000_0001_0000_0001
                default: pattern = p.loadUnaligned(as: UInt64.self)
                }
                let r = vreg(t)
                r.storeBytes(of: pattern, as: UInt64.self)
                r.storeBytes(of: q ? pattern : 0, toByteOffset: 8, as: UInt64.self)
            } else {
                copyElement(vreg(t) + index &* ebytes, address, ebytes: ebytes, isLoad: isLoad)
            }
            address &+= UInt64(ebytes)
        }
        if postIndex {
            let rm = Int(insn >> 16) & 31
            x[rn] = base &+ (rm == 31 ? UInt64(selem &* ebytes) : x[rm])
        }
        return true
    }
}
