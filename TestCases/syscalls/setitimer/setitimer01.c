/* setitimer(): ITIMER_REAL queues SIGALRM, ITIMER_VIRTUAL SIGVTALRM and
 * ITIMER_PROF SIGPROF once this process has used the time (CPU time for the
 * last two); getitimer() and re-arming return the current setting; EINVAL
 * for an unknown timer and tv_usec out of range, EFAULT for an unmapped new
 * value; getitimer() EINVAL for an unknown timer, EFAULT.
 * SYSCALLS: setitimer getitimer rt_sigprocmask rt_sigtimedwait rt_sigpending clock_gettime */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"

static void block(int sig)
{
	sigset_t set;

	SAFE_SIGEMPTYSET(&set);
	SAFE_SIGADDSET(&set, sig);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
}

/* Burns CPU until sig is pending (at most ~3 s of wall time). */
static int burn_until(int sig)
{
	struct timespec t0, t;
	sigset_t pend;

	SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &t0);
	do {
		sigpending(&pend);
		if (sigismember(&pend, sig))
			return 1;
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < 3);
	return 0;
}

static void take(int sig)
{
	sigset_t set;
	struct timespec ts = { 0, 0 };

	SAFE_SIGEMPTYSET(&set);
	SAFE_SIGADDSET(&set, sig);
	sigtimedwait(&set, NULL, &ts);
}

static void run(unsigned int n)
{
	struct itimerval it = { { 0, 0 }, { 0, 10000 } }, old, off = { { 0, 0 }, { 0, 0 } };
	struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
	static const int sigs[] = { SIGALRM, SIGVTALRM, SIGPROF };
	static const char *const names[] = { "ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF" };

	switch (n) {
	case 0:
	case 1:
	case 2:
		block(sigs[n]);
		TST_EXP_PASS(setitimer(n, &it, NULL), "setitimer(%s, 10 ms)", names[n]);
		TST_EXP_EXPR(burn_until(sigs[n]), "%s queued %s", names[n], tst_strsig(sigs[n]));
		take(sigs[n]);
		break;
	case 3:
		it.it_value.tv_sec = 50;
		it.it_interval.tv_sec = 7;
		setitimer(ITIMER_REAL, &it, NULL);
		TST_EXP_PASS(getitimer(ITIMER_REAL, &old), "getitimer(ITIMER_REAL) of an armed timer");
		TST_EXP_EXPR(old.it_interval.tv_sec == 7 && old.it_value.tv_sec <= 50 &&
			     old.it_value.tv_sec >= 45, "getitimer() sees ~50 s left and a 7 s interval");
		TST_EXP_PASS(setitimer(ITIMER_REAL, &off, &old), "setitimer(disarm) with an old value");
		TST_EXP_EXPR(old.it_interval.tv_sec == 7 && old.it_value.tv_sec <= 50 &&
			     old.it_value.tv_sec >= 45, "the old value had ~50 s left and a 7 s interval");
		break;
	case 4:
		TST_EXP_FAIL(syscall(__NR_setitimer, 99, &it, NULL), EINVAL, "setitimer(99)");
		TST_EXP_FAIL(syscall(__NR_setitimer, ITIMER_REAL, &bad, NULL), EINVAL,
			     "setitimer() with tv_usec 1000000");
		TST_EXP_FAIL(syscall(__NR_setitimer, ITIMER_REAL, tst_get_bad_addr(NULL), NULL), EFAULT,
			     "setitimer() from an unmapped value");
		TST_EXP_FAIL(syscall(__NR_getitimer, 99, &old), EINVAL, "getitimer(99)");
		TST_EXP_FAIL(syscall(__NR_getitimer, ITIMER_REAL, tst_get_bad_addr(NULL)), EFAULT,
			     "getitimer() into an unmapped value");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
};
