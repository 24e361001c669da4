/* Robust list walk at thread and process exit: a thread that exits holding
 * three robust mutexes leaves each one to the next locker with EOWNERDEAD;
 * a waiter already blocked in pthread_mutex_lock is woken with EOWNERDEAD;
 * a raw list of several entries plus list_op_pending gets FUTEX_OWNER_DIED
 * (and FUTEX_WAITERS kept) on exactly the words the dying thread owned, not
 * on a word owned by another tid; a process-shared robust mutex held by a
 * child process that exits is EOWNERDEAD for the parent; unlocking without
 * pthread_mutex_consistent() makes the mutex ENOTRECOVERABLE.
 * SYSCALLS: set_robust_list futex gettid clone exit exit_group mmap munmap wait4 madvise rt_sigprocmask clock_nanosleep */
#include <linux/futex.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"

#define NMUTEX 3

static pthread_mutex_t *mtx;	/* NMUTEX + 1 robust, process-shared mutexes */

static void init_robust(pthread_mutex_t *m)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
}

static void *hold_all_and_exit(void *arg)
{
	int i;

	for (i = 0; i < NMUTEX; i++)
		pthread_mutex_lock(&mtx[i]);
	return NULL;	/* the thread ends owning all of them */
}

static void *hold_until_released(void *arg)
{
	pthread_mutex_lock(&mtx[0]);
	TST_CHECKPOINT_WAKE_AND_WAIT(0);
	return NULL;
}

static volatile int waiter_ret = -1;

static void *blocked_waiter(void *arg)
{
	waiter_ret = pthread_mutex_lock(&mtx[0]);
	if (waiter_ret == EOWNERDEAD) {
		pthread_mutex_consistent(&mtx[0]);
		pthread_mutex_unlock(&mtx[0]);
	}
	return NULL;
}

/* Raw robust list for case 2. */
struct lock {
	struct robust_list list;
	unsigned int word;
};

static struct lock raw[4];	/* 0..2 in the list, 3 is list_op_pending */
static unsigned int foreign_word;
static struct lock foreign;	/* in the list but owned by another tid */

static void *raw_dier(void *arg)
{
	static struct robust_list_head head;
	unsigned int tid = syscall(__NR_gettid);
	int i;

	head.futex_offset = offsetof(struct lock, word) - offsetof(struct lock, list);
	head.list.next = &raw[0].list;
	raw[0].list.next = &raw[1].list;
	raw[1].list.next = &foreign.list;
	foreign.list.next = &raw[2].list;
	raw[2].list.next = &head.list;
	for (i = 0; i < 4; i++)
		raw[i].word = tid;
	raw[1].word |= FUTEX_WAITERS;
	foreign.word = foreign_word;
	head.list_op_pending = &raw[3].list;
	syscall(__NR_set_robust_list, &head, sizeof(head));
	syscall(__NR_exit, 0);
	return NULL;
}

static void setup(void)
{
	int i;

	mtx = SAFE_MMAP(NULL, sizeof(*mtx) * (NMUTEX + 1), PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i <= NMUTEX; i++)
		init_robust(&mtx[i]);
}

static void cleanup(void)
{
	if (mtx)
		SAFE_MUNMAP(mtx, sizeof(*mtx) * (NMUTEX + 1));
}

static void run(unsigned int n)
{
	pthread_t th, th2;
	pthread_attr_t attr;
	pid_t pid;
	int i, ret, done;

	switch (n) {
	case 0:
		pthread_create(&th, NULL, hold_all_and_exit, NULL);
		pthread_join(th, NULL);
		for (i = 0; i < NMUTEX; i++) {
			ret = pthread_mutex_lock(&mtx[i]);
			if (ret == EOWNERDEAD)
				tst_res(TPASS, "mutex %d: EOWNERDEAD after its owner thread exited", i);
			else
				tst_res(TFAIL, "mutex %d: lock returned %s, expected EOWNERDEAD", i, tst_strerrno(ret));
			TST_EXP_VAL(pthread_mutex_consistent(&mtx[i]), 0, "pthread_mutex_consistent(%d)", i);
			pthread_mutex_unlock(&mtx[i]);
			TST_EXP_VAL(pthread_mutex_lock(&mtx[i]), 0, "mutex %d locks cleanly again", i);
			pthread_mutex_unlock(&mtx[i]);
		}
		break;
	case 1:
		pthread_create(&th, NULL, hold_until_released, NULL);
		TST_CHECKPOINT_WAIT(0);
		waiter_ret = -1;
		pthread_create(&th2, NULL, blocked_waiter, NULL);
		/* Let the waiter block in FUTEX_WAIT, then let the owner die. */
		usleep(100000);
		TST_EXP_EQ_LI(waiter_ret, -1);
		TST_CHECKPOINT_WAKE(0);
		pthread_join(th, NULL);
		pthread_join(th2, NULL);
		if (waiter_ret == EOWNERDEAD)
			tst_res(TPASS, "the blocked waiter was woken with EOWNERDEAD");
		else
			tst_res(TFAIL, "the blocked waiter got %s, expected EOWNERDEAD", tst_strerrno(waiter_ret));
		break;
	case 2:
		foreign_word = 0x3ffffff0;
		memset(raw, 0, sizeof(raw));
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		pthread_create(&th, &attr, raw_dier, NULL);
		pthread_attr_destroy(&attr);
		for (i = 0; i < 500; i++) {
			done = 1;
			for (ret = 0; ret < 4; ret++)
				if (!(__atomic_load_n(&raw[ret].word, __ATOMIC_SEQ_CST) & FUTEX_OWNER_DIED))
					done = 0;
			if (done)
				break;
			usleep(10000);
		}
		for (i = 0; i < 3; i++)
			TST_EXP_EXPR(raw[i].word & FUTEX_OWNER_DIED, "list entry %d marked FUTEX_OWNER_DIED (0x%x)",
				     i, raw[i].word);
		TST_EXP_EXPR((raw[0].word & FUTEX_TID_MASK) == 0 && (raw[1].word & FUTEX_TID_MASK) == 0,
			     "owner tid cleared (0x%x 0x%x)", raw[0].word, raw[1].word);
		TST_EXP_EXPR(raw[1].word & FUTEX_WAITERS, "FUTEX_WAITERS kept on the entry that had it (0x%x)",
			     raw[1].word);
		TST_EXP_EXPR(!(raw[0].word & FUTEX_WAITERS), "no FUTEX_WAITERS added where there was none (0x%x)",
			     raw[0].word);
		TST_EXP_EXPR(raw[3].word & FUTEX_OWNER_DIED, "list_op_pending entry marked too (0x%x)", raw[3].word);
		TST_EXP_EQ_LU(foreign.word, 0x3ffffff0);
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			pthread_mutex_lock(&mtx[NMUTEX]);
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		ret = pthread_mutex_lock(&mtx[NMUTEX]);
		if (ret == EOWNERDEAD)
			tst_res(TPASS, "process-shared mutex: EOWNERDEAD after the child process exited");
		else
			tst_res(TFAIL, "process-shared mutex: lock returned %s, expected EOWNERDEAD", tst_strerrno(ret));
		/* Unlock without marking it consistent: it becomes unusable. */
		pthread_mutex_unlock(&mtx[NMUTEX]);
		ret = pthread_mutex_lock(&mtx[NMUTEX]);
		if (ret == ENOTRECOVERABLE)
			tst_res(TPASS, "unlocked while inconsistent: ENOTRECOVERABLE");
		else
			tst_res(TFAIL, "lock after an inconsistent unlock returned %s, expected ENOTRECOVERABLE",
				tst_strerrno(ret));
		pthread_mutex_destroy(&mtx[NMUTEX]);
		init_robust(&mtx[NMUTEX]);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
