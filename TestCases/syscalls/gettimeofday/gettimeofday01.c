/* gettimeofday() and time(): agree with CLOCK_REALTIME, tv_usec in range,
 * successive calls never go back by more than clock adjustments allow. The
 * syscall itself is also called raw (glibc may answer from the vDSO): it
 * agrees with the wrapper, and an unmapped timeval is EFAULT. time() may read
 * the coarse clock (x86-64's vDSO does), which lags by up to a tick, so just
 * after a second boundary it can still say the previous second.
 * SYSCALLS: gettimeofday clock_gettime */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "tst_test.h"

static void run(void)
{
	struct timeval tv;
	struct timespec ts;
	time_t t1, t2;

	TST_EXP_PASS(gettimeofday(&tv, NULL), "gettimeofday()");
	SAFE_CLOCK_GETTIME(CLOCK_REALTIME, &ts);
	TST_EXP_EXPR(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec in [0, 1e6) (%ld)", (long)tv.tv_usec);
	TST_EXP_EXPR(ts.tv_sec - tv.tv_sec >= 0 && ts.tv_sec - tv.tv_sec <= 1,
		     "gettimeofday() agrees with CLOCK_REALTIME");
	t1 = time(&t2);
	TST_EXP_EXPR(t1 == t2, "time() return value equals the stored value");
	TST_EXP_EXPR(t1 - tv.tv_sec >= -1 && t1 - tv.tv_sec <= 1, "time() agrees with gettimeofday()");
	TST_EXP_PASS(syscall(__NR_gettimeofday, &tv, NULL), "raw gettimeofday()");
	TST_EXP_EXPR(tv.tv_sec - t1 >= 0 && tv.tv_sec - t1 <= 2, "raw gettimeofday() agrees with time()");
	TST_EXP_FAIL(syscall(__NR_gettimeofday, tst_get_bad_addr(NULL), NULL), EFAULT,
		     "gettimeofday() into an unmapped timeval");
}

static struct tst_test test = {
	.test_all = run,
};
