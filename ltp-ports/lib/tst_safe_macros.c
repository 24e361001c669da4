/* SAFE_* implementations. Each reports the failing call with the caller's
 * file:line, as TBROK | TERRNO; a return value the call never gives on
 * success (e.g. close() returning 1) is TBROK "invalid ... return value". */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#define TST_NO_DEFAULT_MAIN
#include "tst_test.h"
#include "tst_safe_net.h"

#define FAILED(...) tst_brk_(file, lineno, TBROK | TERRNO, __VA_ARGS__)
#define INVALID(name, rval) \
	tst_brk_(file, lineno, TBROK | TERRNO, "Invalid " name " return value %ld", (long)(rval))

/* For calls that return 0 on success and -1 on failure. */
#define CHECK_ZERO(name, rval, ...) do {                  \
	if ((rval) == -1)                                 \
		FAILED(__VA_ARGS__);                      \
	else if ((rval) != 0)                             \
		INVALID(name, rval);                      \
} while (0)

/* For calls that return a non-negative value on success. */
#define CHECK_POSITIVE(name, rval, ...) do {              \
	if ((rval) == -1)                                 \
		FAILED(__VA_ARGS__);                      \
	else if ((rval) < 0)                              \
		INVALID(name, rval);                      \
} while (0)

int safe_open(const char *file, const int lineno, const char *path, int oflags, ...)
{
	mode_t mode = 0;
	int rval;

	if (oflags & (O_CREAT | __O_TMPFILE)) {
		va_list ap;

		va_start(ap, oflags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	rval = open(path, oflags, mode);
	CHECK_POSITIVE("open()", rval, "open(%s,%d,%04o) failed", path, oflags, mode);
	return rval;
}

int safe_creat(const char *file, const int lineno, const char *path, mode_t mode)
{
	int rval = creat(path, mode);

	CHECK_POSITIVE("creat()", rval, "creat(%s,%04o) failed", path, mode);
	return rval;
}

int safe_close(const char *file, const int lineno, int fd)
{
	int rval = close(fd);

	CHECK_ZERO("close()", rval, "close(%d) failed", fd);
	return rval;
}

ssize_t safe_read(const char *file, const int lineno, char len_strict, int fd,
		  void *buf, size_t nbyte)
{
	ssize_t rval = read(fd, buf, nbyte);

	if (rval == -1)
		FAILED("read(%d,%p,%zu) failed", fd, buf, nbyte);
	else if (rval < 0)
		INVALID("read()", rval);
	else if (len_strict && (size_t)rval != nbyte)
		tst_brk_(file, lineno, TBROK, "short read(%d,%p,%zu): %zi bytes",
			 fd, buf, nbyte, rval);
	return rval;
}

ssize_t safe_write(const char *file, const int lineno, int len_strict, int fd,
		   const void *buf, size_t nbyte)
{
	const char *p = buf;
	size_t done = 0;
	ssize_t rval;

	do {
		rval = write(fd, p + done, nbyte - done);
		if (rval == -1) {
			FAILED("write(%d,%p,%zu) failed", fd, buf, nbyte);
			return rval;
		}
		if (rval < 0) {
			INVALID("write()", rval);
			return rval;
		}
		done += (size_t)rval;
	} while (len_strict == SAFE_WRITE_RETRY && done < nbyte && rval > 0);

	if (len_strict != SAFE_WRITE_ANY && done != nbyte)
		tst_brk_(file, lineno, TBROK, "short write(%d,%p,%zu): %zu bytes",
			 fd, buf, nbyte, done);
	return (ssize_t)done;
}

ssize_t safe_pread(const char *file, const int lineno, char len_strict, int fd,
		   void *buf, size_t nbyte, off_t offset)
{
	ssize_t rval = pread(fd, buf, nbyte, offset);

	if (rval == -1)
		FAILED("pread(%d,%p,%zu,%lld) failed", fd, buf, nbyte, (long long)offset);
	else if (len_strict && (size_t)rval != nbyte)
		tst_brk_(file, lineno, TBROK, "short pread(%d,%p,%zu,%lld): %zi bytes",
			 fd, buf, nbyte, (long long)offset, rval);
	return rval;
}

ssize_t safe_pwrite(const char *file, const int lineno, char len_strict, int fd,
		    const void *buf, size_t nbyte, off_t offset)
{
	ssize_t rval = pwrite(fd, buf, nbyte, offset);

	if (rval == -1)
		FAILED("pwrite(%d,%p,%zu,%lld) failed", fd, buf, nbyte, (long long)offset);
	else if (len_strict && (size_t)rval != nbyte)
		tst_brk_(file, lineno, TBROK, "short pwrite(%d,%p,%zu,%lld): %zi bytes",
			 fd, buf, nbyte, (long long)offset, rval);
	return rval;
}

off_t safe_lseek(const char *file, const int lineno, int fd, off_t offset, int whence)
{
	off_t rval = lseek(fd, offset, whence);

	if (rval == (off_t)-1)
		FAILED("lseek(%d,%lld,%d) failed", fd, (long long)offset, whence);
	return rval;
}

void *safe_mmap(const char *file, const int lineno, void *addr, size_t length,
		int prot, int flags, int fd, off_t offset)
{
	void *rval = mmap(addr, length, prot, flags, fd, offset);

	if (rval == MAP_FAILED)
		FAILED("mmap(%p,%zu,%d,%d,%d,%lld) failed", addr, length, prot,
		       flags, fd, (long long)offset);
	return rval;
}

int safe_munmap(const char *file, const int lineno, void *addr, size_t length)
{
	int rval = munmap(addr, length);

	CHECK_ZERO("munmap()", rval, "munmap(%p,%zu) failed", addr, length);
	return rval;
}

int safe_mprotect(const char *file, const int lineno, void *addr, size_t len, int prot)
{
	int rval = mprotect(addr, len, prot);

	CHECK_ZERO("mprotect()", rval, "mprotect(%p,%zu,%d) failed", addr, len, prot);
	return rval;
}

int safe_pipe(const char *file, const int lineno, int fildes[2])
{
	int rval = pipe(fildes);

	CHECK_ZERO("pipe()", rval, "pipe({%d,%d}) failed", fildes[0], fildes[1]);
	return rval;
}

int safe_pipe2(const char *file, const int lineno, int fildes[2], int flags)
{
	int rval = pipe2(fildes, flags);

	CHECK_ZERO("pipe2()", rval, "pipe2({%d,%d},%d) failed", fildes[0], fildes[1], flags);
	return rval;
}

#define PATH_CALL(fn, ...) int rval = fn(path, ##__VA_ARGS__)

int safe_unlink(const char *file, const int lineno, const char *path)
{
	PATH_CALL(unlink);
	CHECK_ZERO("unlink()", rval, "unlink(%s) failed", path);
	return rval;
}

int safe_mkdir(const char *file, const int lineno, const char *path, mode_t mode)
{
	PATH_CALL(mkdir, mode);
	CHECK_ZERO("mkdir()", rval, "mkdir(%s, %04o) failed", path, mode);
	return rval;
}

int safe_rmdir(const char *file, const int lineno, const char *path)
{
	PATH_CALL(rmdir);
	CHECK_ZERO("rmdir()", rval, "rmdir(%s) failed", path);
	return rval;
}

int safe_chdir(const char *file, const int lineno, const char *path)
{
	PATH_CALL(chdir);
	CHECK_ZERO("chdir()", rval, "chdir(%s) failed", path);
	return rval;
}

int safe_chmod(const char *file, const int lineno, const char *path, mode_t mode)
{
	PATH_CALL(chmod, mode);
	CHECK_ZERO("chmod()", rval, "chmod(%s,%04o) failed", path, mode);
	return rval;
}

int safe_fchmod(const char *file, const int lineno, int fd, mode_t mode)
{
	int rval = fchmod(fd, mode);

	CHECK_ZERO("fchmod()", rval, "fchmod(%d,%04o) failed", fd, mode);
	return rval;
}

int safe_chown(const char *file, const int lineno, const char *path, uid_t owner, gid_t group)
{
	PATH_CALL(chown, owner, group);
	CHECK_ZERO("chown()", rval, "chown(%s,%d,%d) failed", path, (int)owner, (int)group);
	return rval;
}

int safe_stat(const char *file, const int lineno, const char *path, struct stat *buf)
{
	PATH_CALL(stat, buf);
	CHECK_ZERO("stat()", rval, "stat(%s,%p) failed", path, (void *)buf);
	return rval;
}

int safe_fstat(const char *file, const int lineno, int fd, struct stat *buf)
{
	int rval = fstat(fd, buf);

	CHECK_ZERO("fstat()", rval, "fstat(%d,%p) failed", fd, (void *)buf);
	return rval;
}

int safe_lstat(const char *file, const int lineno, const char *path, struct stat *buf)
{
	PATH_CALL(lstat, buf);
	CHECK_ZERO("lstat()", rval, "lstat(%s,%p) failed", path, (void *)buf);
	return rval;
}

int safe_dup(const char *file, const int lineno, int oldfd)
{
	int rval = dup(oldfd);

	CHECK_POSITIVE("dup()", rval, "dup(%d) failed", oldfd);
	return rval;
}

int safe_dup2(const char *file, const int lineno, int oldfd, int newfd)
{
	int rval = dup2(oldfd, newfd);

	CHECK_POSITIVE("dup2()", rval, "dup2(%d, %d) failed", oldfd, newfd);
	return rval;
}

int safe_fcntl(const char *file, const int lineno, int fd, int cmd, ...)
{
	va_list ap;
	long arg;
	int rval;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	rval = fcntl(fd, cmd, arg);
	CHECK_POSITIVE("fcntl()", rval, "fcntl(%d, %d, %ld) failed", fd, cmd, arg);
	return rval;
}

int safe_ioctl(const char *file, const int lineno, int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;
	int rval;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	rval = ioctl(fd, request, arg);
	CHECK_POSITIVE("ioctl()", rval, "ioctl(%d, 0x%lx, %p) failed", fd, request, arg);
	return rval;
}

int safe_ftruncate(const char *file, const int lineno, int fd, off_t length)
{
	int rval = ftruncate(fd, length);

	CHECK_ZERO("ftruncate()", rval, "ftruncate(%d, %lld) failed", fd, (long long)length);
	return rval;
}

int safe_truncate(const char *file, const int lineno, const char *path, off_t length)
{
	PATH_CALL(truncate, length);
	CHECK_ZERO("truncate()", rval, "truncate(%s, %lld) failed", path, (long long)length);
	return rval;
}

int safe_symlink(const char *file, const int lineno, const char *target, const char *linkpath)
{
	int rval = symlink(target, linkpath);

	CHECK_ZERO("symlink()", rval, "symlink(%s,%s) failed", target, linkpath);
	return rval;
}

int safe_link(const char *file, const int lineno, const char *oldpath, const char *newpath)
{
	int rval = link(oldpath, newpath);

	CHECK_ZERO("link()", rval, "link(%s,%s) failed", oldpath, newpath);
	return rval;
}

int safe_rename(const char *file, const int lineno, const char *oldpath, const char *newpath)
{
	int rval = rename(oldpath, newpath);

	CHECK_ZERO("rename()", rval, "rename(%s, %s) failed", oldpath, newpath);
	return rval;
}

ssize_t safe_readlink(const char *file, const int lineno, const char *path,
		      char *buf, size_t bufsize)
{
	ssize_t rval = readlink(path, buf, bufsize);

	if (rval == -1) {
		FAILED("readlink(%s,%p,%zu) failed", path, (void *)buf, bufsize);
	} else if ((size_t)rval >= bufsize) {
		/* readlink() does not terminate: keep room for the NUL. */
		tst_brk_(file, lineno, TBROK, "readlink(%s) truncated to %zu bytes",
			 path, bufsize);
	} else {
		buf[rval] = '\0';
	}
	return rval;
}

int safe_mkfifo(const char *file, const int lineno, const char *path, mode_t mode)
{
	PATH_CALL(mkfifo, mode);
	CHECK_ZERO("mkfifo()", rval, "mkfifo(%s, %04o) failed", path, mode);
	return rval;
}

int safe_access(const char *file, const int lineno, const char *path, int mode)
{
	PATH_CALL(access, mode);
	CHECK_ZERO("access()", rval, "access(%s,%d) failed", path, mode);
	return rval;
}

int safe_fsync(const char *file, const int lineno, int fd)
{
	int rval = fsync(fd);

	CHECK_ZERO("fsync()", rval, "fsync(%i) failed", fd);
	return rval;
}

int safe_touch(const char *file, const int lineno, const char *path, mode_t mode,
	       const struct timespec times[2])
{
	int fd = open(path, O_CREAT | O_WRONLY, mode ? mode : 0644);

	if (fd < 0) {
		FAILED("Failed to open file '%s'", path);
		return -1;
	}
	if (close(fd)) {
		FAILED("Failed to close file '%s'", path);
		return -1;
	}
	if (mode && chmod(path, mode)) {
		FAILED("Failed to chmod file '%s'", path);
		return -1;
	}
	if (utimensat(AT_FDCWD, path, times, 0)) {
		FAILED("Failed to update the access/modification time on file '%s'", path);
		return -1;
	}
	return 0;
}

char *safe_getcwd(const char *file, const int lineno, char *buf, size_t size)
{
	char *rval = getcwd(buf, size);

	if (!rval)
		FAILED("getcwd(%p,%zu) failed", (void *)buf, size);
	return rval;
}

void *safe_malloc(const char *file, const int lineno, size_t size)
{
	void *rval = malloc(size);

	if (!rval)
		FAILED("malloc(%zu) failed", size);
	return rval;
}

void *safe_calloc(const char *file, const int lineno, size_t nmemb, size_t size)
{
	void *rval = calloc(nmemb, size);

	if (!rval)
		FAILED("calloc(%zu, %zu) failed", nmemb, size);
	return rval;
}

char *safe_strdup(const char *file, const int lineno, const char *str)
{
	char *rval = strdup(str);

	if (!rval)
		FAILED("strdup(%s) failed", str);
	return rval;
}

int safe_kill(const char *file, const int lineno, pid_t pid, int sig)
{
	int rval = kill(pid, sig);

	CHECK_ZERO("kill()", rval, "kill(%d, %s) failed", pid, tst_strsig(sig));
	return rval;
}

pid_t safe_waitpid(const char *file, const int lineno, pid_t pid, int *status, int opts)
{
	pid_t rval;

	do {
		rval = waitpid(pid, status, opts);
	} while (rval == -1 && errno == EINTR);
	if (rval == -1)
		FAILED("waitpid(%d,%p,%d) failed", pid, (void *)status, opts);
	return rval;
}

pid_t safe_wait(const char *file, const int lineno, int *status)
{
	pid_t rval;

	do {
		rval = wait(status);
	} while (rval == -1 && errno == EINTR);
	if (rval == -1)
		FAILED("wait(%p) failed", (void *)status);
	return rval;
}

void (*safe_signal(const char *file, const int lineno, int signum,
		   void (*handler)(int)))(int)
{
	void (*rval)(int) = signal(signum, handler);

	if (rval == SIG_ERR)
		FAILED("signal(%d,%p) failed", signum, (void *)handler);
	return rval;
}

int safe_sigaction(const char *file, const int lineno, int signum,
		   const struct sigaction *act, struct sigaction *oldact)
{
	int rval = sigaction(signum, act, oldact);

	CHECK_ZERO("sigaction()", rval, "sigaction(%s (%d), %p, %p) failed",
		   tst_strsig(signum), signum, (void *)act, (void *)oldact);
	return rval;
}

int safe_sigprocmask(const char *file, const int lineno, int how,
		     const sigset_t *set, sigset_t *oldset)
{
	int rval = sigprocmask(how, set, oldset);

	CHECK_ZERO("sigprocmask()", rval, "sigprocmask(%d, %p, %p) failed",
		   how, (void *)set, (void *)oldset);
	return rval;
}

int safe_sigemptyset(const char *file, const int lineno, sigset_t *set)
{
	int rval = sigemptyset(set);

	CHECK_ZERO("sigemptyset()", rval, "sigemptyset() failed");
	return rval;
}

int safe_sigfillset(const char *file, const int lineno, sigset_t *set)
{
	int rval = sigfillset(set);

	CHECK_ZERO("sigfillset()", rval, "sigfillset() failed");
	return rval;
}

int safe_sigaddset(const char *file, const int lineno, sigset_t *set, int signo)
{
	int rval = sigaddset(set, signo);

	CHECK_ZERO("sigaddset()", rval, "sigaddset() %s (%i) failed", tst_strsig(signo), signo);
	return rval;
}

int safe_sigdelset(const char *file, const int lineno, sigset_t *set, int signo)
{
	int rval = sigdelset(set, signo);

	CHECK_ZERO("sigdelset()", rval, "sigdelset() %s (%i) failed", tst_strsig(signo), signo);
	return rval;
}

int safe_setpgid(const char *file, const int lineno, pid_t pid, pid_t pgid)
{
	int rval = setpgid(pid, pgid);

	CHECK_ZERO("setpgid()", rval, "setpgid(%i, %i) failed", pid, pgid);
	return rval;
}

int safe_getrlimit(const char *file, const int lineno, int resource, struct rlimit *rlim)
{
	int rval = getrlimit(resource, rlim);

	CHECK_ZERO("getrlimit()", rval, "getrlimit(%d, %p) failed", resource, (void *)rlim);
	return rval;
}

int safe_setrlimit(const char *file, const int lineno, int resource, const struct rlimit *rlim)
{
	int rval = setrlimit(resource, rlim);

	CHECK_ZERO("setrlimit()", rval, "setrlimit(%d, %p) failed", resource, (void *)rlim);
	return rval;
}

DIR *safe_opendir(const char *file, const int lineno, const char *name)
{
	DIR *rval = opendir(name);

	if (!rval)
		FAILED("opendir(%s) failed", name);
	return rval;
}

int safe_closedir(const char *file, const int lineno, DIR *dirp)
{
	int rval = closedir(dirp);

	CHECK_ZERO("closedir()", rval, "closedir() failed");
	return rval;
}

struct dirent *safe_readdir(const char *file, const int lineno, DIR *dirp)
{
	struct dirent *rval;
	int saved = errno;

	errno = 0;
	rval = readdir(dirp);
	if (!rval && errno)
		FAILED("readdir(%p) failed", (void *)dirp);
	errno = saved;
	return rval;
}

int safe_setuid(const char *file, const int lineno, uid_t uid)
{
	int rval = setuid(uid);

	CHECK_ZERO("setuid()", rval, "setuid(%u) failed", (unsigned int)uid);
	return rval;
}

int safe_setgid(const char *file, const int lineno, gid_t gid)
{
	int rval = setgid(gid);

	CHECK_ZERO("setgid()", rval, "setgid(%u) failed", (unsigned int)gid);
	return rval;
}

int safe_seteuid(const char *file, const int lineno, uid_t uid)
{
	int rval = seteuid(uid);

	CHECK_ZERO("seteuid()", rval, "seteuid(%u) failed", (unsigned int)uid);
	return rval;
}

int safe_setegid(const char *file, const int lineno, gid_t gid)
{
	int rval = setegid(gid);

	CHECK_ZERO("setegid()", rval, "setegid(%u) failed", (unsigned int)gid);
	return rval;
}

long safe_strtol(const char *file, const int lineno, char *str, long min, long max)
{
	long rval;
	int err = tst_parse_long(str, &rval, min, max);

	if (err) {
		errno = err;
		tst_brk_(file, lineno, TBROK | TERRNO,
			 "Invalid value '%s' (expected a number in [%ld, %ld])", str, min, max);
		return 0;
	}
	return rval;
}

int safe_clock_gettime(const char *file, const int lineno, clockid_t clk, struct timespec *tp)
{
	int rval = clock_gettime(clk, tp);

	CHECK_ZERO("clock_gettime()", rval, "clock_gettime(%d, %p) failed", (int)clk, (void *)tp);
	return rval;
}

/* ---- files and stdio ---------------------------------------------------- */

void safe_file_printf(const char *file, const int lineno, const char *path,
		      const char *fmt, ...)
{
	va_list va;
	FILE *f = fopen(path, "w");

	if (!f) {
		FAILED("Failed to open FILE '%s' for writing", path);
		return;
	}
	va_start(va, fmt);
	if (vfprintf(f, fmt, va) < 0)
		tst_brk_(file, lineno, TBROK, "Failed to print to FILE '%s'", path);
	va_end(va);
	if (fclose(f))
		FAILED("Failed to close FILE '%s'", path);
}

static int vfile_scanf(const char *path, const char *fmt, va_list va)
{
	FILE *f = fopen(path, "r");
	int ret, want = 0;

	if (!f)
		return -1;
	/* Count the conversions so a partial match is an error. */
	for (const char *p = fmt; *p; p++) {
		if (*p == '%' && p[1] != '%' && p[1] != '*')
			want++;
		else if (*p == '%')
			p++;
	}
	ret = vfscanf(f, fmt, va);
	fclose(f);
	if (ret != want) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

void safe_file_scanf(const char *file, const int lineno, const char *path,
		     const char *fmt, ...)
{
	va_list va;
	int ret;

	va_start(va, fmt);
	ret = vfile_scanf(path, fmt, va);
	va_end(va);
	if (ret)
		FAILED("Failed to read '%s' from FILE '%s'", fmt, path);
}

int file_scanf(const char *file, const int lineno, const char *path,
	       const char *fmt, ...)
{
	va_list va;
	int ret;

	(void)file;
	(void)lineno;
	va_start(va, fmt);
	ret = vfile_scanf(path, fmt, va);
	va_end(va);
	return ret;
}

FILE *safe_fopen(const char *file, const int lineno, const char *path, const char *mode)
{
	FILE *f = fopen(path, mode);

	if (!f)
		FAILED("fopen(%s,%s) failed", path, mode);
	return f;
}

int safe_fclose(const char *file, const int lineno, FILE *f)
{
	int rval = fclose(f);

	if (rval)
		FAILED("fclose() failed");
	return rval;
}

int safe_asprintf(const char *file, const int lineno, char **strp, const char *fmt, ...)
{
	va_list va;
	int rval;

	va_start(va, fmt);
	rval = vasprintf(strp, fmt, va);
	va_end(va);
	if (rval < 0)
		FAILED("asprintf(%s,...) failed", fmt);
	return rval;
}

/* ---- sockets ------------------------------------------------------------ */

int safe_socket(const char *file, const int lineno, int domain, int type, int protocol)
{
	int rval = socket(domain, type, protocol);

	if (rval == -1 && (errno == EAFNOSUPPORT || errno == EPROTONOSUPPORT ||
			   errno == ESOCKTNOSUPPORT))
		tst_brk_(file, lineno, TCONF | TERRNO,
			 "socket(%d, %d, %d) not supported", domain, type, protocol);
	CHECK_POSITIVE("socket()", rval, "socket(%d, %d, %d) failed", domain, type, protocol);
	return rval;
}

int safe_socketpair(const char *file, const int lineno, int domain, int type,
		    int protocol, int sv[2])
{
	int rval = socketpair(domain, type, protocol, sv);

	CHECK_ZERO("socketpair()", rval, "socketpair(%d, %d, %d, %p) failed",
		   domain, type, protocol, (void *)sv);
	return rval;
}

int safe_bind(const char *file, const int lineno, int sockfd,
	      const struct sockaddr *addr, socklen_t addrlen)
{
	int rval = bind(sockfd, addr, addrlen);

	CHECK_ZERO("bind()", rval, "bind(%d, %p, %d) failed", sockfd, (void *)addr, (int)addrlen);
	return rval;
}

int safe_listen(const char *file, const int lineno, int sockfd, int backlog)
{
	int rval = listen(sockfd, backlog);

	CHECK_ZERO("listen()", rval, "listen(%d, %d) failed", sockfd, backlog);
	return rval;
}

int safe_connect(const char *file, const int lineno, int sockfd,
		 const struct sockaddr *addr, socklen_t addrlen)
{
	int rval = connect(sockfd, addr, addrlen);

	CHECK_ZERO("connect()", rval, "connect(%d, %p, %d) failed", sockfd, (void *)addr, (int)addrlen);
	return rval;
}

int safe_accept(const char *file, const int lineno, int sockfd,
		struct sockaddr *addr, socklen_t *addrlen)
{
	int rval = accept(sockfd, addr, addrlen);

	CHECK_POSITIVE("accept()", rval, "accept(%d, %p, %p) failed", sockfd,
		       (void *)addr, (void *)addrlen);
	return rval;
}

int safe_setsockopt(const char *file, const int lineno, int fd, int level,
		    int optname, const void *optval, socklen_t optlen)
{
	int rval = setsockopt(fd, level, optname, optval, optlen);

	CHECK_ZERO("setsockopt()", rval, "setsockopt(%d, %d, %d, %p, %d) failed",
		   fd, level, optname, optval, (int)optlen);
	return rval;
}

int safe_getsockopt(const char *file, const int lineno, int fd, int level,
		    int optname, void *optval, socklen_t *optlen)
{
	int rval = getsockopt(fd, level, optname, optval, optlen);

	CHECK_ZERO("getsockopt()", rval, "getsockopt(%d, %d, %d, %p, %p) failed",
		   fd, level, optname, optval, (void *)optlen);
	return rval;
}

int safe_getsockname(const char *file, const int lineno, int sockfd,
		     struct sockaddr *addr, socklen_t *addrlen)
{
	int rval = getsockname(sockfd, addr, addrlen);

	CHECK_ZERO("getsockname()", rval, "getsockname(%d, %p, %p) failed",
		   sockfd, (void *)addr, (void *)addrlen);
	return rval;
}

ssize_t safe_send(const char *file, const int lineno, char strict, int sockfd,
		  const void *buf, size_t len, int flags)
{
	ssize_t rval = send(sockfd, buf, len, flags);

	if (rval == -1)
		FAILED("send(%d, %p, %zu, %d) failed", sockfd, buf, len, flags);
	else if (strict && (size_t)rval != len)
		tst_brk_(file, lineno, TBROK, "short send(%d, %p, %zu, %d): %zi bytes",
			 sockfd, buf, len, flags, rval);
	return rval;
}

ssize_t safe_sendto(const char *file, const int lineno, char strict, int sockfd,
		    const void *buf, size_t len, int flags,
		    const struct sockaddr *dest_addr, socklen_t addrlen)
{
	ssize_t rval = sendto(sockfd, buf, len, flags, dest_addr, addrlen);

	if (rval == -1)
		FAILED("sendto(%d, %p, %zu, %d, %p, %d) failed", sockfd, buf, len,
		       flags, (void *)dest_addr, (int)addrlen);
	else if (strict && (size_t)rval != len)
		tst_brk_(file, lineno, TBROK, "short sendto(%d, %p, %zu): %zi bytes",
			 sockfd, buf, len, rval);
	return rval;
}

ssize_t safe_recv(const char *file, const int lineno, size_t len, int sockfd,
		  void *buf, size_t size, int flags)
{
	ssize_t rval = recv(sockfd, buf, size, flags);

	if (rval == -1)
		FAILED("recv(%d, %p, %zu, %d) failed", sockfd, buf, size, flags);
	else if (len && (size_t)rval != len)
		tst_brk_(file, lineno, TBROK, "short recv(%d, %p, %zu, %d): %zi bytes (expected %zu)",
			 sockfd, buf, size, flags, rval, len);
	return rval;
}
