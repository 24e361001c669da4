/* FUTEX_WAIT_BITSET/FUTEX_WAKE_BITSET: a wake whose bitset does not
 * intersect the waiter's leaves it asleep, a matching one wakes it; the
 * BITSET timeout is absolute (CLOCK_MONOTONIC, or CLOCK_REALTIME with
 * FUTEX_CLOCK_REALTIME) and a time already past gives ETIMEDOUT; EINVAL for
 * a zero bitset.
 * SYSCALLS: futex clock_gettime clone gettid exit madvise rt_sigprocmask read */
#include <time.h>
#include "futex.h"

static int word;
static pid_t tid;

static void *waiter(void *arg)
{
	__atomic_store_n(&tid, syscall(__NR_gettid), __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&word, __ATOMIC_SEQ_CST) == 0)
		sys_futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0x2);
	return NULL;
}

static void run(unsigned int n)
{
	struct timespec ts;
	pthread_t th;

	switch (n) {
	case 0:
		word = 0;
		tid = 0;
		pthread_create(&th, NULL, waiter, NULL);
		while (!__atomic_load_n(&tid, __ATOMIC_SEQ_CST))
			usleep(1000);
		wait_thread_sleeping(tid);
		TST_EXP_VAL(sys_futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x1), 0,
			    "FUTEX_WAKE_BITSET 0x1 misses a waiter on 0x2");
		__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST);
		TST_EXP_VAL(sys_futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x6), 1,
			    "FUTEX_WAKE_BITSET 0x6 wakes it");
		pthread_join(th, NULL);
		break;
	case 1:
		word = 0;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_sec -= 1;
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &ts, NULL, FUTEX_BITSET_MATCH_ANY),
			     ETIMEDOUT, "FUTEX_WAIT_BITSET with an absolute monotonic time in the past");
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 20000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &ts, NULL,
				       FUTEX_BITSET_MATCH_ANY),
			     ETIMEDOUT, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME 20 ms ahead");
		break;
	case 2:
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0), EINVAL,
			     "FUTEX_WAIT_BITSET with bitset 0");
		TST_EXP_FAIL(sys_futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL,
			     "FUTEX_WAKE_BITSET with bitset 0");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
