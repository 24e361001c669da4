/* epoll_pwait2(): a timespec timeout; {0,0} returns at once, a short one
 * expires with 0, NULL waits only until an event (one is ready); the sigmask
 * lets a pending blocked signal interrupt (EINTR); EINVAL for tv_nsec out of
 * range and a negative tv_sec.
 * SYSCALLS: epoll_pwait2 epoll_create1 epoll_ctl rt_sigprocmask rt_sigaction tgkill pipe2 write read close gettid */
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_epoll_pwait2
# define __NR_epoll_pwait2 441
#endif

static volatile sig_atomic_t caught;
static int ep = -1, p[2] = { -1, -1 };

static long pw2(struct epoll_event *ev, int max, struct timespec *ts, const sigset_t *mask)
{
	return tst_syscall(__NR_epoll_pwait2, ep, ev, max, ts, mask, 8);
}

static void handler(int sig)
{
	caught = sig;
}

static void setup(void)
{
	struct sigaction sa = { .sa_handler = handler };
	struct epoll_event ev = { .events = EPOLLIN };
	struct timespec zero = { 0, 0 };

	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
	SAFE_PIPE(p);
	ep = epoll_create1(0);
	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev))
		tst_brk(TBROK | TERRNO, "epoll setup");
	pw2(&ev, 1, &zero, NULL);
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
	struct timespec ts = { 0, 0 }, t0, t1;
	sigset_t set, old, empty;
	char c;

	switch (n) {
	case 0:
		TST_EXP_VAL(pw2(&out, 1, &ts, NULL), 0, "epoll_pwait2({0,0}) with nothing ready");
		ts.tv_nsec = 20 * 1000 * 1000;
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &t0);
		TST_EXP_VAL(pw2(&out, 1, &ts, NULL), 0, "epoll_pwait2(20 ms) expires");
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &t1);
		TST_EXP_EXPR((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec) >= 19000000L,
			     "it waited at least ~20 ms");
		break;
	case 1:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		TST_EXP_VAL(pw2(&out, 1, NULL, NULL), 1, "epoll_pwait2(NULL timeout) with data ready");
		SAFE_READ(1, p[0], &c, 1);
		break;
	case 2:
		SAFE_SIGEMPTYSET(&set);
		SAFE_SIGADDSET(&set, SIGUSR1);
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, &old);
		caught = 0;
		raise(SIGUSR1);
		SAFE_SIGEMPTYSET(&empty);
		ts.tv_sec = 5;
		TST_EXP_FAIL2(pw2(&out, 1, &ts, &empty), EINTR,
			      "epoll_pwait2() with a mask unblocking a pending signal");
		TST_EXP_EXPR(caught == SIGUSR1, "the handler ran");
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		break;
	case 3:
		ts.tv_nsec = 1000000000L;
		TST_EXP_FAIL2(pw2(&out, 1, &ts, NULL), EINVAL, "epoll_pwait2() with tv_nsec 1e9");
		ts.tv_nsec = 0;
		ts.tv_sec = -1;
		TST_EXP_FAIL2(pw2(&out, 1, &ts, NULL), EINVAL, "epoll_pwait2() with tv_sec -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
