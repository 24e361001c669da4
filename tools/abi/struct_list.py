"""Which structs get a probed layout, spelled as the C type in the probe, per probe unit.

Only names and C spellings: sizes, offsets, field widths and signedness come from the DWARF of
the compiled probe. "kernel" units see only uapi headers (the syscall ABI's view: struct stat
from <asm/stat.h>, termios from <asm/termbits.h>); "libc" units use glibc where the uapi
headers export no definition (msghdr, sockaddr_in, ...) and glibc's layout is the kernel's.
"""

KERNEL_HEADERS = [
    "linux/types.h", "linux/posix_types.h", "linux/time.h", "linux/time_types.h", "asm/stat.h",
    "asm/statfs.h", "linux/stat.h", "linux/resource.h", "linux/times.h", "linux/utsname.h",
    "linux/sysinfo.h", "asm/signal.h", "asm/siginfo.h", "asm/sigcontext.h", "asm/ucontext.h",
    "linux/uio.h", "asm/termbits.h", "asm/termios.h", "linux/fcntl.h", "asm/fcntl.h",
    "linux/eventpoll.h", "linux/sched.h", "linux/sched/types.h", "linux/futex.h",
    "linux/openat2.h", "linux/rseq.h", "linux/ipc.h", "linux/shm.h", "linux/sem.h", "linux/msg.h",
    "linux/mqueue.h", "linux/timex.h", "linux/capability.h", "linux/inotify.h",
    "linux/signalfd.h", "linux/loop.h", "linux/fiemap.h", "linux/fs.h", "linux/rtc.h",
    "linux/dm-ioctl.h", "linux/netlink.h", "linux/userfaultfd.h", "linux/seccomp.h",
    "linux/kvm.h", "linux/random.h", "linux/blkzoned.h", "linux/blktrace_api.h", "linux/filter.h",
    "linux/perf_event.h",
]

# <linux/input.h> pulls in glibc's <sys/time.h>, which clashes with <linux/time.h>.
INPUT_HEADERS = ["linux/input.h"]

# The kernel's rt_sigaction argument is not exported as such: it is the uapi handler, flags and
# restorer types with the kernel's full signal mask (_NSIG bits: 64 except on MIPS, whose uapi
# struct sigaction already is the rt_sigaction layout with a 128-bit mask). arm, i386 and x86_64
# uapi headers keep _NSIG to the kernel, hence the 64 below.
KERNEL_EXTRA = r"""
#ifdef __mips__
typedef struct sigaction ferry_kernel_sigaction;
#else
#ifdef sa_handler
#undef sa_handler  /* arm and i386 uapi alias it into the old struct's union */
#endif
#ifndef _NSIG
#define _NSIG 64
#endif
typedef struct { unsigned long sig[_NSIG / (8 * sizeof(unsigned long))]; } ferry_kernel_sigset;
typedef struct {
    __sighandler_t sa_handler;
    unsigned long sa_flags;
#ifdef SA_RESTORER
    __sigrestore_t sa_restorer;
#endif
    ferry_kernel_sigset sa_mask;
} ferry_kernel_sigaction;
#endif

/* The signal frame the kernel pushes, per architecture. These frames are kernel-internal (not
   uapi), so they are declared here from uapi pieces as each kernel lays them out (6.1); the
   compiler does the layout. 32-bit ARM exports no struct ucontext, and the i386 uapi one carries
   libc's 32-bit mask where the kernel writes its 64-bit one: both declared with the kernel's. */
#if defined(__arm__)
struct ferry_ucontext {
    unsigned long uc_flags;
    struct ferry_ucontext *uc_link;
    stack_t uc_stack;
    struct sigcontext uc_mcontext;
    ferry_kernel_sigset uc_sigmask;
    int __unused[32 - sizeof(ferry_kernel_sigset) / sizeof(int)];   /* mask padded to 128 bytes */
    unsigned long uc_regspace[128] __attribute__((__aligned__(8)));  /* VFP and iWMMXt blocks */
};
struct ferry_sigframe { struct ferry_ucontext uc; unsigned long retcode[4]; };
struct ferry_rt_sigframe { siginfo_t info; struct ferry_sigframe sig; };
#elif defined(__i386__)
struct ferry_ucontext {
    unsigned long uc_flags;
    struct ferry_ucontext *uc_link;
    stack_t uc_stack;
    struct sigcontext uc_mcontext;
    ferry_kernel_sigset uc_sigmask;
};
struct ferry_sigframe {
    __u32 pretcode; int sig; struct sigcontext sc; struct _fpstate fpstate_unused;
    unsigned int extramask[1]; char retcode[8];   /* the FP state follows, 64-byte aligned */
};
struct ferry_rt_sigframe {
    __u32 pretcode; int sig; __u32 pinfo; __u32 puc; siginfo_t info; struct ferry_ucontext uc;
    char retcode[8];                               /* the FP state follows, 64-byte aligned */
};
#else
#define ferry_ucontext ucontext
#if defined(__x86_64__)
struct ferry_rt_sigframe { char *pretcode; struct ucontext uc; siginfo_t info; };  /* FP state follows */
#elif defined(__mips__)
struct ferry_sigframe { __u32 sf_ass[4]; __u32 sf_pad[2]; struct sigcontext sf_sc; sigset_t sf_mask; };
struct ferry_rt_sigframe { __u32 rs_ass[4]; __u32 rs_pad[2]; siginfo_t rs_info; struct ucontext rs_uc; };
#else
/* aarch64 (its frame record {fp, lr} follows, 16-byte aligned) and riscv64. */
struct ferry_rt_sigframe { siginfo_t info; struct ucontext uc; };
#endif
#endif
"""

LIBC_HEADERS = [
    "sys/types.h", "sys/socket.h", "sys/uio.h", "sys/un.h", "netinet/in.h", "poll.h",
    "fcntl.h", "dirent.h", "sched.h", "net/if.h", "linux/netlink.h", "ucontext.h",
]
LIBC_DEFINES = "#define _GNU_SOURCE 1\n"

# (layout name, C type, unit). A type missing on an architecture is simply absent there.
STRUCTS = [
    ("stat", "struct stat", "kernel"),
    ("stat64", "struct stat64", "kernel"),
    ("statx", "struct statx", "kernel"),
    ("statx_timestamp", "struct statx_timestamp", "kernel"),
    ("statfs", "struct statfs", "kernel"),
    ("statfs64", "struct statfs64", "kernel"),
    ("timespec", "struct timespec", "kernel"),
    ("kernel_timespec", "struct __kernel_timespec", "kernel"),
    ("timeval", "struct timeval", "kernel"),
    ("kernel_old_timeval", "struct __kernel_old_timeval", "kernel"),
    ("kernel_sock_timeval", "struct __kernel_sock_timeval", "kernel"),
    ("itimerspec", "struct itimerspec", "kernel"),
    ("kernel_itimerspec", "struct __kernel_itimerspec", "kernel"),
    ("itimerval", "struct itimerval", "kernel"),
    ("timezone", "struct timezone", "kernel"),
    ("rusage", "struct rusage", "kernel"),
    ("rlimit", "struct rlimit", "kernel"),
    ("rlimit64", "struct rlimit64", "kernel"),
    ("tms", "struct tms", "kernel"),
    ("utsname", "struct new_utsname", "kernel"),
    ("sysinfo", "struct sysinfo", "kernel"),
    ("sigaction", "ferry_kernel_sigaction", "kernel"),
    ("old_sigaction", "struct sigaction", "kernel"),
    ("siginfo", "siginfo_t", "kernel"),
    ("sigevent", "sigevent_t", "kernel"),
    ("stack_t", "stack_t", "kernel"),
    ("sigcontext", "struct sigcontext", "kernel"),
    ("ucontext", "struct ferry_ucontext", "kernel"),
    ("sigframe", "struct ferry_sigframe", "kernel"),
    ("rt_sigframe", "struct ferry_rt_sigframe", "kernel"),
    ("fpsimd_context", "struct fpsimd_context", "kernel"),
    ("esr_context", "struct esr_context", "kernel"),
    ("extra_context", "struct extra_context", "kernel"),
    ("sve_context", "struct sve_context", "kernel"),
    ("aarch64_ctx", "struct _aarch64_ctx", "kernel"),
    ("riscv_fp_state", "union __riscv_fp_state", "kernel"),
    ("iovec", "struct iovec", "kernel"),
    ("termios", "struct termios", "kernel"),
    ("termios2", "struct termios2", "kernel"),
    ("termio", "struct termio", "kernel"),
    ("winsize", "struct winsize", "kernel"),
    ("flock", "struct flock", "kernel"),
    ("flock64", "struct flock64", "kernel"),
    ("f_owner_ex", "struct f_owner_ex", "kernel"),
    ("epoll_event", "struct epoll_event", "kernel"),
    ("sched_attr", "struct sched_attr", "kernel"),
    ("clone_args", "struct clone_args", "kernel"),
    ("robust_list_head", "struct robust_list_head", "kernel"),
    ("open_how", "struct open_how", "kernel"),
    ("rseq", "struct rseq", "kernel"),
    ("ipc_perm", "struct ipc64_perm", "kernel"),
    ("shmid_ds", "struct shmid64_ds", "kernel"),
    ("semid_ds", "struct semid64_ds", "kernel"),
    ("msqid_ds", "struct msqid64_ds", "kernel"),
    ("sembuf", "struct sembuf", "kernel"),
    ("mq_attr", "struct mq_attr", "kernel"),
    ("timex", "struct __kernel_timex", "kernel"),
    ("cap_user_header", "struct __user_cap_header_struct", "kernel"),
    ("cap_user_data", "struct __user_cap_data_struct", "kernel"),
    ("inotify_event", "struct inotify_event", "kernel"),
    ("signalfd_siginfo", "struct signalfd_siginfo", "kernel"),
    ("loop_info64", "struct loop_info64", "kernel"),
    ("fiemap", "struct fiemap", "kernel"),
    ("fiemap_extent", "struct fiemap_extent", "kernel"),
    ("file_clone_range", "struct file_clone_range", "kernel"),
    ("rtc_time", "struct rtc_time", "kernel"),
    ("input_event", "struct input_event", "input"),
    ("dm_ioctl", "struct dm_ioctl", "kernel"),
    # ioctl arguments (issue 8): the structs the ioctl families convert and print.
    ("input_id", "struct input_id", "input"),
    ("input_absinfo", "struct input_absinfo", "input"),
    ("input_keymap_entry", "struct input_keymap_entry", "input"),
    ("input_mask", "struct input_mask", "input"),
    ("loop_info", "struct loop_info", "kernel"),
    ("loop_config", "struct loop_config", "kernel"),
    ("file_dedupe_range", "struct file_dedupe_range", "kernel"),
    ("file_dedupe_range_info", "struct file_dedupe_range_info", "kernel"),
    ("fstrim_range", "struct fstrim_range", "kernel"),
    ("fsxattr", "struct fsxattr", "kernel"),
    ("rtc_wkalrm", "struct rtc_wkalrm", "kernel"),
    ("rtc_pll_info", "struct rtc_pll_info", "kernel"),
    ("rtc_param", "struct rtc_param", "kernel"),
    ("blk_zone_range", "struct blk_zone_range", "kernel"),
    ("blk_zone_report", "struct blk_zone_report", "kernel"),
    ("blk_user_trace_setup", "struct blk_user_trace_setup", "kernel"),
    ("rand_pool_info", "struct rand_pool_info", "kernel"),
    ("sock_fprog", "struct sock_fprog", "kernel"),
    ("seccomp_data", "struct seccomp_data", "kernel"),
    ("seccomp_notif", "struct seccomp_notif", "kernel"),
    ("seccomp_notif_resp", "struct seccomp_notif_resp", "kernel"),
    ("seccomp_notif_addfd", "struct seccomp_notif_addfd", "kernel"),
    ("uffdio_api", "struct uffdio_api", "kernel"),
    ("uffdio_range", "struct uffdio_range", "kernel"),
    ("uffdio_register", "struct uffdio_register", "kernel"),
    ("uffdio_copy", "struct uffdio_copy", "kernel"),
    ("uffdio_zeropage", "struct uffdio_zeropage", "kernel"),
    ("uffdio_writeprotect", "struct uffdio_writeprotect", "kernel"),
    ("uffdio_continue", "struct uffdio_continue", "kernel"),
    ("perf_event_query_bpf", "struct perf_event_query_bpf", "kernel"),
    ("kvm_userspace_memory_region", "struct kvm_userspace_memory_region", "kernel"),
    ("kvm_create_device", "struct kvm_create_device", "kernel"),
    ("kvm_device_attr", "struct kvm_device_attr", "kernel"),
    ("kvm_one_reg", "struct kvm_one_reg", "kernel"),
    ("kvm_irq_level", "struct kvm_irq_level", "kernel"),
    ("kvm_irqfd", "struct kvm_irqfd", "kernel"),
    ("kvm_ioeventfd", "struct kvm_ioeventfd", "kernel"),
    ("kvm_msi", "struct kvm_msi", "kernel"),
    ("kvm_enable_cap", "struct kvm_enable_cap", "kernel"),
    ("kvm_dirty_log", "struct kvm_dirty_log", "kernel"),
    ("kvm_clock_data", "struct kvm_clock_data", "kernel"),
    ("sockaddr_nl", "struct sockaddr_nl", "kernel"),
    ("msghdr", "struct msghdr", "libc"),
    ("mmsghdr", "struct mmsghdr", "libc"),
    ("cmsghdr", "struct cmsghdr", "libc"),
    ("sockaddr", "struct sockaddr", "libc"),
    ("sockaddr_in", "struct sockaddr_in", "libc"),
    ("sockaddr_in6", "struct sockaddr_in6", "libc"),
    ("sockaddr_un", "struct sockaddr_un", "libc"),
    ("linger", "struct linger", "libc"),
    ("ucred", "struct ucred", "libc"),
    ("pollfd", "struct pollfd", "libc"),
    ("dirent64", "struct dirent64", "libc"),
    ("sched_param", "struct sched_param", "libc"),
    ("file_handle", "struct file_handle", "libc"),
    ("ifreq", "struct ifreq", "libc"),
    ("ifconf", "struct ifconf", "libc"),
    ("libc_ucontext", "ucontext_t", "libc"),
    ("libc_mcontext", "mcontext_t", "libc"),
]

# Structs the tests convert: the probe also holds an initialised instance of each, whose bytes
# are the oracle (fields common to every architecture get the same value everywhere).
SAMPLES = ["stat", "sigaction", "msghdr", "cmsghdr", "termios", "epoll_event", "statfs", "timespec",
           "termios2", "winsize", "rusage", "sysinfo", "flock64", "sched_attr", "clone_args",
           "mq_attr", "sembuf", "timex", "cap_user_header", "inotify_event", "signalfd_siginfo",
           "loop_info64", "fiemap", "file_clone_range", "rtc_time", "dm_ioctl", "stack_t", "iovec",
           "pollfd", "linger", "ucred", "open_how", "shmid_ds", "input_event", "input_id", "input_absinfo",
           "file_dedupe_range", "fstrim_range", "fsxattr", "rtc_wkalrm", "seccomp_notif",
           "seccomp_notif_resp", "uffdio_copy", "uffdio_register", "blk_zone_range", "loop_info"]
