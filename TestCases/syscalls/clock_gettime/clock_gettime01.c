/* clock_gettime() and clock_getres(): CLOCK_REALTIME agrees with time(),
 * CLOCK_MONOTONIC never goes back, tv_nsec is normalised, CPU-time clocks
 * work, resolutions are positive; EINVAL for an invalid clock, EFAULT.
 * SYSCALLS: clock_gettime clock_getres */
#include <time.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	static const clockid_t clocks[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
		CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
	};
	struct timespec a, b;
	time_t t;
	int i, ok = 1;

	switch (n) {
	case 0:
		TST_EXP_PASS(clock_gettime(CLOCK_REALTIME, &a), "clock_gettime(CLOCK_REALTIME)");
		t = time(NULL);
		TST_EXP_EXPR(t - a.tv_sec >= 0 && t - a.tv_sec <= 2,
			     "CLOCK_REALTIME agrees with time() (%ld vs %ld)", (long)a.tv_sec, (long)t);
		break;
	case 1:
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &a);
		for (i = 0; i < 1000; i++) {
			SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &b);
			if (b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec))
				ok = 0;
			if (b.tv_nsec < 0 || b.tv_nsec >= 1000000000)
				ok = 0;
			a = b;
		}
		TST_EXP_EXPR(ok, "1000 CLOCK_MONOTONIC reads never went back and stayed normalised");
		break;
	case 2:
		for (i = 0; i < (int)ARRAY_SIZE(clocks); i++) {
			if (clock_gettime(clocks[i], &a) || clock_getres(clocks[i], &b) ||
			    (b.tv_sec == 0 && b.tv_nsec == 0)) {
				tst_res(TFAIL | TERRNO, "clock %d: gettime/getres failed or resolution 0",
					(int)clocks[i]);
				ok = 0;
			}
		}
		if (ok)
			tst_res(TPASS, "%zu clocks read with a positive resolution", ARRAY_SIZE(clocks));
		break;
	case 3:
		TST_EXP_FAIL(syscall(SYS_clock_gettime, 12345, &a), EINVAL, "clock_gettime() of clock 12345");
		TST_EXP_FAIL(syscall(SYS_clock_getres, 12345, &a), EINVAL, "clock_getres() of clock 12345");
		TST_EXP_FAIL(syscall(SYS_clock_gettime, CLOCK_REALTIME, tst_get_bad_addr(NULL)), EFAULT,
			     "clock_gettime() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
