/* tkill()/tgkill(): tkill of the caller's own tid runs the handler with
 * si_code SI_TKILL; signal 0 probes a live thread; tgkill to a second
 * thread reaches that thread; EINVAL for tid <= 0 and signal 1000, ESRCH
 * for a missing tid and for a tgid/tid pair that does not match.
 * SYSCALLS: tkill tgkill rt_sigaction gettid getpid futex clone exit madvise rt_sigprocmask clock_nanosleep */
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile int code, hits;
static volatile pid_t where, thread_tid;
static volatile int stop;

static void handler(int sig, siginfo_t *si, void *uc)
{
	hits++;
	code = si->si_code;
	where = syscall(__NR_gettid);
}

static void *thread_fn(void *arg)
{
	thread_tid = syscall(__NR_gettid);
	while (!stop)
		usleep(1000);
	return NULL;
}

static void setup(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };

	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
}

static void run(unsigned int n)
{
	pthread_t th;
	int i;

	hits = 0;
	switch (n) {
	case 0:
		TST_EXP_PASS(syscall(__NR_tkill, syscall(__NR_gettid), SIGUSR1), "tkill(self, SIGUSR1)");
		TST_EXP_EXPR(hits == 1 && code == SI_TKILL, "handler ran with SI_TKILL (code %d)", code);
		TST_EXP_PASS(syscall(__NR_tkill, syscall(__NR_gettid), 0), "tkill(self, 0) probe");
		TST_EXP_EQ_LI(hits, 1);
		break;
	case 1:
		stop = 0;
		thread_tid = 0;
		if (pthread_create(&th, NULL, thread_fn, NULL))
			tst_brk(TBROK, "pthread_create()");
		while (!thread_tid)
			usleep(1000);
		TST_EXP_PASS(syscall(__NR_tgkill, getpid(), thread_tid, SIGUSR1), "tgkill() to the second thread");
		for (i = 0; i < 500 && !hits; i++)
			usleep(10000);
		TST_EXP_EQ_LI(where, thread_tid);
		TST_EXP_FAIL(syscall(__NR_tgkill, getppid(), thread_tid, 0), ESRCH,
			     "tgkill() with a tgid the tid does not belong to");
		stop = 1;
		pthread_join(th, NULL);
		break;
	case 2:
		TST_EXP_FAIL(syscall(__NR_tkill, 0, SIGUSR1), EINVAL, "tkill(0)");
		TST_EXP_FAIL(syscall(__NR_tkill, -1, SIGUSR1), EINVAL, "tkill(-1)");
		TST_EXP_FAIL(syscall(__NR_tkill, syscall(__NR_gettid), 1000), EINVAL, "tkill() signal 1000");
		TST_EXP_FAIL(syscall(__NR_tkill, 0x3ffffff0, SIGUSR1), ESRCH, "tkill() of a missing tid");
		TST_EXP_FAIL(syscall(__NR_tgkill, getpid(), 0, SIGUSR1), EINVAL, "tgkill() tid 0");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
