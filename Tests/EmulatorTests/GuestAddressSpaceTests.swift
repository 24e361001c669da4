import Dispatch
import Glibc
import XCTest
@testable import Emulator

/// The map of guest mappings: splits, merges and moves as the kernel does them, and the memory
/// syscalls keeping the guest off ferry's own memory.
final class GuestAddressSpaceTests: XCTestCase {
    let page: UInt64 = 4096
    let rw = PROT_READ | PROT_WRITE

    func anon(_ start: UInt64, _ end: UInt64, _ prot: Int32) -> GuestMapping {
        GuestMapping(start: start, end: end, protection: prot)
    }

    func ranges(_ space: GuestAddressSpace) -> [String] {
        space.snapshot().map { "\(String($0.start, radix: 16))-\(String($0.end, radix: 16)) \($0.protection) \($0.offset)" }
    }

    func testAdjacentAlikeMappingsMergeAndUnalikeStaySeparate() {
        let s = GuestAddressSpace()
        s.withLock {
            s.insert(anon(0x10000, 0x12000, rw))
            s.insert(anon(0x12000, 0x14000, rw))
            s.insert(anon(0x14000, 0x15000, PROT_READ))
        }
        XCTAssertEqual(ranges(s), ["10000-14000 3 0", "14000-15000 1 0"])
    }

    func testUnmapInTheMiddleSplitsAndKeepsFileOffsets() {
        let s = GuestAddressSpace()
        s.withLock {
            s.insert(GuestMapping(start: 0x10000, end: 0x20000, protection: PROT_READ, isFile: true, offset: 0x3000,
                                  device: 1, inode: 7, name: "/f"))
            s.remove(0x14000, 0x15000)
        }
        XCTAssertEqual(ranges(s), ["10000-14000 1 12288", "15000-20000 1 32768"])
        XCTAssertTrue(s.withLock { s.covers(0x10000, 0x14000) })
        XCTAssertFalse(s.withLock { s.covers(0x10000, 0x16000) })
        let gaps = s.withLock { s.gaps(0xf000, 0x21000) }.map { "\(String($0.start, radix: 16))-\(String($0.end, radix: 16))" }
        XCTAssertEqual(gaps, ["f000-10000", "14000-15000", "20000-21000"])
    }

    func testProtectSplitsAndMergesBack() {
        let s = GuestAddressSpace()
        s.withLock {
            s.insert(anon(0x10000, 0x13000, rw))
            s.protect(0x11000, 0x12000, protection: PROT_READ)
        }
        XCTAssertEqual(ranges(s), ["10000-11000 3 0", "11000-12000 1 0", "12000-13000 3 0"])
        s.withLock { s.protect(0x11000, 0x12000, protection: rw) }
        XCTAssertEqual(ranges(s), ["10000-13000 3 0"])
    }

    func testFilePiecesMergeOnlyWhenOffsetsContinue() {
        let s = GuestAddressSpace()
        func file(_ a: UInt64, _ b: UInt64, _ off: UInt64) -> GuestMapping {
            GuestMapping(start: a, end: b, protection: PROT_READ, isFile: true, offset: off, device: 1, inode: 9, name: "/f")
        }
        s.withLock {
            s.insert(file(0x10000, 0x11000, 0))
            s.insert(file(0x11000, 0x12000, 0x1000))   // continues: merged
            s.insert(file(0x12000, 0x13000, 0x5000))   // jumps: separate
        }
        XCTAssertEqual(ranges(s), ["10000-12000 1 0", "12000-13000 1 20480"])
    }

    func testInsertReplacesWhatItOverlaps() {
        let s = GuestAddressSpace()
        s.withLock {
            s.insert(anon(0x10000, 0x20000, rw))
            s.insert(anon(0x18000, 0x28000, PROT_NONE))
        }
        XCTAssertEqual(ranges(s), ["10000-18000 3 0", "18000-28000 0 0"])
    }

    func testMoveGrowShrinkAndRelocate() {
        let s = GuestAddressSpace()
        s.withLock {
            s.insert(anon(0x10000, 0x12000, rw))
            s.move(from: 0x10000, oldLength: 0x2000, to: 0x10000, newLength: 0x4000)       // grow in place
        }
        XCTAssertEqual(ranges(s), ["10000-14000 3 0"])
        s.withLock { s.move(from: 0x10000, oldLength: 0x4000, to: 0x10000, newLength: 0x1000) }  // shrink
        XCTAssertEqual(ranges(s), ["10000-11000 3 0"])
        s.withLock { s.move(from: 0x10000, oldLength: 0x1000, to: 0x40000, newLength: 0x3000) }  // move and grow
        XCTAssertEqual(ranges(s), ["40000-43000 3 0"])
        s.withLock { s.move(from: 0x40000, oldLength: 0x3000, to: 0x50000, newLength: 0x3000, keepOld: true) }
        XCTAssertEqual(ranges(s), ["40000-43000 3 0", "50000-53000 3 0"])
    }

    /// A maps line rendered from a real host maps line's fields equals it byte for byte.
    func testMapsLineMatchesTheKernelsFormat() throws {
        let text = String(decoding: HostFile.readAll(path: "/proc/self/maps") ?? [], as: UTF8.self)
        var checked = 0
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 5 else { continue }
            let range = f[0].split(separator: "-"), dev = f[3].split(separator: ":")
            let p = Array(f[1])
            let major = UInt64(dev[0], radix: 16)!, minor = UInt64(dev[1], radix: 16)!
            let m = GuestMapping(start: UInt64(range[0], radix: 16)!, end: UInt64(range[1], radix: 16)!,
                                 protection: (p[0] == "r" ? PROT_READ : 0) | (p[1] == "w" ? PROT_WRITE : 0) | (p[2] == "x" ? PROT_EXEC : 0),
                                 isShared: p[3] == "s", isFile: true, offset: UInt64(f[2], radix: 16)!,
                                 device: (major << 8) | minor, inode: UInt64(f[4])!,
                                 name: f.count > 5 ? f[5...].joined(separator: " ") : "")
            XCTAssertEqual(MapsText.line(m), String(line))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5)
    }

    func testProcPathsThatDescribeTheGuest() {
        let p = personality()
        let pid = getpid()
        XCTAssertEqual(p.procEntry("/proc/self/maps"), .maps)
        XCTAssertEqual(p.procEntry("/proc/\(pid)/cmdline"), .cmdline)
        XCTAssertEqual(p.procEntry("/proc/thread-self/auxv"), .auxv)
        XCTAssertEqual(p.procEntry("/proc/self/task/\(pid)/smaps"), .smaps)
        XCTAssertEqual(p.procEntry("/proc//self//exe"), .executable)
        XCTAssertEqual(p.procEntry("/proc/cpuinfo"), .cpuinfo)
        XCTAssertEqual(p.procEntry("/proc/self/stat"), .stat)
        XCTAssertNil(p.procEntry("/proc/self/status"))
        XCTAssertNil(p.procEntry("/proc/\(pid + 1)/maps"))
        XCTAssertNil(p.procEntry("/proc/self/fd/3"))
        XCTAssertNil(p.procEntry("/etc/passwd"))
    }

    func testStatFieldsAreCountedAfterTheCommandName() {
        let line = Array("42 (a) b (c) S 1 2 3\n".utf8)
        XCTAssertEqual(String(decoding: LinuxPersonality.patchStat(line, fields: [3: 9, 5: 7]), as: UTF8.self), "42 (a) b (c) 9 1 7 3\n")
        XCTAssertEqual(String(decoding: LinuxPersonality.patchStat(line, fields: [6: 8]), as: UTF8.self), "42 (a) b (c) S 1 2 8\n")
    }

    func testCPUInfoListsExactlyTheAdvertisedFeatures() {
        let cpu = GuestCPUDescription(hwcap: 0x8183, hwcap2: 0, mainID: 0x410F_D083, counterFrequency: 25_000_000)
        let text = CPUInfo.text(architecture: .aarch64, cpu: cpu, processors: 2)!
        XCTAssertTrue(text.contains("Features\t: fp asimd crc32 atomics lrcpc\n"))
        XCTAssertTrue(text.contains("BogoMIPS\t: 50.00\n"))
        XCTAssertTrue(text.contains("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\nCPU revision\t: 3\n"))
        XCTAssertEqual(text.components(separatedBy: "processor\t:").count - 1, 2)
    }

    // MARK: the syscalls against ferry's own memory

    func personality() -> LinuxPersonality {
        LinuxPersonality(architecture: .aarch64, executablePath: "/bin/true", options: PersonalityOptions(), log: DiagnosticLog())
    }

    func call(_ p: LinuxPersonality, _ f: (LinuxPersonality, SyscallRequest) -> Int64, _ a: UInt64...) -> Int64 {
        var args = a + Array(repeating: 0, count: 6 - a.count)
        if a.count < 6 { args[5] = 0 }
        return f(p, SyscallRequest(number: 0, arguments: (args[0], args[1], args[2], args[3], args[4], args[5])))
    }

    /// A page of ferry's own memory (a host allocation the guest map does not hold), filled with a pattern.
    func ferryPage() -> UnsafeMutableRawPointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: 3 * Int(page), alignment: Int(page))
        memset(p, 0x5a, 3 * Int(page))
        return p
    }

    let anonymous = UInt64(MAP_PRIVATE | MAP_ANONYMOUS)
    let fixed = UInt64(MAP_FIXED)
    let noReplace = UInt64(0x10_0000)
    let noFD = UInt64(bitPattern: -1)

    func testMapFixedOverFerryMemoryIsRefusedAndLeavesItAlone() {
        let p = personality()
        let mine = ferryPage()
        defer { mine.deallocate() }
        let address = UInt64(UInt(bitPattern: mine))
        XCTAssertEqual(call(p, { $0.mmap($1) }, address, page, 3, anonymous | fixed, noFD, 0), -Int64(ENOMEM))
        XCTAssertEqual(call(p, { $0.mmap($1) }, address, page, 3, anonymous | noReplace, noFD, 0), -Int64(EEXIST))
        XCTAssertEqual(call(p, { $0.munmap($1) }, address, page), 0)
        XCTAssertEqual(call(p, { $0.mprotect($1) }, address, page, UInt64(PROT_READ)), -Int64(ENOMEM))
        XCTAssertEqual(call(p, { $0.mremap($1) }, address, page, 2 * page, 1), -Int64(EFAULT))
        // Still ferry's, still mapped, still writable, pattern intact.
        XCTAssertEqual(mine.load(fromByteOffset: 100, as: UInt8.self), 0x5a)
        mine.storeBytes(of: 1, toByteOffset: 100, as: UInt8.self)
        XCTAssertTrue(p.addressSpace.snapshot().isEmpty)
    }

    func testMapFixedPartlyOverFerryMemoryIsRefusedAndUndoesItsReservations() {
        let p = personality()
        let region = call(p, { $0.mmap($1) }, 0, 4 * page, 3, anonymous, noFD, 0)
        XCTAssertGreaterThan(region, 0)
        let base = UInt64(region)
        // Give the last page back to the host and put "ferry memory" there.
        XCTAssertEqual(call(p, { $0.munmap($1) }, base + 2 * page, 2 * page), 0)
        let ferry = mmap(UnsafeMutableRawPointer(bitPattern: UInt(base + 3 * page)), Int(page), PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)!
        defer { munmap(ferry, Int(page)) }
        XCTAssertEqual(call(p, { $0.mmap($1) }, base, 4 * page, 3, anonymous | fixed, noFD, 0), -Int64(ENOMEM))
        // The free page between was not left reserved: a no-replace mapping can take it.
        XCTAssertEqual(call(p, { $0.mmap($1) }, base + 2 * page, page, 1, anonymous | noReplace, noFD, 0), Int64(base + 2 * page))
        XCTAssertEqual(p.addressSpace.snapshot().map { $0.end - $0.start }, [2 * page, page])
        _ = call(p, { $0.munmap($1) }, base, 3 * page)
        XCTAssertTrue(p.addressSpace.snapshot().isEmpty)
    }

    func testGuestMappingsSplitThroughTheSyscalls() {
        let p = personality()
        let r = call(p, { $0.mmap($1) }, 0, 3 * page, 3, anonymous, noFD, 0)
        XCTAssertGreaterThan(r, 0)
        let base = UInt64(r)
        XCTAssertEqual(call(p, { $0.mprotect($1) }, base + page, page, 1), 0)
        XCTAssertEqual(p.addressSpace.snapshot().map(\.protection), [3, 1, 3])
        XCTAssertEqual(call(p, { $0.mmap($1) }, base + page, page, 3, anonymous | fixed, noFD, 0), Int64(base + page))
        XCTAssertEqual(p.addressSpace.snapshot().count, 1)
        XCTAssertEqual(call(p, { $0.mprotect($1) }, base, 4 * page, 1), -Int64(ENOMEM), "a range running past the mapping")
        let moved = call(p, { $0.mremap($1) }, base, 3 * page, 5 * page, 1)
        XCTAssertGreaterThan(moved, 0)
        XCTAssertEqual(p.addressSpace.snapshot().map { $0.end - $0.start }, [5 * page])
        XCTAssertEqual(p.addressSpace.snapshot().first?.start, UInt64(moved))
        XCTAssertEqual(call(p, { $0.munmap($1) }, UInt64(moved), 5 * page), 0)
        XCTAssertTrue(p.addressSpace.snapshot().isEmpty)
    }

    func testAHintOverFerryMemoryIsMoved() {
        let p = personality()
        let mine = ferryPage()
        defer { mine.deallocate() }
        let hint = UInt64(UInt(bitPattern: mine))
        let r = call(p, { $0.mmap($1) }, hint, page, 3, anonymous, noFD, 0)
        XCTAssertGreaterThan(r, 0)
        XCTAssertNotEqual(UInt64(r), hint)
        XCTAssertEqual(mine.load(fromByteOffset: 0, as: UInt8.self), 0x5a)
        _ = call(p, { $0.munmap($1) }, UInt64(r), page)
    }

    /// Guest threads are host threads: mmap/mprotect/munmap from several at once leave the map
    /// exactly as the host's memory (each thread's mappings recorded, then all gone).
    func testConcurrentMappingCallsKeepTheMapExact() {
        let p = personality()
        let threads = 8, rounds = 300
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in 0..<rounds {
                let length = UInt64(1 + (i + t) % 4) * page
                let r = call(p, { $0.mmap($1) }, 0, length, 3, anonymous, noFD, 0)
                XCTAssertGreaterThan(r, 0)
                let base = UInt64(r)
                XCTAssertEqual(p.addressSpace.withLock { p.addressSpace.covers(base, base + length) }, true)
                XCTAssertEqual(call(p, { $0.mprotect($1) }, base, page, 1), 0)
                XCTAssertEqual(call(p, { $0.munmap($1) }, base, length), 0)
            }
        }
        XCTAssertTrue(p.addressSpace.snapshot().isEmpty)
    }
}
