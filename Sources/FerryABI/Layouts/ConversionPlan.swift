/// The moves that convert one struct from a source layout to a destination layout, computed
/// once: runs of bytes that need no change become single copies (adjacent ones merged), the
/// rest become per-field moves that widen, narrow and swap; destination bytes no field covers
/// (padding, fields the source lacks) are zeroed. Steps run in field order, so where members of
/// a union overlap the later one wins, as it would member by member.
struct ConversionPlan: Sendable {
    enum Step: Sendable, Equatable {
        /// memcpy(dst + to, src + from, count)
        case copy(from: Int, to: Int, count: Int)
        /// memset(dst + at, 0, count)
        case zero(at: Int, count: Int)
        /// One integer: load `fromSize` bytes in the source's byte order (sign- or zero-extending),
        /// store the low `toSize` bytes in the destination's.
        case move(from: Int, to: Int, fromSize: Int, toSize: Int, signed: Bool, fromBigEndian: Bool, toBigEndian: Bool)
        /// A bit array between differently sized words in different byte orders (signal masks:
        /// 2 x u32 big-endian against 1 x u64 little-endian): bit i is bit i % w of word i / w.
        case bitmap(from: Int, to: Int, bits: Int, fromWord: Int, toWord: Int, fromBigEndian: Bool, toBigEndian: Bool)
    }

    let steps: [Step]
    let sourceSize: Int
    let destinationSize: Int

    /// Same size and one copy of every byte: the conversion is a memcpy.
    var isIdentity: Bool { sourceSize == destinationSize && steps == [.copy(from: 0, to: 0, count: sourceSize)] }

    init(from src: StructLayout, bigEndian srcBE: Bool, to dst: StructLayout, bigEndian dstBE: Bool,
         fields: Set<String>?) {
        sourceSize = src.size
        destinationSize = dst.size
        let swap = srcBE != dstBE
        if !swap && fields == nil && src.size == dst.size && src.fields == dst.fields {
            steps = [.copy(from: 0, to: 0, count: src.size)]  // one layout: padding comes along
            return
        }
        var moves: [Step] = []
        for s in src.fields where fields?.contains(s.name) ?? true {
            guard let d = dst.field(s.name), s.count > 0, d.count > 0 else { continue }  // flexible arrays: the caller copies the tail
            if s.size > 8 || d.size > 8 {
                // Opaque elements (arrays of structs): their insides are unknown, so raw bytes.
                for i in 0..<min(s.count, d.count) {
                    moves.append(.copy(from: s.offset + i * s.size, to: d.offset + i * d.size, count: min(s.size, d.size)))
                }
                continue
            }
            if s.size != d.size && !s.isSigned && !d.isSigned && (s.count > 1 || d.count > 1) {
                let bits = min(s.byteCount, d.byteCount) * 8
                if !srcBE && !dstBE {
                    moves.append(.copy(from: s.offset, to: d.offset, count: bits / 8))  // little-endian bit order is byte order
                } else {
                    moves.append(.bitmap(from: s.offset, to: d.offset, bits: bits, fromWord: s.size, toWord: d.size,
                                         fromBigEndian: srcBE, toBigEndian: dstBE))
                }
                continue
            }
            let count = min(s.count, d.count)
            if s.size == d.size && (!swap || s.size == 1) {
                // Same width and no byte reversal: the whole array is one copy.
                moves.append(.copy(from: s.offset, to: d.offset, count: count * s.size))
                continue
            }
            for i in 0..<count {
                moves.append(.move(from: s.offset + i * s.size, to: d.offset + i * d.size, fromSize: s.size,
                                   toSize: d.size, signed: s.isSigned, fromBigEndian: srcBE, toBigEndian: dstBE))
            }
        }
        steps = ConversionPlan.zeroGaps(ConversionPlan.merge(moves), size: dst.size)
    }

    /// Joins consecutive copies that continue each other on both sides.
    private static func merge(_ moves: [Step]) -> [Step] {
        var out: [Step] = []
        for step in moves {
            if case let .copy(from, to, count) = step, case let .copy(pf, pt, pc)? = out.last,
               pf + pc == from, pt + pc == to {
                out[out.count - 1] = .copy(from: pf, to: pt, count: pc + count)
            } else {
                out.append(step)
            }
        }
        return out
    }

    /// Prepends a zeroing step for each destination range no step writes.
    private static func zeroGaps(_ steps: [Step], size: Int) -> [Step] {
        var written: [(Int, Int)] = steps.map { step in
            switch step {
            case let .copy(_, to, count): return (to, to + count)
            case let .zero(at, count): return (at, at + count)
            case let .move(_, to, _, toSize, _, _, _): return (to, to + toSize)
            case let .bitmap(_, to, bits, _, toWord, _, _): return (to, to + (bits / 8 + toWord - 1) / toWord * toWord)
            }
        }
        written.sort { $0.0 < $1.0 }
        var gaps: [Step] = []
        var covered = 0
        for (start, end) in written {
            if start > covered { gaps.append(.zero(at: covered, count: start - covered)) }
            covered = max(covered, end)
        }
        if covered < size { gaps.append(.zero(at: covered, count: size - covered)) }
        // A bitmap only sets bits, so its words must start zeroed too.
        for case let .bitmap(_, to, bits, _, toWord, _, _) in steps {
            gaps.append(.zero(at: to, count: (bits / 8 + toWord - 1) / toWord * toWord))
        }
        return gaps + steps
    }

    func run(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer) {
        for step in steps {
            switch step {
            case let .copy(from, to, count):
                (dst + to).copyMemory(from: src + from, byteCount: count)
            case let .zero(at, count):
                (dst + at).initializeMemory(as: UInt8.self, repeating: 0, count: count)
            case let .move(from, to, fromSize, toSize, signed, fromBE, toBE):
                ConversionPlan.store(ConversionPlan.load(src + from, fromSize, signed: signed, swap: fromBE),
                                     dst + to, toSize, swap: toBE)
            case let .bitmap(from, to, bits, fromWord, toWord, fromBE, toBE):
                // Moves the longest run of bits that stays inside one source and one
                // destination word at a time (one or two runs per word for power-of-two widths).
                let sBits = fromWord * 8, dBits = toWord * 8
                var bit = 0
                while bit < bits {
                    let sShift = bit % sBits, dShift = bit % dBits
                    let run = min(sBits - sShift, dBits - dShift, bits - bit)
                    let word = ConversionPlan.load(src + from + bit / sBits * fromWord, fromWord, signed: false, swap: fromBE)
                    let chunk = (word >> UInt64(sShift)) & (run == 64 ? ~0 : (1 << UInt64(run)) - 1)
                    let at = dst + to + bit / dBits * toWord
                    let old = ConversionPlan.load(UnsafeRawPointer(at), toWord, signed: false, swap: toBE)
                    ConversionPlan.store(old | chunk << UInt64(dShift), at, toWord, swap: toBE)
                    bit += run
                }
            }
        }
    }

    /// `size` bytes as an integer, sign- or zero-extended to 64 bits; `swap` reads big-endian
    /// bytes (Ferry runs on little-endian hosts only).
    @inline(__always)
    static func load(_ p: UnsafeRawPointer, _ size: Int, signed: Bool, swap: Bool) -> UInt64 {
        switch size {
        case 1:
            let v = p.load(as: UInt8.self)
            return signed ? UInt64(bitPattern: Int64(Int8(bitPattern: v))) : UInt64(v)
        case 2:
            var v = p.loadUnaligned(as: UInt16.self)
            if swap { v = v.byteSwapped }
            return signed ? UInt64(bitPattern: Int64(Int16(bitPattern: v))) : UInt64(v)
        case 4:
            var v = p.loadUnaligned(as: UInt32.self)
            if swap { v = v.byteSwapped }
            return signed ? UInt64(bitPattern: Int64(Int32(bitPattern: v))) : UInt64(v)
        case 8:
            let v = p.loadUnaligned(as: UInt64.self)
            return swap ? v.byteSwapped : v
        default:
            // Odd widths (none in the probed structs today): byte by byte.
            var v: UInt64 = 0
            for i in 0..<size { v |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * (swap ? size - 1 - i : i)) }
            if signed && size < 8 && v & (1 << UInt64(size * 8 - 1)) != 0 { v |= ~0 << UInt64(size * 8) }
            return v
        }
    }

    /// The low `size` bytes of `v`, big-endian when `swap`.
    @inline(__always)
    static func store(_ v: UInt64, _ p: UnsafeMutableRawPointer, _ size: Int, swap: Bool) {
        switch size {
        case 1: p.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
        case 2: p.storeBytes(of: swap ? UInt16(truncatingIfNeeded: v).byteSwapped : UInt16(truncatingIfNeeded: v), as: UInt16.self)
        case 4: p.storeBytes(of: swap ? UInt32(truncatingIfNeeded: v).byteSwapped : UInt32(truncatingIfNeeded: v), as: UInt32.self)
        case 8: p.storeBytes(of: swap ? v.byteSwapped : v, as: UInt64.self)
        default:
            for i in 0..<size {
                p.storeBytes(of: UInt8(truncatingIfNeeded: v >> UInt64(8 * (swap ? size - 1 - i : i))),
                             toByteOffset: i, as: UInt8.self)
            }
        }
    }
}
