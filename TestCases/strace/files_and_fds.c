/* strace comparison program 1: files, descriptors, directories, xattrs, events, memory.
 * Every call goes through syscall(2) so the native (x86-64) and guest (aarch64) builds make the
 * same system call with the same arguments; results must not depend on the architecture.
 * Works in the current directory (the script gives each run a fresh one). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/xattr.h>
#include <sys/file.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <linux/falloc.h>
#include <linux/fs.h>

#define S(...) syscall(__VA_ARGS__)

int main(void) {
    S(SYS_write, -1, "FERRY-STRACE-BEGIN", 18);
    char buf[256];
    S(SYS_mkdirat, AT_FDCWD, "st", 0755);
    S(SYS_mkdirat, AT_FDCWD, "st", 0755);                       /* EEXIST */
    int fd = S(SYS_openat, AT_FDCWD, "st/a.txt", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    S(SYS_write, fd, "hello, strace\n", 14);
    S(SYS_write, fd, "a line that is longer than thirty-two characters\n\t\001\377", 53);
    S(SYS_lseek, fd, 0, SEEK_SET);
    S(SYS_read, fd, buf, 5);
    S(SYS_read, fd, buf, 200);
    S(SYS_pread64, fd, buf, 4, 7);
    S(SYS_pwrite64, fd, "HELLO", 5, 0);
    struct iovec iov[2] = {{"ab", 2}, {"cdef", 4}};
    S(SYS_writev, fd, iov, 2);
    S(SYS_lseek, fd, 2, SEEK_CUR);
    S(SYS_lseek, fd, 0, SEEK_END);
    char r1[3], r2[8];
    struct iovec riov[2] = {{r1, 3}, {r2, 8}};
    S(SYS_preadv, fd, riov, 2, 0);
    S(SYS_pwritev, fd, iov, 2, 100);
    S(SYS_lseek, fd, 0, SEEK_SET);
    S(SYS_readv, fd, riov, 2);
    struct stat st;
    S(SYS_fstat, fd, &st);
    S(SYS_newfstatat, AT_FDCWD, "st/a.txt", &st, 0);
    S(SYS_newfstatat, AT_FDCWD, "st/missing", &st, AT_SYMLINK_NOFOLLOW);
    S(SYS_ftruncate, fd, 10);
    S(SYS_truncate, "st/a.txt", 20);
    S(SYS_fallocate, fd, 0, 0, 4096);
    S(SYS_fallocate, fd, FALLOC_FL_KEEP_SIZE, 4096, 4096);
    S(SYS_fsync, fd);
    S(SYS_fdatasync, fd);
    S(SYS_fchmod, fd, 0600);
    S(SYS_fchmodat, AT_FDCWD, "st/a.txt", 0640);
    S(SYS_fchown, fd, -1, -1);
    S(SYS_fchownat, AT_FDCWD, "st/a.txt", -1, -1, 0);
    S(SYS_faccessat, AT_FDCWD, "st/a.txt", R_OK | W_OK);
    S(SYS_faccessat, AT_FDCWD, "st/none", F_OK);
    S(SYS_faccessat2, AT_FDCWD, "st/a.txt", X_OK, AT_EACCESS);
    S(SYS_flock, fd, LOCK_EX | LOCK_NB);
    S(SYS_flock, fd, LOCK_UN);
    int d = S(SYS_dup, fd);
    S(SYS_dup3, fd, 20, O_CLOEXEC);
    S(SYS_fcntl, fd, F_GETFD);
    S(SYS_fcntl, d, F_SETFD, FD_CLOEXEC);
    S(SYS_fcntl, fd, F_GETFL);
    S(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK);
    S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 30);
    S(SYS_close, 30);
    S(SYS_close, 20);
    S(SYS_close, d);
    S(SYS_close, 99);                                             /* EBADF */
    S(SYS_linkat, AT_FDCWD, "st/a.txt", AT_FDCWD, "st/b.txt", 0);
    S(SYS_symlinkat, "a.txt", AT_FDCWD, "st/c.lnk");
    S(SYS_readlinkat, AT_FDCWD, "st/c.lnk", buf, sizeof buf);
    S(SYS_renameat, AT_FDCWD, "st/b.txt", AT_FDCWD, "st/b2.txt");
    S(SYS_renameat2, AT_FDCWD, "st/b2.txt", AT_FDCWD, "st/c.lnk", RENAME_NOREPLACE);
    S(SYS_utimensat, AT_FDCWD, "st/a.txt", NULL, 0);
    S(SYS_setxattr, "st/a.txt", "user.k", "v1", 2, 0);
    S(SYS_getxattr, "st/a.txt", "user.k", buf, sizeof buf);
    S(SYS_listxattr, "st/a.txt", NULL, 0);
    S(SYS_fsetxattr, fd, "user.f", "value", 5, XATTR_CREATE);
    S(SYS_fgetxattr, fd, "user.f", buf, sizeof buf);
    S(SYS_flistxattr, fd, NULL, 0);
    S(SYS_fremovexattr, fd, "user.f");
    S(SYS_lsetxattr, "st/a.txt", "user.l", "x", 1, 0);
    S(SYS_lgetxattr, "st/a.txt", "user.l", buf, sizeof buf);
    S(SYS_llistxattr, "st/a.txt", NULL, 0);
    S(SYS_lremovexattr, "st/a.txt", "user.l");
    S(SYS_removexattr, "st/a.txt", "user.k");
    S(SYS_removexattr, "st/a.txt", "user.k");                    /* ENODATA */
    int dir = S(SYS_openat, AT_FDCWD, "st", O_RDONLY | O_DIRECTORY);
    S(SYS_fchdir, dir);
    S(SYS_getcwd, buf, 2);                                        /* ERANGE */
    S(SYS_chdir, "..");
    S(SYS_mkdirat, dir, "sub", 0700);
    S(SYS_unlinkat, dir, "sub", AT_REMOVEDIR);
    S(SYS_unlinkat, dir, "nothing", 0);
    int p[2];
    S(SYS_pipe2, p, O_CLOEXEC);
    S(SYS_write, p[1], "pipe data", 9);
    S(SYS_read, p[0], buf, 64);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
    int e = S(SYS_eventfd2, 3, EFD_CLOEXEC | EFD_NONBLOCK);
    unsigned long long counter;
    S(SYS_read, e, &counter, 8);
    int ep = S(SYS_epoll_create1, EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 7};
    S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, e, &ev);
    S(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, e, NULL);
    S(SYS_close, ep);
    struct pollfd pfd = {.fd = e, .events = POLLIN};
    struct timespec zero = {0, 0};
    S(SYS_ppoll, &pfd, 1, &zero, NULL, 8);
    S(SYS_close, e);
    int in = S(SYS_inotify_init1, IN_CLOEXEC);
    int w = S(SYS_inotify_add_watch, in, "st", IN_CREATE | IN_DELETE);
    S(SYS_inotify_rm_watch, in, w);
    S(SYS_close, in);
    int m = S(SYS_memfd_create, "ferry-memfd", MFD_CLOEXEC);
    S(SYS_ftruncate, m, 8192);
    void *map = (void *)S(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, m, 0);
    S(SYS_msync, map, 4096, MS_SYNC);
    S(SYS_mprotect, map, 4096, PROT_READ);
    S(SYS_madvise, map, 8192, MADV_DONTNEED);
    S(SYS_mlock, map, 4096);
    S(SYS_munlock, map, 4096);
    S(SYS_munmap, map, 8192);
    S(SYS_close, m);
    S(SYS_mmap, NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    S(SYS_statfs, "st", buf);
    S(SYS_fstatfs, fd, buf);
    int out = S(SYS_openat, AT_FDCWD, "st/copy", O_WRONLY | O_CREAT | O_EXCL, 0600);
    long long off = 0;
    S(SYS_sendfile, out, fd, &off, 4);
    S(SYS_copy_file_range, fd, NULL, out, NULL, 4, 0);
    S(SYS_close, out);
    S(SYS_close, fd);
    S(SYS_sync);
    S(SYS_syncfs, dir);
    S(SYS_close, dir);
    S(SYS_umask, 022);
    S(SYS_umask, 022);
    /* ioctl: requests by name, the third argument by direction; a poll that finds data. */
    int p2[2];
    S(SYS_pipe2, p2, 0);
    S(SYS_write, p2[1], "ioctl", 5);
    int avail = 0, on = 1, off0 = 0;
    S(SYS_ioctl, p2[0], FIONREAD, &avail);
    S(SYS_ioctl, p2[0], FIONBIO, &on);
    S(SYS_ioctl, p2[0], FIOASYNC, &off0);
    S(SYS_ioctl, p2[0], FIOCLEX);
    S(SYS_ioctl, p2[0], FIONCLEX);
    struct winsize ws;
    S(SYS_ioctl, p2[0], TIOCGWINSZ, &ws);                       /* ENOTTY */
    S(SYS_ioctl, p2[0], TCGETS, buf);                           /* ENOTTY */
    S(SYS_ioctl, p2[0], _IO(0x12, 0x34), 5);                    /* unknown: ENOTTY */
    struct pollfd ready = {.fd = p2[0], .events = POLLIN};
    struct timespec second = {1, 0};
    S(SYS_ppoll, &ready, 1, &second, NULL, 8);
    S(SYS_close, p2[0]);
    S(SYS_close, p2[1]);
    S(SYS_write, -1, "FERRY-STRACE-END", 16);
    return 0;
}
