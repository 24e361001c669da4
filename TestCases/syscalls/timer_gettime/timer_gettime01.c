/* timer_gettime(): a new timer reads zero, an armed one reports time left
 * within what was set and its interval, an expired one-shot reads zero
 * again; EINVAL for an unknown id, EFAULT for an unmapped buffer.
 * SYSCALLS: timer_gettime timer_settime timer_create timer_delete clock_nanosleep */
#include "tst_test.h"
#include "../timer_create/posix_timer.h"

static ktimer_t id = -1;

static void setup(void)
{
	id = new_timer(CLOCK_MONOTONIC, 0, 0);
}

static void cleanup(void)
{
	if (id >= 0)
		k_timer_delete(id);
}

static int is_zero(const struct itimerspec *t)
{
	return !t->it_value.tv_sec && !t->it_value.tv_nsec && !t->it_interval.tv_sec &&
	       !t->it_interval.tv_nsec;
}

static void run(unsigned int n)
{
	struct itimerspec cur, its = { { 2, 0 }, { 10, 0 } };
	struct timespec nap = { 0, 20 * 1000 * 1000 };

	switch (n) {
	case 0:
		TST_EXP_PASS(k_timer_gettime(id, &cur), "timer_gettime() of a new timer");
		TST_EXP_EXPR(is_zero(&cur), "all fields are zero");
		break;
	case 1:
		k_timer_settime(id, 0, &its, NULL);
		TST_EXP_PASS(k_timer_gettime(id, &cur), "timer_gettime() of an armed timer");
		TST_EXP_EXPR(cur.it_value.tv_sec <= 10 && cur.it_value.tv_sec >= 5,
			     "about 10 s left (%ld s)", (long)cur.it_value.tv_sec);
		TST_EXP_EQ_LI(cur.it_interval.tv_sec, 2);
		break;
	case 2:
		its.it_interval.tv_sec = 0;
		its.it_value.tv_sec = 0;
		its.it_value.tv_nsec = 1000000;
		k_timer_settime(id, 0, &its, NULL);
		nanosleep(&nap, NULL);
		TST_EXP_PASS(k_timer_gettime(id, &cur), "timer_gettime() of an expired one-shot");
		TST_EXP_EXPR(is_zero(&cur), "all fields are zero after expiry");
		break;
	case 3:
		TST_EXP_FAIL(k_timer_gettime(id + 1000, &cur), EINVAL, "timer_gettime() of an unknown id");
		TST_EXP_FAIL(k_timer_gettime(id, tst_get_bad_addr(NULL)), EFAULT,
			     "timer_gettime() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
