/* waitid(): P_PID/WEXITED reports CLD_EXITED with the status, P_ALL finds
 * a SIGKILLed child as CLD_KILLED, WNOHANG with a running child returns 0
 * with si_pid 0, WNOWAIT leaves the child waitable, the raw syscall fills
 * rusage; ECHILD with no children, EINVAL without WEXITED/WSTOPPED/
 * WCONTINUED and for a bad idtype.
 * SYSCALLS: waitid clone kill wait4 exit_group futex */
#include <sys/syscall.h>
#include <sys/resource.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	siginfo_t si;
	struct rusage ru;
	pid_t pid;

	memset(&si, 0, sizeof(si));
	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid)
			_exit(42);
		TST_EXP_PASS(waitid(P_PID, pid, &si, WEXITED), "waitid(P_PID, WEXITED)");
		TST_EXP_EXPR(si.si_signo == SIGCHLD && si.si_code == CLD_EXITED &&
			     si.si_pid == pid && si.si_status == 42,
			     "siginfo: SIGCHLD CLD_EXITED pid status 42 (code %d status %d)",
			     si.si_code, si.si_status);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			pause();
			_exit(0);
		}
		SAFE_KILL(pid, SIGKILL);
		TST_EXP_PASS(waitid(P_ALL, 0, &si, WEXITED), "waitid(P_ALL) of a killed child");
		TST_EXP_EXPR(si.si_code == CLD_KILLED && si.si_status == SIGKILL && si.si_pid == pid,
			     "CLD_KILLED by SIGKILL (code %d status %d)", si.si_code, si.si_status);
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(0);
		}
		si.si_pid = 12345;
		TST_EXP_PASS(waitid(P_PID, pid, &si, WEXITED | WNOHANG), "waitid(WNOHANG) on a running child");
		TST_EXP_EQ_LI(si.si_pid, 0);
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid)
			_exit(6);
		TST_EXP_PASS(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), "waitid(WNOWAIT)");
		TST_EXP_EQ_LI(si.si_status, 6);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PID, pid, &si, WEXITED), "waitid() again after WNOWAIT");
		TST_EXP_EQ_LI(si.si_pid, pid);
		break;
	case 4:
		pid = SAFE_FORK();
		if (!pid) {
			volatile unsigned long x = 0;
			while (x < 20000000UL)
				x++;
			_exit(0);
		}
		memset(&ru, 0, sizeof(ru));
		TST_EXP_PASS(syscall(__NR_waitid, P_PID, pid, &si, WEXITED, &ru), "raw waitid() with rusage");
		TST_EXP_EXPR(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 ||
			     ru.ru_stime.tv_usec > 0, "rusage of a busy child is non-zero (%ld us user)",
			     (long)ru.ru_utime.tv_usec);
		break;
	case 5:
		TST_EXP_FAIL(waitid(P_ALL, 0, &si, WEXITED), ECHILD, "waitid() with no children");
		TST_EXP_FAIL(waitid(P_ALL, 0, &si, WNOHANG), EINVAL, "waitid() without WEXITED/WSTOPPED");
		TST_EXP_FAIL(syscall(__NR_waitid, 77, 0, &si, WEXITED, NULL), EINVAL, "waitid() with idtype 77");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
