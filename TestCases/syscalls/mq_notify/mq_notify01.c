/* mq_notify(): with SIGEV_SIGNAL registered, a message arriving on an
 * empty queue sends the signal with si_code SI_MESGQ and the given value;
 * the registration is one-shot; a second process cannot register while one
 * is registered (EBUSY); NULL unregisters; EINVAL for an unknown
 * sigev_notify, EBADF for a bad descriptor.
 * SYSCALLS: mq_notify mq_open mq_unlink mq_timedsend mq_timedreceive rt_sigprocmask rt_sigtimedwait close clone wait4 exit_group */
#include <mqueue.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static char name[64];
static mqd_t q = -1;

static void setup(void)
{
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 };
	sigset_t set;

	snprintf(name, sizeof(name), "/ferry-mq-notify-%d", getpid());
	q = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
	if (q < 0)
		tst_brk(TCONF | TERRNO, "mq_open()");
	tst_syscall(__NR_mq_notify, q, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
}

static void cleanup(void)
{
	if (q >= 0)
		mq_close(q);
	mq_unlink(name);
}

static void run(unsigned int n)
{
	struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	struct timespec ts = { 5, 0 }, zero = { 0, 0 };
	char buf[16];
	siginfo_t si;
	sigset_t set;
	int status;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	switch (n) {
	case 0:
		sev.sigev_value.sival_int = 0x77;
		TST_EXP_PASS(mq_notify(q, &sev), "mq_notify(SIGEV_SIGNAL)");
		mq_send(q, "m", 1, 0);
		TST_EXP_VAL(sigtimedwait(&set, &si, &ts), SIGUSR1, "signal on arrival");
		TST_EXP_EXPR(si.si_code == SI_MESGQ && si.si_value.sival_int == 0x77,
			     "SI_MESGQ with value 0x77 (code %d)", si.si_code);
		mq_receive(q, buf, sizeof(buf), NULL);
		mq_send(q, "m", 1, 0);
		TST_EXP_FAIL(sigtimedwait(&set, &si, &zero), EAGAIN, "one-shot: no second signal");
		mq_receive(q, buf, sizeof(buf), NULL);
		break;
	case 1:
		TST_EXP_PASS(mq_notify(q, &sev), "register");
		pid = SAFE_FORK();
		if (!pid) {
			mqd_t c = mq_open(name, O_RDWR);

			TST_EXP_FAIL(mq_notify(c, &sev), EBUSY, "second process registering");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_PASS(mq_notify(q, NULL), "unregister with NULL");
		mq_send(q, "m", 1, 0);
		TST_EXP_FAIL(sigtimedwait(&set, &si, &zero), EAGAIN, "no signal after unregistering");
		mq_receive(q, buf, sizeof(buf), NULL);
		break;
	case 2:
		sev.sigev_notify = 1234;
		TST_EXP_FAIL(mq_notify(q, &sev), EINVAL, "sigev_notify 1234");
		sev.sigev_notify = SIGEV_SIGNAL;
		TST_EXP_FAIL(mq_notify(999, &sev), EBADF, "descriptor 999");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
};
