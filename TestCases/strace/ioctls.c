/* strace comparison program 4: ioctls, success and error paths, for every family this machine
 * can answer (terminals and ptys, FIO*, socket interfaces on lo, filesystem, random, loop,
 * namespaces, userfaultfd) and requests nobody knows. Every call goes through syscall(2) so the
 * native (x86-64) and guest (aarch64) builds make the same calls with the same arguments;
 * whatever the machine lacks (no /dev/loop-control, not root) is skipped on both sides alike.
 * Works in the current directory (the script gives each run a fresh one). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <net/if.h>
#include <termios.h>
#include <unistd.h>
#include <linux/fs.h>
#include <linux/fiemap.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/sockios.h>
#include <linux/userfaultfd.h>

#define S(...) syscall(__VA_ARGS__)

/* The kernel's struct termios2 (asm-generic; glibc does not export it next to termios.h). */
struct termios2 {
    unsigned c_iflag, c_oflag, c_cflag, c_lflag;
    unsigned char c_line, c_cc[19];
    unsigned c_ispeed, c_ospeed;
};

static void terminals(void) {
    int m = S(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m < 0) return;
    int n = -1, zero = 0, one = 1, lock = -1;
    S(SYS_ioctl, m, TIOCGPTN, &n);
    S(SYS_ioctl, m, TIOCGPTLCK, &lock);
    S(SYS_ioctl, m, TIOCSPTLCK, &zero);
    S(SYS_ioctl, m, TIOCGPTLCK, &lock);
    int s = S(SYS_ioctl, m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
    if (s < 0) return;
    struct termios t;
    memset(&t, 0, sizeof t);
    S(SYS_ioctl, s, TCGETS, &t);
    S(SYS_ioctl, s, TCSETS, &t);
    S(SYS_ioctl, s, TCSETSW, &t);
    t.c_lflag &= ~(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 5;
    S(SYS_ioctl, s, TCSETSF, &t);
    S(SYS_ioctl, s, TCGETS, &t);
    struct termios2 t2;
    memset(&t2, 0, sizeof t2);
    S(SYS_ioctl, s, TCGETS2, &t2);
    S(SYS_ioctl, s, TCSETS2, &t2);
    struct winsize ws = {24, 80, 0, 0};
    S(SYS_ioctl, s, TIOCSWINSZ, &ws);
    memset(&ws, 0, sizeof ws);
    S(SYS_ioctl, m, TIOCGWINSZ, &ws);
    int v = -1;
    S(SYS_ioctl, s, TIOCGPGRP, &v);                             /* ENOTTY: not our terminal */
    S(SYS_ioctl, s, TIOCGSID, &v);                              /* ENOTTY */
    S(SYS_ioctl, s, TIOCINQ, &v);
    S(SYS_ioctl, m, TIOCOUTQ, &v);
    S(SYS_ioctl, s, TCFLSH, TCIFLUSH);
    S(SYS_ioctl, s, TCFLSH, TCIOFLUSH);
    S(SYS_ioctl, s, TCFLSH, 7);                                 /* EINVAL */
    S(SYS_ioctl, s, TCXONC, TCOON);
    S(SYS_ioctl, s, TCSBRK, 1);
    S(SYS_ioctl, s, TIOCMGET, &v);                              /* ENOTTY on a pty */
    S(SYS_ioctl, s, TIOCEXCL);
    S(SYS_ioctl, s, TIOCGEXCL, &v);
    S(SYS_ioctl, s, TIOCNXCL);
    S(SYS_ioctl, s, TIOCGETD, &v);
    S(SYS_ioctl, m, TIOCPKT, &one);
    S(SYS_ioctl, m, TIOCGPKT, &v);
    S(SYS_ioctl, m, TIOCPKT, &zero);
    S(SYS_ioctl, s, FIONBIO, &one);
    S(SYS_ioctl, s, FIONBIO, &zero);
    S(SYS_ioctl, s, _IOR(0xee, 1, int), &v);                    /* unknown: ENOTTY */
    S(SYS_ioctl, s, 0x54ff, 0);                                 /* unknown plain number */
    /* A session of its own, so the pty becomes a controlling terminal with a group and session. */
    int pid = S(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        S(SYS_setsid);
        S(SYS_ioctl, s, TIOCSCTTY, 0);
        S(SYS_ioctl, s, TIOCGPGRP, &v);
        S(SYS_ioctl, s, TIOCGSID, &v);
        S(SYS_exit_group, 0);
    }
    if (pid > 0) S(SYS_wait4, pid, 0, 0, 0);
    S(SYS_close, s);
    S(SYS_close, m);
}

static void fio(void) {
    int p[2];
    if (S(SYS_pipe2, p, 0) < 0) return;
    int v = -1, one = 1, zero = 0;
    S(SYS_write, p[1], "fives", 5);
    S(SYS_ioctl, p[0], FIONREAD, &v);
    S(SYS_ioctl, p[0], FIONBIO, &one);
    S(SYS_ioctl, p[0], FIOASYNC, &zero);
    S(SYS_ioctl, p[0], FIOCLEX);
    S(SYS_ioctl, p[0], FIONCLEX);
    S(SYS_ioctl, p[0], TCGETS, &v);                             /* ENOTTY: the pointer shown */
    S(SYS_ioctl, p[0], FS_IOC_GETFLAGS, &v);                    /* ENOTTY */
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
}

static void sockets(void) {
    int s = S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    if (s < 0) return;
    struct ifreq req[16];
    struct ifconf conf;
    memset(req, 0, sizeof req);
    conf.ifc_len = 0;
    conf.ifc_buf = NULL;
    S(SYS_ioctl, s, SIOCGIFCONF, &conf);                        /* only the length */
    conf.ifc_len = sizeof req;
    conf.ifc_req = req;
    S(SYS_ioctl, s, SIOCGIFCONF, &conf);
    struct ifreq r;
    static const unsigned long by_name[] = {SIOCGIFFLAGS, SIOCGIFINDEX, SIOCGIFADDR, SIOCGIFMTU,
                                            SIOCGIFHWADDR, SIOCGIFNETMASK, SIOCGIFBRDADDR,
                                            SIOCGIFDSTADDR, SIOCGIFMETRIC, SIOCGIFTXQLEN, SIOCGIFMAP};
    for (unsigned i = 0; i < sizeof by_name / sizeof by_name[0]; i++) {
        memset(&r, 0, sizeof r);
        strcpy(r.ifr_name, "lo");
        S(SYS_ioctl, s, by_name[i], &r);
    }
    memset(&r, 0, sizeof r);
    r.ifr_ifindex = 1;
    S(SYS_ioctl, s, SIOCGIFNAME, &r);
    memset(&r, 0, sizeof r);
    r.ifr_ifindex = 100000;
    S(SYS_ioctl, s, SIOCGIFNAME, &r);                           /* ENODEV */
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "nosuchif0");
    S(SYS_ioctl, s, SIOCGIFINDEX, &r);                          /* ENODEV */
    S(SYS_ioctl, s, SIOCGIFFLAGS, &r);                          /* ENODEV */
    /* A datagram waiting on a socket pair: FIONREAD (SIOCINQ) is its size. */
    int v = -1, pair[2];
    if (S(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, pair) == 0) {
        S(SYS_sendto, pair[0], "datagram", 8, 0, NULL, 0);
        S(SYS_ioctl, pair[1], SIOCINQ, &v);
        S(SYS_ioctl, pair[0], SIOCOUTQ, &v);
        S(SYS_close, pair[0]);
        S(SYS_close, pair[1]);
    }
    int t = S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    if (t >= 0) {
        S(SYS_ioctl, t, SIOCATMARK, &v);
        S(SYS_ioctl, t, SIOCINQ, &v);                           /* EINVAL: not connected */
        S(SYS_close, t);
    }
    S(SYS_close, s);
}

static void files(void) {
    int fd = S(SYS_openat, AT_FDCWD, "ioctl-file", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return;
    int v = -1;
    long long q = -1;
    S(SYS_ioctl, fd, FIOQSIZE, &q);
    S(SYS_ioctl, fd, FS_IOC_GETFLAGS, &v);
    S(SYS_ioctl, fd, FS_IOC_SETFLAGS, &v);
    S(SYS_ioctl, fd, FS_IOC_GETVERSION, &v);
    struct fsxattr fx;
    memset(&fx, 0, sizeof fx);
    S(SYS_ioctl, fd, FS_IOC_FSGETXATTR, &fx);
    S(SYS_ioctl, fd, FIGETBSZ, &v);
    int block = 0;
    S(SYS_ioctl, fd, FIBMAP, &block);                           /* EPERM unless root */
    struct { struct fiemap map; struct fiemap_extent ext[4]; } fm;
    memset(&fm, 0, sizeof fm);
    fm.map.fm_length = ~0ULL;
    fm.map.fm_extent_count = 4;
    S(SYS_ioctl, fd, FS_IOC_FIEMAP, &fm);                       /* no extents yet */
    S(SYS_write, fd, "0123456789", 10);
    S(SYS_ioctl, fd, FIOQSIZE, &q);
    memset(&fm, 0, sizeof fm);
    fm.map.fm_length = ~0ULL;
    fm.map.fm_extent_count = 0;
    S(SYS_ioctl, fd, FS_IOC_FIEMAP, &fm);                       /* count only */
    int other = S(SYS_openat, AT_FDCWD, "ioctl-clone", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (other >= 0) {
        S(SYS_ioctl, other, FICLONE, fd);                       /* EOPNOTSUPP on ext4 */
        struct file_clone_range cr = {.src_fd = fd, .src_offset = 0, .src_length = 10, .dest_offset = 0};
        S(SYS_ioctl, other, FICLONERANGE, &cr);
        S(SYS_close, other);
    }
    S(SYS_ioctl, fd, FICLONE, 999);                             /* EBADF */
    S(SYS_ioctl, fd, TIOCGWINSZ, &v);                           /* ENOTTY */
    S(SYS_ioctl, fd, _IOW(0xee, 2, long long), &q);             /* unknown: ENOTTY */
    S(SYS_ioctl, fd, 0x1234, 0);                                /* unknown plain number */
    int dir = S(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        S(SYS_ioctl, dir, FIOQSIZE, &q);
        S(SYS_close, dir);
    }
    S(SYS_close, fd);
    S(SYS_unlinkat, AT_FDCWD, "ioctl-clone", 0);
}

static void devices(void) {
    int r = S(SYS_openat, AT_FDCWD, "/dev/urandom", O_RDONLY);
    if (r >= 0) {
        int v = -1;
        S(SYS_ioctl, r, RNDGETENTCNT, &v);
        S(SYS_close, r);
    }
    /* Loop devices: a free one, bound to a file, its status, then released. */
    int ctl = S(SYS_openat, AT_FDCWD, "/dev/loop-control", O_RDWR | O_CLOEXEC);
    if (ctl < 0) return;
    int n = S(SYS_ioctl, ctl, LOOP_CTL_GET_FREE);
    S(SYS_ioctl, ctl, LOOP_CTL_REMOVE, 1000000);               /* ENODEV */
    S(SYS_close, ctl);
    if (n < 0) return;
    char path[32];
    strcpy(path, "/dev/loop");
    int len = strlen(path), d = n, digits = 1;
    while (d >= 10) { d /= 10; digits++; }
    for (int i = digits - 1, x = n; i >= 0; i--, x /= 10) path[len + i] = '0' + x % 10;
    path[len + digits] = 0;
    int loop = S(SYS_openat, AT_FDCWD, path, O_RDWR | O_CLOEXEC);
    if (loop < 0) return;
    struct loop_info64 info;
    memset(&info, 0, sizeof info);
    S(SYS_ioctl, loop, LOOP_GET_STATUS64, &info);               /* ENXIO: not bound */
    int backing = S(SYS_openat, AT_FDCWD, "ioctl-file", O_RDWR);
    if (backing >= 0 && S(SYS_ioctl, loop, LOOP_SET_FD, backing) == 0) {
        S(SYS_ioctl, loop, LOOP_GET_STATUS64, &info);
        strcpy((char *)info.lo_file_name, "ferry-loop");
        info.lo_flags = LO_FLAGS_AUTOCLEAR;
        S(SYS_ioctl, loop, LOOP_SET_STATUS64, &info);
        S(SYS_ioctl, loop, LOOP_SET_BLOCK_SIZE, 4096);
        S(SYS_ioctl, loop, LOOP_CLR_FD);
    }
    if (backing >= 0) S(SYS_close, backing);
    S(SYS_close, loop);
}

static void namespaces_and_uffd(void) {
    int uts = S(SYS_openat, AT_FDCWD, "/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
    if (uts >= 0) {
        S(SYS_ioctl, uts, NS_GET_NSTYPE);
        int user = S(SYS_ioctl, uts, NS_GET_USERNS);
        if (user >= 0) {
            unsigned uid = 12345;
            S(SYS_ioctl, user, NS_GET_OWNER_UID, &uid);
            S(SYS_ioctl, user, NS_GET_NSTYPE);
            S(SYS_ioctl, user, NS_GET_PARENT);                  /* EPERM: the initial namespace */
            S(SYS_close, user);
        }
        unsigned uid = 12345;
        S(SYS_ioctl, uts, NS_GET_OWNER_UID, &uid);               /* EINVAL: not a user namespace */
        S(SYS_close, uts);
    }
    int u = S(SYS_userfaultfd, O_CLOEXEC);
    if (u >= 0) {
        struct uffdio_api api = {.api = UFFD_API, .features = 0};
        S(SYS_ioctl, u, UFFDIO_API, &api);
        S(SYS_ioctl, u, UFFDIO_API, &api);                      /* EINVAL: already done */
        S(SYS_close, u);
    }
}

int main(void) {
    S(SYS_write, -1, "FERRY-STRACE-BEGIN", 18);
    terminals();
    fio();
    sockets();
    files();
    devices();
    namespaces_and_uffd();
    S(SYS_unlinkat, AT_FDCWD, "ioctl-file", 0);
    S(SYS_write, -1, "FERRY-STRACE-END", 16);
    return 0;
}
