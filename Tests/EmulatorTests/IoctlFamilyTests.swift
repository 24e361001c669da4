import XCTest
@testable import Emulator
@testable import FerryABI

/// The family descriptions against the generated tables: each request is claimed by exactly one
/// family (the one the generator grouped it in), within the type bytes the family states.
final class IoctlFamilyTests: XCTestCase {
    func testEveryRequestBelongsToExactlyOneFamily() {
        for arch in [Architecture.aarch64, .mips, .riscv64, .arm] {
            let table = IoctlTable.forArchitecture(arch)
            var described = 0
            for r in table.requests {
                let owners = IoctlFamilies.owners(of: r.name)
                XCTAssertEqual(owners.map(\.name), [r.family], "\(arch) \(r.name)")
                guard let family = owners.first else { continue }
                XCTAssertTrue(family.types.contains(r.fields.type), "\(arch) \(r.name): type 0x\(String(r.fields.type, radix: 16)) outside \(family.name)'s range")
                if IoctlFamilies.describe(r, architecture: arch) != nil { described += 1 }
            }
            XCTAssertEqual(described, table.requests.count, "\(arch)")
            print("ioctl families: \(arch.rawValue) \(described) of \(table.requests.count) requests described")
        }
    }

    /// Every name a family file lists exists in some architecture's table (no typos that would
    /// silently fall back to the table's default).
    func testListedNamesExist() {
        let known = Set(Architecture.allCases.flatMap { IoctlTable.forArchitecture($0).requests.map(\.name) })
        for family in IoctlFamilies.all {
            for name in family.entries.keys {
                XCTAssertTrue(known.contains(name), "\(family.name) lists \(name), which no table has")
            }
        }
    }

    /// Struct arguments name layouts the generator probed on aarch64 and mips.
    func testStructArgumentsHaveLayouts() {
        for arch in [Architecture.aarch64, .mips] {
            for r in IoctlTable.forArchitecture(arch).requests {
                guard let d = IoctlFamilies.describe(r, architecture: arch), case let .structure(name, fields, pointers) = d.argument else { continue }
                guard let layout = ABILayouts.layout(name, for: arch) else { XCTFail("\(arch) \(r.name): no \(name) layout"); continue }
                for f in (fields ?? []) + pointers {
                    XCTAssertTrue(layout.fields.contains { $0.name == f || $0.name.hasPrefix(f + ".") }, "\(arch) \(r.name): \(name) has no \(f)")
                }
            }
        }
    }

    func testCountsPerFamily() {
        for arch in [Architecture.aarch64, .mips] {
            let table = IoctlTable.forArchitecture(arch)
            let counts = IoctlFamilies.all.map { f in "\(f.name) \(table.requests.filter { IoctlFamilies.owners(of: $0.name).first?.name == f.name }.count)" }
            print("ioctl family counts \(arch.rawValue): " + counts.joined(separator: ", "))
            XCTAssertGreaterThanOrEqual(table.requests.count, 200)
        }
    }
}
