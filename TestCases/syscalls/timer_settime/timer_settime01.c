/* timer_settime(): a 1 ms SIGEV_SIGNAL timer queues its signal with
 * si_code SI_TIMER and the sigevent's value; an absolute time in the past
 * fires at once; re-arming returns the previous setting in old_value;
 * EINVAL for tv_nsec out of range, a negative time, an unknown timer id;
 * EFAULT for an unmapped new_value.
 * SYSCALLS: timer_settime timer_create timer_delete rt_sigtimedwait rt_sigprocmask clock_gettime */
#include "tst_test.h"
#include "../timer_create/posix_timer.h"

static ktimer_t id = -1;

static void setup(void)
{
	block_signal(SIGUSR1);
	id = new_timer(CLOCK_MONOTONIC, SIGUSR1, 77);
}

static void cleanup(void)
{
	if (id >= 0)
		k_timer_delete(id);
}

static void run(unsigned int n)
{
	struct itimerspec its = { { 0, 0 }, { 0, 1000000 } }, old;
	siginfo_t si;

	switch (n) {
	case 0:
		TST_EXP_PASS(k_timer_settime(id, 0, &its, NULL), "timer_settime(1 ms one-shot)");
		TST_EXP_VAL(wait_signal(SIGUSR1, &si, 5), SIGUSR1, "the timer's SIGUSR1 arrives");
		TST_EXP_EXPR(si.si_code == SI_TIMER && si.si_value.sival_int == 77,
			     "si_code SI_TIMER and value 77 (%d, %d)", si.si_code, si.si_value.sival_int);
		break;
	case 1:
		SAFE_CLOCK_GETTIME(CLOCK_MONOTONIC, &its.it_value);
		its.it_value.tv_sec -= 1;
		TST_EXP_PASS(k_timer_settime(id, TIMER_ABSTIME, &its, NULL),
			     "timer_settime(TIMER_ABSTIME, 1 s ago)");
		TST_EXP_VAL(wait_signal(SIGUSR1, &si, 5), SIGUSR1, "a past absolute time fires");
		break;
	case 2:
		its.it_value.tv_sec = 100;
		its.it_interval.tv_sec = 3;
		TST_EXP_PASS(k_timer_settime(id, 0, &its, NULL), "timer_settime(100 s, every 3 s)");
		its.it_value.tv_sec = 0;
		its.it_value.tv_nsec = 0;
		TST_EXP_PASS(k_timer_settime(id, 0, &its, &old), "timer_settime(disarm) with old_value");
		TST_EXP_EXPR(old.it_interval.tv_sec == 3 && old.it_value.tv_sec <= 100 &&
			     old.it_value.tv_sec >= 90, "old_value has the 3 s interval and ~100 s left");
		break;
	case 3:
		its.it_value.tv_nsec = 1000000000L;
		TST_EXP_FAIL(k_timer_settime(id, 0, &its, NULL), EINVAL, "timer_settime() with tv_nsec 1e9");
		its.it_value.tv_nsec = 0;
		its.it_value.tv_sec = -1;
		TST_EXP_FAIL(k_timer_settime(id, 0, &its, NULL), EINVAL, "timer_settime() with tv_sec -1");
		its.it_value.tv_sec = 1;
		TST_EXP_FAIL(k_timer_settime(id + 1000, 0, &its, NULL), EINVAL,
			     "timer_settime() of an unknown timer id");
		TST_EXP_FAIL(k_timer_settime(id, 0, tst_get_bad_addr(NULL), NULL), EFAULT,
			     "timer_settime() from an unmapped new_value");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
