import Foundation

// The architectures ferry-test knows, as a table: adding one is a row, never an `if`.
public struct Architecture: Sendable, Equatable {
    /// Name used on the command line, in file names and in results (`aarch64`).
    public let name: String
    /// Other spellings accepted on the command line (`arm64`).
    public let aliases: [String]
    /// The C compiler that builds static test binaries for it.
    public let compiler: String
    /// The Debian package that provides `compiler`.
    public let debianPackage: String
    /// qemu-user's binary for the optional third lane (nil for the host itself).
    public let qemu: String?
    /// ELF e_machine, to recognise a prebuilt binary's architecture.
    public let elfMachine: UInt16

    public static let host = Architecture(name: "x86_64", aliases: ["amd64", "host"], compiler: "gcc",
                                          debianPackage: "gcc", qemu: nil, elfMachine: 62)

    /// Guest architectures, in the order ferry supports them.
    public static let guests: [Architecture] = [
        Architecture(name: "aarch64", aliases: ["arm64"], compiler: "aarch64-linux-gnu-gcc",
                     debianPackage: "gcc-aarch64-linux-gnu", qemu: "qemu-aarch64", elfMachine: 183),
        Architecture(name: "riscv64", aliases: ["riscv"], compiler: "riscv64-linux-gnu-gcc",
                     debianPackage: "gcc-riscv64-linux-gnu", qemu: "qemu-riscv64", elfMachine: 243),
        Architecture(name: "mips", aliases: ["mips32", "mipsbe"], compiler: "mips-linux-gnu-gcc",
                     debianPackage: "gcc-mips-linux-gnu", qemu: "qemu-mips", elfMachine: 8),
        Architecture(name: "arm", aliases: ["armhf", "arm32"], compiler: "arm-linux-gnueabihf-gcc",
                     debianPackage: "gcc-arm-linux-gnueabihf", qemu: "qemu-arm", elfMachine: 40),
    ]

    public static let all: [Architecture] = [host] + guests

    /// Looks a name up among all architectures (names and aliases, case-insensitive).
    public static func named(_ name: String) -> Architecture? {
        let key = name.lowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// The architecture of an ELF file, from its header; nil if it is not an ELF file we know.
    public static func ofELF(atPath path: String) -> Architecture? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 20))
        guard header.count == 20, header[0] == 0x7F, header[1] == 0x45, header[2] == 0x4C, header[3] == 0x46 else { return nil }
        // e_machine sits at offset 18, in the file's own byte order (EI_DATA: 1 little, 2 big).
        let machine = header[5] == 2 ? UInt16(header[18]) << 8 | UInt16(header[19]) : UInt16(header[19]) << 8 | UInt16(header[18])
        return all.first { $0.elfMachine == machine }
    }

    /// Parses a comma-separated list of guest architectures; throws naming the unknown one.
    public static func parseGuestList(_ list: String) throws -> [Architecture] {
        var result: [Architecture] = []
        for item in list.split(separator: ",").map({ String($0).trimmingSpaces }) where !item.isEmpty {
            guard let arch = named(item), arch != host else {
                throw RunnerError.usage("unknown guest architecture '\(item)' (known: \(guests.map(\.name).joined(separator: ", ")))")
            }
            if !result.contains(arch) { result.append(arch) }
        }
        guard !result.isEmpty else { throw RunnerError.usage("--arch needs at least one architecture") }
        return result
    }
}
