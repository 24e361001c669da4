/* futimesat() (architectures that have it; TCONF on those with only
 * utimensat): a path relative to a directory fd is updated, an absolute
 * path ignores the fd, AT_FDCWD works and NULL sets the current time;
 * EBADF for a bad dirfd with a relative path, ENOTDIR for a file as
 * dirfd, EINVAL for tv_usec out of range, ENOENT.
 * SYSCALLS: futimesat newfstatat openat close write mkdirat clock_gettime */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifdef __NR_futimesat

static int dfd = -1;
static char abspath[4096];

static long do_futimesat(int fd, const char *path, const struct timeval *tv)
{
	return syscall(__NR_futimesat, fd, path, tv);
}

static void setup(void)
{
	char *dir = tst_get_tmpdir();

	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/file", "t");
	SAFE_FILE_PRINTF("top", "t");
	snprintf(abspath, sizeof(abspath), "%s/top", dir);
	free(dir);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	tst_syscall(__NR_futimesat, dfd, "file", NULL);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

static void run(unsigned int n)
{
	struct timeval tv[2] = { { 1300000000, 250000 }, { 1400000000, 500 } };
	struct timespec t0;
	struct stat st;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(do_futimesat(dfd, "file", tv), "futimesat(dirfd, \"file\")");
		SAFE_STAT("d/file", &st);
		TST_EXP_EXPR(st.st_atim.tv_sec == 1300000000 && st.st_atim.tv_nsec == 250000000 &&
			     st.st_mtim.tv_sec == 1400000000 && st.st_mtim.tv_nsec == 500000,
			     "d/file times %lld.%09ld %lld.%09ld", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
			     (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		TST_EXP_PASS(do_futimesat(dfd, abspath, tv), "futimesat(dirfd, absolute path)");
		SAFE_STAT("top", &st);
		TST_EXP_EQ_LI(st.st_mtim.tv_sec, 1400000000);
		break;
	case 1:
		clock_gettime(CLOCK_REALTIME, &t0);
		TST_EXP_PASS(do_futimesat(AT_FDCWD, "top", NULL), "futimesat(AT_FDCWD, \"top\", NULL)");
		SAFE_STAT("top", &st);
		TST_EXP_EXPR(st.st_mtim.tv_sec >= t0.tv_sec - 1 && st.st_mtim.tv_sec <= t0.tv_sec + 5,
			     "mtime is now (%lld, started %lld)", (long long)st.st_mtim.tv_sec, (long long)t0.tv_sec);
		break;
	case 2:
		TST_EXP_FAIL(do_futimesat(-1, "file", tv), EBADF, "futimesat(-1, relative path)");
		fd = SAFE_OPEN("top", O_RDONLY);
		TST_EXP_FAIL(do_futimesat(fd, "file", tv), ENOTDIR, "futimesat(file fd, relative path)");
		SAFE_CLOSE(fd);
		tv[1].tv_usec = 1000000;
		TST_EXP_FAIL(do_futimesat(dfd, "file", tv), EINVAL, "futimesat() with tv_usec 1000000");
		TST_EXP_FAIL(do_futimesat(dfd, "missing", NULL), ENOENT, "futimesat() of a missing file");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};

#else

static void run(void)
{
	tst_brk(TCONF, "this architecture has no futimesat syscall (only utimensat)");
}

static struct tst_test test = {
	.test_all = run,
};

#endif
