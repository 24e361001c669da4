/* FUTEX_WAIT/FUTEX_WAKE between threads: a waiter sleeps until woken and
 * sees the new value; FUTEX_WAKE returns how many it released (2 of 3 with
 * nr 2, then the last one); private and shared ops on a process-shared
 * page across fork() also pair up.
 * SYSCALLS: futex mmap clone gettid wait4 exit exit_group madvise rt_sigprocmask munmap read clock_nanosleep */
#include <sys/mman.h>
#include "futex.h"

static int word;
static volatile int woken;
static pid_t tids[3];

static void *waiter(void *arg)
{
	long i = (long)arg;

	tids[i] = syscall(__NR_gettid);
	while (__atomic_load_n(&word, __ATOMIC_SEQ_CST) == 0)
		sys_futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	__atomic_add_fetch(&woken, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void run(unsigned int n)
{
	pthread_t th[3];
	int *shared, status;
	long i, woke;
	pid_t pid;

	switch (n) {
	case 0:
		word = 0;
		woken = 0;
		memset(tids, 0, sizeof(tids));
		for (i = 0; i < 3; i++)
			pthread_create(&th[i], NULL, waiter, (void *)i);
		for (i = 0; i < 3; i++) {
			while (!__atomic_load_n(&tids[i], __ATOMIC_SEQ_CST))
				usleep(1000);
			wait_thread_sleeping(tids[i]);
		}
		__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST);
		TEST(sys_futex(&word, FUTEX_WAKE_PRIVATE, 2, NULL, NULL, 0));
		woke = TST_RET;
		TST_EXP_EXPR(woke == 2, "FUTEX_WAKE nr 2 released 2 of 3 waiters (%ld)", woke);
		TEST(sys_futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0));
		TST_EXP_EXPR(TST_RET == 1, "a second FUTEX_WAKE released the last one (%ld)", TST_RET);
		for (i = 0; i < 3; i++)
			pthread_join(th[i], NULL);
		TST_EXP_EQ_LI(woken, 3);
		break;
	case 1:
		shared = SAFE_MMAP(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		*shared = 0;
		pid = SAFE_FORK();
		if (!pid) {
			while (__atomic_load_n(shared, __ATOMIC_SEQ_CST) == 0)
				sys_futex(shared, FUTEX_WAIT, 0, NULL, NULL, 0);
			_exit(*shared == 7 ? 0 : 1);
		}
		TST_PROCESS_STATE_WAIT(pid, 'S', 0);
		__atomic_store_n(shared, 7, __ATOMIC_SEQ_CST);
		TST_EXP_VAL(sys_futex(shared, FUTEX_WAKE, 1, NULL, NULL, 0), 1,
			    "shared FUTEX_WAKE across fork() wakes the child");
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "child saw value 7");
		SAFE_MUNMAP(shared, 4096);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
};
