import XCTest
@testable import Emulator

/// The loader refuses malformed executables with one specific error and never crashes.
final class ELFLoaderTests: XCTestCase {
    /// A minimal valid static AArch64 executable: header, one PT_LOAD covering the file.
    static func minimalELF(type: UInt16 = 2, machine: UInt16 = 183) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 64 + 56 + 16)
        func put16(_ o: Int, _ v: UInt16) { b[o] = UInt8(v & 0xFF); b[o + 1] = UInt8(v >> 8) }
        func put32(_ o: Int, _ v: UInt32) { for i in 0..<4 { b[o + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) } }
        func put64(_ o: Int, _ v: UInt64) { for i in 0..<8 { b[o + i] = UInt8((v >> (8 * UInt64(i))) & 0xFF) } }
        b[0] = 0x7F; b[1] = 0x45; b[2] = 0x4C; b[3] = 0x46; b[4] = 2; b[5] = 1; b[6] = 1
        put16(16, type); put16(18, machine); put32(20, 1)
        put64(24, 0x400078)      // entry: just after the headers
        put64(32, 64)            // phoff
        put16(52, 64); put16(54, 56); put16(56, 1)
        put32(64, 1); put32(68, 5)           // PT_LOAD, R+X
        put64(72, 0); put64(80, 0x400000); put64(88, 0x400000)
        put64(96, UInt64(b.count)); put64(104, UInt64(b.count)); put64(112, 0x1000)
        return b
    }

    func expect(_ bytes: [UInt8], _ check: (LoadError) -> Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ELFFile(bytes: bytes), file: file, line: line) { error in
            guard let e = error as? LoadError else { return XCTFail("not a LoadError: \(error)", file: file, line: line) }
            XCTAssertTrue(check(e), "unexpected error: \(e)", file: file, line: line)
            XCTAssertFalse(e.description.contains("\n"), "errors are one line", file: file, line: line)
        }
    }

    func testMinimalExecutableParses() throws {
        let elf = try ELFFile(bytes: Self.minimalELF())
        XCTAssertEqual(elf.entry, 0x400078)
        XCTAssertEqual(elf.loadSegments.count, 1)
        XCTAssertFalse(elf.isPositionIndependent)
    }

    func testEmptyAndForeignFiles() {
        expect([]) { $0 == .notELF }
        expect(Array("#!/bin/sh\necho hi\n".utf8)) { $0 == .notELF }
        expect(Array(Self.minimalELF().prefix(40))) { if case .truncated = $0 { return true }; return false }
    }

    func testWrongClassByteOrderMachineAndType() {
        var b = Self.minimalELF(); b[4] = 1
        expect(b) { if case .unsupportedClass(let c) = $0 { return c == "32-bit" }; return false }
        b = Self.minimalELF(); b[5] = 2
        expect(b) { if case .unsupportedClass(let c) = $0 { return c == "big-endian" }; return false }
        expect(Self.minimalELF(machine: 62)) { $0 == .unsupportedMachine(62) }
        expect(Self.minimalELF(type: 1)) { $0 == .unsupportedType(1) }
    }

    func testBadProgramHeaderTables() {
        var b = Self.minimalELF(); b[54] = 40
        expect(b) { if case .badProgramHeaders = $0 { return true }; return false }
        b = Self.minimalELF(); b[56] = 0
        expect(b) { if case .badProgramHeaders = $0 { return true }; return false }
        b = Self.minimalELF(); b[56] = 200  // table runs past the end of the file
        expect(b) { $0 == .truncated(what: "the program header table") }
    }

    func testAbsurdSegments() {
        var b = Self.minimalELF()
        b[96 + 2] = 0x10  // file size grows past memory size
        expect(b) { if case .badSegment(0, let r) = $0 { return r.contains("exceeds memory size") }; return false }
        b = Self.minimalELF()
        b[104 + 2] = 0x10; b[96 + 2] = 0x10  // both sizes past the end of the file
        expect(b) { $0 == .truncated(what: "segment 0") }
        b = Self.minimalELF()
        b[80 + 5] = 0xFF  // virtual address beyond the 47-bit user space
        expect(b) { if case .badSegment(0, let r) = $0 { return r.contains("47-bit") }; return false }
        b = Self.minimalELF()
        b[112] = 3; b[113] = 0  // alignment 3
        expect(b) { if case .badSegment(0, let r) = $0 { return r.contains("power of two") }; return false }
    }

    func testOverlappingSegments() {
        // Two PT_LOADs, the second starting inside the first.
        var b = Self.minimalELF()
        let first = Array(b[64..<120])
        b.insert(contentsOf: first, at: 120)
        b[56] = 2
        b[120 + 16] = 0x10  // second vaddr 0x400010, inside the first
        b[120 + 8] = 0x10   // with a matching file offset, so only the overlap is wrong
        expect(b) { if case .badSegment(1, let r) = $0 { return r.contains("overlaps") }; return false }
    }

    func testDynamicExecutableNamesItsInterpreter() {
        var b = Self.minimalELF()
        let interp = Array("/lib/ld-linux-aarch64.so.1\0".utf8)
        let offset = b.count + 56  // after the PT_INTERP header inserted below
        b += interp
        var ph = [UInt8](repeating: 0, count: 56)
        ph[0] = 3  // PT_INTERP
        for i in 0..<8 { ph[8 + i] = UInt8((UInt64(offset) >> (8 * UInt64(i))) & 0xFF) }
        ph[32] = UInt8(interp.count)
        b.replaceSubrange(64..<120, with: ph + Array(b[64..<120]))
        b[56] = 2
        // The load segment moved to the second slot; its file size must now cover the file.
        expect(b) { $0 == .dynamicExecutable(interpreter: "/lib/ld-linux-aarch64.so.1") }
    }

    func testInitialStackLayout() throws {
        // Build a stack in host memory and read it back as the guest would.
        let size = 64 * 1024
        let stack = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { stack.deallocate() }
        let top = UInt64(UInt(bitPattern: stack)) + UInt64(size)
        let startup = StartupInfo(arguments: ["prog", "a b"], environment: ["X=1"], executablePath: "/p/prog",
                                  hardwareCapabilities: 0x3, platform: "aarch64", minimumSignalStackSize: 4688)
        let (sp, auxv) = ProgramLoader.buildInitialStack(top: top, startup: startup, auxv: [(AuxKey.pagesz, 4096)])
        XCTAssertEqual(sp % 16, 0, "sp is 16-byte aligned at argc")
        func word(_ i: Int) -> UInt64 { hostPointer(sp + UInt64(i * 8)).load(as: UInt64.self) }
        func string(_ a: UInt64) -> String { String(cString: hostPointer(a).assumingMemoryBound(to: CChar.self)) }
        XCTAssertEqual(word(0), 2)
        XCTAssertEqual(string(word(1)), "prog")
        XCTAssertEqual(string(word(2)), "a b")
        XCTAssertEqual(word(3), 0)
        XCTAssertEqual(string(word(4)), "X=1")
        XCTAssertEqual(word(5), 0)
        var pairs: [UInt64: UInt64] = [:]
        var i = 6
        while word(i) != AuxKey.null { pairs[word(i)] = word(i + 1); i += 2 }
        XCTAssertEqual(pairs[AuxKey.pagesz], 4096)
        XCTAssertEqual(string(pairs[AuxKey.execfn]!), "/p/prog")
        XCTAssertEqual(string(pairs[AuxKey.platform]!), "aarch64")
        XCTAssertEqual(pairs[AuxKey.random]! % 16, 0)
        XCTAssertEqual(auxv.last!.0, AuxKey.null)
    }
}
