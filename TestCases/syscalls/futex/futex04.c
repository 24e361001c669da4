/* FUTEX_WAKE_OP: atomically applies op to word 2 (SET, ADD, OR, ANDN,
 * XOR), returns the old value's comparison to decide whether to also wake
 * word 2's waiters; the new value is checked in memory and the return value
 * counts woken waiters on both words; ENOSYS for an unknown operation (the
 * op field is 3 bits, 5..7 are unused) and an unknown comparison.
 * SYSCALLS: futex clone gettid exit madvise rt_sigprocmask read clock_nanosleep */
#include "futex.h"

#define ENC(op, oparg, cmp, cmparg) \
	(((op & 0xf) << 28) | ((cmp & 0xf) << 24) | ((oparg & 0xfff) << 12) | (cmparg & 0xfff))

static int w1, w2;
static pid_t tid;

static void *waiter(void *arg)
{
	int *w = arg;

	__atomic_store_n(&tid, syscall(__NR_gettid), __ATOMIC_SEQ_CST);
	sys_futex(w, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

static void run(unsigned int n)
{
	static const struct {
		int op, oparg, start, expect;
		const char *name;
	} ops[] = {
		{ FUTEX_OP_SET, 9, 3, 9, "SET 9" },
		{ FUTEX_OP_ADD, 4, 3, 7, "ADD 4" },
		{ FUTEX_OP_OR, 0x10, 3, 0x13, "OR 0x10" },
		{ FUTEX_OP_ANDN, 1, 3, 2, "ANDN 1" },
		{ FUTEX_OP_XOR, 6, 3, 5, "XOR 6" },
	};
	pthread_t th;
	unsigned int i;

	switch (n) {
	case 0:
		for (i = 0; i < ARRAY_SIZE(ops); i++) {
			w2 = ops[i].start;
			TST_EXP_VAL(sys_futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
					      ENC(ops[i].op, ops[i].oparg, FUTEX_OP_CMP_EQ, 3)), 0,
				    "FUTEX_WAKE_OP %s with no waiters", ops[i].name);
			TST_EXP_EXPR(w2 == ops[i].expect, "%s: word2 %d -> %d", ops[i].name,
				     ops[i].start, w2);
		}
		break;
	case 1:
		/* A waiter on word2 is woken only when the comparison of the old
		 * value holds. */
		w1 = w2 = 0;
		tid = 0;
		pthread_create(&th, NULL, waiter, &w2);
		while (!__atomic_load_n(&tid, __ATOMIC_SEQ_CST))
			usleep(1000);
		wait_thread_sleeping(tid);
		TST_EXP_VAL(sys_futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
				      ENC(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 5)), 0,
			    "old 0 > 5 is false: nobody woken");
		TST_EXP_VAL(sys_futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
				      ENC(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 1)), 1,
			    "old 1 == 1: the word2 waiter is woken");
		pthread_join(th, NULL);
		TST_EXP_EQ_LI(w2, 2);
		break;
	case 2:
		TST_EXP_FAIL(sys_futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
				       ENC(5, 1, FUTEX_OP_CMP_EQ, 0)), ENOSYS, "FUTEX_WAKE_OP op 5");
		TST_EXP_FAIL(sys_futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
				       ENC(FUTEX_OP_SET, 1, 9, 0)), ENOSYS, "FUTEX_WAKE_OP comparison 9");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
