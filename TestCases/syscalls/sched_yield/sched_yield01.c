/* sched_yield(): always returns 0, also when called repeatedly, for a
 * SCHED_OTHER process and from a second thread.
 * SYSCALLS: sched_yield clone exit madvise rt_sigprocmask futex */
#include <pthread.h>
#include <sched.h>
#include "tst_test.h"

static void *yielder(void *arg)
{
	long bad = 0;

	for (int i = 0; i < 100; i++)
		bad += sched_yield() != 0;
	return (void *)bad;
}

static void run(void)
{
	pthread_t th;
	void *ret;
	int i, bad = 0;

	TST_EXP_PASS(sched_yield(), "sched_yield()");
	for (i = 0; i < 1000; i++)
		bad += sched_yield() != 0;
	TST_EXP_EQ_LI(bad, 0);
	pthread_create(&th, NULL, yielder, NULL);
	pthread_join(th, &ret);
	TST_EXP_EQ_LI((long)ret, 0);
}

static struct tst_test test = {
	.test_all = run,
};
