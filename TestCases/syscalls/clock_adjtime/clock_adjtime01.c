/* clock_adjtime() read-only: CLOCK_REALTIME with modes 0 returns the same
 * kind of state as adjtimex; CLOCK_MONOTONIC cannot be adjusted
 * (EOPNOTSUPP), an unknown clock is EINVAL, an unprivileged change is EPERM;
 * EFAULT. Nothing here changes a clock.
 * SYSCALLS: clock_adjtime setuid setgid clone wait4 geteuid */
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static long cadj(clockid_t clk, void *tx)
{
	return tst_syscall(__NR_clock_adjtime, clk, tx);
}

static void run(unsigned int n)
{
	struct timex tx = { .modes = 0 };
	long ret;

	switch (n) {
	case 0:
		ret = TST_EXP_POSITIVE(cadj(CLOCK_REALTIME, &tx), "clock_adjtime(CLOCK_REALTIME, modes 0)");
		TST_EXP_EXPR(ret >= TIME_OK && ret <= TIME_ERROR, "the clock state %ld is TIME_OK..TIME_ERROR", ret);
		TST_EXP_EXPR(tx.tick >= 9000 && tx.tick <= 11000, "tick %ld is near 10000 us", tx.tick);
		break;
	case 1:
		TST_EXP_FAIL(cadj(CLOCK_MONOTONIC, &tx), EOPNOTSUPP, "clock_adjtime(CLOCK_MONOTONIC)");
		TST_EXP_FAIL(cadj(100, &tx), EINVAL, "clock_adjtime(clock 100)");
		TST_EXP_FAIL(cadj(CLOCK_REALTIME, tst_get_bad_addr(NULL)), EFAULT,
			     "clock_adjtime() of an unmapped timex");
		break;
	case 2:
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			tx.modes = ADJ_FREQUENCY;
			TST_EXP_FAIL(cadj(CLOCK_REALTIME, &tx), EPERM,
				     "clock_adjtime(ADJ_FREQUENCY) unprivileged");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.needs_root = 1,
	.forks_child = 1,
};
