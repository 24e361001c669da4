/* adjtimex() read-only (modes 0): returns a clock state TIME_OK..TIME_ERROR,
 * a tick near 1/USER_HZ s, a time matching CLOCK_REALTIME; a change of tick
 * out of range is EINVAL (checked before anything is applied); an
 * unprivileged user asking for any change gets EPERM; EFAULT. Nothing here
 * changes the clock. glibc's adjtimex() is clock_adjtime(CLOCK_REALTIME) on
 * aarch64 and riscv64, so the adjtimex syscall itself is also called raw.
 * SYSCALLS: adjtimex clock_gettime setuid setgid clone wait4 clock_adjtime geteuid */
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct timex tx = { .modes = 0 };
	struct timespec now;
	long ret;

	switch (n) {
	case 0:
		ret = TST_EXP_POSITIVE(adjtimex(&tx), "adjtimex(modes 0)");
		TST_EXP_EXPR(ret >= TIME_OK && ret <= TIME_ERROR, "the clock state %ld is TIME_OK..TIME_ERROR", ret);
		TST_EXP_EXPR(tx.tick >= 9000 && tx.tick <= 11000, "tick %ld is near 10000 us", tx.tick);
		SAFE_CLOCK_GETTIME(CLOCK_REALTIME, &now);
		TST_EXP_EXPR(labs(now.tv_sec - tx.time.tv_sec) <= 2, "time agrees with CLOCK_REALTIME");
		memset(&tx, 0, sizeof(tx));
		ret = TST_EXP_POSITIVE(syscall(__NR_adjtimex, &tx), "raw adjtimex(modes 0)");
		TST_EXP_EXPR(ret >= TIME_OK && ret <= TIME_ERROR && tx.tick >= 9000 && tx.tick <= 11000,
			     "raw adjtimex() state %ld and tick %ld", ret, tx.tick);
		break;
	case 1:
		tx.modes = ADJ_TICK;
		tx.tick = 1;
		TST_EXP_FAIL(adjtimex(&tx), EINVAL, "adjtimex(ADJ_TICK, tick 1)");
		break;
	case 2:
		if (!SAFE_FORK()) {
			SAFE_SETGID(65534);
			SAFE_SETUID(65534);
			tx.modes = ADJ_FREQUENCY;
			TST_EXP_FAIL(adjtimex(&tx), EPERM, "adjtimex(ADJ_FREQUENCY) unprivileged");
			exit(0);
		}
		tst_reap_children();
		break;
	case 3:
		TST_EXP_FAIL(syscall(__NR_adjtimex, tst_get_bad_addr(NULL)), EFAULT,
			     "adjtimex() of an unmapped timex");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_root = 1,
	.forks_child = 1,
};
