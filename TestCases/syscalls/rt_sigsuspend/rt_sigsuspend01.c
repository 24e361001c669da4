/* rt_sigsuspend(): with a blocked signal already pending, suspending with
 * an empty mask runs the handler and returns -1 EINTR, and the original
 * mask is back afterwards; a signal sent later by a child wakes it too;
 * the raw call rejects sigsetsize 4 with EINVAL and an unmapped mask with
 * EFAULT.
 * SYSCALLS: rt_sigsuspend rt_sigprocmask rt_sigaction kill getpid clone wait4 exit_group read */
#include <sys/syscall.h>
#include "tst_test.h"

static volatile int hits;

static void handler(int sig) { hits++; }

static void setup(void)
{
	sigset_t set;

	SAFE_SIGNAL(SIGUSR1, handler);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
}

static void run(unsigned int n)
{
	sigset_t empty, cur;
	pid_t pid;

	sigemptyset(&empty);
	hits = 0;
	switch (n) {
	case 0:
		SAFE_KILL(getpid(), SIGUSR1);
		TST_EXP_EQ_LI(hits, 0);
		TST_EXP_FAIL(sigsuspend(&empty), EINTR, "sigsuspend() with a pending signal");
		TST_EXP_EQ_LI(hits, 1);
		SAFE_SIGPROCMASK(SIG_BLOCK, NULL, &cur);
		TST_EXP_EXPR(sigismember(&cur, SIGUSR1), "the blocking mask is restored");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			TST_PROCESS_STATE_WAIT(getppid(), 'S', 0);
			kill(getppid(), SIGUSR1);
			_exit(0);
		}
		TST_EXP_FAIL(sigsuspend(&empty), EINTR, "sigsuspend() woken by a child's kill()");
		TST_EXP_EQ_LI(hits, 1);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 2:
		TST_EXP_FAIL(syscall(__NR_rt_sigsuspend, &empty, 4), EINVAL, "rt_sigsuspend() sigsetsize 4");
		TST_EXP_FAIL(syscall(__NR_rt_sigsuspend, tst_get_bad_addr(NULL), 8), EFAULT,
			     "rt_sigsuspend() unmapped mask");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.forks_child = 1,
};
