/* ppoll(): the signal mask is swapped in atomically, so a pending blocked
 * signal that the mask unblocks interrupts the wait (EINTR, handler ran)
 * while a mask that keeps it blocked leaves it pending; the kernel writes
 * back the time left; readiness with a zero timeout; EINVAL for a negative
 * timeout and a wrong sigset size, EFAULT for an unmapped fd array.
 * SYSCALLS: ppoll rt_sigprocmask rt_sigaction rt_sigpending tgkill getpid gettid pipe2 write close read */
#include <poll.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile sig_atomic_t caught;
static int p[2] = { -1, -1 };

static void handler(int sig)
{
	caught = sig;
}

/* Raw ppoll: glibc copies the timeout, the kernel's write-back is wanted. */
static long raw_ppoll(struct pollfd *fds, nfds_t n, struct timespec *ts, const sigset_t *mask,
		      size_t size)
{
	return syscall(__NR_ppoll, fds, n, ts, mask, size);
}

static void setup(void)
{
	struct sigaction sa = { .sa_handler = handler };

	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
	SAFE_PIPE(p);
}

static void cleanup(void)
{
	if (p[0] >= 0)
		SAFE_CLOSE(p[0]);
	if (p[1] >= 0)
		SAFE_CLOSE(p[1]);
}

/* Leaves SIGUSR1 blocked and pending; returns the old mask in *old. */
static void pend_usr1(sigset_t *old)
{
	sigset_t set;

	SAFE_SIGEMPTYSET(&set);
	SAFE_SIGADDSET(&set, SIGUSR1);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, old);
	caught = 0;
	raise(SIGUSR1);
}

static void run(unsigned int n)
{
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	struct timespec ts = { 5, 0 };
	sigset_t old, empty, blocked, pending;

	SAFE_SIGEMPTYSET(&empty);
	switch (n) {
	case 0:
		pend_usr1(&old);
		TST_EXP_FAIL2(raw_ppoll(&pfd, 1, &ts, &empty, 8), EINTR,
			      "ppoll() with a mask unblocking a pending signal");
		TST_EXP_EXPR(caught == SIGUSR1, "the handler ran during ppoll()");
		TST_EXP_EXPR(ts.tv_sec <= 5 && ts.tv_sec >= 0, "the remaining time was written back (%lds)",
			     (long)ts.tv_sec);
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		break;
	case 1:
		pend_usr1(&old);
		SAFE_SIGEMPTYSET(&blocked);
		SAFE_SIGADDSET(&blocked, SIGUSR1);
		ts.tv_sec = 0;
		TST_EXP_VAL(raw_ppoll(&pfd, 1, &ts, &blocked, 8), 0,
			    "ppoll() with a mask keeping the signal blocked times out");
		sigpending(&pending);
		TST_EXP_EXPR(caught == 0 && sigismember(&pending, SIGUSR1),
			     "the signal stayed pending");
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		TST_EXP_EXPR(caught == SIGUSR1, "unblocking delivered it afterwards");
		break;
	case 2:
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		ts.tv_sec = 0;
		TST_EXP_VAL(ppoll(&pfd, 1, &ts, NULL), 1, "ppoll() of a pipe holding data");
		TST_EXP_EXPR(pfd.revents == POLLIN, "revents is POLLIN (0x%x)", pfd.revents);
		SAFE_READ(1, p[0], &ts, 1);
		break;
	case 3:
		ts.tv_sec = -1;
		TST_EXP_FAIL2(raw_ppoll(&pfd, 1, &ts, NULL, 8), EINVAL, "ppoll() with a negative timeout");
		ts.tv_sec = 0;
		TST_EXP_FAIL2(raw_ppoll(&pfd, 1, &ts, &empty, 4), EINVAL, "ppoll() with sigsetsize 4");
		TST_EXP_FAIL2(raw_ppoll(tst_get_bad_addr(NULL), 1, &ts, NULL, 8), EFAULT,
			      "ppoll() of an unmapped fd array");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
