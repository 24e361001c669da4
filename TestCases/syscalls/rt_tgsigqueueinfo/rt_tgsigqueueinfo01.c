/* rt_tgsigqueueinfo(): a signal with a value aimed at one thread of the
 * process is delivered to that thread (its handler records gettid());
 * EINVAL for a non-positive tgid/tid or signal 1000, ESRCH for a tid not
 * in the group, EPERM for a SI_USER code aimed at another process.
 * SYSCALLS: rt_tgsigqueueinfo rt_sigaction getpid gettid futex clone exit madvise rt_sigprocmask clock_nanosleep */
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static volatile pid_t handler_tid, thread_tid;
static volatile int handler_val, stop;

static void handler(int sig, siginfo_t *si, void *uc)
{
	handler_tid = syscall(__NR_gettid);
	handler_val = si->si_value.sival_int;
}

static void *thread_fn(void *arg)
{
	thread_tid = syscall(__NR_gettid);
	while (!stop)
		usleep(1000);
	return NULL;
}

static void mkinfo(siginfo_t *si, int code, int val)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = SIGUSR1;
	si->si_code = code;
	si->si_pid = getpid();
	si->si_value.sival_int = val;
}

static void run(unsigned int n)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
	siginfo_t si;
	pthread_t th;
	int i;

	switch (n) {
	case 0:
		SAFE_SIGACTION(SIGUSR1, &sa, NULL);
		stop = 0;
		thread_tid = 0;
		handler_tid = 0;
		if (pthread_create(&th, NULL, thread_fn, NULL))
			tst_brk(TBROK, "pthread_create()");
		while (!thread_tid)
			usleep(1000);
		mkinfo(&si, SI_QUEUE, 99);
		TST_EXP_PASS(tst_syscall(__NR_rt_tgsigqueueinfo, getpid(), thread_tid, SIGUSR1, &si),
			     "rt_tgsigqueueinfo() to the second thread");
		for (i = 0; i < 500 && !handler_tid; i++)
			usleep(10000);
		stop = 1;
		pthread_join(th, NULL);
		TST_EXP_EXPR(handler_tid == thread_tid && handler_val == 99,
			     "the targeted thread ran the handler with value 99");
		break;
	case 1:
		mkinfo(&si, SI_QUEUE, 0);
		TST_EXP_FAIL(syscall(__NR_rt_tgsigqueueinfo, 0, getpid(), SIGUSR1, &si), EINVAL, "tgid 0");
		TST_EXP_FAIL(syscall(__NR_rt_tgsigqueueinfo, getpid(), -1, SIGUSR1, &si), EINVAL, "tid -1");
		TST_EXP_FAIL(syscall(__NR_rt_tgsigqueueinfo, getpid(), getpid(), 1000, &si), EINVAL, "signal 1000");
		TST_EXP_FAIL(syscall(__NR_rt_tgsigqueueinfo, getpid(), 0x3ffffff0, SIGUSR1, &si), ESRCH,
			     "tid not in the thread group");
		mkinfo(&si, SI_USER, 0);
		TST_EXP_FAIL(syscall(__NR_rt_tgsigqueueinfo, getppid(), getppid(), SIGUSR1, &si), EPERM,
			     "SI_USER code to another process");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
};
