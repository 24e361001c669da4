/* clock_nanosleep(): returns the error number itself (not -1/errno); a
 * relative 20 ms sleep on CLOCK_MONOTONIC lasts at least 20 ms; a
 * TIMER_ABSTIME deadline in the past returns 0 at once and one 30 ms ahead
 * is not returned before it (CLOCK_REALTIME and CLOCK_MONOTONIC); a signal
 * handler interrupts a relative sleep with EINTR and the remaining time,
 * while an absolute sleep leaves the remaining-time buffer alone; EINVAL for
 * tv_nsec of 1e9, an unknown clock and CLOCK_THREAD_CPUTIME_ID, EFAULT for
 * an unmapped request.
 * SYSCALLS: clock_nanosleep clock_gettime rt_sigaction setitimer */
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"

static void on_alarm(int sig)
{
}

static long long ns_since(const struct timespec *a, clockid_t clk)
{
	struct timespec b;

	clock_gettime(clk, &b);
	return (b.tv_sec - a->tv_sec) * 1000000000LL + (b.tv_nsec - a->tv_nsec);
}

static void add_ns(struct timespec *t, long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= 1000000000L) {
		t->tv_nsec -= 1000000000L;
		t->tv_sec++;
	}
}

static void run(unsigned int n)
{
	struct timespec start, req, rem, deadline;
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	struct sigaction sa = { .sa_handler = on_alarm };
	static const clockid_t clocks[] = { CLOCK_MONOTONIC, CLOCK_REALTIME };
	int r;

	switch (n) {
	case 0:
		clock_gettime(CLOCK_MONOTONIC, &start);
		req = (struct timespec){ 0, 20000000 };
		r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
		TST_EXP_EXPR(r == 0 && ns_since(&start, CLOCK_MONOTONIC) >= 20000000,
			     "relative 20 ms sleep returned 0 after >= 20 ms");
		break;
	case 1: case 2:
		clock_gettime(clocks[n - 1], &deadline);
		deadline.tv_sec -= 1;
		TST_EXP_EXPR(clock_nanosleep(clocks[n - 1], TIMER_ABSTIME, &deadline, NULL) == 0,
			     "clock %d: an absolute deadline in the past returns 0", (int)clocks[n - 1]);
		clock_gettime(clocks[n - 1], &start);
		deadline = start;
		add_ns(&deadline, 30000000);
		r = clock_nanosleep(clocks[n - 1], TIMER_ABSTIME, &deadline, NULL);
		TST_EXP_EXPR(r == 0 && ns_since(&start, clocks[n - 1]) >= 30000000,
			     "clock %d: absolute deadline 30 ms ahead is honoured", (int)clocks[n - 1]);
		break;
	case 3:
		SAFE_SIGACTION(SIGALRM, &sa, NULL);
		setitimer(ITIMER_REAL, &it, NULL);
		req = (struct timespec){ 3, 0 };
		rem = (struct timespec){ -1, -1 };
		r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
		TST_EXP_EQ_LI(r, EINTR);
		TST_EXP_EXPR(rem.tv_sec >= 1 && rem.tv_sec <= 2 && rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000L,
			     "relative sleep: remaining time %ld.%09ld s", (long)rem.tv_sec, rem.tv_nsec);
		setitimer(ITIMER_REAL, &it, NULL);
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		deadline.tv_sec += 3;
		rem = (struct timespec){ -1, -1 };
		r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, &rem);
		TST_EXP_EQ_LI(r, EINTR);
		TST_EXP_EXPR(rem.tv_sec == -1 && rem.tv_nsec == -1, "absolute sleep leaves rem untouched");
		break;
	case 4:
		req = (struct timespec){ 0, 1000000000L };
		TST_EXP_EQ_LI(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), EINVAL);
		req = (struct timespec){ 0, 1000 };
		TST_EXP_EQ_LI(clock_nanosleep(12345, 0, &req, NULL), EINVAL);
		TST_EXP_EQ_LI(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL), EINVAL);
		TST_EXP_EQ_LI(clock_nanosleep(CLOCK_MONOTONIC, 0, tst_get_bad_addr(NULL), NULL), EFAULT);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
};
