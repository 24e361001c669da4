/* utimes() (architectures that have it; aarch64 and riscv64 only have
 * utimensat, TCONF there): microsecond times read back as nanoseconds *
 * 1000; a NULL times pointer sets both to the current time; a time before
 * 1970 round-trips; EINVAL for tv_usec 1000000 and -1, ENOENT, EFAULT; an
 * unprivileged non-owner gets EPERM for explicit times and EACCES for
 * "now" without write permission, but may set "now" with write permission.
 * SYSCALLS: utimes newfstatat openat close write fchmodat setuid clone wait4 clock_gettime exit_group */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifdef __NR_utimes

static long do_utimes(const char *path, const struct timeval *tv)
{
	return syscall(__NR_utimes, path, tv);
}

static void setup(void)
{
	SAFE_FILE_PRINTF("file", "t");
	SAFE_FILE_PRINTF("open", "t");
	SAFE_CHMOD("file", 0644);
	SAFE_CHMOD("open", 0666);
	tst_syscall(__NR_utimes, "file", NULL);
}

static void run(unsigned int n)
{
	struct timeval tv[2];
	struct timespec t0;
	struct stat st;
	pid_t pid;

	switch (n) {
	case 0:
		tv[0].tv_sec = 1111111111;
		tv[0].tv_usec = 123456;
		tv[1].tv_sec = 1222222222;
		tv[1].tv_usec = 999999;
		TST_EXP_PASS(do_utimes("file", tv), "utimes(file, explicit)");
		SAFE_STAT("file", &st);
		TST_EXP_EXPR(st.st_atim.tv_sec == 1111111111 && st.st_atim.tv_nsec == 123456000,
			     "atime %lld.%09ld", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec);
		TST_EXP_EXPR(st.st_mtim.tv_sec == 1222222222 && st.st_mtim.tv_nsec == 999999000,
			     "mtime %lld.%09ld", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		tv[0].tv_sec = -86400;
		tv[0].tv_usec = 0;
		tv[1] = tv[0];
		TST_EXP_PASS(do_utimes("file", tv), "utimes(file, 1969-12-31)");
		SAFE_STAT("file", &st);
		TST_EXP_EQ_LI(st.st_mtim.tv_sec, -86400);
		break;
	case 1:
		clock_gettime(CLOCK_REALTIME, &t0);
		TST_EXP_PASS(do_utimes("file", NULL), "utimes(file, NULL)");
		SAFE_STAT("file", &st);
		TST_EXP_EXPR(st.st_mtim.tv_sec >= t0.tv_sec - 1 && st.st_mtim.tv_sec <= t0.tv_sec + 5 &&
			     st.st_atim.tv_sec == st.st_mtim.tv_sec,
			     "both times are now (%lld, started %lld)", (long long)st.st_mtim.tv_sec,
			     (long long)t0.tv_sec);
		break;
	case 2:
		tv[0].tv_sec = tv[1].tv_sec = 1;
		tv[0].tv_usec = 1000000;
		tv[1].tv_usec = 0;
		TST_EXP_FAIL(do_utimes("file", tv), EINVAL, "utimes() with tv_usec 1000000");
		tv[0].tv_usec = -1;
		TST_EXP_FAIL(do_utimes("file", tv), EINVAL, "utimes() with tv_usec -1");
		TST_EXP_FAIL(do_utimes("missing", NULL), ENOENT, "utimes() of a missing file");
		TST_EXP_FAIL(do_utimes("file", tst_get_bad_addr(NULL)), EFAULT, "utimes() with unmapped times");
		TST_EXP_FAIL(do_utimes(tst_get_bad_addr(NULL), NULL), EFAULT, "utimes() of an unmapped path");
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			tv[0].tv_sec = tv[1].tv_sec = 5;
			tv[0].tv_usec = tv[1].tv_usec = 0;
			TST_EXP_FAIL(do_utimes("open", tv), EPERM, "explicit times by a non-owner");
			TST_EXP_FAIL(do_utimes("file", NULL), EACCES, "now by a non-owner without write permission");
			TST_EXP_PASS(do_utimes("open", NULL), "now by a non-owner with write permission");
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};

#else

static void run(void)
{
	tst_brk(TCONF, "this architecture has no utimes syscall (only utimensat)");
}

static struct tst_test test = {
	.test_all = run,
};

#endif
