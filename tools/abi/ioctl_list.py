"""Which ioctl request macros become generated request numbers, by family. Names, headers and
patterns only: every number, and its direction/type/nr/size, is read back from compiled probes.

A family picks the macros that (a) some header matching `header_re` defines, (b) match
`name_re` and are not `excluded`, and (c) when `encoded_only`, are built with the _IO/_IOR/
_IOW/_IOWR/_IOC macros (directly or through a wrapper such as SECCOMP_IOWR); that last rule
keeps flag and magic-number macros that share a prefix (UFFDIO_REGISTER_MODE_MISSING,
KVM_CAP_*, BLKPG_ADD_PARTITION) out. Families whose requests are plain numbers on some
architectures (terminal, FIO*, sockets, loop) are not `encoded_only` and name them precisely.
Function-like request macros (EVIOCGNAME(len)) are probed with every parameter 0.
"""

# Headers of the ioctl probe ("kernel" unit: uapi only, plus the compiler's <stddef.h> for the
# size_t that BLKGETSIZE64 names) and of the evdev probe ("input" unit:
# <linux/input.h> pulls in glibc's <sys/time.h>, which clashes with the uapi time headers).
UNITS = {
    "kernel": [
        "stddef.h", "linux/version.h", "linux/ioctl.h", "asm/ioctls.h", "asm/termbits.h", "asm/termios.h", "asm/sockios.h", "linux/sockios.h",
        "linux/fs.h", "linux/blkzoned.h", "linux/blkpg.h", "linux/blktrace_api.h",
        "linux/fsverity.h", "linux/fscrypt.h", "linux/fiemap.h", "linux/loop.h", "linux/random.h", "linux/if_tun.h",
        "linux/userfaultfd.h", "linux/nsfs.h", "linux/pidfd.h", "linux/kvm.h",
        "linux/dm-ioctl.h", "linux/rtc.h", "linux/seccomp.h", "linux/perf_event.h",
    ],
    "input": ["linux/ioctl.h", "linux/input.h"],
}

# (family, unit, header path regex, name regex, encoded_only, excluded name regex or None)
FAMILIES = [
    ("terminal", "kernel", r"/ioctls\.h$", r"^(TC[A-Z0-9_]+|TIOC[A-Z0-9_]+)$", False,
     r"^(TIOCPKT_|TIOCSER_TEMT$)"),
    ("fio", "kernel", r"/(ioctls|sockios)\.h$", r"^FIO[A-Z]+$", False, None),
    ("socket", "kernel", r"/sockios\.h$", r"^SIOC[A-Z0-9_]+$", False,
     r"^SIOC(DEVPRIVATE|PROTOPRIVATE)$"),
    ("block", "kernel", r"/(fs|blkzoned|blkpg|blktrace_api)\.h$", r"^BLK[A-Z0-9_]+$", True, None),
    ("loop", "kernel", r"/loop\.h$", r"^LOOP_[A-Z0-9_]+$", False, r"_FLAGS$"),
    ("file", "kernel", r"/(fs|fsverity|fscrypt)\.h$",
     r"^(FS_IOC(32)?_[A-Z0-9_]+|FI(BMAP|GETBSZ|FREEZE|THAW|TRIM|CLONE|CLONERANGE|DEDUPERANGE))$",
     True, None),
    ("random", "kernel", r"/random\.h$", r"^RND[A-Z]+$", True, None),
    ("tun", "kernel", r"/if_tun\.h$", r"^TUN[A-Z0-9]+$", True, None),
    ("userfaultfd", "kernel", r"/userfaultfd\.h$", r"^UFFDIO_[A-Z_]+$", True, None),
    ("nsfs", "kernel", r"/nsfs\.h$", r"^NS_GET_[A-Z_]+$", True, None),
    ("pidfd", "kernel", r"/pidfd\.h$", r"^PIDFD_GET_[A-Z_]+$", True, None),
    ("kvm", "kernel", r"/kvm\.h$", r"^KVM_[A-Z0-9_]+$", True, None),
    ("device_mapper", "kernel", r"/dm-ioctl\.h$", r"^DM_[A-Z0-9_]+$", True, None),
    ("evdev", "input", r"/input\.h$", r"^EVIOC[A-Z0-9_]+$", True, None),
    ("rtc", "kernel", r"/rtc\.h$", r"^RTC_[A-Z0-9_]+$", True, None),
    ("seccomp", "kernel", r"/seccomp\.h$", r"^SECCOMP_IOCTL_[A-Z0-9_]+$", True, None),
    ("perf", "kernel", r"/perf_event\.h$", r"^PERF_EVENT_IOC_[A-Z_]+$", True, None),
]

# Every request the ioctl issue (issue 8 item 4) names. Each one missing on an architecture is
# listed in that architecture's generated file with the reason, so a gap is never silent.
REQUIRED = """
TCGETS TCSETS TCSETSW TCSETSF TCGETS2 TIOCGWINSZ TIOCSWINSZ TIOCGPGRP TIOCSPGRP TIOCSCTTY
TIOCNOTTY TIOCOUTQ TIOCINQ TIOCGPTN TIOCSPTLCK TIOCGPTPEER TCFLSH TCXONC TCSBRK TIOCMGET
FIONREAD FIONBIO FIOASYNC FIOCLEX FIONCLEX FIOQSIZE
SIOCGIFCONF SIOCGIFFLAGS SIOCSIFFLAGS SIOCGIFINDEX SIOCGIFNAME SIOCGIFADDR SIOCGIFMTU
SIOCGIFHWADDR SIOCATMARK SIOCOUTQ SIOCINQ
BLKGETSIZE BLKGETSIZE64 BLKSSZGET BLKBSZGET BLKBSZSET BLKROGET BLKROSET BLKRAGET BLKRASET
BLKFLSBUF BLKDISCARD BLKRRPART
LOOP_SET_FD LOOP_CLR_FD LOOP_SET_STATUS64 LOOP_GET_STATUS64 LOOP_CONFIGURE LOOP_CTL_GET_FREE
LOOP_CTL_ADD LOOP_CTL_REMOVE LOOP_SET_CAPACITY LOOP_SET_DIRECT_IO LOOP_SET_BLOCK_SIZE
FS_IOC_GETFLAGS FS_IOC_SETFLAGS FS_IOC_GETVERSION FS_IOC_FSGETXATTR FS_IOC_FSSETXATTR
FS_IOC_FIEMAP FICLONE FICLONERANGE FIDEDUPERANGE FIBMAP FIGETBSZ FITRIM FIFREEZE FITHAW
RNDGETENTCNT RNDADDTOENTCNT RNDADDENTROPY RNDZAPENTCNT RNDCLEARPOOL
TUNSETIFF TUNGETIFF TUNGETFEATURES TUNSETPERSIST
UFFDIO_API UFFDIO_REGISTER UFFDIO_UNREGISTER UFFDIO_COPY UFFDIO_ZEROPAGE UFFDIO_WAKE
UFFDIO_WRITEPROTECT UFFDIO_CONTINUE
NS_GET_USERNS NS_GET_PARENT NS_GET_NSTYPE NS_GET_OWNER_UID PIDFD_GET_INFO
KVM_GET_API_VERSION KVM_CREATE_VM KVM_CHECK_EXTENSION KVM_GET_VCPU_MMAP_SIZE KVM_CREATE_VCPU
KVM_SET_USER_MEMORY_REGION
DM_VERSION DM_LIST_DEVICES DM_DEV_CREATE DM_DEV_REMOVE DM_DEV_STATUS
EVIOCGVERSION EVIOCGID EVIOCGNAME EVIOCGBIT
RTC_RD_TIME SECCOMP_IOCTL_NOTIF_RECV SECCOMP_IOCTL_NOTIF_SEND SECCOMP_IOCTL_NOTIF_ID_VALID
SECCOMP_IOCTL_NOTIF_ADDFD PERF_EVENT_IOC_ENABLE PERF_EVENT_IOC_DISABLE
""".split()
