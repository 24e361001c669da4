/* tgkill(): a signal aimed at one thread runs the handler in that thread
 * (its gettid() matches) and si_code is SI_TKILL with the sender's pid;
 * signal 0 probes a live thread; ESRCH for a tid that is not in the given
 * thread group and for an exited thread, EINVAL for signal 1000 and a
 * non-positive tgid or tid.
 * SYSCALLS: tgkill gettid getpid rt_sigaction clone futex madvise rt_sigprocmask exit clock_nanosleep */
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile pid_t handler_tid;
static volatile int handler_code, handler_pid;
static volatile pid_t worker_tid;
static volatile int stop;

static int raw_tgkill(pid_t tgid, pid_t tid, int sig)
{
	return syscall(__NR_tgkill, tgid, tid, sig);
}

static void handler(int sig, siginfo_t *si, void *uc)
{
	handler_tid = syscall(__NR_gettid);
	handler_code = si->si_code;
	handler_pid = si->si_pid;
}

static void *worker(void *arg)
{
	worker_tid = syscall(__NR_gettid);
	while (!stop)
		usleep(1000);
	return NULL;
}

static void run(void)
{
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO | SA_RESTART };
	pthread_t t;
	pid_t dead;
	int i;

	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
	pthread_create(&t, NULL, worker, NULL);
	while (!worker_tid)
		usleep(1000);
	TST_EXP_PASS(raw_tgkill(getpid(), worker_tid, 0), "tgkill(worker, 0)");
	TST_EXP_PASS(raw_tgkill(getpid(), worker_tid, SIGUSR1), "tgkill(worker, SIGUSR1)");
	for (i = 0; i < 5000 && !handler_tid; i++)
		usleep(1000);
	TST_EXP_EXPR(handler_tid == worker_tid, "the handler ran in the worker thread");
	TST_EXP_EQ_LI(handler_code, SI_TKILL);
	TST_EXP_EQ_LI(handler_pid, getpid());
	TST_EXP_FAIL(raw_tgkill(getppid(), worker_tid, SIGUSR1), ESRCH, "tgkill() with the wrong thread group");
	stop = 1;
	pthread_join(t, NULL);
	dead = worker_tid;
	TST_EXP_FAIL(raw_tgkill(getpid(), dead, 0), ESRCH, "tgkill() of an exited thread");
	TST_EXP_FAIL(raw_tgkill(getpid(), getpid(), 1000), EINVAL, "tgkill() with signal 1000");
	TST_EXP_FAIL(raw_tgkill(0, getpid(), 0), EINVAL, "tgkill() with tgid 0");
	TST_EXP_FAIL(raw_tgkill(getpid(), -1, 0), EINVAL, "tgkill() with tid -1");
}

static struct tst_test test = {
	.test_all = run,
};
