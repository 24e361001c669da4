import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Collects a test's trace through a named pipe rather than a file: ferry writes the trace from the
// guest's own process, so a file would be under the guest's RLIMIT_FSIZE (prlimit6401 sets it to
// 100 bytes; the trace's writes then fail or raise SIGXFSZ and change the verdict). A pipe has no
// size limit, and needs no disk for long traces: the calls are counted as the lines come.

final class TraceReader: @unchecked Sendable {
    let path: String
    private let fd: Int32
    /// finish() writes a byte here so the reader stops waiting at once (a poll timeout would add
    /// its length to every test).
    private let wake: [Int32]
    private let lock = NSLock()
    private var stopping = false
    private var calls: [String: CallOutcomes] = [:]
    private var pending: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    /// Makes the pipe at `path` and starts reading; nil (with the reason) when it cannot.
    static func start(at path: String) -> Result<TraceReader, RunnerError> {
        guard mkfifo(path, 0o600) == 0 else { return .failure(.io("cannot make the trace pipe '\(path)': \(String(cString: strerror(errno)))")) }
        // Read and write: the open never waits for a writer, and the pipe stays open between one
        // ferry and the next (each execve starts a ferry that opens the path again).
        let fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.io("cannot open the trace pipe '\(path)': \(String(cString: strerror(errno)))")) }
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else {
            close(fd)
            return .failure(.io("cannot make a pipe: \(String(cString: strerror(errno)))"))
        }
        for end in wake { _ = fcntl(end, F_SETFD, FD_CLOEXEC); _ = fcntl(end, F_SETFL, O_NONBLOCK) }
        let reader = TraceReader(path: path, fd: fd, wake: wake)
        Thread.detachNewThread { reader.loop() }
        return .success(reader)
    }

    private init(path: String, fd: Int32, wake: [Int32]) { self.path = path; self.fd = fd; self.wake = wake }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var p = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            _ = poll(&p, 2, 1000)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { take(buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            // Empty: stop once the test's processes are gone and everything written is read.
            lock.lock(); let stop = stopping; lock.unlock()
            if stop { break }
        }
        if !pending.isEmpty { CalledSyscalls.tally(Data(pending), into: &calls) }
        close(fd); close(wake[0]); close(wake[1])
        done.signal()
    }

    /// Takes the complete lines; a partial line waits for the rest.
    private func take(_ chunk: ArraySlice<UInt8>) {
        pending.append(contentsOf: chunk)
        guard let last = pending.lastIndex(of: 0x0A) else { return }
        CalledSyscalls.tally(Data(pending[...last]), into: &calls)
        pending.removeSubrange(...last)
    }

    /// Called after the test's process tree is gone: reads what is left and returns, per syscall
    /// called, how its calls ended.
    func finish() -> [String: CallOutcomes] {
        lock.lock(); stopping = true; lock.unlock()
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        done.wait()
        unlink(path)
        return calls
    }
}
