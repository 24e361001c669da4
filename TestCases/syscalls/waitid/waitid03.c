/* waitid() with P_PIDFD and WNOWAIT: P_PIDFD reaps exactly the child the
 * pidfd names (another child stays), WNOHANG on a running child gives
 * si_pid 0 and a PIDFD_NONBLOCK pidfd gives EAGAIN instead; WSTOPPED and
 * WCONTINUED events with WNOWAIT can be read again until consumed, after
 * which WNOHANG finds nothing; ECHILD for a pidfd of a process that is not
 * our child, EBADF for a closed fd and for an fd that is not a pidfd,
 * EINVAL for a negative fd.
 * SYSCALLS: waitid pidfd_open clone kill wait4 exit_group close pipe2 */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef P_PIDFD
# define P_PIDFD 3
#endif
#ifndef PIDFD_NONBLOCK
# define PIDFD_NONBLOCK O_NONBLOCK
#endif

static int pidfd_open(pid_t pid, unsigned int flags)
{
	return syscall(__NR_pidfd_open, pid, flags);
}

static int safe_pidfd_open(const char *file, int line, pid_t pid)
{
	int fd = pidfd_open(pid, 0);

	if (fd < 0)
		tst_brk_(file, line, TBROK | TERRNO, "pidfd_open(%d)", (int)pid);
	return fd;
}
#define SAFE_PIDFD_OPEN_(pid) safe_pidfd_open(__FILE__, __LINE__, (pid))

static void setup(void)
{
	int fd = tst_syscall(__NR_pidfd_open, getpid(), 0);

	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static pid_t sleeper(void)
{
	pid_t pid = SAFE_FORK();

	if (!pid) {
		for (;;)
			pause();
	}
	return pid;
}

static void run(unsigned int n)
{
	siginfo_t si;
	pid_t a, b;
	int fd, p[2];

	memset(&si, 0, sizeof(si));
	switch (n) {
	case 0:
		a = SAFE_FORK();
		if (!a)
			_exit(3);
		b = SAFE_FORK();
		if (!b)
			_exit(4);
		fd = SAFE_PIDFD_OPEN_(b);
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WEXITED), "waitid(P_PIDFD) of the second child");
		TST_EXP_EXPR(si.si_pid == b && si.si_code == CLD_EXITED && si.si_status == 4,
			     "reaped the pidfd's child (pid %d status %d)", (int)si.si_pid, si.si_status);
		TST_EXP_FAIL(waitid(P_PIDFD, fd, &si, WEXITED | WNOHANG), ECHILD,
			     "waitid(P_PIDFD) again after the reap");
		SAFE_CLOSE(fd);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PID, a, &si, WEXITED), "the first child is still waitable");
		TST_EXP_EXPR(si.si_pid == a && si.si_status == 3, "first child status 3 (%d)", si.si_status);
		break;
	case 1:
		a = sleeper();
		fd = SAFE_PIDFD_OPEN_(a);
		si.si_pid = 1;
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WEXITED | WNOHANG), "waitid(P_PIDFD, WNOHANG) of a running child");
		TST_EXP_EQ_LI(si.si_pid, 0);
		SAFE_CLOSE(fd);
		fd = pidfd_open(a, PIDFD_NONBLOCK);
		if (fd < 0) {
			tst_res(TCONF | TERRNO, "pidfd_open(PIDFD_NONBLOCK)");
		} else {
			TST_EXP_FAIL(waitid(P_PIDFD, fd, &si, WEXITED), EAGAIN,
				     "waitid(P_PIDFD) on a PIDFD_NONBLOCK pidfd of a running child");
			SAFE_CLOSE(fd);
		}
		SAFE_KILL(a, SIGKILL);
		SAFE_WAITPID(a, NULL, 0);
		break;
	case 2:
		a = sleeper();
		fd = SAFE_PIDFD_OPEN_(a);
		SAFE_KILL(a, SIGSTOP);
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WSTOPPED | WNOWAIT), "waitid(WSTOPPED|WNOWAIT)");
		TST_EXP_EXPR(si.si_code == CLD_STOPPED && si.si_status == SIGSTOP, "CLD_STOPPED (code %d)", si.si_code);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WSTOPPED | WNOWAIT | WNOHANG), "the stop is still there");
		TST_EXP_EXPR(si.si_pid == a && si.si_code == CLD_STOPPED, "same stop reported again (pid %d code %d)",
			     (int)si.si_pid, si.si_code);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WSTOPPED), "waitid(WSTOPPED) consumes it");
		TST_EXP_EXPR(si.si_pid == a && si.si_code == CLD_STOPPED, "stop consumed");
		si.si_pid = 1;
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WSTOPPED | WNOHANG), "waitid(WSTOPPED|WNOHANG) after consuming");
		TST_EXP_EQ_LI(si.si_pid, 0);

		SAFE_KILL(a, SIGCONT);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WCONTINUED | WNOWAIT), "waitid(WCONTINUED|WNOWAIT)");
		TST_EXP_EXPR(si.si_code == CLD_CONTINUED && si.si_status == SIGCONT, "CLD_CONTINUED (code %d)", si.si_code);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WCONTINUED | WNOHANG), "waitid(WCONTINUED) consumes it");
		TST_EXP_EXPR(si.si_pid == a && si.si_code == CLD_CONTINUED, "continue consumed");
		si.si_pid = 1;
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WCONTINUED | WNOHANG), "waitid(WCONTINUED|WNOHANG) after consuming");
		TST_EXP_EQ_LI(si.si_pid, 0);

		SAFE_KILL(a, SIGKILL);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WEXITED | WNOWAIT), "waitid(WEXITED|WNOWAIT) of the killed child");
		TST_EXP_EXPR(si.si_code == CLD_KILLED && si.si_status == SIGKILL, "CLD_KILLED (code %d)", si.si_code);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WEXITED), "the zombie is still there for waitid(WEXITED)");
		TST_EXP_EXPR(si.si_pid == a && si.si_code == CLD_KILLED, "reaped it");
		SAFE_CLOSE(fd);
		break;
	case 3:
		/* Our parent is a process but not our child. */
		fd = SAFE_PIDFD_OPEN_(getppid());
		TST_EXP_FAIL(waitid(P_PIDFD, fd, &si, WEXITED | WNOHANG), ECHILD, "waitid(P_PIDFD) of a non-child");
		b = fd;
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(waitid(P_PIDFD, b, &si, WEXITED), EBADF, "waitid(P_PIDFD) of a closed fd");
		SAFE_PIPE(p);
		TST_EXP_FAIL(waitid(P_PIDFD, p[0], &si, WEXITED), EBADF, "waitid(P_PIDFD) of a pipe (not a pidfd)");
		TST_EXP_FAIL(waitid(P_PIDFD, -1, &si, WEXITED), EINVAL, "waitid(P_PIDFD) of fd -1");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.forks_child = 1,
};
