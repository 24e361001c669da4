/* pidfd_open(): a pidfd for self and for a child is close-on-exec, polls
 * readable when the child exits and works with waitid(P_PIDFD);
 * PIDFD_NONBLOCK makes waitid(WEXITED) on a running child EAGAIN; EINVAL
 * for unknown flags and pid 0/-1, ESRCH for a missing pid.
 * SYSCALLS: pidfd_open waitid ppoll fcntl close clone exit_group futex */
#include <poll.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_pidfd_open
# define __NR_pidfd_open 434
#endif
#ifndef P_PIDFD
# define P_PIDFD 3
#endif
#define PIDFD_NONBLOCK_ O_NONBLOCK

static void run(unsigned int n)
{
	struct pollfd pfd;
	siginfo_t si;
	pid_t pid;
	int fd;

	switch (n) {
	case 0:
		fd = TST_EXP_FD(tst_syscall(__NR_pidfd_open, getpid(), 0), "pidfd_open(self)");
		if (fd < 0)
			return;
		TST_EXP_EXPR(fcntl(fd, F_GETFD) & FD_CLOEXEC, "pidfd is close-on-exec");
		SAFE_CLOSE(fd);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(3);
		}
		fd = TST_EXP_FD(tst_syscall(__NR_pidfd_open, pid, 0), "pidfd_open(child)");
		pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
		TST_EXP_VAL(poll(&pfd, 1, 0), 0, "poll() on a running child's pidfd");
		TST_CHECKPOINT_WAKE(0);
		TST_EXP_VAL(poll(&pfd, 1, 10000), 1, "poll() after the child exits");
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, fd, &si, WEXITED), "waitid(P_PIDFD)");
		TST_EXP_EXPR(si.si_pid == pid && si.si_status == 3, "exit status 3 via the pidfd");
		SAFE_CLOSE(fd);
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(0);
		}
		fd = tst_syscall(__NR_pidfd_open, pid, PIDFD_NONBLOCK_);
		if (fd < 0 && errno == EINVAL) {
			TST_CHECKPOINT_WAKE(0);
			SAFE_WAITPID(pid, NULL, 0);
			tst_res(TCONF, "PIDFD_NONBLOCK not supported");
			return;
		}
		TST_EXP_FAIL(waitid(P_PIDFD, fd, &si, WEXITED), EAGAIN,
			     "waitid() on a PIDFD_NONBLOCK pidfd of a running child");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL2(tst_syscall(__NR_pidfd_open, getpid(), 0x4), EINVAL, "pidfd_open() with flag 0x4");
		TST_EXP_FAIL2(tst_syscall(__NR_pidfd_open, 0, 0), EINVAL, "pidfd_open(0)");
		TST_EXP_FAIL2(tst_syscall(__NR_pidfd_open, -1, 0), EINVAL, "pidfd_open(-1)");
		TST_EXP_FAIL2(tst_syscall(__NR_pidfd_open, 0x3ffffff0, 0), ESRCH, "pidfd_open() of a missing pid");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
