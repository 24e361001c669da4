// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Ferry",
    products: [
        .executable(name: "ferry", targets: ["ferry"]),
        .executable(name: "ferry-test", targets: ["ferry-test"]),
        .library(name: "Emulator", targets: ["Emulator"]),
        .library(name: "TestRunner", targets: ["TestRunner"]),
        .library(name: "FerryABI", targets: ["FerryABI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C shims for what Swift cannot call: variadic syscall/ioctl/fcntl, signal plumbing.
        .target(name: "CFerryHost", cSettings: [.unsafeFlags(["-mcx16"])]),
        .systemLibrary(name: "CCapstone", pkgConfig: "capstone",
                       providers: [.apt(["libcapstone-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // Generated per-architecture syscall numbers, constants and struct layouts. A module of its
        // own so the large generated tables compile once and the runner can use them without the CPU.
        .target(name: "FerryABI"),
        .target(name: "Emulator",
                dependencies: ["FerryABI", "CFerryHost", "CCapstone",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: [.unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(name: "ferry",
                          dependencies: ["Emulator",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The runner talks to ferry through its command line (--list-syscalls) and writes XML as
        // text (xmllint validates it in the tests), so it needs neither the ABI tables nor libxml2.
        .target(name: "TestRunner"),
        .executableTarget(name: "ferry-test",
                          dependencies: ["TestRunner",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "FerryABITests", dependencies: ["FerryABI"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "FerryABI"]),
        .testTarget(name: "TestRunnerTests", dependencies: ["TestRunner"],
                    exclude: ["Fixtures"]),
    ]
)
