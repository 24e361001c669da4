import Glibc

/// Where `-d` diagnostics go: stderr, or the `-D` file. Written with write(2) so it never mixes
/// with buffered guest output and survives fork.
public final class DiagnosticLog {
    private let fd: Int32

    public init(fd: Int32 = 2) { self.fd = fd }

    /// Opens `path` for appending; nil if it cannot be opened. The descriptor moves to 1000 or
    /// above, so the guest's own descriptors number as they do natively, and the guest cannot
    /// close it (OwnDescriptors).
    public static func file(path: String) -> DiagnosticLog? {
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        return opened < 0 ? nil : DiagnosticLog(fd: OwnDescriptors.moveHigh(opened))
    }

    public func write(_ line: String) {
        var text = line
        text.append("\n")
        text.withCString { p in
            var remaining = strlen(p)
            var cursor = p
            while remaining > 0 {
                let n = Glibc.write(fd, cursor, remaining)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                remaining -= n
                cursor += n
            }
        }
    }
}
