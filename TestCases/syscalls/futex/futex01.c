/* futex() basics without other threads: FUTEX_WAIT on a word that does not
 * hold the expected value fails EAGAIN at once; with the right value and a
 * short relative timeout it fails ETIMEDOUT; FUTEX_WAKE with no waiters
 * returns 0 (also for the _PRIVATE op); EINVAL for an unknown op and for a
 * misaligned address, EFAULT for an unmapped word, EINVAL for a negative
 * timeout.
 * SYSCALLS: futex */
#include "futex.h"

static void run(unsigned int n)
{
	static int word = 5;
	struct timespec ts = { 0, 20000000 }, neg = { -1, 0 };
	char *base = (char *)&word;

	switch (n) {
	case 0:
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT, 6, NULL, NULL, 0), EAGAIN,
			     "FUTEX_WAIT with a stale value");
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT_PRIVATE, 6, NULL, NULL, 0), EAGAIN,
			     "FUTEX_WAIT_PRIVATE with a stale value");
		break;
	case 1:
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT, 5, &ts, NULL, 0), ETIMEDOUT,
			     "FUTEX_WAIT 20 ms timeout");
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT_PRIVATE, 5, &neg, NULL, 0), EINVAL,
			     "FUTEX_WAIT with a negative timeout");
		break;
	case 2:
		TST_EXP_VAL(sys_futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 0, "FUTEX_WAKE with no waiters");
		TST_EXP_VAL(sys_futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 0,
			    "FUTEX_WAKE_PRIVATE with no waiters");
		break;
	case 3:
		TST_EXP_FAIL(sys_futex(&word, 0x7f, 0, NULL, NULL, 0), ENOSYS, "futex op 0x7f");
		TST_EXP_FAIL(sys_futex(base + 1, FUTEX_WAIT, 0, NULL, NULL, 0), EINVAL,
			     "FUTEX_WAIT on a misaligned word");
		TST_EXP_FAIL(sys_futex(tst_get_bad_addr(NULL), FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT,
			     "FUTEX_WAIT on an unmapped word");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
