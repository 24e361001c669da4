/* setreuid(): root sets real and effective uid, setting the real uid also
 * moves the saved uid to the new effective one; an unprivileged process can
 * swap real and effective but gets EPERM for a foreign uid.
 * SYSCALLS: setreuid getresuid clone wait4 exit_group geteuid */
#include "tst_test.h"

static void run(void)
{
	int status;
	pid_t pid;
	uid_t r, e, s;

	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_PASS(setreuid(1000, 2000), "setreuid(1000, 2000)");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 1000 && e == 2000 && s == 2000,
			     "real 1000, effective 2000, saved follows effective (%u/%u/%u)", r, e, s);
		TST_EXP_PASS(setreuid(2000, 1000), "unprivileged swap of real and effective");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 2000 && e == 1000, "swapped (%u/%u)", r, e);
		TST_EXP_FAIL(setreuid(-1, 3000), EPERM, "setreuid() to a foreign effective uid");
		TST_EXP_FAIL(setreuid(0, -1), EPERM, "setreuid() to real uid 0");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
