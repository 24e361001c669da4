/* rt_sigtimedwait(): returns a pending blocked signal and its siginfo
 * (SI_USER from kill, sender pid), takes real-time signals in number order
 * and queues each instance; a zero timeout with nothing pending gives
 * EAGAIN; EINVAL for tv_nsec >= 1e9 and sigsetsize 4, EFAULT.
 * SYSCALLS: rt_sigtimedwait rt_sigprocmask rt_sigqueueinfo kill getpid getuid */
#include <sys/syscall.h>
#include "tst_test.h"

static sigset_t set;

static void setup(void)
{
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGRTMIN + 2);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
}

static void run(unsigned int n)
{
	struct timespec zero = { 0, 0 }, bad = { 0, 1000000000 };
	siginfo_t si;
	union sigval v;

	memset(&si, 0, sizeof(si));
	switch (n) {
	case 0:
		SAFE_KILL(getpid(), SIGUSR1);
		TST_EXP_VAL(sigtimedwait(&set, &si, &zero), SIGUSR1, "sigtimedwait() of a pending SIGUSR1");
		TST_EXP_EXPR(si.si_code == SI_USER && si.si_pid == getpid() && si.si_uid == getuid(),
			     "siginfo SI_USER with sender pid/uid");
		break;
	case 1:
		v.sival_int = 2;
		sigqueue(getpid(), SIGRTMIN + 2, v);
		v.sival_int = 1;
		sigqueue(getpid(), SIGRTMIN + 1, v);
		v.sival_int = 11;
		sigqueue(getpid(), SIGRTMIN + 1, v);
		TST_EXP_VAL(sigtimedwait(&set, &si, &zero), SIGRTMIN + 1, "lowest RT signal first");
		TST_EXP_EQ_LI(si.si_value.sival_int, 1);
		TST_EXP_VAL(sigtimedwait(&set, &si, &zero), SIGRTMIN + 1, "second queued instance");
		TST_EXP_EQ_LI(si.si_value.sival_int, 11);
		TST_EXP_VAL(sigtimedwait(&set, &si, &zero), SIGRTMIN + 2, "then the higher RT signal");
		break;
	case 2:
		TST_EXP_FAIL(sigtimedwait(&set, &si, &zero), EAGAIN, "sigtimedwait() with nothing pending");
		TST_EXP_FAIL(sigtimedwait(&set, &si, &bad), EINVAL, "sigtimedwait() tv_nsec 1e9");
		TST_EXP_FAIL(syscall(__NR_rt_sigtimedwait, &set, &si, &zero, 4), EINVAL,
			     "rt_sigtimedwait() sigsetsize 4");
		TST_EXP_FAIL(syscall(__NR_rt_sigtimedwait, tst_get_bad_addr(NULL), &si, &zero, 8), EFAULT,
			     "rt_sigtimedwait() unmapped set");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
