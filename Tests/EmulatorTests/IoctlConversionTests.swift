import XCTest
@testable import Emulator
@testable import FerryABI

/// ioctl argument conversion against the probes' byte patterns: the cross compilers' initialised
/// instances of each struct (same values in every field all architectures share). Guest bytes
/// converted for the x86_64 host must be the host's instance, and back the guest's.
final class IoctlConversionTests: XCTestCase {
    static let structs = ["dm_ioctl", "rtc_time", "input_event", "input_id", "input_absinfo", "loop_info64", "loop_info",
                          "fiemap", "winsize", "termios", "termios2", "seccomp_notif", "seccomp_notif_resp", "uffdio_copy",
                          "uffdio_register", "file_dedupe_range", "fstrim_range", "fsxattr", "rtc_wkalrm", "blk_zone_range"]

    func testStructsRoundTripThroughHostLayout() throws {
        let hostSample = { (name: String) in try XCTUnwrap(LayoutSamples.bytes(name, for: .x86_64), name) }
        for arch in [Architecture.aarch64, .mips] {
            let conversion = IoctlConversion(guest: arch)
            for name in Self.structs {
                let guest = try XCTUnwrap(LayoutSamples.bytes(name, for: arch), "\(arch) \(name) sample")
                let converter = try XCTUnwrap(conversion.converter(name), "\(arch) \(name)")
                let crossing = IoctlCrossing.structure(converter, pointers: [])
                let host = conversion.toHost(crossing, guest)
                XCTAssertEqual(host, try hostSample(name), "\(arch) \(name) to host")
                XCTAssertEqual(conversion.toGuest(crossing, host), guest, "\(arch) \(name) back to guest")
                // 64-bit little-endian guests share these layouts (no copy at all), except the old
                // loop_info: __kernel_old_dev_t is 32-bit on aarch64, 64-bit on x86_64 (160 vs 168 bytes).
                if arch == .aarch64 { XCTAssertEqual(conversion.sameBytes(converter), name != "loop_info", name) }
            }
        }
    }

    /// The route a request takes: the pointer itself on aarch64, a converted buffer on mips.
    func testRoutesPassThroughOnlyWhereLayoutsAgree() throws {
        for (name, mipsConverts) in [("RTC_RD_TIME", true), ("TIOCGWINSZ", true), ("DM_VERSION", true), ("FS_IOC_FIEMAP", true),
                                     ("BLKGETSIZE", true), ("SIOCGIFCONF", true), ("EVIOCGID", true), ("FIONBIO", true),
                                     ("LOOP_SET_FD", false), ("EVIOCGNAME", false)] {
            for arch in [Architecture.aarch64, .mips] {
                let t = IoctlTranslation(guest: arch, host: .x86_64)
                let number = try XCTUnwrap(t.guestTable.request(named: name)?.request, "\(arch) \(name)")
                let route = try XCTUnwrap(t.route(number), "\(arch) \(name)")
                XCTAssertEqual(route.host, t.hostTable.request(named: name)!.request, "\(arch) \(name)")
                XCTAssertEqual(route.crossing.isPassThrough, arch == .aarch64 || !mipsConverts, "\(arch) \(name): \(route.crossing)")
            }
        }
    }

    /// A C long on big-endian 32-bit MIPS (BLKGETSIZE) against the host's 64-bit little-endian one.
    func testLongWidensAndSwaps() throws {
        let t = IoctlTranslation(guest: .mips, host: .x86_64)
        let route = try XCTUnwrap(t.route(t.guestTable.request(named: "BLKGETSIZE")!.request))
        guard case .integers(4, 8, 1, false) = route.crossing else { return XCTFail("\(route.crossing)") }
        let host: [UInt8] = [0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0]
        XCTAssertEqual(t.conversion.toGuest(route.crossing, host), [0x12, 0x34, 0x56, 0x78])
        XCTAssertEqual(t.conversion.toHost(route.crossing, [0x12, 0x34, 0x56, 0x78]), host)
    }

    /// dm_ioctl with its payload on mips: the header converted (the probe's bytes both ways), the
    /// payload carried as bytes, and what the "kernel" writes copied back.
    func testDeviceMapperHeaderAndPayload() throws {
        let conversion = IoctlConversion(guest: .mips)
        var guest = try XCTUnwrap(LayoutSamples.bytes("dm_ioctl", for: .mips))
        var expectedHost = try XCTUnwrap(LayoutSamples.bytes("dm_ioctl", for: .x86_64))
        let layout = try XCTUnwrap(ABILayouts.layout("dm_ioctl", for: .mips))
        let total = layout.size + 8
        let sizeField = try XCTUnwrap(layout.field("data_size"))
        Bytes.store(UInt64(total), &guest, sizeField.offset, 4, bigEndian: true)
        Bytes.store(UInt64(total), &expectedHost, sizeField.offset, 4, bigEndian: false)
        let payload = Array("payload!".utf8)
        let memory = FakeMemory(base: 0x10000, bytes: guest + payload)
        let result = conversion.perform(.dmIoctl, at: 0x10000, memory: memory) { hostArgument in
            let p = UnsafeMutablePointer<UInt8>(bitPattern: UInt(hostArgument))!
            XCTAssertEqual(Array(UnsafeBufferPointer(start: p, count: layout.size)), expectedHost)
            XCTAssertEqual(Array(UnsafeBufferPointer(start: p + layout.size, count: 8)), payload)
            p[layout.size] = UInt8(ascii: "P")   // the kernel fills the payload
            return 0
        }
        XCTAssertEqual(result, 0)
        XCTAssertEqual(Array(memory.bytes[0..<layout.size]), guest)
        XCTAssertEqual(Array(memory.bytes[layout.size...]), Array("Payload!".utf8))
    }

    /// FIEMAP on mips: the header and each returned extent converted back, fm_mapped_extents many.
    func testFiemapExtentsComeBack() throws {
        let conversion = IoctlConversion(guest: .mips)
        let head = try XCTUnwrap(ABILayouts.layout("fiemap", for: .mips))
        let extent = try XCTUnwrap(ABILayouts.layout("fiemap_extent", for: .mips))
        var guest = [UInt8](repeating: 0, count: head.size + 2 * extent.size)
        Bytes.store(2, &guest, head.field("fm_extent_count")!.offset, 4, bigEndian: true)
        let memory = FakeMemory(base: 0x20000, bytes: guest)
        let hostHead = ABILayouts.layout("fiemap", for: .x86_64)!
        let hostExtent = ABILayouts.layout("fiemap_extent", for: .x86_64)!
        let result = conversion.perform(.fiemap, at: 0x20000, memory: memory) { arg in
            let p = UnsafeMutableRawPointer(bitPattern: UInt(arg))!
            XCTAssertEqual(p.load(fromByteOffset: hostHead.field("fm_extent_count")!.offset, as: UInt32.self), 2)
            p.storeBytes(of: UInt32(1), toByteOffset: hostHead.field("fm_mapped_extents")!.offset, as: UInt32.self)
            p.storeBytes(of: UInt64(0x1122334455667788), toByteOffset: hostHead.size + hostExtent.field("fe_physical")!.offset, as: UInt64.self)
            return 0
        }
        XCTAssertEqual(result, 0)
        XCTAssertEqual(Bytes.load(memory.bytes, head.field("fm_mapped_extents")!.offset, 4, signed: false, bigEndian: true), 1)
        XCTAssertEqual(Bytes.load(memory.bytes, head.size + extent.field("fe_physical")!.offset, 8, signed: false, bigEndian: true), 0x1122334455667788)
    }

    /// -strace's field-by-field rendering through a generated layout (rtc_time, as strace spells
    /// struct members: name=value in declaration order).
    func testFieldByFieldRendering() throws {
        let layout = try XCTUnwrap(ABILayouts.layout("rtc_time", for: .mips))
        var bytes = [UInt8](repeating: 0, count: layout.size)
        for (i, f) in layout.fields.enumerated() { Bytes.store(UInt64(i + 1), &bytes, f.offset, f.size, bigEndian: true) }
        let text = IoctlArguments.fieldByField(StructView(bytes: bytes, layout: layout, bigEndian: true), fields: nil, pointers: [])
        XCTAssertEqual(text, "{tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, tm_year=6, tm_wday=7, tm_yday=8, tm_isdst=9}")
    }
}

/// One block of fake guest memory at `base`.
final class FakeMemory: IoctlMemory {
    let base: UInt64
    var bytes: [UInt8]
    init(base: UInt64, bytes: [UInt8]) { self.base = base; self.bytes = bytes }

    func read(_ address: UInt64, _ count: Int) -> [UInt8]? {
        guard address >= base, Int(address - base) + count <= bytes.count else { return nil }
        return Array(bytes[Int(address - base)..<(Int(address - base) + count)])
    }

    func write(_ address: UInt64, _ b: [UInt8]) -> Bool {
        guard address >= base, Int(address - base) + b.count <= bytes.count else { return false }
        bytes.replaceSubrange(Int(address - base)..<(Int(address - base) + b.count), with: b)
        return true
    }
}
