/* kcmp(): KCMP_FILE is 0 for a descriptor and its dup() and non-zero for two
 * opens of the same file; KCMP_VM, KCMP_FILES and KCMP_FS are 0 for the
 * caller against itself and non-zero against a fork()ed child; EBADF for a
 * closed descriptor, EINVAL for an unknown type, ESRCH for a missing pid.
 * SYSCALLS: kcmp openat dup close clone wait4 pipe2 read write exit_group geteuid */
#include <linux/kcmp.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static long kcmp(pid_t a, pid_t b, int type, unsigned long x, unsigned long y)
{
	return tst_syscall(__NR_kcmp, a, b, type, x, y);
}

static void run(void)
{
	pid_t me = getpid(), child;
	int fd1, fd2, fd3, p[2];
	char c;

	fd1 = SAFE_OPEN("/dev/null", O_RDONLY);
	fd2 = SAFE_DUP(fd1);
	fd3 = SAFE_OPEN("/dev/null", O_RDONLY);
	TST_EXP_VAL(kcmp(me, me, KCMP_FILE, fd1, fd2), 0, "KCMP_FILE of an fd and its dup");
	TEST(kcmp(me, me, KCMP_FILE, fd1, fd3));
	TST_EXP_EXPR(TST_RET > 0, "KCMP_FILE of two opens differs (%ld)", TST_RET);
	TST_EXP_VAL(kcmp(me, me, KCMP_VM, 0, 0), 0, "KCMP_VM of self");
	TST_EXP_VAL(kcmp(me, me, KCMP_FILES, 0, 0), 0, "KCMP_FILES of self");
	TST_EXP_VAL(kcmp(me, me, KCMP_FS, 0, 0), 0, "KCMP_FS of self");

	SAFE_PIPE(p);
	child = SAFE_FORK();
	if (!child) {
		SAFE_READ(1, p[0], &c, 1);
		_exit(0);
	}
	TEST(kcmp(me, child, KCMP_VM, 0, 0));
	TST_EXP_EXPR(TST_RET > 0, "KCMP_VM against a forked child differs (%ld)", TST_RET);
	TEST(kcmp(me, child, KCMP_FILES, 0, 0));
	TST_EXP_EXPR(TST_RET > 0, "KCMP_FILES against a forked child differs (%ld)", TST_RET);
	/* the child inherited fd1: the same open file description */
	TST_EXP_VAL(kcmp(me, child, KCMP_FILE, fd1, fd1), 0, "KCMP_FILE of an inherited fd");
	SAFE_WRITE(1, p[1], "x", 1);
	SAFE_WAITPID(child, NULL, 0);

	SAFE_CLOSE(fd3);
	TST_EXP_FAIL(kcmp(me, me, KCMP_FILE, fd1, fd3), EBADF, "KCMP_FILE of a closed fd");
	TST_EXP_FAIL(kcmp(me, me, 1000, 0, 0), EINVAL, "unknown kcmp type");
	TST_EXP_FAIL(kcmp(me, child, KCMP_VM, 0, 0), ESRCH, "kcmp() against a reaped pid");
	SAFE_CLOSE(fd1);
	SAFE_CLOSE(fd2);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
