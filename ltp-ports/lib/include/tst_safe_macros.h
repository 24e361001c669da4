/* SAFE_* wrappers: call, and on failure end the test with TBROK naming the
 * call, its arguments and errno (file:line of the caller). Setup code uses
 * them so that only the checked call can yield TPASS/TFAIL. */
#ifndef TST_SAFE_MACROS_H
#define TST_SAFE_MACROS_H

#include <dirent.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tst_safe_file_ops.h"
#include "tst_safe_stdio.h"
#include "tst_get_bad_addr.h"

#define SL_ const char *file, const int lineno

int safe_open(SL_, const char *path, int oflags, ...);
int safe_creat(SL_, const char *path, mode_t mode);
int safe_close(SL_, int fd);
ssize_t safe_read(SL_, char len_strict, int fd, void *buf, size_t nbyte);
ssize_t safe_write(SL_, int len_strict, int fd, const void *buf, size_t nbyte);
ssize_t safe_pread(SL_, char len_strict, int fd, void *buf, size_t nbyte, off_t offset);
ssize_t safe_pwrite(SL_, char len_strict, int fd, const void *buf, size_t nbyte, off_t offset);
off_t safe_lseek(SL_, int fd, off_t offset, int whence);
void *safe_mmap(SL_, void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int safe_munmap(SL_, void *addr, size_t length);
int safe_mprotect(SL_, void *addr, size_t len, int prot);
pid_t safe_fork(SL_);
int safe_pipe(SL_, int fildes[2]);
int safe_pipe2(SL_, int fildes[2], int flags);
int safe_unlink(SL_, const char *path);
int safe_mkdir(SL_, const char *path, mode_t mode);
int safe_rmdir(SL_, const char *path);
int safe_chdir(SL_, const char *path);
int safe_chmod(SL_, const char *path, mode_t mode);
int safe_fchmod(SL_, int fd, mode_t mode);
int safe_chown(SL_, const char *path, uid_t owner, gid_t group);
int safe_stat(SL_, const char *path, struct stat *buf);
int safe_fstat(SL_, int fd, struct stat *buf);
int safe_lstat(SL_, const char *path, struct stat *buf);
int safe_dup(SL_, int oldfd);
int safe_dup2(SL_, int oldfd, int newfd);
int safe_fcntl(SL_, int fd, int cmd, ...);
int safe_ioctl(SL_, int fd, unsigned long request, ...);
int safe_ftruncate(SL_, int fd, off_t length);
int safe_truncate(SL_, const char *path, off_t length);
int safe_symlink(SL_, const char *target, const char *linkpath);
int safe_link(SL_, const char *oldpath, const char *newpath);
int safe_rename(SL_, const char *oldpath, const char *newpath);
ssize_t safe_readlink(SL_, const char *path, char *buf, size_t bufsize);
int safe_mkfifo(SL_, const char *path, mode_t mode);
int safe_access(SL_, const char *path, int mode);
int safe_fsync(SL_, int fd);
int safe_touch(SL_, const char *path, mode_t mode, const struct timespec times[2]);
char *safe_getcwd(SL_, char *buf, size_t size);
void *safe_malloc(SL_, size_t size);
void *safe_calloc(SL_, size_t nmemb, size_t size);
char *safe_strdup(SL_, const char *str);
int safe_kill(SL_, pid_t pid, int sig);
pid_t safe_waitpid(SL_, pid_t pid, int *status, int opts);
pid_t safe_wait(SL_, int *status);
void (*safe_signal(SL_, int signum, void (*handler)(int)))(int);
int safe_sigaction(SL_, int signum, const struct sigaction *act, struct sigaction *oldact);
int safe_sigprocmask(SL_, int how, const sigset_t *set, sigset_t *oldset);
int safe_sigemptyset(SL_, sigset_t *set);
int safe_sigfillset(SL_, sigset_t *set);
int safe_sigaddset(SL_, sigset_t *set, int signo);
int safe_sigdelset(SL_, sigset_t *set, int signo);
int safe_setpgid(SL_, pid_t pid, pid_t pgid);
int safe_getrlimit(SL_, int resource, struct rlimit *rlim);
int safe_setrlimit(SL_, int resource, const struct rlimit *rlim);
DIR *safe_opendir(SL_, const char *name);
int safe_closedir(SL_, DIR *dirp);
struct dirent *safe_readdir(SL_, DIR *dirp);
int safe_setuid(SL_, uid_t uid);
int safe_setgid(SL_, gid_t gid);
int safe_seteuid(SL_, uid_t uid);
int safe_setegid(SL_, gid_t gid);
long safe_strtol(SL_, char *str, long min, long max);
int safe_clock_gettime(SL_, clockid_t clk, struct timespec *tp);

enum safe_write_opts {
	SAFE_WRITE_ANY = 0,   /* a partial write is fine */
	SAFE_WRITE_ALL = 1,   /* anything short of nbyte is TBROK */
	SAFE_WRITE_RETRY = 2, /* loop until everything is written */
};

#undef SL_
#define TST_HERE_ __FILE__, __LINE__

#define SAFE_OPEN(path, oflags, ...) safe_open(TST_HERE_, (path), (oflags), ##__VA_ARGS__)
#define SAFE_CREAT(path, mode) safe_creat(TST_HERE_, (path), (mode))
#define SAFE_CLOSE(fd) do { safe_close(TST_HERE_, (fd)); (fd) = -1; } while (0)
#define SAFE_READ(len_strict, fd, buf, nbyte) safe_read(TST_HERE_, (len_strict), (fd), (buf), (nbyte))
#define SAFE_WRITE(len_strict, fd, buf, nbyte) safe_write(TST_HERE_, (len_strict), (fd), (buf), (nbyte))
#define SAFE_PREAD(len_strict, fd, buf, nbyte, off) safe_pread(TST_HERE_, (len_strict), (fd), (buf), (nbyte), (off))
#define SAFE_PWRITE(len_strict, fd, buf, nbyte, off) safe_pwrite(TST_HERE_, (len_strict), (fd), (buf), (nbyte), (off))
#define SAFE_LSEEK(fd, offset, whence) safe_lseek(TST_HERE_, (fd), (offset), (whence))
#define SAFE_MMAP(addr, length, prot, flags, fd, offset) \
	safe_mmap(TST_HERE_, (addr), (length), (prot), (flags), (fd), (offset))
#define SAFE_MUNMAP(addr, length) safe_munmap(TST_HERE_, (addr), (length))
#define SAFE_MPROTECT(addr, len, prot) safe_mprotect(TST_HERE_, (addr), (len), (prot))
#define SAFE_FORK() safe_fork(TST_HERE_)
#define SAFE_PIPE(fildes) safe_pipe(TST_HERE_, (fildes))
#define SAFE_PIPE2(fildes, flags) safe_pipe2(TST_HERE_, (fildes), (flags))
#define SAFE_UNLINK(path) safe_unlink(TST_HERE_, (path))
#define SAFE_MKDIR(path, mode) safe_mkdir(TST_HERE_, (path), (mode))
#define SAFE_RMDIR(path) safe_rmdir(TST_HERE_, (path))
#define SAFE_CHDIR(path) safe_chdir(TST_HERE_, (path))
#define SAFE_CHMOD(path, mode) safe_chmod(TST_HERE_, (path), (mode))
#define SAFE_FCHMOD(fd, mode) safe_fchmod(TST_HERE_, (fd), (mode))
#define SAFE_CHOWN(path, owner, group) safe_chown(TST_HERE_, (path), (owner), (group))
#define SAFE_STAT(path, buf) safe_stat(TST_HERE_, (path), (buf))
#define SAFE_FSTAT(fd, buf) safe_fstat(TST_HERE_, (fd), (buf))
#define SAFE_LSTAT(path, buf) safe_lstat(TST_HERE_, (path), (buf))
#define SAFE_DUP(oldfd) safe_dup(TST_HERE_, (oldfd))
#define SAFE_DUP2(oldfd, newfd) safe_dup2(TST_HERE_, (oldfd), (newfd))
#define SAFE_FCNTL(fd, cmd, ...) safe_fcntl(TST_HERE_, (fd), (cmd), ##__VA_ARGS__)
#define SAFE_IOCTL(fd, request, ...) safe_ioctl(TST_HERE_, (fd), (request), ##__VA_ARGS__)
#define SAFE_FTRUNCATE(fd, length) safe_ftruncate(TST_HERE_, (fd), (length))
#define SAFE_TRUNCATE(path, length) safe_truncate(TST_HERE_, (path), (length))
#define SAFE_SYMLINK(target, linkpath) safe_symlink(TST_HERE_, (target), (linkpath))
#define SAFE_LINK(oldpath, newpath) safe_link(TST_HERE_, (oldpath), (newpath))
#define SAFE_RENAME(oldpath, newpath) safe_rename(TST_HERE_, (oldpath), (newpath))
#define SAFE_READLINK(path, buf, size) safe_readlink(TST_HERE_, (path), (buf), (size))
#define SAFE_MKFIFO(path, mode) safe_mkfifo(TST_HERE_, (path), (mode))
#define SAFE_ACCESS(path, mode) safe_access(TST_HERE_, (path), (mode))
#define SAFE_FSYNC(fd) safe_fsync(TST_HERE_, (fd))
#define SAFE_TOUCH(path, mode, times) safe_touch(TST_HERE_, (path), (mode), (times))
#define SAFE_GETCWD(buf, size) safe_getcwd(TST_HERE_, (buf), (size))
#define SAFE_MALLOC(size) safe_malloc(TST_HERE_, (size))
#define SAFE_CALLOC(nmemb, size) safe_calloc(TST_HERE_, (nmemb), (size))
#define SAFE_STRDUP(str) safe_strdup(TST_HERE_, (str))
#define SAFE_KILL(pid, sig) safe_kill(TST_HERE_, (pid), (sig))
#define SAFE_WAITPID(pid, status, opts) safe_waitpid(TST_HERE_, (pid), (status), (opts))
#define SAFE_WAIT(status) safe_wait(TST_HERE_, (status))
#define SAFE_SIGNAL(signum, handler) safe_signal(TST_HERE_, (signum), (handler))
#define SAFE_SIGACTION(signum, act, oldact) safe_sigaction(TST_HERE_, (signum), (act), (oldact))
#define SAFE_SIGPROCMASK(how, set, oldset) safe_sigprocmask(TST_HERE_, (how), (set), (oldset))
#define SAFE_SIGEMPTYSET(set) safe_sigemptyset(TST_HERE_, (set))
#define SAFE_SIGFILLSET(set) safe_sigfillset(TST_HERE_, (set))
#define SAFE_SIGADDSET(set, signo) safe_sigaddset(TST_HERE_, (set), (signo))
#define SAFE_SIGDELSET(set, signo) safe_sigdelset(TST_HERE_, (set), (signo))
#define SAFE_SETPGID(pid, pgid) safe_setpgid(TST_HERE_, (pid), (pgid))
#define SAFE_GETRLIMIT(resource, rlim) safe_getrlimit(TST_HERE_, (resource), (rlim))
#define SAFE_SETRLIMIT(resource, rlim) safe_setrlimit(TST_HERE_, (resource), (rlim))
#define SAFE_OPENDIR(name) safe_opendir(TST_HERE_, (name))
#define SAFE_CLOSEDIR(dirp) safe_closedir(TST_HERE_, (dirp))
#define SAFE_READDIR(dirp) safe_readdir(TST_HERE_, (dirp))
#define SAFE_SETUID(uid) safe_setuid(TST_HERE_, (uid))
#define SAFE_SETGID(gid) safe_setgid(TST_HERE_, (gid))
#define SAFE_SETEUID(uid) safe_seteuid(TST_HERE_, (uid))
#define SAFE_SETEGID(gid) safe_setegid(TST_HERE_, (gid))
#define SAFE_STRTOL(str, min, max) safe_strtol(TST_HERE_, (str), (min), (max))
#define SAFE_CLOCK_GETTIME(clk, tp) safe_clock_gettime(TST_HERE_, (clk), (tp))

#endif
