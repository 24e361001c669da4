/* sigprocmask() and sigpending(): a blocked signal stays pending without
 * running its handler, runs once on unblock; SIG_SETMASK returns the old
 * mask; SIGKILL cannot be blocked; EINVAL for a bad "how"; rt_sigpending
 * EINVAL for a sigset size larger than the kernel's, EFAULT.
 * SYSCALLS: rt_sigprocmask rt_sigpending rt_sigaction kill getpid */
#include <sys/syscall.h>
#include "tst_test.h"

static volatile sig_atomic_t hits;

static void handler(int sig)
{
	(void)sig;
	hits++;
}

static void run(void)
{
	sigset_t set, old, pend;

	SAFE_SIGNAL(SIGUSR1, handler);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGKILL);
	TST_EXP_PASS(sigprocmask(SIG_BLOCK, &set, &old), "sigprocmask(SIG_BLOCK)");
	SAFE_KILL(getpid(), SIGUSR1);
	SAFE_KILL(getpid(), SIGUSR1);
	TST_EXP_EQ_LI(hits, 0);
	TST_EXP_PASS(sigpending(&pend), "sigpending()");
	TST_EXP_EQ_LI(sigismember(&pend, SIGUSR1), 1);

	sigprocmask(SIG_BLOCK, NULL, &pend);
	TST_EXP_EQ_LI(sigismember(&pend, SIGKILL), 0);

	TST_EXP_PASS(sigprocmask(SIG_SETMASK, &old, &set), "sigprocmask(SIG_SETMASK) restoring");
	TST_EXP_EQ_LI(hits, 1);
	TST_EXP_EQ_LI(sigismember(&set, SIGUSR1), 1);

	TST_EXP_FAIL(sigprocmask(12345, &set, NULL), EINVAL, "sigprocmask() with an invalid how");
	/* The kernel's sigset is 8 bytes on every 64-bit architecture here. */
	TST_EXP_FAIL(syscall(__NR_rt_sigpending, &pend, 16), EINVAL, "rt_sigpending() with sigsetsize 16");
	TST_EXP_FAIL(syscall(__NR_rt_sigpending, tst_get_bad_addr(NULL), 8), EFAULT,
		     "rt_sigpending() into an unmapped set");
}

static struct tst_test test = {
	.test_all = run,
};
