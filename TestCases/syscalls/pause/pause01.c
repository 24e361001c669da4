/* pause(): sleeps until a handled signal arrives, then returns -1 EINTR
 * after the handler ran; an ignored signal does not wake it (a child stays
 * in pause() through SIGUSR2 with SIG_IGN and dies only by SIGKILL).
 * SYSCALLS: ppoll rt_sigaction kill clone wait4 exit_group read futex */
#include "tst_test.h"

static volatile int hits;

static void handler(int sig) { hits++; }

static void run(unsigned int n)
{
	pid_t pid;
	int status;

	pid = SAFE_FORK();
	if (!pid) {
		SAFE_SIGNAL(SIGUSR1, handler);
		SAFE_SIGNAL(SIGUSR2, SIG_IGN);
		TST_CHECKPOINT_WAKE(0);
		if (pause() == -1 && errno == EINTR && hits == 1)
			_exit(0);
		_exit(1);
	}
	TST_CHECKPOINT_WAIT(0);
	TST_PROCESS_STATE_WAIT(pid, 'S', 0);
	switch (n) {
	case 0:
		SAFE_KILL(pid, SIGUSR1);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "pause() returned EINTR after the handler ran");
		break;
	case 1:
		SAFE_KILL(pid, SIGUSR2);
		/* An ignored signal is discarded at generation: still asleep. */
		TST_PROCESS_STATE_WAIT(pid, 'S', 0);
		TST_EXP_FAIL2(waitpid(pid, &status, WNOHANG) == 0 ? -1 : 0, 0,
			      "child still in pause() after an ignored signal");
		SAFE_KILL(pid, SIGKILL);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "SIGKILL ends the pause");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
