/* setuid(): root switching to uid 65534 sets real, effective and saved
 * uid (getresuid, getuid, geteuid), after which setuid(0) is EPERM and setuid(65534) still
 * works; EINVAL for uid -1. Runs in a forked child.
 * SYSCALLS: setuid getresuid getuid geteuid clone wait4 exit_group */
#include "tst_test.h"

static void run(void)
{
	int status;
	pid_t pid;

	TST_EXP_FAIL(setuid((uid_t)-1), EINVAL, "setuid(-1)");
	pid = SAFE_FORK();
	if (!pid) {
		uid_t r, e, s;

		TST_EXP_PASS(setuid(65534), "setuid(65534) as root");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 65534 && e == 65534 && s == 65534, "real/effective/saved all 65534");
		TST_EXP_EQ_LI(getuid(), 65534);
		TST_EXP_EQ_LI(geteuid(), 65534);
		TST_EXP_FAIL(setuid(0), EPERM, "setuid(0) after dropping root");
		TST_EXP_PASS(setuid(65534), "setuid() to the current uid");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
