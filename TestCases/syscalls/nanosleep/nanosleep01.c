/* nanosleep() and clock_nanosleep(): sleep at least as long as asked;
 * an absolute TIMER_ABSTIME deadline is honoured; EINVAL for tv_nsec out
 * of range or negative tv_sec; EINTR with the remaining time filled.
 * SYSCALLS: nanosleep clock_nanosleep clock_gettime rt_sigaction setitimer */
#include <time.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include "tst_test.h"

static long elapsed_ns(struct timespec *a, struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000L + (b->tv_nsec - a->tv_nsec);
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void run(unsigned int n)
{
	struct timespec req = { 0, 50000000 }, rem = { 0, 0 }, a, b;
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };

	switch (n) {
	case 0:
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &a);
		TST_EXP_PASS(nanosleep(&req, NULL), "nanosleep(50 ms)");
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &b);
		TST_EXP_EXPR(elapsed_ns(&a, &b) >= 50000000L, "slept %ld ns >= 50 ms", elapsed_ns(&a, &b));
		/* glibc's nanosleep() is clock_nanosleep(): the nanosleep syscall raw. */
		req.tv_nsec = 10000000;
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &a);
		TST_EXP_PASS(syscall(SYS_nanosleep, &req, NULL), "raw nanosleep(10 ms)");
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &b);
		TST_EXP_EXPR(elapsed_ns(&a, &b) >= 10000000L, "slept %ld ns >= 10 ms", elapsed_ns(&a, &b));
		break;
	case 1:
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &a);
		b = a;
		b.tv_nsec += 30000000;
		if (b.tv_nsec >= 1000000000) {
			b.tv_sec++;
			b.tv_nsec -= 1000000000;
		}
		TST_EXP_VAL(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &b, NULL), 0,
			    "clock_nanosleep(TIMER_ABSTIME, now + 30 ms)");
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &a);
		TST_EXP_EXPR(a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec >= b.tv_nsec),
			     "woke after the absolute deadline");
		break;
	case 2:
		req.tv_nsec = 1000000000;
		TST_EXP_FAIL(syscall(SYS_nanosleep, &req, NULL), EINVAL, "nanosleep() with tv_nsec 1e9");
		req.tv_sec = -1;
		req.tv_nsec = 0;
		TST_EXP_FAIL(syscall(SYS_nanosleep, &req, NULL), EINVAL, "nanosleep() with tv_sec -1");
		break;
	case 3:
		SAFE_SIGNAL(SIGALRM, on_alarm);
		req.tv_sec = 5;
		req.tv_nsec = 0;
		setitimer(ITIMER_REAL, &it, NULL);
		TST_EXP_FAIL(nanosleep(&req, &rem), EINTR, "nanosleep() interrupted by SIGALRM");
		TST_EXP_EXPR(rem.tv_sec > 0 && rem.tv_sec <= 5, "remaining time %ld s reported", (long)rem.tv_sec);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
