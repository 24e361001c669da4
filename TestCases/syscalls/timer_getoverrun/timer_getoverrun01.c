/* timer_getoverrun(): 0 for a timer that has not fired; a 1 ms periodic
 * timer whose signal stays blocked for 30 ms expires many times but queues
 * one signal, and after it is taken the overrun count is positive; EINVAL
 * for an unknown id.
 * SYSCALLS: timer_getoverrun timer_settime timer_create timer_delete rt_sigtimedwait rt_sigprocmask clock_nanosleep */
#include "tst_test.h"
#include "../timer_create/posix_timer.h"

static ktimer_t id = -1;

static void setup(void)
{
	block_signal(SIGUSR2);
	id = new_timer(CLOCK_MONOTONIC, SIGUSR2, 1);
}

static void cleanup(void)
{
	if (id >= 0)
		k_timer_delete(id);
}

static void run(unsigned int n)
{
	struct itimerspec its = { { 0, 1000000 }, { 0, 1000000 } }, off = { { 0, 0 }, { 0, 0 } };
	struct timespec nap = { 0, 30 * 1000 * 1000 };
	siginfo_t si;
	long ov;

	switch (n) {
	case 0:
		TST_EXP_VAL(k_timer_getoverrun(id), 0, "timer_getoverrun() of an unfired timer");
		break;
	case 1:
		k_timer_settime(id, 0, &its, NULL);
		nanosleep(&nap, NULL);
		/* Taken while still armed: re-arming or disarming drops a queued
		 * timer signal on recent kernels. */
		TST_EXP_VAL(wait_signal(SIGUSR2, &si, 5), SIGUSR2, "the queued timer signal");
		ov = TST_EXP_POSITIVE(k_timer_getoverrun(id), "timer_getoverrun() after 30 ms blocked");
		TST_EXP_EXPR(ov >= 1, "expirations while the signal was queued were counted (%ld)", ov);
		TST_EXP_EXPR(si.si_overrun == ov, "si_overrun (%d) matches", si.si_overrun);
		k_timer_settime(id, 0, &off, NULL);
		wait_signal(SIGUSR2, &si, 0);
		break;
	case 2:
		TST_EXP_FAIL2(k_timer_getoverrun(id + 1000), EINVAL, "timer_getoverrun() of an unknown id");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
