/* timer_create(): SIGEV_NONE and default (NULL sigevent) timers on every
 * clock that supports them, ids distinct; EINVAL for an unknown clock, an
 * unknown sigev_notify and signal number 0 with SIGEV_SIGNAL; EFAULT for the
 * id and sigevent pointers.
 * SYSCALLS: timer_create timer_delete */
#include "tst_test.h"
#include "posix_timer.h"

static const struct { clockid_t id; const char *name; } clocks[] = {
	{ CLOCK_REALTIME, "CLOCK_REALTIME" },
	{ CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
	{ CLOCK_BOOTTIME, "CLOCK_BOOTTIME" },
	{ CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID" },
	{ CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID" },
};

static void run(unsigned int n)
{
	struct sigevent sev = { 0 };
	ktimer_t a = -1, b = -1;

	switch (n) {
	case 0:
		for (unsigned int i = 0; i < ARRAY_SIZE(clocks); i++) {
			TST_EXP_PASS(k_timer_create(clocks[i].id, NULL, &a),
				     "timer_create(%s, NULL sigevent)", clocks[i].name);
			if (TST_PASS)
				k_timer_delete(a);
		}
		break;
	case 1:
		sev.sigev_notify = SIGEV_NONE;
		TST_EXP_PASS(k_timer_create(CLOCK_MONOTONIC, &sev, &a), "timer_create(SIGEV_NONE)");
		TST_EXP_PASS(k_timer_create(CLOCK_MONOTONIC, &sev, &b), "a second timer_create(SIGEV_NONE)");
		TST_EXP_EXPR(a >= 0 && b >= 0 && a != b, "two distinct non-negative ids (%d, %d)", a, b);
		k_timer_delete(a);
		k_timer_delete(b);
		break;
	case 2:
		sev.sigev_notify = SIGEV_NONE;
		TST_EXP_FAIL(k_timer_create(100, &sev, &a), EINVAL, "timer_create(clock 100)");
		sev.sigev_notify = 99;
		TST_EXP_FAIL(k_timer_create(CLOCK_MONOTONIC, &sev, &a), EINVAL,
			     "timer_create() with sigev_notify 99");
		sev.sigev_notify = SIGEV_SIGNAL;
		sev.sigev_signo = 0;
		TST_EXP_FAIL(k_timer_create(CLOCK_MONOTONIC, &sev, &a), EINVAL,
			     "timer_create(SIGEV_SIGNAL, signal 0)");
		break;
	case 3:
		sev.sigev_notify = SIGEV_NONE;
		TST_EXP_FAIL(k_timer_create(CLOCK_MONOTONIC, &sev, tst_get_bad_addr(NULL)), EFAULT,
			     "timer_create() with an unmapped id pointer");
		TST_EXP_FAIL(k_timer_create(CLOCK_MONOTONIC, tst_get_bad_addr(NULL), &a), EFAULT,
			     "timer_create() with an unmapped sigevent");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
