/* setresuid()/getresuid(): -1 leaves a field unchanged; root can set the
 * three ids independently; an unprivileged process may swap among its
 * current real/effective/saved ids (back to the saved 0 via the effective
 * id) but not take a new one (EPERM); EFAULT for getresuid into unmapped
 * memory.
 * SYSCALLS: setresuid getresuid clone wait4 exit_group geteuid */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	int status;
	pid_t pid;
	uid_t r, e, s;

	TST_EXP_FAIL(syscall(__NR_getresuid, tst_get_bad_addr(NULL), &e, &s), EFAULT,
		     "getresuid() into an unmapped pointer");
	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_PASS(setresuid(1000, 2000, 0), "setresuid(1000, 2000, 0)");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 1000 && e == 2000 && s == 0, "ids read back 1000/2000/0");
		TST_EXP_PASS(setresuid(-1, -1, -1), "setresuid(-1, -1, -1) changes nothing");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(r == 1000 && e == 2000 && s == 0, "still 1000/2000/0");
		TST_EXP_FAIL(setresuid(-1, 3000, -1), EPERM, "unprivileged effective uid 3000");
		TST_EXP_PASS(setresuid(-1, 1000, -1), "effective uid to the real uid");
		TST_EXP_PASS(setresuid(-1, 0, -1), "effective uid back to the saved 0");
		getresuid(&r, &e, &s);
		TST_EXP_EXPR(e == 0, "effective uid 0 again");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
