// Every error ferry-test reports is one line a person can act on.
public enum RunnerError: Error, CustomStringConvertible, Equatable {
    case usage(String)
    case missingCompiler(arch: String, compiler: String, package: String)
    case badResultsFile(path: String, problem: String)
    case io(String)
    case build(String)

    public var description: String {
        switch self {
        case .usage(let message): return message
        case .missingCompiler(let arch, let compiler, let package):
            return "compiler '\(compiler)' for \(arch) not found; install the Debian package \(package) (apt-get install -y \(package))"
        case .badResultsFile(let path, let problem): return "\(path): \(problem)"
        case .io(let message): return message
        case .build(let message): return message
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
