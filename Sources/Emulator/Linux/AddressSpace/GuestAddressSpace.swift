import Glibc

/// Ferry's map of the guest's mappings: one array sorted by address, non-overlapping, neighbours
/// merged as the kernel merges areas. Everything mapped in the process but absent here is
/// ferry's own memory (its binary, heap, Swift runtime, host thread stacks), which guest memory
/// syscalls must never touch.
///
/// Guest threads are host threads: callers hold the lock (`withLock`) across the whole of a
/// memory syscall, the host call included, so two guest threads cannot interleave their updates.
/// The mutating methods below assume the lock is held.
public final class GuestAddressSpace: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    /// Sorted by `start`; ranges never overlap.
    public private(set) var mappings: [GuestMapping] = []

    public init() {
        pthread_mutex_init(&mutex, nil)
        GuestAddressSpace.registerForkHandlers(self)
    }

    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// A copy of every mapping, taken under the lock.
    public func snapshot() -> [GuestMapping] { withLock { mappings } }

    // MARK: queries

    /// Index of the first mapping that ends after `address` (the one containing it, or the next).
    @inline(__always) func firstIndex(endingAfter address: UInt64) -> Int {
        var low = 0, high = mappings.count
        while low < high {
            let mid = (low + high) / 2
            if mappings[mid].end <= address { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public func mapping(containing address: UInt64) -> GuestMapping? {
        let i = firstIndex(endingAfter: address)
        return i < mappings.count && mappings[i].start <= address ? mappings[i] : nil
    }

    /// True when every byte of [start, end) is in some guest mapping.
    public func covers(_ start: UInt64, _ end: UInt64) -> Bool {
        var cursor = start
        var i = firstIndex(endingAfter: start)
        while cursor < end {
            guard i < mappings.count, mappings[i].start <= cursor else { return false }
            cursor = mappings[i].end
            i += 1
        }
        return true
    }

    /// The parts of [start, end) that no guest mapping covers, in order.
    public func gaps(_ start: UInt64, _ end: UInt64) -> [(start: UInt64, end: UInt64)] {
        var result: [(UInt64, UInt64)] = []
        var cursor = start
        var i = firstIndex(endingAfter: start)
        while cursor < end {
            if i < mappings.count, mappings[i].start <= cursor {
                cursor = mappings[i].end
                i += 1
                continue
            }
            let next = i < mappings.count ? min(mappings[i].start, end) : end
            result.append((cursor, next))
            cursor = next
        }
        return result
    }

    /// The parts of [start, end) that guest mappings cover, adjacent mappings joined into one run.
    public func coveredRuns(_ start: UInt64, _ end: UInt64) -> [(start: UInt64, end: UInt64)] {
        var result: [(start: UInt64, end: UInt64)] = []
        var i = firstIndex(endingAfter: start)
        while i < mappings.count, mappings[i].start < end {
            let s = max(mappings[i].start, start), e = min(mappings[i].end, end)
            if let last = result.last, last.end == s { result[result.count - 1].end = e } else { result.append((s, e)) }
            i += 1
        }
        return result
    }

    /// The mappings inside [start, end), clipped to it.
    public func mappings(in start: UInt64, _ end: UInt64) -> [GuestMapping] {
        var result: [GuestMapping] = []
        var i = firstIndex(endingAfter: start)
        while i < mappings.count, mappings[i].start < end {
            var m = mappings[i]
            if m.start < start { m = m.suffix(from: start) }
            if m.end > end { m.end = end }
            result.append(m)
            i += 1
        }
        return result
    }

    // MARK: updates (lock held)

    /// Records a new mapping; whatever it overlaps is replaced, as a MAP_FIXED mmap replaces it.
    public func insert(_ mapping: GuestMapping) {
        guard mapping.end > mapping.start else { return }
        remove(mapping.start, mapping.end)
        let i = firstIndex(endingAfter: mapping.start)
        mappings.insert(mapping, at: i)
        mergeNeighbours(from: max(i - 1, 0), through: i + 1)
    }

    /// Forgets [start, end), splitting mappings that stick out on either side.
    public func remove(_ start: UInt64, _ end: UInt64) {
        guard end > start else { return }
        var i = firstIndex(endingAfter: start)
        guard i < mappings.count else { return }
        if mappings[i].start < start {
            if mappings[i].end > end {
                // Both edges inside one mapping: it becomes two.
                let right = mappings[i].suffix(from: end)
                mappings[i].end = start
                mappings.insert(right, at: i + 1)
                return
            }
            mappings[i].end = start
            i += 1
        }
        var j = i
        while j < mappings.count, mappings[j].end <= end { j += 1 }
        if j < mappings.count, mappings[j].start < end { mappings[j] = mappings[j].suffix(from: end) }
        mappings.removeSubrange(i..<j)
    }

    /// Sets the protection of [start, end) where it is mapped (splitting at the edges, merging
    /// what becomes alike).
    public func protect(_ start: UInt64, _ end: UInt64, protection: Int32) {
        guard end > start else { return }
        split(at: start)
        split(at: end)
        let first = firstIndex(endingAfter: start)
        var i = first
        while i < mappings.count, mappings[i].start < end {
            mappings[i].protection = protection
            i += 1
        }
        mergeNeighbours(from: max(first - 1, 0), through: i)
    }

    /// Moves what was recorded at [oldStart, oldStart+oldLength) to `newStart` with `newLength`
    /// (mremap): a shrink drops the tail, a growth extends the last piece. `keepOld` leaves the
    /// old range recorded (MREMAP_DONTUNMAP).
    public func move(from oldStart: UInt64, oldLength: UInt64, to newStart: UInt64, newLength: UInt64, keepOld: Bool = false) {
        let kept = min(oldLength, newLength)
        var pieces = mappings(in: oldStart, oldStart &+ kept)
        if newLength > oldLength, let last = mappings(in: oldStart, oldStart &+ max(oldLength, 1)).last {
            if pieces.isEmpty { pieces = [last] }
            pieces[pieces.count - 1].end = oldStart &+ newLength
        }
        if !keepOld { remove(oldStart, oldStart &+ oldLength) } else if newLength < oldLength && newStart == oldStart {
            remove(oldStart &+ newLength, oldStart &+ oldLength)
        }
        let delta = newStart &- oldStart
        for var piece in pieces {
            piece.start &+= delta
            piece.end &+= delta
            insert(piece)
        }
    }

    /// Empties the map (a new program image replaces everything).
    public func removeAll() { mappings.removeAll() }

    /// If a mapping strictly contains `address`, splits it there.
    private func split(at address: UInt64) {
        let i = firstIndex(endingAfter: address)
        guard i < mappings.count, mappings[i].start < address, mappings[i].end > address else { return }
        let right = mappings[i].suffix(from: address)
        mappings[i].end = address
        mappings.insert(right, at: i + 1)
    }

    /// Joins mergeable neighbours among indices [from, through] (clamped).
    private func mergeNeighbours(from: Int, through: Int) {
        var i = from
        var last = min(through, mappings.count - 1)
        while i < last {
            if mappings[i].continues(into: mappings[i + 1]) {
                mappings[i].end = mappings[i + 1].end
                mappings.remove(at: i + 1)
                last -= 1
            } else {
                i += 1
            }
        }
    }

    // MARK: fork

    /// A fork while another thread holds the lock would leave the child's copy locked forever:
    /// hold it across fork() and give the child a fresh one.
    private static var forkTargets: [GuestAddressSpace] = []
    private static var registered = false

    private static func registerForkHandlers(_ space: GuestAddressSpace) {
        // Only the process's own address space needs this; tests make many, keep the first few.
        if forkTargets.count < 4 { forkTargets.append(space) }
        guard !registered else { return }
        registered = true
        pthread_atfork({ for s in GuestAddressSpace.forkTargets { pthread_mutex_lock(&s.mutex) } },
                       { for s in GuestAddressSpace.forkTargets { pthread_mutex_unlock(&s.mutex) } },
                       { for s in GuestAddressSpace.forkTargets { pthread_mutex_init(&s.mutex, nil) } })
    }
}
