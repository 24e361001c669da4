/* Priority-inheritance futexes: FUTEX_LOCK_PI on a free word stores the
 * caller's tid; FUTEX_TRYLOCK_PI on a word another thread owns fails
 * EWOULDBLOCK (EAGAIN) and on its own word EDEADLK, as does LOCK_PI;
 * FUTEX_UNLOCK_PI by a thread that is not the owner fails EPERM; a thread
 * blocked in LOCK_PI sets FUTEX_WAITERS in the word and gets the lock with
 * its own tid when the owner unlocks; a word left by an owner that exited
 * (and was on no robust list) gives ESRCH; LOCK_PI with an absolute timeout on
 * a held word gives ETIMEDOUT; EINVAL for a misaligned word.
 * SYSCALLS: futex gettid clock_gettime clone exit madvise rt_sigprocmask */
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include "tst_test.h"

static uint32_t word;
static volatile int waiter_ret = 1, waiter_started;
static volatile pid_t waiter_tid;

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts)
{
	return syscall(__NR_futex, uaddr, op, val, ts, NULL, 0);
}

static pid_t gettid_raw(void)
{
	return syscall(__NR_gettid);
}

static void *try_from_other(void *arg)
{
	long r = futex(&word, FUTEX_TRYLOCK_PI, 0, NULL);

	return (void *)(r == -1 ? (long)errno : 0L);
}

static void *unlock_from_other(void *arg)
{
	long r = futex(&word, FUTEX_UNLOCK_PI, 0, NULL);

	return (void *)(r == -1 ? (long)errno : 0L);
}

static void *lock_waiter(void *arg)
{
	waiter_tid = gettid_raw();
	waiter_started = 1;
	waiter_ret = futex(&word, FUTEX_LOCK_PI, 0, NULL) == -1 ? errno : 0;
	return NULL;
}

static void run(void)
{
	pthread_t t;
	void *res;
	struct timespec deadline;
	char buf[8] __attribute__((aligned(4)));
	pid_t me = gettid_raw();
	int i;

	word = 0;
	TST_EXP_PASS(futex(&word, FUTEX_LOCK_PI, 0, NULL), "FUTEX_LOCK_PI on a free word");
	TST_EXP_EQ_LI(word & FUTEX_TID_MASK, me);

	pthread_create(&t, NULL, try_from_other, NULL);
	pthread_join(t, &res);
	TST_EXP_EQ_LI((long)res, EAGAIN);
	TST_EXP_FAIL(futex(&word, FUTEX_TRYLOCK_PI, 0, NULL), EDEADLK, "TRYLOCK_PI on our own lock");
	TST_EXP_FAIL(futex(&word, FUTEX_LOCK_PI, 0, NULL), EDEADLK, "LOCK_PI on our own lock");
	pthread_create(&t, NULL, unlock_from_other, NULL);
	pthread_join(t, &res);
	TST_EXP_EQ_LI((long)res, EPERM);

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += 20000000;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_nsec -= 1000000000L;
		deadline.tv_sec++;
	}
	pthread_create(&t, NULL, lock_waiter, NULL);
	/* wait until the waiter has marked the word: it is then asleep in the kernel */
	for (i = 0; i < 5000 && !(__atomic_load_n(&word, __ATOMIC_ACQUIRE) & FUTEX_WAITERS); i++)
		usleep(1000);
	TST_EXP_EXPR(word & FUTEX_WAITERS, "a blocked LOCK_PI sets FUTEX_WAITERS (word 0x%x)", word);
	TST_EXP_PASS(futex(&word, FUTEX_UNLOCK_PI, 0, NULL), "FUTEX_UNLOCK_PI with a waiter");
	pthread_join(t, NULL);
	TST_EXP_EQ_LI(waiter_ret, 0);
	TST_EXP_EXPR((word & FUTEX_TID_MASK) == (uint32_t)waiter_tid,
		     "the woken waiter owns the lock (word 0x%x, waiter %d)", word, waiter_tid);

	/* The waiter exited holding it and the word is on no robust list: the
	 * word still names the dead tid and LOCK_PI reports ESRCH. */
	TST_EXP_EXPR((word & FUTEX_TID_MASK) == (uint32_t)waiter_tid && !(word & FUTEX_OWNER_DIED),
		     "a dead owner's word is left as it was (0x%x)", word);
	TST_EXP_FAIL(futex(&word, FUTEX_LOCK_PI, 0, NULL), ESRCH, "LOCK_PI on a word owned by an exited thread");
	word = 0;
	TST_EXP_PASS(futex(&word, FUTEX_LOCK_PI, 0, NULL), "LOCK_PI again after resetting the word");
	TST_EXP_PASS(futex(&word, FUTEX_UNLOCK_PI, 0, NULL), "FUTEX_UNLOCK_PI by the owner");
	TST_EXP_EQ_LI(word, 0);

	word = 1;	/* held by "tid 1" (init) as far as the kernel is concerned */
	TST_EXP_FAIL(futex(&word, FUTEX_LOCK_PI, 0, &deadline), ETIMEDOUT, "LOCK_PI with an expired deadline");
	word = 0;
	TST_EXP_FAIL(futex((uint32_t *)(buf + 1), FUTEX_LOCK_PI, 0, NULL), EINVAL, "LOCK_PI on a misaligned word");
}

static struct tst_test test = {
	.test_all = run,
};
