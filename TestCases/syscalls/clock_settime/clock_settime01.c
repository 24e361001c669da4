/* clock_settime() and settimeofday(): the only change made is setting
 * CLOCK_REALTIME to the value just read (a few microseconds back at most),
 * and settimeofday(NULL, NULL), which sets nothing and succeeds. Refusals:
 * CLOCK_MONOTONIC and CPU-time clocks cannot be set (EINVAL), an unknown
 * clock is EINVAL, tv_nsec / tv_usec out of range and a negative time are
 * EINVAL, an unprivileged user gets EPERM (asking for the current time),
 * EFAULT for an unmapped timespec.
 * SYSCALLS: clock_settime settimeofday clock_gettime setuid setgid clone wait4 geteuid gettimeofday */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"

static long cset(clockid_t clk, const struct timespec *ts)
{
	return syscall(__NR_clock_settime, clk, ts);
}

static void run(unsigned int n)
{
	struct timespec ts;
	struct timeval tv;

	SAFE_CLOCK_GETTIME(CLOCK_REALTIME, &ts);
	switch (n) {
	case 0:
		TST_EXP_FAIL(cset(CLOCK_MONOTONIC, &ts), EINVAL, "clock_settime(CLOCK_MONOTONIC)");
		TST_EXP_FAIL(cset(CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL,
			     "clock_settime(CLOCK_PROCESS_CPUTIME_ID)");
		TST_EXP_FAIL(cset(100, &ts), EINVAL, "clock_settime(clock 100)");
		break;
	case 1:
		ts.tv_nsec = 1000000000L;
		TST_EXP_FAIL(cset(CLOCK_REALTIME, &ts), EINVAL, "clock_settime() with tv_nsec 1e9");
		ts.tv_nsec = 0;
		ts.tv_sec = -1;
		TST_EXP_FAIL(cset(CLOCK_REALTIME, &ts), EINVAL, "clock_settime() with tv_sec -1");
		tv.tv_usec = 1000000;
		tv.tv_sec = time(NULL);
		TST_EXP_FAIL(syscall(__NR_settimeofday, &tv, NULL), EINVAL,
			     "settimeofday() with tv_usec 1000000");
		TST_EXP_FAIL(cset(CLOCK_REALTIME, tst_get_bad_addr(NULL)), EFAULT,
			     "clock_settime() from an unmapped timespec");
		break;
	case 3:
		SAFE_CLOCK_GETTIME(CLOCK_REALTIME, &ts);
		TST_EXP_PASS(cset(CLOCK_REALTIME, &ts), "clock_settime(CLOCK_REALTIME) to its current value");
		TST_EXP_PASS(syscall(__NR_settimeofday, NULL, NULL), "settimeofday(NULL, NULL)");
		break;
	case 2:
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			SAFE_CLOCK_GETTIME(CLOCK_REALTIME, &ts);
			TST_EXP_FAIL(cset(CLOCK_REALTIME, &ts), EPERM, "clock_settime() unprivileged");
			syscall(__NR_gettimeofday, &tv, NULL);
			TST_EXP_FAIL(syscall(__NR_settimeofday, &tv, NULL), EPERM,
				     "settimeofday() unprivileged");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_root = 1,
	.forks_child = 1,
};
