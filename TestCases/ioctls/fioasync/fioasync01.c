/* FIOASYNC: on a pipe whose reading end is owned (F_SETOWN) by the caller,
 * FIOASYNC 1 sets O_ASYNC (seen by F_GETFL) and a write then raises SIGIO
 * (with F_SETSIG 0: si_code SI_KERNEL or POLL_IN, either is the kernel's
 * choice, so only the signal is checked); FIOASYNC 0 clears O_ASYNC and no
 * more SIGIO comes; F_SETSIG SIGRTMIN+1 replaces SIGIO with a real-time
 * signal carrying si_fd; EFAULT for an unmapped argument.
 * SYSCALLS: ioctl fcntl pipe2 write read rt_sigaction getpid
 * IOCTLS: FIOASYNC */
#include <sys/ioctl.h>
#include "tst_test.h"

static volatile int got_io, got_rt, rt_fd;

static void on_io(int sig) { got_io++; }
static void on_rt(int sig, siginfo_t *si, void *uc) { got_rt++; rt_fd = si->si_fd; }

static void run(void)
{
	struct sigaction sa = { .sa_handler = on_io }, sr = { .sa_sigaction = on_rt, .sa_flags = SA_SIGINFO };
	int p[2], on = 1, off = 0;
	char buf[8];

	SAFE_SIGACTION(SIGIO, &sa, NULL);
	SAFE_SIGACTION(SIGRTMIN + 1, &sr, NULL);
	SAFE_PIPE(p);
	SAFE_FCNTL(p[0], F_SETOWN, getpid());
	TST_EXP_PASS(ioctl(p[0], FIOASYNC, &on), "FIOASYNC 1");
	TST_EXP_EXPR(SAFE_FCNTL(p[0], F_GETFL) & O_ASYNC, "O_ASYNC set by FIOASYNC");
	SAFE_WRITE(1, p[1], "a", 1);
	TST_EXP_EQ_LI(got_io, 1);
	SAFE_READ(1, p[0], buf, 1);

	SAFE_FCNTL(p[0], F_SETSIG, SIGRTMIN + 1);
	SAFE_WRITE(1, p[1], "b", 1);
	TST_EXP_EXPR(got_rt == 1 && rt_fd == p[0] && got_io == 1,
		     "F_SETSIG: the real-time signal came with si_fd of the read end");
	SAFE_READ(1, p[0], buf, 1);

	TST_EXP_PASS(ioctl(p[0], FIOASYNC, &off), "FIOASYNC 0");
	TST_EXP_EXPR(!(SAFE_FCNTL(p[0], F_GETFL) & O_ASYNC), "O_ASYNC cleared by FIOASYNC 0");
	SAFE_WRITE(1, p[1], "c", 1);
	TST_EXP_EXPR(got_io == 1 && got_rt == 1, "no signal after FIOASYNC 0");
	TST_EXP_FAIL(ioctl(p[0], FIOASYNC, tst_get_bad_addr(NULL)), EFAULT, "FIOASYNC with an unmapped argument");
	SAFE_CLOSE(p[0]);
	SAFE_CLOSE(p[1]);
}

static struct tst_test test = {
	.test_all = run,
};
