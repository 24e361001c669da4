/* futex_waitv(): waiting on two 32-bit private futexes, a FUTEX_WAKE on the
 * second returns its index 1 to the waiter; a value mismatch in any entry
 * fails EAGAIN at once; an absolute CLOCK_MONOTONIC timeout already past
 * gives ETIMEDOUT; EINVAL for nr_futexes 0 and 129, non-zero flags, an entry
 * without FUTEX_32 (size u32), a non-zero reserved field and an unknown clock;
 * EFAULT for an unmapped vector. TCONF before Linux 5.16 (ENOSYS).
 * SYSCALLS: futex_waitv futex clock_gettime clone exit madvise rt_sigprocmask clock_nanosleep */
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_futex_waitv
# define __NR_futex_waitv 449
#endif
#ifndef FUTEX_32
# define FUTEX_32 2
#endif
#define FLAGS_PRIVATE (FUTEX_32 | 128)	/* 32-bit word; FUTEX2_PRIVATE is FUTEX_PRIVATE_FLAG */

static uint32_t words[2];
static volatile long waiter_ret = -100;
static volatile int waiter_started;

static long waitv(struct futex_waitv *v, unsigned int n, unsigned int flags, struct timespec *ts, clockid_t clk)
{
	return tst_syscall(__NR_futex_waitv, v, n, flags, ts, clk);
}

static void fill(struct futex_waitv *v, uint32_t a, uint32_t b)
{
	memset(v, 0, 2 * sizeof(*v));
	v[0] = (struct futex_waitv){ .val = a, .uaddr = (uintptr_t)&words[0], .flags = FLAGS_PRIVATE };
	v[1] = (struct futex_waitv){ .val = b, .uaddr = (uintptr_t)&words[1], .flags = FLAGS_PRIVATE };
}

static void *waiter(void *arg)
{
	struct futex_waitv v[2];

	fill(v, 0, 0);
	waiter_started = 1;
	waiter_ret = syscall(__NR_futex_waitv, v, 2, 0, NULL, 0);
	return NULL;
}

static void run(void)
{
	struct futex_waitv v[2], many[129];
	struct timespec past;
	pthread_t t;
	long woke = 0;
	int i;

	fill(v, 5, 0);
	TST_EXP_FAIL(waitv(v, 2, 0, NULL, 0), EAGAIN, "futex_waitv() with a value mismatch");
	fill(v, 0, 0);
	clock_gettime(CLOCK_MONOTONIC, &past);
	TST_EXP_FAIL(waitv(v, 2, 0, &past, CLOCK_MONOTONIC), ETIMEDOUT, "futex_waitv() with a past deadline");

	pthread_create(&t, NULL, waiter, NULL);
	while (!waiter_started)
		usleep(1000);
	/* keep waking until the waiter is found asleep (it may not be yet) */
	for (i = 0; i < 5000 && woke == 0; i++) {
		usleep(1000);
		woke = syscall(__NR_futex, &words[1], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
	pthread_join(t, NULL);
	TST_EXP_EQ_LI(woke, 1);
	TST_EXP_EQ_LI(waiter_ret, 1);

	fill(v, 0, 0);
	TST_EXP_FAIL(waitv(v, 0, 0, NULL, 0), EINVAL, "nr_futexes 0");
	memset(many, 0, sizeof(many));
	for (i = 0; i < 129; i++)
		many[i] = (struct futex_waitv){ .val = 1, .uaddr = (uintptr_t)&words[0], .flags = FLAGS_PRIVATE };
	TST_EXP_FAIL(waitv(many, 129, 0, NULL, 0), EINVAL, "nr_futexes 129");
	TST_EXP_FAIL(waitv(v, 2, 1, NULL, 0), EINVAL, "flags 1");
	v[1].flags = 128;
	TST_EXP_FAIL(waitv(v, 2, 0, NULL, 0), EINVAL, "an entry without the 32-bit size flag");
	fill(v, 0, 0);
	v[0].__reserved = 1;
	TST_EXP_FAIL(waitv(v, 2, 0, NULL, 0), EINVAL, "a non-zero reserved field");
	fill(v, 0, 0);
	TST_EXP_FAIL(waitv(v, 2, 0, &past, CLOCK_PROCESS_CPUTIME_ID), EINVAL, "clock CLOCK_PROCESS_CPUTIME_ID");
	TST_EXP_FAIL(waitv(tst_get_bad_addr(NULL), 2, 0, NULL, 0), EFAULT, "an unmapped vector");
}

static struct tst_test test = {
	.test_all = run,
};
