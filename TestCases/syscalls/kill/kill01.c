/* kill(): signal 0 probes a live process; SIGKILL kills a child (seen by
 * waitpid); SIGUSR1 reaches the caller's handler; ESRCH for a reaped pid,
 * EINVAL for an invalid signal.
 * SYSCALLS: kill rt_sigaction clone wait4 getpid */
#include "tst_test.h"

static volatile sig_atomic_t got;

static void handler(int sig)
{
	got = sig;
}

static void run(void)
{
	int status;
	pid_t pid;

	TST_EXP_PASS(kill(getpid(), 0), "kill(self, 0)");

	pid = SAFE_FORK();
	if (!pid) {
		for (;;)
			pause();
	}
	TST_EXP_PASS(kill(pid, SIGKILL), "kill(child, SIGKILL)");
	SAFE_WAITPID(pid, &status, 0);
	TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		     "child was killed by SIGKILL");
	TST_EXP_FAIL(kill(pid, 0), ESRCH, "kill() of a reaped pid");

	SAFE_SIGNAL(SIGUSR1, handler);
	TST_EXP_PASS(kill(getpid(), SIGUSR1), "kill(self, SIGUSR1)");
	TST_EXP_EQ_LI(got, SIGUSR1);

	TST_EXP_FAIL(kill(getpid(), 12345), EINVAL, "kill() with signal 12345");
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
};
