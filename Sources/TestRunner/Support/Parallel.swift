import Foundation

/// Runs `body` for every index in 0..<count on `jobs` worker threads; returns when all are done.
/// `shouldStop` is checked before each item so an interrupt stops handing out work.
public func parallelForEach(count: Int, jobs: Int, shouldStop: @escaping @Sendable () -> Bool = { false },
                            _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 0 else { return }
    let lock = NSLock()
    nonisolated(unsafe) var next = 0
    let group = DispatchGroup()
    for _ in 0..<max(1, min(jobs, count)) {
        group.enter()
        Thread.detachNewThread {
            while true {
                if shouldStop() { break }
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                if index >= count { break }
                body(index)
            }
            group.leave()
        }
    }
    group.wait()
}

/// A value shared between worker threads behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    public init(_ value: Value) { self.value = value }
    public func withValue<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
    public var snapshot: Value { withValue { $0 } }
}
