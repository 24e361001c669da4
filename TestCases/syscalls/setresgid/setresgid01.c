/* setresgid()/getresgid(): the three gids set independently by root and
 * read back, -1 keeps a field; after dropping the uid, switching among the
 * current gids works and a foreign gid is EPERM; EFAULT for getresgid into
 * unmapped memory.
 * SYSCALLS: setresgid getresgid setuid clone wait4 exit_group geteuid */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	int status;
	pid_t pid;
	gid_t r, e, s;

	TST_EXP_FAIL(syscall(__NR_getresgid, &r, tst_get_bad_addr(NULL), &s), EFAULT,
		     "getresgid() into an unmapped pointer");
	pid = SAFE_FORK();
	if (!pid) {
		TST_EXP_PASS(setresgid(10, 20, 30), "setresgid(10, 20, 30)");
		getresgid(&r, &e, &s);
		TST_EXP_EXPR(r == 10 && e == 20 && s == 30, "gids read back 10/20/30");
		TST_EXP_PASS(setresgid(-1, 10, -1), "effective gid to the real one");
		getresgid(&r, &e, &s);
		TST_EXP_EXPR(r == 10 && e == 10 && s == 30, "10/10/30");
		SAFE_SETUID(65534);
		TST_EXP_PASS(setresgid(-1, 30, -1), "unprivileged switch to the saved gid");
		TST_EXP_FAIL(setresgid(-1, 77, -1), EPERM, "unprivileged switch to a foreign gid");
		_exit(0);
	}
	SAFE_WAITPID(pid, &status, 0);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_root = 1,
};
