import FerryABI

/// How far an implemented syscall goes. The published support table is generated from the registry.
public enum SupportLevel: String, Codable, Sendable {
    case full, partial, unimplemented
}

/// How a syscall is carried out.
enum SyscallHandler: UInt8 {
    /// Arguments and result have the same meaning for the guest and the host: call the host.
    case passthrough
    case exit, exitGroup
    case brk, mmap, munmap, mprotect, mremap
    case openat, fcntl, newfstatat, readlinkat, ioctl, close, closeRange
    case uname
    case rtSigaction, rtSigprocmask, rtSigreturn, sigaltstack, rtSigsuspend, rtSigpending
    case clone, clone3, execve, execveat, openat2
    case prctl, seccomp, pipe2, openByHandleAt, madvise
    case rseq
    case epollPwait, epollPwait2, ppoll, pselect6, semctl
    case shmat, shmdt
    /// A pass-through whose signature names arguments that differ for this guest (set by the
    /// personality from SignatureConversion, never in a registry row).
    case converted
    case unimplemented
}

/// One row of the support table: the gVisor-style source of truth for what Ferry implements.
public struct SyscallSupport: Sendable {
    public let id: SyscallID
    public let level: SupportLevel
    public let note: String
    let handler: SyscallHandler
}

/// The registry: every syscall Ferry implements, how, and how completely. Syscalls absent from it
/// are unimplemented (ENOSYS).
enum SyscallRegistry {
    private static func row(_ id: SyscallID, _ handler: SyscallHandler, _ level: SupportLevel = .full,
                            _ note: String = "") -> SyscallSupport {
        SyscallSupport(id: id, level: level, note: note, handler: handler)
    }

    static let rows: [SyscallSupport] = [
        // Files and descriptors.
        row(.read, .passthrough), row(.write, .passthrough), row(.readv, .passthrough), row(.writev, .passthrough),
        row(.pread64, .passthrough), row(.pwrite64, .passthrough), row(.preadv, .passthrough), row(.pwritev, .passthrough),
        row(.preadv2, .passthrough), row(.pwritev2, .passthrough),
        row(.close, .close), row(.close_range, .closeRange), row(.lseek, .passthrough),
        row(.dup, .passthrough), row(.dup3, .passthrough), row(.pipe2, .pipe2),
        row(.openat, .openat), row(.openat2, .openat2), row(.fcntl, .fcntl, .partial, "F_GETFL/F_SETFL flags translated; lock structs assumed same layout"),
        row(.ioctl, .ioctl, .partial, "the ~490 generated requests whose argument size matches the host's, translated by name; others ENOTTY"),
        row(.fstat, .passthrough), row(.newfstatat, .newfstatat), row(.statx, .passthrough),
        row(.readlinkat, .readlinkat), row(.getdents64, .passthrough), row(.getcwd, .passthrough),
        row(.faccessat, .passthrough), row(.faccessat2, .passthrough), row(.chdir, .passthrough), row(.fchdir, .passthrough),
        row(.mkdirat, .passthrough), row(.unlinkat, .passthrough), row(.renameat, .passthrough), row(.renameat2, .passthrough),
        row(.linkat, .passthrough), row(.symlinkat, .passthrough), row(.fchmod, .passthrough), row(.fchmodat, .passthrough),
        row(.fchown, .passthrough), row(.fchownat, .passthrough), row(.umask, .passthrough), row(.truncate, .passthrough),
        row(.ftruncate, .passthrough), row(.fallocate, .passthrough), row(.fsync, .passthrough), row(.fdatasync, .passthrough),
        row(.sync, .passthrough), row(.utimensat, .passthrough), row(.sendfile, .passthrough),
        row(.copy_file_range, .passthrough), row(.splice, .passthrough), row(.tee, .passthrough),
        row(.statfs, .passthrough), row(.fstatfs, .passthrough), row(.flock, .passthrough),
        row(.ppoll, .ppoll), row(.pselect6, .pselect6),
        row(.memfd_create, .passthrough),
        // Memory.
        row(.brk, .brk), row(.mmap, .mmap), row(.munmap, .munmap), row(.mprotect, .mprotect),
        row(.mremap, .mremap), row(.madvise, .madvise), row(.msync, .passthrough),
        row(.mincore, .passthrough), row(.mlock, .passthrough), row(.munlock, .passthrough),
        // Processes.
        row(.exit, .exit),
        row(.exit_group, .exitGroup),
        row(.clone, .clone, .partial, "threads and fork-like clones; vfork runs as fork (memory not shared)"),
        row(.execve, .execve, .partial, "foreign ELF re-executes ferry; host ELF and scripts run natively"),
        row(.execveat, .execveat, .partial, "as execve, the path resolved through /proc/self/fd"),
        row(.clone3, .clone3, .partial, "as clone; set_tid and CLONE_INTO_CGROUP refused with EINVAL"),
        row(.wait4, .passthrough), row(.waitid, .passthrough),
        row(.getpid, .passthrough), row(.getppid, .passthrough), row(.gettid, .passthrough),
        row(.getuid, .passthrough), row(.geteuid, .passthrough), row(.getgid, .passthrough), row(.getegid, .passthrough),
        row(.getresuid, .passthrough), row(.getresgid, .passthrough), row(.getgroups, .passthrough),
        row(.setpgid, .passthrough), row(.getpgid, .passthrough), row(.getsid, .passthrough), row(.setsid, .passthrough),
        row(.set_tid_address, .passthrough), row(.set_robust_list, .passthrough), row(.get_robust_list, .passthrough),
        row(.futex, .passthrough),
        row(.rseq, .rseq, .partial, "registration is checked and recorded; cpu_id is set at registration only"),
        row(.prlimit64, .passthrough), row(.getrlimit, .passthrough), row(.setrlimit, .passthrough),
        row(.getrusage, .passthrough), row(.getpriority, .passthrough), row(.setpriority, .passthrough),
        row(.sched_yield, .passthrough), row(.sched_getaffinity, .passthrough), row(.sched_setaffinity, .passthrough),
        row(.getcpu, .passthrough), row(.sysinfo, .passthrough), row(.times, .passthrough),
        row(.uname, .uname), row(.getrandom, .passthrough), row(.prctl, .prctl, .partial, "passed to the host except seccomp modes (strict emulated)"),
        row(.seccomp, .seccomp, .partial, "strict mode emulated; filters refused with EINVAL"),
        // Signals.
        row(.rt_sigaction, .rtSigaction),
        row(.rt_sigprocmask, .rtSigprocmask), row(.kill, .passthrough), row(.tkill, .passthrough), row(.tgkill, .passthrough),
        row(.sigaltstack, .sigaltstack),
        row(.rt_sigtimedwait, .passthrough, .partial, "signals Ferry took from the host while blocked are not seen"),
        row(.rt_sigqueueinfo, .passthrough), row(.rt_tgsigqueueinfo, .passthrough), row(.pidfd_send_signal, .passthrough),
        row(.rt_sigreturn, .rtSigreturn), row(.rt_sigsuspend, .rtSigsuspend), row(.rt_sigpending, .rtSigpending),
        // Time.
        row(.clock_gettime, .passthrough), row(.clock_getres, .passthrough), row(.clock_nanosleep, .passthrough),
        row(.nanosleep, .passthrough), row(.gettimeofday, .passthrough),
        row(.getitimer, .passthrough), row(.setitimer, .passthrough),
        // Sockets.
        row(.socket, .passthrough), row(.socketpair, .passthrough), row(.bind, .passthrough), row(.listen, .passthrough),
        row(.accept, .passthrough), row(.accept4, .passthrough), row(.connect, .passthrough),
        row(.getsockname, .passthrough), row(.getpeername, .passthrough), row(.sendto, .passthrough),
        row(.recvfrom, .passthrough), row(.sendmsg, .passthrough), row(.recvmsg, .passthrough),
        row(.shutdown, .passthrough), row(.setsockopt, .passthrough), row(.getsockopt, .passthrough),
        // Events.
        row(.eventfd2, .passthrough), row(.epoll_create1, .passthrough), row(.epoll_ctl, .passthrough),
        row(.epoll_pwait, .epollPwait), row(.epoll_pwait2, .epollPwait2),
        // Calls whose arguments and structs have the same layout and meaning for 64-bit
        // little-endian guests and the x86-64 host (checked against the generated layouts: xattr,
        // inotify, timerfd, sigevent, timex, mq_attr, the ipc64 structs, sched_attr, cap_user_*,
        // file_handle, mmsghdr, iovec). 32-bit and big-endian guests will need converters here.
        row(.setxattr, .passthrough), row(.lsetxattr, .passthrough), row(.fsetxattr, .passthrough),
        row(.getxattr, .passthrough), row(.lgetxattr, .passthrough), row(.fgetxattr, .passthrough),
        row(.listxattr, .passthrough), row(.llistxattr, .passthrough), row(.flistxattr, .passthrough),
        row(.removexattr, .passthrough), row(.lremovexattr, .passthrough), row(.fremovexattr, .passthrough),
        row(.setxattrat, .passthrough), row(.getxattrat, .passthrough), row(.listxattrat, .passthrough),
        row(.removexattrat, .passthrough), row(.file_getattr, .passthrough), row(.file_setattr, .passthrough),
        row(.inotify_init1, .passthrough), row(.inotify_add_watch, .passthrough), row(.inotify_rm_watch, .passthrough),
        row(.fanotify_init, .passthrough), row(.fanotify_mark, .passthrough),
        row(.signalfd4, .passthrough, .partial, "signal numbers and masks as the host's (true for aarch64)"),
        row(.timerfd_create, .passthrough), row(.timerfd_settime, .passthrough), row(.timerfd_gettime, .passthrough),
        row(.timer_create, .passthrough), row(.timer_settime, .passthrough), row(.timer_gettime, .passthrough),
        row(.timer_getoverrun, .passthrough), row(.timer_delete, .passthrough),
        row(.clock_settime, .passthrough), row(.settimeofday, .passthrough), row(.adjtimex, .passthrough),
        row(.clock_adjtime, .passthrough),
        row(.mknodat, .passthrough), row(.fchmodat2, .passthrough), row(.vmsplice, .passthrough),
        row(.sync_file_range, .passthrough), row(.syncfs, .passthrough), row(.readahead, .passthrough),
        row(.fadvise64, .passthrough), row(.name_to_handle_at, .passthrough), row(.open_by_handle_at, .openByHandleAt),
        row(.chroot, .passthrough, .partial, "a later execve of a foreign program needs ferry inside the new root"),
        row(.mount, .passthrough), row(.umount2, .passthrough), row(.pivot_root, .passthrough),
        row(.unshare, .passthrough), row(.setns, .passthrough), row(.sethostname, .passthrough), row(.setdomainname, .passthrough),
        row(.capget, .passthrough), row(.capset, .passthrough),
        row(.personality, .passthrough, .partial, "changes the host personality too"),
        row(.setuid, .passthrough), row(.setgid, .passthrough), row(.setreuid, .passthrough), row(.setregid, .passthrough),
        row(.setresuid, .passthrough), row(.setresgid, .passthrough), row(.setfsuid, .passthrough), row(.setfsgid, .passthrough),
        row(.setgroups, .passthrough),
        row(.sched_setparam, .passthrough), row(.sched_getparam, .passthrough), row(.sched_setscheduler, .passthrough),
        row(.sched_getscheduler, .passthrough), row(.sched_get_priority_max, .passthrough),
        row(.sched_get_priority_min, .passthrough), row(.sched_rr_get_interval, .passthrough),
        row(.sched_setattr, .passthrough), row(.sched_getattr, .passthrough),
        row(.ioprio_set, .passthrough), row(.ioprio_get, .passthrough),
        row(.mq_open, .passthrough), row(.mq_unlink, .passthrough), row(.mq_timedsend, .passthrough),
        row(.mq_timedreceive, .passthrough), row(.mq_notify, .passthrough), row(.mq_getsetattr, .passthrough),
        row(.msgget, .passthrough), row(.msgctl, .passthrough), row(.msgrcv, .passthrough), row(.msgsnd, .passthrough),
        row(.semget, .passthrough), row(.semctl, .semctl), row(.semtimedop, .passthrough), row(.semop, .passthrough),
        row(.shmget, .passthrough), row(.shmctl, .passthrough), row(.shmat, .shmat, .partial, "the host picks the address; recorded in the guest map"),
        row(.shmdt, .shmdt),
        row(.mlock2, .passthrough), row(.mlockall, .passthrough), row(.munlockall, .passthrough),
        row(.remap_file_pages, .passthrough), row(.membarrier, .passthrough),
        row(.pkey_alloc, .passthrough), row(.pkey_free, .passthrough), row(.pkey_mprotect, .passthrough),
        row(.sendmmsg, .passthrough), row(.recvmmsg, .passthrough),
        row(.process_vm_readv, .passthrough), row(.process_vm_writev, .passthrough), row(.kcmp, .passthrough),
        row(.pidfd_open, .passthrough), row(.pidfd_getfd, .passthrough),
        row(.futex_waitv, .passthrough), row(.futex_wake, .passthrough), row(.futex_wait, .passthrough),
        row(.futex_requeue, .passthrough),
        row(.userfaultfd, .passthrough), row(.syslog, .passthrough),
        row(.io_setup, .passthrough), row(.io_destroy, .passthrough), row(.io_submit, .passthrough),
        row(.io_cancel, .passthrough), row(.io_getevents, .passthrough), row(.io_pgetevents, .passthrough),
        row(.add_key, .passthrough), row(.request_key, .passthrough), row(.keyctl, .passthrough),
        row(.get_mempolicy, .passthrough), row(.set_mempolicy, .passthrough), row(.mbind, .passthrough),
        row(.statmount, .passthrough), row(.listmount, .passthrough),
        // The new mount API, quotas, swap, accounting and modules: what the host kernel answers
        // (EPERM without privilege) is what a native guest would get.
        row(.open_tree, .passthrough), row(.open_tree_attr, .passthrough), row(.move_mount, .passthrough),
        row(.fsopen, .passthrough), row(.fsconfig, .passthrough), row(.fsmount, .passthrough), row(.fspick, .passthrough),
        row(.mount_setattr, .passthrough), row(.quotactl, .passthrough), row(.quotactl_fd, .passthrough),
        row(.swapon, .passthrough), row(.swapoff, .passthrough), row(.acct, .passthrough), row(.vhangup, .passthrough),
        row(.init_module, .passthrough), row(.finit_module, .passthrough), row(.delete_module, .passthrough),
        row(.migrate_pages, .passthrough), row(.move_pages, .passthrough), row(.set_mempolicy_home_node, .passthrough),
        row(.process_madvise, .passthrough), row(.process_mrelease, .passthrough), row(.cachestat, .passthrough),
        row(.memfd_secret, .passthrough), row(.mseal, .passthrough),
        row(.lsm_get_self_attr, .passthrough), row(.lsm_set_self_attr, .passthrough), row(.lsm_list_modules, .passthrough),
        row(.perf_event_open, .passthrough, .partial, "counts the host process: ferry's instructions, not the guest's"),
        row(.landlock_create_ruleset, .passthrough), row(.landlock_add_rule, .passthrough),
        row(.landlock_restrict_self, .passthrough, .partial, "restricts ferry too: a later execve needs ferry's binary inside the rules"),
        row(.io_uring_setup, .passthrough, .partial, "rings shared as is; operations that carry O_* flags or signals are not translated"),
        row(.io_uring_enter, .passthrough), row(.io_uring_register, .passthrough),
        row(.bpf, .passthrough, .partial, "programs run in the host kernel; seccomp filters through bpf are refused by seccomp"),
        // Deliberately not implemented (ENOSYS), each with why.
        row(.ptrace, .unimplemented, .unimplemented, "a tracer would see the emulator's registers and memory, not the guest's"),
        row(.restart_syscall, .unimplemented, .unimplemented, "the kernel's internal restart; ferry restarts interrupted calls itself"),
        row(.kexec_load, .unimplemented, .unimplemented, "would load a kernel for the host machine"),
        row(.kexec_file_load, .unimplemented, .unimplemented, "would load a kernel for the host machine"),
        row(.reboot, .unimplemented, .unimplemented, "would reboot or power off the host"),
        row(.map_shadow_stack, .unimplemented, .unimplemented, "shadow stacks are not emulated"),
        row(.lookup_dcookie, .unimplemented, .unimplemented, "oprofile's call, gone from current kernels (ENOSYS there too)"),
        row(.listns, .unimplemented, .unimplemented, "newer than the kernels Ferry is tested on"),
        row(.rseq_slice_yield, .unimplemented, .unimplemented, "newer than the kernels Ferry is tested on"),
    ]

    static let byID: [SyscallID: SyscallSupport] = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The support table for an architecture: every syscall number it has, in order.
    static func table(for architecture: Architecture) -> [(number: Int, support: SyscallSupport)] {
        SyscallTable.forArchitecture(architecture).entries.map { entry in
            (entry.number, byID[entry.id] ?? SyscallSupport(id: entry.id, level: .unimplemented, note: "", handler: .unimplemented))
        }
    }
}
