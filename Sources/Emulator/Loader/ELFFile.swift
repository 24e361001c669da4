import FerryABI

/// Why a guest program could not be loaded. Each case prints as one line a person can act on.
public enum LoadError: Error, CustomStringConvertible, Equatable {
    case cannotRead(path: String, reason: String)
    case notELF
    case truncated(what: String)
    case unsupportedClass(String)
    case unsupportedMachine(UInt16)
    case unsupportedType(UInt16)
    case badProgramHeaders(String)
    case badSegment(index: Int, reason: String)
    case dynamicExecutable(interpreter: String)
    case addressRangeUnavailable(start: UInt64, end: UInt64)
    case mappingFailed(reason: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): return "cannot read \(path): \(reason)"
        case .notELF: return "not an ELF file (bad magic)"
        case let .truncated(what): return "truncated ELF file: \(what) lies past the end of the file"
        case let .unsupportedClass(c): return "unsupported ELF class or byte order: \(c)"
        case let .unsupportedMachine(m): return "unsupported ELF machine \(m) (Ferry runs AArch64, machine 183, and RISC-V 64, machine 243)"
        case let .unsupportedType(t): return "unsupported ELF type \(t) (need ET_EXEC or ET_DYN)"
        case let .badProgramHeaders(r): return "bad program headers: \(r)"
        case let .badSegment(i, r): return "bad segment \(i): \(r)"
        case let .dynamicExecutable(interp):
            return "dynamically linked executable (interpreter \(interp)) is not supported yet: build it with -static"
        case let .addressRangeUnavailable(s, e):
            return "guest address range 0x\(String(s, radix: 16))-0x\(String(e, radix: 16)) is not available on this host"
        case let .mappingFailed(r): return "cannot map the program: \(r)"
        }
    }
}

/// A parsed 64-bit little-endian ELF executable. Parsing only reads and validates; nothing is mapped.
public struct ELFFile {
    public static let machineAArch64: UInt16 = 183
    public static let machineRISCV64: UInt16 = 243
    public static let typeExecutable: UInt16 = 2
    public static let typeShared: UInt16 = 3
    static let segmentLoad: UInt32 = 1
    static let segmentInterpreter: UInt32 = 3
    static let segmentProgramHeaders: UInt32 = 6
    static let segmentGNUStack: UInt32 = 0x6474_E551

    public struct Segment: Equatable {
        public var type: UInt32
        public var flags: UInt32
        public var offset: UInt64
        public var virtualAddress: UInt64
        public var fileSize: UInt64
        public var memorySize: UInt64
        public var alignment: UInt64
    }

    public let bytes: [UInt8]
    public let type: UInt16
    public let machine: UInt16
    public let entry: UInt64
    public let programHeaderOffset: UInt64
    public let programHeaderEntrySize: UInt16
    public let programHeaderCount: UInt16
    public let segments: [Segment]

    public var loadSegments: [Segment] { segments.filter { $0.type == Self.segmentLoad } }
    public var isPositionIndependent: Bool { type == Self.typeShared }

    /// The highest address any segment may reach: AArch64 user space is 48 bits.
    static let addressLimit: UInt64 = 1 << 47

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 4, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46 else {
            throw LoadError.notELF
        }
        guard bytes.count >= 64 else { throw LoadError.truncated(what: "the ELF header") }
        guard bytes[4] == 2 else { throw LoadError.unsupportedClass(bytes[4] == 1 ? "32-bit" : "class \(bytes[4])") }
        guard bytes[5] == 1 else { throw LoadError.unsupportedClass(bytes[5] == 2 ? "big-endian" : "data encoding \(bytes[5])") }
        func u16(_ o: Int) -> UInt16 { UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8 }
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[o + $1]) << UInt32(8 * $1) } }
        func u64(_ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[o + $1]) << UInt64(8 * $1) } }
        type = u16(16)
        machine = u16(18)
        guard machine == Self.machineAArch64 || machine == Self.machineRISCV64 else { throw LoadError.unsupportedMachine(machine) }
        guard type == Self.typeExecutable || type == Self.typeShared else { throw LoadError.unsupportedType(type) }
        entry = u64(24)
        programHeaderOffset = u64(32)
        programHeaderEntrySize = u16(54)
        programHeaderCount = u16(56)
        guard programHeaderEntrySize == 56 else {
            throw LoadError.badProgramHeaders("entry size \(programHeaderEntrySize), expected 56")
        }
        guard programHeaderCount > 0, programHeaderCount <= 512 else {
            throw LoadError.badProgramHeaders("\(programHeaderCount) entries")
        }
        let tableSize = UInt64(programHeaderCount) * 56
        guard programHeaderOffset <= UInt64(bytes.count), tableSize <= UInt64(bytes.count) - programHeaderOffset else {
            throw LoadError.truncated(what: "the program header table")
        }
        var segments: [Segment] = []
        for i in 0..<Int(programHeaderCount) {
            let o = Int(programHeaderOffset) + i * 56
            segments.append(Segment(type: u32(o), flags: u32(o + 4), offset: u64(o + 8), virtualAddress: u64(o + 16),
                                    fileSize: u64(o + 32), memorySize: u64(o + 40), alignment: u64(o + 48)))
        }
        self.segments = segments
        try validateSegments()
    }

    private func validateSegments() throws {
        var previousEnd: UInt64 = 0
        var sawLoad = false
        for (i, s) in segments.enumerated() {
            if s.type == Self.segmentInterpreter {
                guard s.offset <= UInt64(bytes.count), s.fileSize <= UInt64(bytes.count) - s.offset else {
                    throw LoadError.truncated(what: "the interpreter path")
                }
                let raw = bytes[Int(s.offset)..<Int(s.offset + s.fileSize)].prefix { $0 != 0 }
                throw LoadError.dynamicExecutable(interpreter: String(decoding: raw, as: UTF8.self))
            }
            guard s.type == Self.segmentLoad else { continue }
            sawLoad = true
            guard s.fileSize <= s.memorySize else {
                throw LoadError.badSegment(index: i, reason: "file size 0x\(String(s.fileSize, radix: 16)) exceeds memory size")
            }
            guard s.offset <= UInt64(bytes.count), s.fileSize <= UInt64(bytes.count) - s.offset else {
                throw LoadError.truncated(what: "segment \(i)")
            }
            guard s.virtualAddress < Self.addressLimit, s.memorySize < Self.addressLimit - s.virtualAddress else {
                throw LoadError.badSegment(index: i, reason: "address range beyond the 47-bit user address space")
            }
            if s.alignment > 1 {
                guard s.alignment & (s.alignment - 1) == 0 else {
                    throw LoadError.badSegment(index: i, reason: "alignment \(s.alignment) is not a power of two")
                }
                guard s.virtualAddress % s.alignment == s.offset % s.alignment || s.alignment > 0x10000 else {
                    throw LoadError.badSegment(index: i, reason: "address and file offset disagree modulo the alignment")
                }
            }
            guard s.virtualAddress >= previousEnd else {
                throw LoadError.badSegment(index: i, reason: "overlaps or precedes the previous loadable segment")
            }
            previousEnd = s.virtualAddress + s.memorySize
        }
        guard sawLoad else { throw LoadError.badProgramHeaders("no loadable segment") }
        guard entry < Self.addressLimit else { throw LoadError.badProgramHeaders("entry point beyond user space") }
    }

    /// Reads a file and parses it, turning I/O failures into `LoadError.cannotRead`.
    public static func read(path: String) throws -> ELFFile {
        guard let bytes = HostFile.readAll(path: path) else {
            throw LoadError.cannotRead(path: path, reason: HostFile.lastErrorDescription())
        }
        return try ELFFile(bytes: bytes)
    }
}
