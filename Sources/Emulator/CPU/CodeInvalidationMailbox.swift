import CFerryHost
import Glibc

/// Code ranges that other threads changed (munmap, mprotect, mmap over code), for one guest
/// thread to apply to its own block cache: a thread's cache is only ever changed by that thread,
/// between blocks.
final class CodeInvalidationMailbox {
    private var ranges: [(start: UInt64, end: UInt64)] = []
    private var lock = pthread_mutex_t()
    /// The owning host thread's signal state (its interrupt flag).
    private let owner: UnsafeMutablePointer<ferry_thread_state>

    init(owner: UnsafeMutablePointer<ferry_thread_state>) {
        self.owner = owner
        pthread_mutex_init(&lock, nil)
    }

    /// On the owner: `apply` at once; on any other thread: post the range and interrupt the owner.
    func invalidate(start: UInt64, end: UInt64, apply: (UInt64, UInt64) -> Void) {
        if ferry_current_thread() == owner {
            apply(start, end)
            return
        }
        pthread_mutex_lock(&lock)
        ranges.append((start, end))
        pthread_mutex_unlock(&lock)
        ferry_request_interrupt(owner)
    }

    /// On the owner, when its interrupt flag was up: applies what others posted.
    func drain(apply: (UInt64, UInt64) -> Void) {
        pthread_mutex_lock(&lock)
        let posted = ranges
        ranges.removeAll()
        pthread_mutex_unlock(&lock)
        for range in posted { apply(range.start, range.end) }
    }
}
