/* sigaction(): installs a handler that runs on raise() with the right
 * signal number and siginfo (SA_SIGINFO, si_code SI_TKILL/SI_USER); the old
 * action is returned; sa_mask blocks during the handler; EINVAL for SIGKILL,
 * SIGSTOP and signal 0.
 * SYSCALLS: rt_sigaction rt_sigprocmask tgkill getpid gettid */
#include "tst_test.h"

static volatile sig_atomic_t hits, code, blocked_in_handler;

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	sigset_t cur;

	(void)uc;
	hits = sig;
	code = si->si_signo == sig ? si->si_code : -999;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	blocked_in_handler = sigismember(&cur, SIGUSR2);
}

static void run(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	TST_EXP_PASS(sigaction(SIGUSR1, &sa, NULL), "sigaction(SIGUSR1, SA_SIGINFO)");
	raise(SIGUSR1);
	TST_EXP_EQ_LI(hits, SIGUSR1);
	TST_EXP_EXPR(code == SI_TKILL || code == SI_USER, "si_code is SI_TKILL or SI_USER (%d)", (int)code);
	TST_EXP_EQ_LI(blocked_in_handler, 1);

	memset(&old, 0, sizeof(old));
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	TST_EXP_PASS(sigaction(SIGUSR1, &sa, &old), "sigaction() returning the old action");
	TST_EXP_EXPR(old.sa_sigaction == info_handler && (old.sa_flags & SA_SIGINFO),
		     "old action is the SA_SIGINFO handler");
	hits = 0;
	raise(SIGUSR1);
	TST_EXP_EQ_LI(hits, 0);

	TST_EXP_FAIL(sigaction(SIGKILL, &sa, NULL), EINVAL, "sigaction(SIGKILL)");
	TST_EXP_FAIL(sigaction(SIGSTOP, &sa, NULL), EINVAL, "sigaction(SIGSTOP)");
	TST_EXP_FAIL(sigaction(0, &sa, NULL), EINVAL, "sigaction(0)");
}

static struct tst_test test = {
	.test_all = run,
};
