/* timer_delete(): the id stops working (gettime, settime and a second
 * delete give EINVAL) and an armed timer deleted before expiry never
 * queues its signal; EINVAL for an id never created.
 * SYSCALLS: timer_delete timer_create timer_settime timer_gettime rt_sigprocmask rt_sigpending clock_nanosleep */
#include "tst_test.h"
#include "../timer_create/posix_timer.h"

static void run(unsigned int n)
{
	struct itimerspec its = { { 0, 0 }, { 0, 300 * 1000 * 1000 } }, cur;
	struct timespec nap = { 0, 400 * 1000 * 1000 };
	sigset_t pending;
	ktimer_t id;

	switch (n) {
	case 0:
		id = new_timer(CLOCK_MONOTONIC, 0, 0);
		TST_EXP_PASS(k_timer_delete(id), "timer_delete(id)");
		TST_EXP_FAIL(k_timer_gettime(id, &cur), EINVAL, "timer_gettime() of a deleted id");
		TST_EXP_FAIL(k_timer_settime(id, 0, &its, NULL), EINVAL, "timer_settime() of a deleted id");
		TST_EXP_FAIL(k_timer_delete(id), EINVAL, "a second timer_delete(id)");
		break;
	case 1:
		block_signal(SIGUSR1);
		id = new_timer(CLOCK_MONOTONIC, SIGUSR1, 0);
		k_timer_settime(id, 0, &its, NULL);
		TST_EXP_PASS(k_timer_delete(id), "timer_delete() of a timer armed for 300 ms");
		nanosleep(&nap, NULL);
		sigpending(&pending);
		TST_EXP_EXPR(!sigismember(&pending, SIGUSR1), "no signal was queued 400 ms later");
		break;
	case 2:
		TST_EXP_FAIL(k_timer_delete(54321), EINVAL, "timer_delete() of an id never created");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
