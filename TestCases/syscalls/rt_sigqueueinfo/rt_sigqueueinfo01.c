/* rt_sigqueueinfo(): a SI_QUEUE siginfo with a value reaches the caller
 * (via sigtimedwait) and a child (via a SA_SIGINFO handler); EPERM for a
 * non-negative si_code sent to another process, EINVAL for signal 1000,
 * ESRCH for a missing pid, EFAULT for unmapped info.
 * SYSCALLS: rt_sigqueueinfo rt_sigtimedwait rt_sigprocmask rt_sigaction getpid getuid clone wait4 exit_group rt_sigsuspend futex */
#include <sys/syscall.h>
#include "tst_test.h"

static volatile int child_value = -1;

static void handler(int sig, siginfo_t *si, void *uc)
{
	child_value = si->si_code == SI_QUEUE ? si->si_value.sival_int : -2;
}

static void mkinfo(siginfo_t *si, int sig, int code, int val)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = code;
	si->si_pid = getpid();
	si->si_uid = getuid();
	si->si_value.sival_int = val;
}

static void run(unsigned int n)
{
	struct timespec ts = { 5, 0 };
	struct sigaction sa = { .sa_sigaction = handler, .sa_flags = SA_SIGINFO };
	siginfo_t si, got;
	sigset_t set;
	pid_t pid;
	int status;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	switch (n) {
	case 0:
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
		mkinfo(&si, SIGUSR1, SI_QUEUE, 777);
		TST_EXP_PASS(syscall(__NR_rt_sigqueueinfo, getpid(), SIGUSR1, &si), "rt_sigqueueinfo(self)");
		TST_EXP_VAL(sigtimedwait(&set, &got, &ts), SIGUSR1, "queued signal taken");
		TST_EXP_EXPR(got.si_code == SI_QUEUE && got.si_value.sival_int == 777, "value 777 delivered");
		SAFE_SIGPROCMASK(SIG_UNBLOCK, &set, NULL);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			sigset_t empty;

			SAFE_SIGACTION(SIGUSR1, &sa, NULL);
			SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
			TST_CHECKPOINT_WAKE(0);
			sigemptyset(&empty);
			sigsuspend(&empty);
			_exit(child_value == 4321 ? 0 : 1);
		}
		TST_CHECKPOINT_WAIT(0);
		mkinfo(&si, SIGUSR1, SI_QUEUE, 4321);
		TST_EXP_PASS(syscall(__NR_rt_sigqueueinfo, pid, SIGUSR1, &si), "rt_sigqueueinfo(child)");
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "child's handler got value 4321");
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			_exit(0);
		}
		mkinfo(&si, SIGUSR1, SI_USER, 0);
		TST_EXP_FAIL(syscall(__NR_rt_sigqueueinfo, pid, SIGUSR1, &si), EPERM,
			     "rt_sigqueueinfo() SI_USER code to another process");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		mkinfo(&si, SIGUSR1, SI_QUEUE, 0);
		TST_EXP_FAIL(syscall(__NR_rt_sigqueueinfo, getpid(), 1000, &si), EINVAL, "signal 1000");
		TST_EXP_FAIL(syscall(__NR_rt_sigqueueinfo, 0x3ffffff0, SIGUSR1, &si), ESRCH, "missing pid");
		TST_EXP_FAIL(syscall(__NR_rt_sigqueueinfo, getpid(), SIGUSR1, tst_get_bad_addr(NULL)), EFAULT,
			     "unmapped info");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
