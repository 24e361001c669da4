/* epoll_pwait(): the sigmask is applied for the wait only, so a pending
 * blocked signal that the mask unblocks interrupts it (EINTR) while a mask
 * that keeps it blocked does not; a NULL mask behaves like epoll_wait;
 * EINVAL for a non-epoll fd.
 * SYSCALLS: epoll_pwait epoll_create1 epoll_ctl rt_sigprocmask rt_sigaction rt_sigpending tgkill pipe2 write close gettid read */
#include <sys/epoll.h>
#include "tst_test.h"

static volatile sig_atomic_t caught;
static int ep = -1, p[2] = { -1, -1 };

static void handler(int sig)
{
	caught = sig;
}

static void setup(void)
{
	struct sigaction sa = { .sa_handler = handler };
	struct epoll_event ev = { .events = EPOLLIN };

	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
	SAFE_PIPE(p);
	ep = epoll_create1(0);
	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev))
		tst_brk(TBROK | TERRNO, "epoll setup");
}

static void cleanup(void)
{
	if (ep >= 0)
		SAFE_CLOSE(ep);
	if (p[0] >= 0)
		SAFE_CLOSE(p[0]);
	if (p[1] >= 0)
		SAFE_CLOSE(p[1]);
}

static void run(unsigned int n)
{
	struct epoll_event out;
	sigset_t set, old, empty, pending;
	char c;

	SAFE_SIGEMPTYSET(&set);
	SAFE_SIGADDSET(&set, SIGUSR1);
	SAFE_SIGEMPTYSET(&empty);
	switch (n) {
	case 0:
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, &old);
		caught = 0;
		raise(SIGUSR1);
		TST_EXP_FAIL2(epoll_pwait(ep, &out, 1, 5000, &empty), EINTR,
			      "epoll_pwait() with a mask unblocking a pending signal");
		TST_EXP_EXPR(caught == SIGUSR1, "the handler ran during epoll_pwait()");
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		break;
	case 1:
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, &old);
		caught = 0;
		raise(SIGUSR1);
		TST_EXP_VAL(epoll_pwait(ep, &out, 1, 0, &set), 0,
			    "epoll_pwait() with a mask keeping it blocked times out");
		sigpending(&pending);
		TST_EXP_EXPR(!caught && sigismember(&pending, SIGUSR1), "the signal is still pending");
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		break;
	case 2:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		TST_EXP_VAL(epoll_pwait(ep, &out, 1, 0, NULL), 1, "epoll_pwait(NULL mask) reports data");
		TST_EXP_EXPR(out.events == EPOLLIN, "the event is EPOLLIN");
		SAFE_READ(1, p[0], &c, 1);
		TST_EXP_FAIL2(epoll_pwait(p[0], &out, 1, 0, NULL), EINVAL,
			      "epoll_pwait() on a pipe fd");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
