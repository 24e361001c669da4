/* set_tid_address(): returns the caller's thread id; when a thread that
 * registered a word exits, the kernel zeroes the word and wakes a futex
 * waiter on it (the mechanism pthread_join relies on).
 * SYSCALLS: set_tid_address gettid futex clone exit madvise rt_sigprocmask */
#include <pthread.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile int tid_word;

static void *thread_fn(void *arg)
{
	tid_word = syscall(__NR_gettid);
	*(long *)arg = syscall(__NR_set_tid_address, &tid_word);
	return NULL;
}

static void run(unsigned int n)
{
	struct timespec ts = { 1, 0 };
	pthread_attr_t attr;
	pthread_t th;
	long ret = 0;
	int i, w;

	switch (n) {
	case 0:
		TST_EXP_VAL(syscall(__NR_set_tid_address, &tid_word), syscall(__NR_gettid),
			    "set_tid_address() returns gettid()");
		break;
	case 1:
		tid_word = -1;
		/* Detached: glibc's join would wait on its own tid word, which this
		 * thread replaces. */
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&th, &attr, thread_fn, &ret))
			tst_brk(TBROK, "pthread_create()");
		for (i = 0; i < 10 && (w = tid_word) != 0; i++)
			syscall(__NR_futex, &tid_word, FUTEX_WAIT, w, &ts, NULL, 0);
		TST_EXP_EQ_LI(tid_word, 0);
		TST_EXP_EXPR(ret > 0 && ret != syscall(__NR_gettid),
			     "the thread's set_tid_address() returned its own tid %ld", ret);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
