/* pselect6(): reports a readable pipe and clears the bits of fds that are
 * not ready, a zero timeout returns 0, the sigmask argument lets a pending
 * blocked signal interrupt the wait (EINTR); EBADF for a closed fd in a set,
 * EINVAL for a negative nfds or timeout. Raw syscall so the kernel's
 * argument layout (mask pointer + size pair) is what gets tested.
 * SYSCALLS: pselect6 rt_sigprocmask rt_sigaction tgkill getpid gettid pipe2 write read close */
#include <sys/select.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile sig_atomic_t caught;
static int p[2] = { -1, -1 };

struct sigdata {
	const sigset_t *ss;
	size_t ss_len;
};

static long raw_pselect(int nfds, fd_set *r, fd_set *w, struct timespec *ts, const sigset_t *mask)
{
	struct sigdata sd = { mask, 8 };

	return syscall(__NR_pselect6, nfds, r, w, NULL, ts, mask ? &sd : NULL);
}

static void handler(int sig)
{
	caught = sig;
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

static void run(unsigned int n)
{
	struct timespec ts = { 0, 0 };
	fd_set r, w;
	sigset_t set, old, empty;
	char c;
	int fd;

	FD_ZERO(&r);
	FD_ZERO(&w);
	switch (n) {
	case 0:
		FD_SET(p[0], &r);
		FD_SET(p[1], &w);
		TST_EXP_VAL(raw_pselect(p[1] + 1, &r, &w, &ts, NULL), 1,
			    "pselect6() with an empty pipe: only the write end is ready");
		TST_EXP_EXPR(!FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w), "the read bit was cleared");
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		FD_SET(p[0], &r);
		TST_EXP_VAL(raw_pselect(p[0] + 1, &r, NULL, &ts, NULL), 1,
			    "pselect6() after a write: the read end is ready");
		TST_EXP_EXPR(FD_ISSET(p[0], &r), "the read bit is set");
		SAFE_READ(1, p[0], &c, 1);
		break;
	case 1:
		SAFE_SIGEMPTYSET(&set);
		SAFE_SIGADDSET(&set, SIGUSR1);
		SAFE_SIGPROCMASK(SIG_BLOCK, &set, &old);
		caught = 0;
		raise(SIGUSR1);
		SAFE_SIGEMPTYSET(&empty);
		FD_SET(p[0], &r);
		ts.tv_sec = 5;
		TST_EXP_FAIL2(raw_pselect(p[0] + 1, &r, NULL, &ts, &empty), EINTR,
			      "pselect6() with a mask unblocking a pending signal");
		TST_EXP_EXPR(caught == SIGUSR1, "the handler ran during pselect6()");
		SAFE_SIGPROCMASK(SIG_SETMASK, &old, NULL);
		break;
	case 2:
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		close(fd);
		FD_SET(fd, &r);
		TST_EXP_FAIL2(raw_pselect(fd + 1, &r, NULL, &ts, NULL), EBADF,
			      "pselect6() with a closed fd in the read set");
		break;
	case 3:
		TST_EXP_FAIL2(raw_pselect(-1, &r, NULL, &ts, NULL), EINVAL, "pselect6() with nfds -1");
		ts.tv_sec = -1;
		TST_EXP_FAIL2(raw_pselect(1, &r, NULL, &ts, NULL), EINVAL,
			      "pselect6() with a negative timeout");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
