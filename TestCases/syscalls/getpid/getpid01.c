/* getpid(), getppid(), gettid(): a forked child's getppid() is the
 * parent's getpid(), its own pid differs and matches what fork() returned;
 * in a single-threaded process gettid() == getpid().
 * SYSCALLS: getpid getppid gettid clone wait4 pipe2 read */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	pid_t me = getpid(), child;
	int p[2];

	TST_EXP_EXPR(me > 0, "getpid() is positive (%d)", me);
	TST_EXP_EQ_LI(syscall(SYS_gettid), me);
	SAFE_PIPE(p);
	child = SAFE_FORK();
	if (!child) {
		pid_t info[2] = { getpid(), getppid() };

		SAFE_WRITE(SAFE_WRITE_ALL, p[1], info, sizeof(info));
		exit(0);
	} else {
		pid_t info[2];

		SAFE_READ(1, p[0], info, sizeof(info));
		TST_EXP_EQ_LI(info[0], child);
		TST_EXP_EQ_LI(info[1], me);
		TST_EXP_EXPR(info[0] != me, "the child's pid differs from the parent's");
	}
	SAFE_CLOSE(p[0]);
	SAFE_CLOSE(p[1]);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
};
