import CFerryHost
import Glibc

/// The guest's live threads: each is a host thread with its own CPU state and translated code.
/// Memory syscalls drop stale translations in every thread; a thread's own cache is changed only
/// by that thread (others post the range and interrupt it).
final class ThreadRegistry {
    private var lock = pthread_mutex_t()
    private var members: [ObjectIdentifier: GuestThreadState & CodeCacheInvalidating] = [:]

    init() { pthread_mutex_init(&lock, nil) }

    func add(_ thread: GuestThreadState & CodeCacheInvalidating) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        members[ObjectIdentifier(thread)] = thread
    }

    /// Removes a thread; returns how many remain.
    func remove(_ thread: GuestThreadState) -> Int {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        members[ObjectIdentifier(thread)] = nil
        return members.count
    }

    var count: Int {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        return members.count
    }

    /// After fork(): only the forking thread exists in the child.
    func forkedChild(keeping thread: GuestThreadState) {
        pthread_mutex_init(&lock, nil)
        members = members.filter { $0.key == ObjectIdentifier(thread) }
    }

    func invalidateCode(start: UInt64, end: UInt64) {
        pthread_mutex_lock(&lock)
        let all = Array(members.values)
        pthread_mutex_unlock(&lock)
        for thread in all { thread.invalidateCode(start: start, end: end) }
    }
}

/// Handed from the creating thread to the new host thread.
private final class ThreadStart {
    let makeThread: () -> GuestThreadState & CodeCacheInvalidating
    let personality: LinuxPersonality
    let flags: UInt64, parentTID: UInt64, childTID: UInt64
    var tid: Int32 = 0
    var started = sem_t()

    init(makeThread: @escaping () -> GuestThreadState & CodeCacheInvalidating, personality: LinuxPersonality, flags: UInt64, parentTID: UInt64, childTID: UInt64) {
        self.makeThread = makeThread
        self.personality = personality
        self.flags = flags
        self.parentTID = parentTID
        self.childTID = childTID
        sem_init(&started, 0, 0)
    }
}

extension LinuxPersonality {
    fileprivate func cloneFlag(_ name: String) -> UInt64 { UInt64(bitPattern: guestConstants.value(name) ?? 0) }

    /// clone with CLONE_VM: a new host thread runs the guest thread; returns its tid.
    func cloneThread(flags: UInt64, stack: UInt64, parentTID: UInt64, tls: UInt64, childTID: UInt64,
                     parent: GuestThreadState) -> Int64 {
        let task = TaskState(mask: parent.task.mask, altStackFlags: signalConstants.ssDisable)
        let makeChild = parent.makeChildThread(stack: stack, tls: flags & cloneFlag("CLONE_SETTLS") != 0 ? tls : nil, task: task)
        let start = ThreadStart(makeThread: makeChild, personality: self, flags: flags, parentTID: parentTID, childTID: childTID)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, 1 << 20)
        var handle = pthread_t()
        let context = Unmanaged.passRetained(start).toOpaque()
        let status = pthread_create(&handle, &attributes, { context in
            let start = Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue()
            start.personality.threadStarted(start)
        }, context)
        if status != 0 {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return -Int64(status)
        }
        while sem_wait(&start.started) != 0 && errno == EINTR {}
        return Int64(start.tid)
    }

    fileprivate func threadStarted(_ start: ThreadStart) -> Never {
        let tid = Int32(truncatingIfNeeded: HostSyscall.call(.gettid))
        withUnsafeBytes(of: tid) { bytes in
            if start.flags & cloneFlag("CLONE_PARENT_SETTID") != 0 { _ = GuestMemory.write(start.parentTID, from: bytes.baseAddress!, count: 4) }
            if start.flags & cloneFlag("CLONE_CHILD_SETTID") != 0 { _ = GuestMemory.write(start.childTID, from: bytes.baseAddress!, count: 4) }
        }
        // The host kernel clears the guest's tid word and wakes its futex when this thread dies,
        // exactly as for a native thread (pthread_join in the guest waits on it).
        if start.flags & cloneFlag("CLONE_CHILD_CLEARTID") != 0 { _ = HostSyscall.call(.set_tid_address, start.childTID) }
        start.tid = tid
        let thread = start.makeThread()
        threads.add(thread)
        applyHostMask(thread.task)
        sem_post(&start.started)
        thread.run()
    }

    /// exit: ends the calling thread; the last one ends the process with this status.
    func exitThread(status: Int32, thread: GuestThreadState) -> Never {
        if threads.remove(thread) == 0 { exitProcess(status: status) }
        // A raw exit leaves glibc's bookkeeping of this host thread behind (its stack stays
        // mapped), but runs the kernel's clear_child_tid for the guest.
        while true { _ = HostSyscall.call(.exit, UInt64(UInt32(bitPattern: status))) }
    }
}

/// Handed from the vfork parent to its child process.
private final class VforkStart {
    let makeThread: () -> GuestThreadState & CodeCacheInvalidating
    let personality: LinuxPersonality
    let flags: UInt64, childTID: UInt64

    init(makeThread: @escaping () -> GuestThreadState & CodeCacheInvalidating, personality: LinuxPersonality,
         flags: UInt64, childTID: UInt64) {
        self.makeThread = makeThread
        self.personality = personality
        self.flags = flags
        self.childTID = childTID
    }
}

extension LinuxPersonality {
    /// clone with CLONE_VM|CLONE_VFORK (vfork, posix_spawn): a real child process sharing the
    /// guest's memory, with the calling thread suspended until it execs or exits, as the kernel
    /// does. The child runs on a host stack of its own; it shares ferry's memory and the calling
    /// thread's TLS, which is safe while that thread waits.
    func vforkProcess(flags: UInt64, hostExitSignal: Int32, stack: UInt64, tls: UInt64?, parentTID: UInt64,
                      childTID: UInt64, parent: GuestThreadState) -> Int64 {
        let task = TaskState(mask: parent.task.mask, altStackFlags: signalConstants.ssDisable)
        let makeChild = parent.makeChildThread(stack: stack, tls: tls, task: task)
        let start = VforkStart(makeThread: makeChild, personality: self, flags: flags, childTID: childTID)
        let stackSize = 1 << 20
        guard let hostStack = Glibc.mmap(nil, stackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0),
              hostStack != MAP_FAILED else { return -Int64(ENOMEM) }
        defer { Glibc.munmap(hostStack, stackSize) }
        let context = Unmanaged.passRetained(start).toOpaque()
        defer { Unmanaged<VforkStart>.fromOpaque(context).release() }
        let hostFlags = UInt(bitPattern: Int(hostConstants.required("CLONE_VM") | hostConstants.required("CLONE_VFORK")))
            | UInt(UInt32(bitPattern: hostExitSignal))
        let pid = ferry_clone_vm_process(hostFlags, hostStack + stackSize, { context in
            let start = Unmanaged<VforkStart>.fromOpaque(context!).takeUnretainedValue()
            start.personality.vforkChildStarted(start)
        }, context)
        if pid > 0 && flags & cloneFlag("CLONE_PARENT_SETTID") != 0 {
            withUnsafeBytes(of: Int32(pid)) { _ = GuestMemory.write(parentTID, from: $0.baseAddress!, count: 4) }
        }
        return Int64(pid)
    }

    fileprivate func vforkChildStarted(_ start: VforkStart) -> Never {
        let tid = Int32(truncatingIfNeeded: HostSyscall.call(.gettid))
        if start.flags & cloneFlag("CLONE_CHILD_SETTID") != 0 {
            withUnsafeBytes(of: tid) { _ = GuestMemory.write(start.childTID, from: $0.baseAddress!, count: 4) }
        }
        if start.flags & cloneFlag("CLONE_CHILD_CLEARTID") != 0 { _ = HostSyscall.call(.set_tid_address, start.childTID) }
        let thread = start.makeThread()
        // Not registered with `threads`: that registry is the parent's (shared memory); the child's
        // only thread exits the process through exit or exit_group alike.
        thread.run()
    }
}
