/* pidfd_send_signal(): delivers a signal with a caller-supplied siginfo
 * (si_code SI_QUEUE, si_value) to the caller itself, kills a child seen by
 * waitpid; ESRCH once the child is reaped, EINVAL for non-zero flags and
 * signal 1000, EBADF for a non-pidfd, EPERM for SI_USER-coded siginfo sent
 * to another process.
 * SYSCALLS: pidfd_send_signal pidfd_open rt_sigaction rt_sigprocmask rt_sigtimedwait openat close clone wait4 exit_group getuid */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_pidfd_open
# define __NR_pidfd_open 434
#endif
#ifndef __NR_pidfd_send_signal
# define __NR_pidfd_send_signal 424
#endif

static int self_fd = -1;

static int open_pidfd(pid_t pid)
{
	int fd = tst_syscall(__NR_pidfd_open, pid, 0);

	if (fd < 0)
		tst_brk(TBROK | TERRNO, "pidfd_open(%d)", (int)pid);
	return fd;
}

static void setup(void)
{
	sigset_t set;

	self_fd = tst_syscall(__NR_pidfd_open, getpid(), 0);
	if (self_fd < 0)
		tst_brk(TBROK | TERRNO, "pidfd_open(self)");
	tst_syscall(__NR_pidfd_send_signal, self_fd, 0, NULL, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
}

static void cleanup(void)
{
	if (self_fd >= 0)
		SAFE_CLOSE(self_fd);
}

static void run(unsigned int n)
{
	struct timespec ts = { 5, 0 };
	siginfo_t info, got;
	sigset_t set;
	pid_t pid;
	int fd, status;

	switch (n) {
	case 0:
		memset(&info, 0, sizeof(info));
		info.si_signo = SIGUSR1;
		info.si_code = SI_QUEUE;
		info.si_pid = getpid();
		info.si_uid = getuid();
		info.si_value.sival_int = 0x5eed;
		TST_EXP_PASS(syscall(__NR_pidfd_send_signal, self_fd, SIGUSR1, &info, 0),
			     "pidfd_send_signal(self, SIGUSR1, SI_QUEUE info)");
		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		memset(&got, 0, sizeof(got));
		TST_EXP_VAL(sigtimedwait(&set, &got, &ts), SIGUSR1, "sigtimedwait() picks SIGUSR1");
		TST_EXP_EXPR(got.si_code == SI_QUEUE && got.si_value.sival_int == 0x5eed,
			     "siginfo carried through (code %d value 0x%x)", got.si_code,
			     got.si_value.sival_int);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			for (;;)
				pause();
		}
		fd = open_pidfd(pid);
		TST_EXP_PASS(syscall(__NR_pidfd_send_signal, fd, SIGKILL, NULL, 0), "pidfd_send_signal(child, SIGKILL)");
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "child killed by SIGKILL");
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, fd, SIGKILL, NULL, 0), ESRCH,
			     "pidfd_send_signal() to a reaped child");
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, self_fd, 0, NULL, 0x100), EINVAL, "unknown flag 0x100");
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, self_fd, 1000, NULL, 0), EINVAL, "signal 1000");
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, fd, 0, NULL, 0), EBADF, "a /dev/null fd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, -1, 0, NULL, 0), EBADF, "fd -1");
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			for (;;)
				pause();
		}
		fd = open_pidfd(pid);
		memset(&info, 0, sizeof(info));
		info.si_signo = SIGTERM;
		info.si_code = SI_USER;
		TST_EXP_FAIL(syscall(__NR_pidfd_send_signal, fd, SIGTERM, &info, 0), EPERM,
			     "forged SI_USER siginfo to another process");
		SAFE_KILL(pid, SIGKILL);
		SAFE_WAITPID(pid, NULL, 0);
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
};
