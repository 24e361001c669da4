/* waitid() job control: WSTOPPED reports CLD_STOPPED with the stop signal,
 * WCONTINUED reports CLD_CONTINUED after SIGCONT, P_PGID selects a child by
 * its process group and ignores another group; waitpid(WUNTRACED) agrees.
 * SYSCALLS: waitid wait4 kill setpgid clone exit_group futex */
#include "tst_test.h"

static void run(unsigned int n)
{
	siginfo_t si;
	pid_t pid, other;
	int status;

	memset(&si, 0, sizeof(si));
	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			for (;;)
				pause();
		}
		SAFE_KILL(pid, SIGSTOP);
		TST_EXP_PASS(waitid(P_PID, pid, &si, WSTOPPED), "waitid(WSTOPPED)");
		TST_EXP_EXPR(si.si_code == CLD_STOPPED && si.si_status == SIGSTOP,
			     "CLD_STOPPED by SIGSTOP (code %d status %d)", si.si_code, si.si_status);
		SAFE_KILL(pid, SIGCONT);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PID, pid, &si, WCONTINUED), "waitid(WCONTINUED)");
		TST_EXP_EXPR(si.si_code == CLD_CONTINUED && si.si_status == SIGCONT,
			     "CLD_CONTINUED (code %d status %d)", si.si_code, si.si_status);
		SAFE_KILL(pid, SIGKILL);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			for (;;)
				pause();
		}
		SAFE_KILL(pid, SIGTSTP);
		TST_EXP_PID(waitpid(pid, &status, WUNTRACED), "waitpid(WUNTRACED)");
		TST_EXP_EXPR(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP, "stopped by SIGTSTP");
		SAFE_KILL(pid, SIGKILL);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 2:
		other = SAFE_FORK();
		if (!other) {
			TST_CHECKPOINT_WAIT(0);
			_exit(1);
		}
		pid = SAFE_FORK();
		if (!pid) {
			setpgid(0, 0);
			TST_CHECKPOINT_WAKE(1);
			_exit(2);
		}
		TST_CHECKPOINT_WAIT(1);
		TST_EXP_PASS(waitid(P_PGID, pid, &si, WEXITED), "waitid(P_PGID) of the child's own group");
		TST_EXP_EXPR(si.si_pid == pid && si.si_status == 2, "the right child (pid %d status %d)",
			     (int)si.si_pid, si.si_status);
		/* The group is now empty: the other child (in our group) must not
		 * be reported for it. */
		TST_EXP_FAIL(waitid(P_PGID, pid, &si, WEXITED | WNOHANG), ECHILD,
			     "waitid(P_PGID) of a group with no children left");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(other, NULL, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
