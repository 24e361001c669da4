import ArgumentParser
import Emulator
import FerryABI
import Glibc

/// `ferry [options] PROGRAM [ARGS...]`: runs a Linux program built for another CPU. Options follow
/// qemu-user's spelling (single dash) so ferry drops in where qemu-user is used today.
@main
struct Ferry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ferry",
        abstract: "Run a Linux program built for another CPU (AArch64) on this x86-64 host.",
        usage: "ferry [options] PROGRAM [ARGS...]\n  ferry --list-syscalls [--arch ARCH] [--format table|json|csv]\n  ferry --list-ioctls [--arch ARCH] [--format table|json]",
        discussion: """
        The guest architecture comes from the ELF header. -strace prints each syscall as strace(1) does (-strace=json: JSON lines, -strace=qemu: qemu-user's format), to stderr or the -D file. Environment equivalents: FERRY_STRACE (1, json or qemu, as -strace), FERRY_LOG (as -d), FERRY_LOG_FILENAME (as -D), FERRY_SET_ENV (comma-separated VAR=VALUE, as -E),
        FERRY_UNSET_ENV (comma-separated, as -U), FERRY_ARGV0 (as -0).

        Exit status: the guest's own; 126 if the program cannot be loaded, 127 if it does not exist, 64 for a bad command line. A guest killed by a signal makes ferry die of the same signal.
        """,
        version: EmulatorInfo.version)

    @Option(name: .customShort("E"), help: ArgumentHelp("Set VAR=VALUE in the guest's environment.", valueName: "VAR=VALUE"))
    var setEnvironment: [String] = []

    @Option(name: .customShort("U"), help: ArgumentHelp("Remove VAR from the guest's environment.", valueName: "VAR"))
    var unsetEnvironment: [String] = []

    @Option(name: .customShort("0"), help: ArgumentHelp("Pass ARGV0 as the guest's argv[0].", valueName: "ARGV0"))
    var argv0: String?

    @Option(name: .customShort("d"),
            help: ArgumentHelp("Comma-separated diagnostics: unimp (unsupported syscalls and ioctls, once each), in_asm (each new block, disassembled).", valueName: "ITEMS"))
    var debug: String?

    @Option(name: .customShort("D"), help: ArgumentHelp("Write diagnostics to FILE instead of stderr.", valueName: "FILE"))
    var logFile: String?

    @Flag(name: .customLong("list-syscalls"), help: "Print the syscall support table for --arch and exit.")
    var listSyscalls = false

    @Flag(name: .customLong("list-ioctls"), help: "Print the ioctl table for --arch (name, request, family, direction, size, support) and exit.")
    var listIoctls = false

    /// `-strace[=json|qemu]`, taken out of the command line before parsing (see `main`).
    var strace: StraceFormat?

    @Option(name: .customLong("arch"), help: "Architecture for --list-syscalls: aarch64, riscv64, mips, arm, i386, x86_64.")
    var arch: String = "aarch64"

    @Option(name: .customLong("format"), help: "Format for --list-syscalls: table, json or csv.")
    var format: String = "table"

    /// The guest program and its arguments: everything from the first word that is not an option.
    /// Split off before parsing (see `main`) so guest arguments are never taken for ferry's options.
    var command: [String] = []

    /// Options that take a value, for splitting the command line at the program path.
    static let optionsWithValues: Set<String> = ["-E", "-U", "-0", "-d", "-D", "--arch", "--format"]

    static func splitCommandLine(_ arguments: [String]) -> (options: [String], command: [String]) {
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { return (Array(arguments[..<i]), Array(arguments[(i + 1)...])) }
            if !word.hasPrefix("-") || word == "-" { break }
            i += optionsWithValues.contains(word) ? 2 : 1
        }
        i = min(i, arguments.count)
        return (Array(arguments[..<i]), Array(arguments[i...]))
    }

    static func main() {
        let (allOptions, command) = splitCommandLine(Array(CommandLine.arguments.dropFirst()))
        do {
            let (options, strace) = try takeStraceOption(allOptions)
            var ferry = try parseAsRoot(options)
            if var typed = ferry as? Ferry {
                typed.command = command
                typed.strace = strace
                if !typed.listSyscalls && !typed.listIoctls && command.isEmpty {
                    throw ValidationError("missing PROGRAM: try 'ferry ./program args'")
                }
                ferry = typed
            }
            try ferry.run()
        } catch {
            exit(withError: error)
        }
    }

    /// Removes `-strace`, `-strace=FORMAT` (qemu-user spells it with one dash, which the parser
    /// does not take with a value) and returns the format; FERRY_STRACE when the option is absent.
    static func takeStraceOption(_ options: [String]) throws -> ([String], StraceFormat?) {
        var rest: [String] = []
        var format: StraceFormat?
        func parse(_ value: String, _ origin: String) throws -> StraceFormat {
            if value.isEmpty || value == "1" || value == "strace" { return .strace }
            guard let f = StraceFormat(rawValue: value) else {
                throw ValidationError("unknown \(origin) format '\(value)': use -strace, -strace=json or -strace=qemu")
            }
            return f
        }
        for word in options {
            if word == "-strace" || word == "--strace" { format = .strace; continue }
            // Internal: a re-executed ferry whose trace already shows `[pid N]` (SyscallTracer.execOptions).
            if word == "-strace-pids" { SyscallTracer.startWithPidPrefix = true; continue }
            // Internal: the exec call that started this ferry, shown as the trace's first line.
            if word.hasPrefix("-strace-exec=") {
                let call = String(word.dropFirst("-strace-exec=".count))
                SyscallTracer.startingExec = call.split(separator: Character(SyscallTracer.execSeparator), omittingEmptySubsequences: false).map(String.init)
                continue
            }
            if word.hasPrefix("-strace=") || word.hasPrefix("--strace=") {
                format = try parse(String(word.split(separator: "=", maxSplits: 1).last ?? ""), "-strace")
                continue
            }
            rest.append(word)
        }
        if format == nil, let env = ProcessInfoLite.environment("FERRY_STRACE"), !env.isEmpty, env != "0" {
            format = try parse(env, "FERRY_STRACE")
        }
        return (rest, format)
    }

    static let knownDebugItems: Set<String> = ["unimp", "in_asm"]

    func validate() throws {
        if listIoctls {
            guard Architecture(rawValue: arch) != nil else {
                throw ValidationError("unknown architecture '\(arch)': use one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard IoctlListFormat(rawValue: format) != nil else {
                throw ValidationError("unknown format '\(format)' for --list-ioctls: use table or json")
            }
            return
        }
        if listSyscalls {
            guard Architecture(rawValue: arch) != nil else {
                throw ValidationError("unknown architecture '\(arch)': use one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard SupportTableFormat(rawValue: format) != nil else {
                throw ValidationError("unknown format '\(format)': use table, json or csv")
            }
            return
        }
        for item in debugItems where !Self.knownDebugItems.contains(item) {
            throw ValidationError("unknown -d item '\(item)': use \(Self.knownDebugItems.sorted().joined(separator: ","))")
        }
    }

    var debugItems: [String] {
        let text = debug ?? ProcessInfoLite.environment("FERRY_LOG") ?? ""
        return text.split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }

    func run() throws {
        if listIoctls {
            print(IoctlList.render(architecture: Architecture(rawValue: arch)!, format: IoctlListFormat(rawValue: format)!), terminator: "")
            return
        }
        if listSyscalls {
            print(SupportTable.render(architecture: Architecture(rawValue: arch)!, format: SupportTableFormat(rawValue: format)!), terminator: "")
            return
        }
        let program = command[0]
        var environment = ProcessInfoLite.environmentList()
        let unsets = unsetEnvironment + (ProcessInfoLite.environment("FERRY_UNSET_ENV")?.split(separator: ",").map(String.init) ?? [])
        let sets = (ProcessInfoLite.environment("FERRY_SET_ENV")?.split(separator: ",").map(String.init) ?? []) + setEnvironment
        environment.removeAll { entry in unsets.contains { entry.hasPrefix($0 + "=") } }
        for assignment in sets {
            let name = assignment.split(separator: "=", maxSplits: 1).first.map(String.init) ?? assignment
            environment.removeAll { $0.hasPrefix(name + "=") }
            environment.append(assignment)
        }
        var arguments = command
        if let argv0 = argv0 ?? ProcessInfoLite.environment("FERRY_ARGV0") { arguments[0] = argv0 }
        var configuration = EmulatorConfiguration(programPath: program, arguments: arguments, environment: environment)
        let items = debugItems
        configuration.logUnimplemented = items.contains("unimp")
        configuration.logBlocks = items.contains("in_asm")
        let file = logFile ?? ProcessInfoLite.environment("FERRY_LOG_FILENAME")
        // With -strace alone, -D is the trace's file; ferry opens it on a high descriptor so the
        // guest's descriptors number as they do natively.
        configuration.logFile = strace != nil && items.isEmpty ? nil : file
        configuration.strace = strace
        configuration.straceFile = file
        if !items.isEmpty { configuration.inheritedOptions += ["-d", items.joined(separator: ",")] }
        if let strace { configuration.inheritedOptions += [strace == .strace ? "-strace" : "-strace=\(strace.rawValue)"] }
        if let file { configuration.inheritedOptions += ["-D", file] }
        do {
            try Emulation.run(configuration)
        } catch let error as LoadError {
            FileHandleLite.standardError.write("ferry: \(program): \(error)\n")
            if case .cannotRead = error, access(program, F_OK) != 0 {
                Glibc.exit(EmulatorExitStatus.notFound)
            }
            Glibc.exit(EmulatorExitStatus.cannotExecute)
        }
    }
}

/// Environment access without Foundation.
enum ProcessInfoLite {
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    static func environmentList() -> [String] {
        var result: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            result.append(String(cString: entry))
            cursor += 1
        }
        return result
    }
}

struct FileHandleLite {
    let fd: Int32
    static let standardError = FileHandleLite(fd: 2)
    func write(_ text: String) {
        text.withCString { _ = Glibc.write(fd, $0, strlen($0)) }
    }
}
