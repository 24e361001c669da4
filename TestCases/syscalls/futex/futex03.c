/* FUTEX_REQUEUE and FUTEX_CMP_REQUEUE: of 3 waiters on word A, wake 1 and
 * move the rest to word B (return value counts both), then a wake on B
 * releases the moved ones; CMP_REQUEUE with a value that does not match A
 * fails EAGAIN and moves nothing; EINVAL for a negative wake or requeue
 * count.
 * SYSCALLS: futex clone gettid exit madvise rt_sigprocmask read clock_nanosleep */
#include "futex.h"

static int a, b;
static volatile int released;
static pid_t tids[3];

static void *waiter(void *arg)
{
	long i = (long)arg;

	tids[i] = syscall(__NR_gettid);
	while (__atomic_load_n(&a, __ATOMIC_SEQ_CST) == 0)
		sys_futex(&a, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	__atomic_add_fetch(&released, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void start(pthread_t *th)
{
	long i;

	a = 0;
	b = 0;
	released = 0;
	memset(tids, 0, sizeof(tids));
	for (i = 0; i < 3; i++)
		pthread_create(&th[i], NULL, waiter, (void *)i);
	for (i = 0; i < 3; i++) {
		while (!__atomic_load_n(&tids[i], __ATOMIC_SEQ_CST))
			usleep(1000);
		wait_thread_sleeping(tids[i]);
	}
}

static void finish(pthread_t *th)
{
	int i;

	__atomic_store_n(&a, 1, __ATOMIC_SEQ_CST);
	sys_futex(&a, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	sys_futex(&b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	for (i = 0; i < 3; i++)
		pthread_join(th[i], NULL);
}

static void run(unsigned int n)
{
	pthread_t th[3];

	switch (n) {
	case 0:
		start(th);
		/* Waking from A sets no value, so the woken one sleeps again on A;
		 * what is checked is the count and the queue movement. */
		TST_EXP_VAL(sys_futex(&a, FUTEX_REQUEUE_PRIVATE, 1, (void *)2L, &b, 0), 3,
			    "FUTEX_REQUEUE wake 1 + move 2 returns 3");
		TST_EXP_VAL(sys_futex(&b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 2,
			    "FUTEX_WAKE on B releases the 2 moved waiters");
		finish(th);
		break;
	case 1:
		start(th);
		TST_EXP_FAIL(sys_futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)3L, &b, 1), EAGAIN,
			     "FUTEX_CMP_REQUEUE with val3 1 != *A 0");
		TST_EXP_VAL(sys_futex(&b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 0,
			    "nothing moved to B after the mismatch");
		TST_EXP_VAL(sys_futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)3L, &b, 0), 3,
			    "FUTEX_CMP_REQUEUE wake 0 + move 3 returns 3");
		TST_EXP_VAL(sys_futex(&a, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0), 0, "A is empty now");
		finish(th);
		TST_EXP_EQ_LI(released, 3);
		break;
	case 2:
		TST_EXP_FAIL(sys_futex(&a, FUTEX_REQUEUE_PRIVATE, 1, (void *)-1L, &b, 0), EINVAL,
			     "FUTEX_REQUEUE with nr_requeue -1");
		TST_EXP_FAIL(sys_futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, -1, (void *)1L, &b, 0), EINVAL,
			     "FUTEX_CMP_REQUEUE with nr_wake -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
