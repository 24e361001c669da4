/* vfork(): the parent is suspended until the child exits, the child shares
 * the parent's memory (a store in the child is seen by the parent), the
 * child's pid and getppid() agree, its exit status reaches wait4.
 * SYSCALLS: clone wait4 getpid getppid exit_group */
#include "tst_test.h"

static volatile int shared_word;
static volatile pid_t child_ppid;

static void run(unsigned int n)
{
	pid_t pid, parent = getpid();
	int status = -1;

	shared_word = 0;
	pid = vfork();
	if (pid < 0)
		tst_brk(TBROK | TERRNO, "vfork()");
	if (!pid) {
		shared_word = 1234;
		child_ppid = getppid();
		_exit(n == 0 ? 0 : 17);
	}
	switch (n) {
	case 0:
		/* vfork suspends the parent until the child exits, so the store
		 * is already visible without any synchronisation. */
		TST_EXP_EQ_LI(shared_word, 1234);
		TST_EXP_EQ_LI(child_ppid, parent);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0, "vfork child exit 0");
		break;
	case 1:
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 17,
			     "vfork child exit status 17 reaches the parent");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
};
