/* setsid()/getsid(): a forked child becomes a session and group leader
 * (getsid(0) == getpgrp() == getpid()); the parent sees the child's new
 * session via getsid(pid); a process group leader gets EPERM; getsid() of
 * a missing pid is ESRCH.
 * SYSCALLS: setsid getsid getpgid getpid setpgid clone wait4 exit_group futex */
#include "tst_test.h"

static void run(unsigned int n)
{
	pid_t pid;
	int status;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			pid_t sid = setsid();
			int ok = sid == getpid() && getsid(0) == sid && getpgid(0) == sid;

			TST_CHECKPOINT_WAKE_AND_WAIT(0);
			_exit(ok ? 0 : 1);
		}
		TST_CHECKPOINT_WAIT(0);
		TST_EXP_EQ_LI(getsid(pid), pid);
		TST_EXP_EXPR(getsid(0) != pid, "the parent keeps its own session");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "in the child setsid() == getpid() == getsid(0) == getpgid(0)");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			setpgid(0, 0);
			_exit(setsid() == -1 && errno == EPERM ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "setsid() by a process group leader fails with EPERM");
		break;
	case 2:
		TST_EXP_FAIL2(getsid(0x3ffffff0), ESRCH, "getsid() of a pid that does not exist");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
