"""Which macros become which named constant group. Names and header choices only: every value
is read back from a compiled probe. A macro lands in the first group whose header pattern and
name pattern both match, so specific groups come before general ones.

kind "values": an enumeration (decode a value to one name); "flags": a bit set (decode to A|B).
unit "kernel": the kernel's uapi headers alone (the syscall ABI's view, e.g. O_LARGEFILE as the
kernel defines it); "libc": glibc headers (with _GNU_SOURCE), for constants the uapi headers do
not export or that need libc's headers around them (linux/if.h includes <sys/socket.h>).

An optional seventh element holds options:
  "enum"    the group also takes enumeration constants (linux/loop.h's LO_FLAGS_* exist only as
            enum members), not just macros;
  "shared"  a name this group takes stays available to the groups after it: one constant seen
            two ways (unlinkat's flags are AT_REMOVEDIR alone, while at_flags names 0x200
            AT_EACCESS first).
"""

# Some uapi headers use pid_t without defining it (MIPS <asm/sockios.h>); the kernel's own
# type stands in for libc's.
KERNEL_PRELUDE = "#include <linux/types.h>\n#include <linux/posix_types.h>\ntypedef __kernel_pid_t pid_t;\n"

KERNEL_HEADERS = [
    "linux/types.h", "linux/errno.h", "asm/signal.h", "asm/siginfo.h", "linux/fcntl.h",
    "linux/stat.h", "asm/mman.h", "linux/mman.h", "linux/sched.h", "linux/wait.h", "asm/poll.h",
    "linux/eventpoll.h", "linux/prctl.h", "linux/futex.h", "asm/termios.h", "asm/ioctls.h",
    "linux/time.h", "asm/socket.h", "asm/sockios.h", "asm/resource.h", "linux/resource.h",
    "linux/fs.h", "linux/inotify.h", "linux/random.h", "linux/falloc.h", "linux/openat2.h",
    "linux/close_range.h", "linux/serial.h", "asm/unistd.h", "linux/version.h",
    "linux/signal.h", "asm/sigcontext.h", "linux/ipc.h", "linux/sem.h", "linux/seccomp.h",
    "linux/xattr.h", "linux/fadvise.h", "linux/fiemap.h", "linux/loop.h", "linux/userfaultfd.h",
    "linux/personality.h",
]

LIBC_HEADERS = [
    "sys/socket.h", "netinet/in.h", "sys/eventfd.h", "sys/timerfd.h", "sys/signalfd.h",
    "sys/mman.h", "sys/mount.h", "unistd.h", "sys/shm.h", "linux/if.h", "linux/if_arp.h",
    "sys/statvfs.h",
]

# memfd_create's MFD_* and others are glibc's only under _GNU_SOURCE.
LIBC_PRELUDE = "#define _GNU_SOURCE 1\n"

# (group, kind, unit, header path regex, name regex, excluded names[, options])
GROUPS = [
    ("errno", "values", "kernel", r"/errno(-base)?\.h$", r"^E[A-Z0-9]+$", ()),
    ("sigaltstack", "values", "kernel", r"/signal(-defs)?\.h$", r"^(SS_[A-Z]+|MINSIGSTKSZ|SIGSTKSZ)$", ()),
    ("sigcontext_magic", "values", "kernel", r"/sigcontext\.h$", r"^[A-Z0-9_]+_MAGIC[0-9]*$", ()),
    ("ipc_cmd", "values", "kernel", r"/(ipc|sem)\.h$",
     r"^(IPC_(RMID|SET|STAT|INFO|64)|SEM_(STAT|STAT_ANY|INFO)|GET(PID|VAL|ALL|NCNT|ZCNT)|SET(VAL|ALL))$", ()),
    ("ipc_flags", "flags", "kernel", r"/(ipc|sem)\.h$", r"^(IPC_(CREAT|EXCL|NOWAIT)|SEM_UNDO)$", ()),
    ("seccomp", "values", "kernel", r"/seccomp\.h$", r"^SECCOMP_(SET_MODE_[A-Z]+|GET_[A-Z_]+|MODE_[A-Z]+)$", ()),
    ("sigprocmask_how", "values", "kernel", r"/signal(-defs)?\.h$", r"^SIG_(BLOCK|UNBLOCK|SETMASK)$", ()),
    ("signal", "values", "kernel", r"/signal(-defs)?\.h$", r"^SIG[A-Z0-9]+$", ()),
    ("sigaction_flags", "flags", "kernel", r"/signal(-defs)?\.h$", r"^SA_[A-Z0-9_]+$", ()),
    ("si_code", "values", "kernel", r"/siginfo\.h$", r"^SI_[A-Z0-9]+$", ("SI_MAX_SIZE",)),
    ("ill_code", "values", "kernel", r"/siginfo\.h$", r"^ILL_[A-Z0-9]+$", ()),
    ("fpe_code", "values", "kernel", r"/siginfo\.h$", r"^FPE_[A-Z0-9]+$", ()),
    ("segv_code", "values", "kernel", r"/siginfo\.h$", r"^SEGV_[A-Z0-9]+$", ()),
    ("bus_code", "values", "kernel", r"/siginfo\.h$", r"^BUS_[A-Z0-9_]+$", ()),
    ("trap_code", "values", "kernel", r"/siginfo\.h$", r"^TRAP_[A-Z0-9]+$", ()),
    ("cld_code", "values", "kernel", r"/siginfo\.h$", r"^CLD_[A-Z0-9]+$", ()),
    ("poll_code", "values", "kernel", r"/siginfo\.h$", r"^POLL_[A-Z0-9]+$", ()),
    ("sigev_notify", "values", "kernel", r"/siginfo\.h$", r"^SIGEV_[A-Z_]+$", ("SIGEV_MAX_SIZE", "SIGEV_PAD_SIZE")),
    ("dirfd", "values", "kernel", r"/fcntl\.h$", r"^AT_FDCWD$", ()),
    ("unlink_flags", "flags", "kernel", r"/fcntl\.h$", r"^AT_REMOVEDIR$", (), {"shared"}),
    # flock(2)'s operation (LOCK_MAND and the rest are Samba's, not flock's).
    ("flock_op", "values", "kernel", r"/fcntl\.h$", r"^LOCK_(SH|EX|NB|UN)$", ()),
    ("at_flags", "flags", "kernel", r"/fcntl\.h$", r"^AT_[A-Z_]+$", ()),
    ("open_flags", "flags", "kernel", r"/fcntl\.h$", r"^O_[A-Z0-9_]+$", ()),
    ("fd_flags", "flags", "kernel", r"/fcntl\.h$", r"^FD_CLOEXEC$", ()),
    ("flock_type", "values", "kernel", r"/fcntl\.h$", r"^F_(RDLCK|WRLCK|UNLCK|EXLCK|SHLCK)$", ()),
    ("f_owner_type", "values", "kernel", r"/fcntl\.h$", r"^F_OWNER_[A-Z]+$", ()),
    ("file_seals", "flags", "kernel", r"/fcntl\.h$", r"^F_SEAL_[A-Z_]+$", ()),
    ("fcntl_cmd", "values", "kernel", r"/fcntl\.h$", r"^F_[A-Z0-9_]+$", ("F_LINUX_SPECIFIC_BASE",)),
    ("dnotify", "flags", "kernel", r"/fcntl\.h$", r"^DN_[A-Z]+$", ()),
    ("resolve_flags", "flags", "kernel", r"/openat2\.h$", r"^RESOLVE_[A-Z_]+$", ()),
    ("mmap_prot", "flags", "kernel", r"/mman(-common)?\.h$", r"^PROT_[A-Z_]+$", ()),
    ("mmap_flags", "flags", "kernel", r"/mman(-common)?\.h$", r"^MAP_[A-Z0-9_]+$", ()),
    ("madvise_advice", "values", "kernel", r"/mman(-common)?\.h$", r"^MADV_[A-Z0-9_]+$", ()),
    ("msync_flags", "flags", "kernel", r"/mman(-common)?\.h$", r"^MS_[A-Z]+$", ()),
    ("mlockall_flags", "flags", "kernel", r"/mman(-common)?\.h$", r"^MCL_[A-Z]+$", ()),
    ("mlock2_flags", "flags", "kernel", r"/mman(-common)?\.h$", r"^MLOCK_[A-Z]+$", ()),
    ("mremap_flags", "flags", "kernel", r"/mman\.h$", r"^MREMAP_[A-Z]+$", ()),
    ("clone_flags", "flags", "kernel", r"/sched\.h$", r"^CLONE_[A-Z_]+$", ()),
    ("sched_flags", "flags", "kernel", r"/sched\.h$", r"^SCHED_FLAG_[A-Z_]+$", ()),
    ("sched_policy", "values", "kernel", r"/sched\.h$", r"^SCHED_[A-Z_]+$", ()),
    ("wait_options", "flags", "kernel", r"/wait\.h$", r"^_*W[A-Z]+$", ()),
    ("waitid_type", "values", "kernel", r"/wait\.h$", r"^P_[A-Z]+$", ()),
    ("poll_events", "flags", "kernel", r"/poll\.h$", r"^POLL[A-Z]+$", ()),
    ("epoll_ctl_op", "values", "kernel", r"/eventpoll\.h$", r"^EPOLL_CTL_[A-Z]+$", ()),
    ("epoll_create_flags", "flags", "kernel", r"/eventpoll\.h$", r"^EPOLL_CLOEXEC$", ()),
    ("epoll_events", "flags", "kernel", r"/eventpoll\.h$", r"^EPOLL[A-Z]+$", ()),
    ("prctl", "values", "kernel", r"/prctl\.h$", r"^PR_[A-Z0-9_]+$", ()),
    ("futex_flags", "flags", "kernel", r"/futex\.h$", r"^FUTEX_(PRIVATE_FLAG|CLOCK_REALTIME)$", ()),
    ("futex_op", "values", "kernel", r"/futex\.h$", r"^FUTEX_(WAIT|WAKE|FD|REQUEUE|CMP_REQUEUE|WAKE_OP|LOCK_PI|UNLOCK_PI|TRYLOCK_PI|WAIT_BITSET|WAKE_BITSET|WAIT_REQUEUE_PI|CMP_REQUEUE_PI|LOCK_PI2)$", ()),
    ("futex", "values", "kernel", r"/futex\.h$", r"^FUTEX2?_[A-Z0-9_]+$", ()),
    ("statx_attributes", "flags", "kernel", r"/stat\.h$", r"^STATX_ATTR_[A-Z_]+$", ()),
    ("statx_mask", "flags", "kernel", r"/stat\.h$", r"^STATX_[A-Z_]+$", ()),
    ("file_type", "values", "kernel", r"/stat\.h$", r"^S_IF[A-Z]+$", ()),
    ("file_mode", "flags", "kernel", r"/stat\.h$", r"^S_I(S[UG]ID|SVTX|R[WXU]*|W[A-Z]*|X[A-Z]*)$", ()),
    ("tcsetattr_action", "values", "kernel", r"/termbits(-common)?\.h$", r"^TCSA[A-Z]+$", ()),
    ("tcflow_action", "values", "kernel", r"/termbits(-common)?\.h$", r"^TC(OOFF|OON|IOFF|ION)$", ()),
    ("tcflush_queue", "values", "kernel", r"/termbits(-common)?\.h$", r"^TC(I|O|IO)FLUSH$", ()),
    # VTDLY and its values are c_oflag bits, not c_cc indexes.
    ("termios_cc", "values", "kernel", r"/termbits(-common)?\.h$", r"^V[A-Z0-9]+$", ("VTDLY", "VT0", "VT1")),
    ("termios_speed", "values", "kernel", r"/termbits(-common)?\.h$", r"^B[0-9]+$", ()),
    ("termios", "flags", "kernel", r"/termbits(-common)?\.h$", r"^[A-Z][A-Z0-9_]*$", ()),
    ("tiocpkt", "flags", "kernel", r"/ioctls\.h$", r"^TIOCPKT_[A-Z_]+$", ()),
    ("ioctl", "values", "kernel", r"/(ioctls|sockios)\.h$", r"^(TC|TIOC|FIO|SIOC)[A-Z0-9_]+$", ()),
    ("clock_id", "values", "kernel", r"/linux/time\.h$", r"^CLOCK_[A-Z_]+$", ()),
    ("timer_flags", "flags", "kernel", r"/linux/time\.h$", r"^TIMER_ABSTIME$", ()),
    ("itimer_which", "values", "kernel", r"/linux/time\.h$", r"^ITIMER_[A-Z]+$", ()),
    ("socket_level", "values", "kernel", r"/socket\.h$", r"^SOL_SOCKET$", ()),
    ("scm_type", "values", "kernel", r"/socket\.h$", r"^SCM_[A-Z_]+$", ()),
    ("socket_option", "values", "kernel", r"/socket\.h$", r"^SO_[A-Z0-9_]+$", ()),
    ("rlimit_resource", "values", "kernel", r"/resource\.h$", r"^RLIMIT_[A-Z]+$", ()),
    ("rlimit", "values", "kernel", r"/resource\.h$", r"^RLIM_INFINITY$", ()),
    ("priority_which", "values", "kernel", r"/resource\.h$", r"^PRIO_[A-Z]+$", ()),
    ("rusage_who", "values", "kernel", r"/resource\.h$", r"^RUSAGE_[A-Z]+$", ()),
    ("seek_whence", "values", "kernel", r"/linux/fs\.h$", r"^SEEK_[A-Z]+$", ()),
    ("rename_flags", "flags", "kernel", r"/linux/fs\.h$", r"^RENAME_[A-Z]+$", ()),
    ("mount_flags", "flags", "kernel", r"/linux/fs\.h$", r"^MS_[A-Z_]+$", ()),
    ("rwf_flags", "flags", "kernel", r"/linux/fs\.h$", r"^RWF_[A-Z]+$", ("RWF_SUPPORTED",)),
    # FS_IOC_GETFLAGS' inode flags (FS_BTREE_FL before FS_INDEX_FL: the same bit, header order).
    ("fs_flags", "flags", "kernel", r"/linux/fs\.h$", r"^FS_[A-Z_]+_FL$", ()),
    ("fs_xflags", "flags", "kernel", r"/linux/fs\.h$", r"^FS_XFLAG_[A-Z]+$", ()),
    ("xattr_flags", "flags", "kernel", r"/linux/xattr\.h$", r"^XATTR_(CREATE|REPLACE)$", ()),
    ("fadvise_advice", "values", "kernel", r"/linux/fadvise\.h$", r"^POSIX_FADV_[A-Z]+$", ()),
    ("fiemap_flags", "flags", "kernel", r"/linux/fiemap\.h$", r"^FIEMAP_FLAG_[A-Z]+$", ()),
    ("fiemap_extent_flags", "flags", "kernel", r"/linux/fiemap\.h$", r"^FIEMAP_EXTENT_[A-Z_]+$", ()),
    ("loop_flags", "flags", "kernel", r"/linux/loop\.h$", r"^LO_FLAGS_[A-Z_]+$", (), {"enum"}),
    ("loop_crypt", "values", "kernel", r"/linux/loop\.h$", r"^LO_CRYPT_[A-Z0-9]+$", ()),
    ("uffd_features", "flags", "kernel", r"/linux/userfaultfd\.h$", r"^UFFD_FEATURE_[A-Z_]+$", ()),
    # Bit numbers of uffdio_api/uffdio_register's ioctls masks (strace: 1<<_UFFDIO_API).
    ("uffdio_ioctl_bits", "values", "kernel", r"/linux/userfaultfd\.h$", r"^_UFFDIO_[A-Z_]+$", ()),
    ("uffdio_register_mode", "flags", "kernel", r"/linux/userfaultfd\.h$", r"^UFFDIO_REGISTER_MODE_[A-Z]+$", ()),
    ("fallocate_mode", "flags", "kernel", r"/falloc\.h$", r"^FALLOC_FL_[A-Z_]+$", ()),
    ("inotify_init_flags", "flags", "kernel", r"/inotify\.h$", r"^IN_(CLOEXEC|NONBLOCK)$", ()),
    ("inotify_mask", "flags", "kernel", r"/inotify\.h$", r"^IN_[A-Z_]+$", ()),
    ("getrandom_flags", "flags", "kernel", r"/random\.h$", r"^GRND_[A-Z]+$", ()),
    ("close_range_flags", "flags", "kernel", r"/close_range\.h$", r"^CLOSE_RANGE_[A-Z]+$", ()),
    # personality(2): PER_* personas are enum members that include flag bits (PER_SVR4 is
    # 1|STICKY_TIMEOUTS|MMAP_PAGE_ZERO), so printers match the low byte; the flags are enum members too.
    ("personality", "values", "kernel", r"/personality\.h$", r"^PER_[A-Z0-9_]+$",
     ("PER_MASK", "PER_CLEAR_ON_SETID"), {"enum"}),
    ("personality_flags", "flags", "kernel", r"/personality\.h$", r"^[A-Z][A-Z0-9_]*$",
     ("PER_MASK", "PER_CLEAR_ON_SETID"), {"enum"}),
    # glibc's view, for constants the uapi headers do not export (values match the kernel's).
    ("address_family", "values", "libc", r".", r"^AF_[A-Z0-9_]+$", ("AF_MAX",)),
    ("socket_flags", "flags", "libc", r".", r"^SOCK_(NONBLOCK|CLOEXEC)$", ()),
    ("socket_type", "values", "libc", r".", r"^SOCK_[A-Z]+$", ()),
    ("msg_flags", "flags", "libc", r".", r"^MSG_[A-Z_]+$", ()),
    ("socket_level_libc", "values", "libc", r".", r"^SOL_[A-Z0-9_]+$", ()),
    ("ip_protocol", "values", "libc", r"/netinet/in\.h$", r"^IPPROTO_[A-Z0-9]+$", ("IPPROTO_MAX",)),
    ("shutdown_how", "values", "libc", r"/socket\.h$", r"^SHUT_[A-Z]+$", ()),
    ("eventfd_flags", "flags", "libc", r"eventfd\.h$", r"^EFD_[A-Z]+$", ()),
    ("timerfd_settime_flags", "flags", "libc", r"timerfd\.h$", r"^TFD_TIMER_[A-Z_]+$", ()),
    ("timerfd_flags", "flags", "libc", r"timerfd\.h$", r"^TFD_[A-Z_]+$", ()),
    ("signalfd_flags", "flags", "libc", r"signalfd\.h$", r"^SFD_[A-Z]+$", ()),
    ("memfd_flags", "flags", "libc", r"mman", r"^MFD_[A-Z_]+$", ()),
    ("umount_flags", "flags", "libc", r"mount\.h$", r"^(MNT_[A-Z]+|UMOUNT_NOFOLLOW)$", ()),
    ("access_mode", "flags", "libc", r"/(unistd|fcntl)\.h$", r"^[RWXF]_OK$", ()),
    ("shmat_flags", "flags", "libc", r"/shm\.h$", r"^SHM_(RDONLY|RND|REMAP|EXEC)$", ()),
    # ifr_flags; IFF_VOLATILE is a mask of several.
    ("interface_flags", "flags", "libc", r"/linux/if\.h$", r"^IFF_[A-Z0-9_]+$", ("IFF_VOLATILE",)),
    ("arphrd", "values", "libc", r"/linux/if_arp\.h$", r"^ARPHRD_[A-Z0-9_]+$", ()),
    # statfs f_flags: glibc's ST_* (enum members each also #defined to itself). ST_VALID and
    # ST_NOSYMFOLLOW are the kernel's (include/linux/statfs.h, not uapi): no header here has them.
    ("statfs_flags", "flags", "libc", r"/statvfs\.h$", r"^ST_[A-Z]+$", ()),
]
