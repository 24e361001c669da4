/* getpriority()/setpriority(): a child's nice value set by the parent
 * (PRIO_PROCESS) is read back and seen by the child's nice(0); PRIO_PGRP
 * reaches a whole group; values clamp to 19; the raw getpriority returns
 * 20 - nice; an unprivileged process may raise but not lower its nice
 * (EACCES), checked relative to the nice value the test started with (the
 * runner may itself run under nice); EINVAL for which 99, ESRCH for a
 * missing pid.
 * SYSCALLS: getpriority setpriority setpgid setuid clone wait4 exit_group geteuid futex clock_nanosleep */
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tst_test.h"

static int start_nice;

static void setup(void)
{
	errno = 0;
	start_nice = getpriority(PRIO_PROCESS, 0);
	if (start_nice == -1 && errno)
		tst_brk(TBROK | TERRNO, "getpriority(PRIO_PROCESS, 0)");
}

static void run(unsigned int n)
{
	int status;
	pid_t pid;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAKE_AND_WAIT(0);
			_exit(nice(0) == 7 ? 0 : 1);
		}
		TST_CHECKPOINT_WAIT(0);
		TST_EXP_PASS(setpriority(PRIO_PROCESS, pid, 7), "setpriority(PRIO_PROCESS, child, 7)");
		TST_EXP_VAL(getpriority(PRIO_PROCESS, pid), 7, "getpriority() of the child");
		TST_EXP_VAL(syscall(__NR_getpriority, PRIO_PROCESS, pid), 13, "raw getpriority() is 20 - nice");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "child's nice(0) is 7");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			setpgid(0, 0);
			TST_CHECKPOINT_WAKE_AND_WAIT(0);
			_exit(0);
		}
		TST_CHECKPOINT_WAIT(0);
		TST_EXP_PASS(setpriority(PRIO_PGRP, pid, 100), "setpriority(PRIO_PGRP, 100)");
		TST_EXP_VAL(getpriority(PRIO_PGRP, pid), 19, "the group's nice clamps to 19");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 2:
		if (start_nice > 14) {
			tst_res(TCONF, "started at nice %d: no room to raise it by 5", start_nice);
			break;
		}
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_PASS(setpriority(PRIO_PROCESS, 0, start_nice + 5), "unprivileged nice %d -> %d",
				     start_nice, start_nice + 5);
			TST_EXP_FAIL(setpriority(PRIO_PROCESS, 0, start_nice + 2), EACCES,
				     "unprivileged nice %d -> %d", start_nice + 5, start_nice + 2);
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 3:
		TST_EXP_FAIL(getpriority(99, 0), EINVAL, "getpriority(99)");
		TST_EXP_FAIL(setpriority(99, 0, 0), EINVAL, "setpriority(99)");
		TST_EXP_FAIL(getpriority(PRIO_PROCESS, 0x3ffffff0), ESRCH, "getpriority() of a missing pid");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.forks_child = 1,
	.needs_checkpoints = 1,
	.needs_root = 1,
};
