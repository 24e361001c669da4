import Glibc

/// `-strace -D FILE`: the file is written by a small process forked at start, not by the guest's
/// own process, so nothing the guest does to itself reaches the trace: a setrlimit(RLIMIT_FSIZE)
/// (LTP's prlimit tests) would otherwise make the trace's writes fail or raise SIGXFSZ.
///
/// The guest's side holds a socket (a high, close-on-exec descriptor, as the file was) and sends
/// each line as one SOCK_SEQPACKET message with MSG_NOSIGNAL: lines from forked children never
/// interleave, and a writer that is gone costs the guest no SIGPIPE. The writer is a grandchild
/// in its own session (the middle process exits at once), so the guest never sees it in wait4(-1)
/// or receives its SIGCHLD, and terminal or process-group signals meant for the guest miss it. It
/// ends when the last process holding the socket (the guest and its forked children) is gone. A
/// guest execve starts a new ferry with its own writer appending to the same file.
enum TraceFileWriter {
    /// Largest line sent as one message; longer lines go in pieces (a trace line is rarely this long).
    static let messageLimit = 1 << 16

    /// Opens `path` for appending and starts the writer; the descriptor to send lines to, or nil
    /// with `error` set when the file cannot be opened or the writer cannot start.
    static func start(path: String) -> (fd: Int32?, error: String?) {
        let file = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard file >= 0 else { return (nil, "cannot open strace output '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(file) }
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            return (nil, "cannot start the strace writer: \(String(cString: strerror(errno)))")
        }
        // Allocated and looked up before fork: the writer touches no allocator.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: messageLimit, alignment: 16)
        defer { buffer.deallocate() }
        let closeRange = HostSyscall.table.number(of: .close_range) ?? -1
        let middle = fork()
        if middle == 0 {
            if fork() == 0 { serve(socket: pair[1], file: file, buffer: buffer, closeRange: closeRange) }
            _exit(0)
        }
        close(pair[1])
        guard middle > 0 else {
            close(pair[0])
            return (nil, "cannot start the strace writer: \(String(cString: strerror(errno)))")
        }
        var status: Int32 = 0
        while waitpid(middle, &status, 0) < 0 && errno == EINTR {}
        // High, and safe from the guest's close_range(3, ~0U).
        return (OwnDescriptors.moveHigh(pair[0]), nil)
    }

    /// The writer: copies each message to the file until every sender has closed its end.
    static func serve(socket: Int32, file: Int32, buffer: UnsafeMutableRawPointer, closeRange: Int) -> Never {
        _ = setsid()
        Glibc.signal(SIGINT, SIG_IGN); Glibc.signal(SIGQUIT, SIG_IGN); Glibc.signal(SIGHUP, SIG_IGN)
        Glibc.signal(SIGPIPE, SIG_IGN); Glibc.signal(SIGXFSZ, SIG_IGN); Glibc.signal(SIGTSTP, SIG_IGN)
        Glibc.signal(SIGTTOU, SIG_IGN); Glibc.signal(SIGTTIN, SIG_IGN)
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        // Keep only the socket and the file (on 3 and 4): holding the guest's other descriptors
        // (a pipe's write end, a terminal) would keep their readers waiting on this process.
        let null = open("/dev/null", O_RDWR)
        let s = fcntl(socket, F_DUPFD, 10), f = fcntl(file, F_DUPFD, 10)
        for fd: Int32 in 0...2 { dup2(null, fd) }
        dup2(s, 3)
        dup2(f, 4)
        if closeRange >= 0 { _ = HostSyscall.call(closeRange, 5, UInt64(UInt32.max), 0) }
        while true {
            let n = recv(3, buffer, messageLimit, 0)
            if n == 0 { break }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 1 && buffer.load(as: UInt8.self) == 0 {
                // A process's last message asks to be told once all before it is in the file.
                var ack: UInt8 = 0
                _ = Glibc.send(3, &ack, 1, Int32(MSG_NOSIGNAL))
                continue
            }
            var done = 0
            while done < n {
                let w = write(4, buffer + done, n - done)
                if w < 0 && errno == EINTR { continue }
                if w <= 0 { break }
                done += w
            }
        }
        _exit(0)
    }

    /// Sends one line (newline included) to the writer; pieces of `messageLimit` when longer.
    static func send(_ fd: Int32, _ line: String) {
        var text = line
        text.append("\n")
        text.withCString { p in
            var remaining = strlen(p)
            var cursor = UnsafeRawPointer(p)
            while remaining > 0 {
                let n = Glibc.send(fd, cursor, min(remaining, messageLimit), Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                remaining -= n
                cursor += n
            }
        }
    }

    /// Waits (at most a second) until the writer has written everything this process sent, so
    /// that whoever waits for the process finds the whole trace in the file.
    static func flush(_ fd: Int32) {
        var request: UInt8 = 0
        guard Glibc.send(fd, &request, 1, Int32(MSG_NOSIGNAL)) == 1 else { return }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var waited = 0
        while waited < 1000 {
            let n = poll(&entry, 1, 100)
            if n > 0 { break }
            if n < 0 && errno != EINTR { return }
            waited += 100
        }
        var ack: UInt8 = 0
        _ = recv(fd, &ack, 1, Int32(MSG_DONTWAIT))
    }
}

/// Where the tracer's lines go: stderr (through -d's log) or the -D file's writer.
enum TraceOutput {
    case log(DiagnosticLog)
    case writer(Int32)

    func write(_ line: String) {
        switch self {
        case let .log(log): log.write(line)
        case let .writer(fd): TraceFileWriter.send(fd, line)
        }
    }

    /// The process is about to end: its lines must be in the file first.
    func finish() {
        if case let .writer(fd) = self { TraceFileWriter.flush(fd) }
    }
}
