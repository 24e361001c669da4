/* setpgid()/getpgid()/getpgrp(): a child moves into its own group and the
 * parent sees it; the parent may move its child into that group too;
 * getpgid(0) equals getpgrp(); ESRCH for a pid that does not exist,
 * EINVAL for a negative pgid, EPERM for a group in another session and
 * for a session leader.
 * SYSCALLS: setpgid getpgid getpid setsid clone wait4 exit_group futex */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	pid_t pid, pid2;
	int status;

	switch (n) {
	case 0:
		TST_EXP_EQ_LI(getpgid(0), getpgrp());
		TST_EXP_EQ_LI(getpgid(getpid()), getpgrp());
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(0);
		}
		TST_EXP_PASS(setpgid(pid, pid), "setpgid(child, child) by the parent");
		TST_EXP_EQ_LI(getpgid(pid), pid);
		pid2 = SAFE_FORK();
		if (!pid2) {
			TST_CHECKPOINT_WAIT(1);
			_exit(0);
		}
		TST_EXP_PASS(setpgid(pid2, pid), "setpgid() of a second child into the first's group");
		TST_EXP_EQ_LI(getpgid(pid2), pid);
		TST_CHECKPOINT_WAKE(0);
		TST_CHECKPOINT_WAKE(1);
		SAFE_WAITPID(pid, NULL, 0);
		SAFE_WAITPID(pid2, NULL, 0);
		break;
	case 2:
		TST_EXP_FAIL(setpgid(0, -1), EINVAL, "setpgid(0, -1)");
		TST_EXP_FAIL(getpgid(-5), ESRCH, "getpgid(-5)");
		TST_EXP_FAIL(getpgid(0x3ffffff0), ESRCH, "getpgid() of a pid that does not exist");
		TST_EXP_FAIL(setpgid(0x3ffffff0, 0), ESRCH, "setpgid() of a pid that does not exist");
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			/* A session leader cannot change its group; a group in another
			 * session cannot be joined. */
			int err1, err2;
			pid_t parent_pg = getpgrp();

			if (setsid() < 0)
				_exit(10);
			err1 = setpgid(0, 0) == -1 ? errno : 0;
			err2 = setpgid(0, parent_pg) == -1 ? errno : 0;
			_exit((err1 == EPERM ? 0 : 1) | (err2 == EPERM ? 0 : 2));
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			     "EPERM for setpgid() of a session leader and into another session (status %d)",
			     WEXITSTATUS(status));
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
