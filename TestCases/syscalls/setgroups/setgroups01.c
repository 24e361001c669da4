/* setgroups()/getgroups(): a list set by root is read back, getgroups(0)
 * returns the count, an empty list is allowed; EINVAL when the buffer is
 * too small and for a size above NGROUPS_MAX, EFAULT for an unmapped list,
 * EPERM after dropping root.
 * SYSCALLS: setgroups getgroups setuid clone wait4 exit_group geteuid */
#include <grp.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	gid_t set[3] = { 11, 22, 33 }, got[8];
	int status;
	pid_t pid;

	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_PASS(setgroups(3, set), "setgroups() of 3 gids");
		TST_EXP_VAL(getgroups(0, NULL), 3, "getgroups(0) counts 3");
		TST_EXP_VAL(getgroups(8, got), 3, "getgroups() into 8 slots");
		TST_EXP_EXPR(got[0] == 11 && got[1] == 22 && got[2] == 33, "list read back");
		TST_EXP_FAIL(getgroups(2, got), EINVAL, "getgroups() with 2 slots for 3");
		TST_EXP_FAIL(syscall(__NR_setgroups, 70000, set), EINVAL, "setgroups() size 70000");
		TST_EXP_FAIL(syscall(__NR_setgroups, 2, tst_get_bad_addr(NULL)), EFAULT, "setgroups() unmapped list");
		TST_EXP_PASS(setgroups(0, NULL), "setgroups() of an empty list");
		TST_EXP_VAL(getgroups(0, NULL), 0, "no supplementary groups left");
		SAFE_SETUID(65534);
		TST_EXP_FAIL(setgroups(3, set), EPERM, "setgroups() without privilege");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
