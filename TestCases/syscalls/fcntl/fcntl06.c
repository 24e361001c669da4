/* fcntl() signal-driven I/O owners: F_SETOWN_EX with F_OWNER_TID/PID/PGRP
 * reads back through F_GETOWN_EX (and F_GETOWN gives -pgrp for a group;
 * F_SETOWN of a negative value is a PGRP owner); F_SETSIG/F_GETSIG
 * round-trip; with O_ASYNC and an F_OWNER_TID owner the F_SETSIG signal
 * for input on a pipe goes to that thread (not the main thread) with
 * si_fd, si_code POLL_IN and POLLIN in si_band; EINVAL for an unknown owner
 * type and signal numbers -1 and 65, ESRCH for a missing pid, EFAULT for
 * unmapped f_owner_ex pointers.
 * SYSCALLS: fcntl pipe2 write close gettid getpid getpgid rt_sigaction clone futex clock_nanosleep exit madvise rt_sigprocmask */
#include <poll.h>
#include <pthread.h>
#include <sys/syscall.h>
#include "tst_test.h"

static volatile pid_t sig_tid;
static volatile int sig_fd = -1, sig_code, sig_band;
static volatile int stop_thread;
static pid_t thread_tid;

static void on_io(int sig, siginfo_t *si, void *uc)
{
	sig_tid = syscall(__NR_gettid);
	sig_fd = si->si_fd;
	sig_code = si->si_code;
	sig_band = si->si_band;
}

static void *target(void *arg)
{
	thread_tid = syscall(__NR_gettid);
	TST_CHECKPOINT_WAKE(0);
	while (!stop_thread)
		usleep(1000);
	return NULL;
}

static void setup(void)
{
	struct sigaction sa = { .sa_sigaction = on_io, .sa_flags = SA_SIGINFO | SA_RESTART };

	SAFE_SIGACTION(SIGRTMIN + 1, &sa, NULL);
}

static void run(unsigned int n)
{
	struct f_owner_ex own, got;
	pthread_t th;
	int p[2], i;

	SAFE_PIPE(p);
	switch (n) {
	case 0:
		own.type = F_OWNER_TID;
		own.pid = syscall(__NR_gettid);
		TST_EXP_PASS(fcntl(p[0], F_SETOWN_EX, &own), "F_SETOWN_EX F_OWNER_TID");
		memset(&got, 0, sizeof(got));
		TST_EXP_PASS(fcntl(p[0], F_GETOWN_EX, &got), "F_GETOWN_EX");
		TST_EXP_EXPR(got.type == F_OWNER_TID && got.pid == own.pid, "TID owner read back (type %d pid %d)",
			     got.type, got.pid);
		own.type = F_OWNER_PGRP;
		own.pid = getpgrp();
		TST_EXP_PASS(fcntl(p[0], F_SETOWN_EX, &own), "F_SETOWN_EX F_OWNER_PGRP");
		TST_EXP_VAL(fcntl(p[0], F_GETOWN), -getpgrp(), "F_GETOWN of a group owner is -pgrp");
		own.type = F_OWNER_PID;
		own.pid = getpid();
		TST_EXP_PASS(fcntl(p[0], F_SETOWN_EX, &own), "F_SETOWN_EX F_OWNER_PID");
		TST_EXP_VAL(fcntl(p[0], F_GETOWN), getpid(), "F_GETOWN of a process owner");
		TST_EXP_PASS(fcntl(p[0], F_SETOWN, -getpgrp()), "F_SETOWN(-pgrp)");
		memset(&got, 0, sizeof(got));
		TST_EXP_PASS(fcntl(p[0], F_GETOWN_EX, &got), "F_GETOWN_EX");
		TST_EXP_EXPR(got.type == F_OWNER_PGRP && got.pid == getpgrp(), "F_SETOWN(-pgrp) is a PGRP owner "
			     "(type %d pid %d)", got.type, got.pid);
		break;
	case 1:
		TST_EXP_VAL(fcntl(p[0], F_GETSIG), 0, "F_GETSIG defaults to 0 (SIGIO)");
		TST_EXP_PASS(fcntl(p[0], F_SETSIG, SIGRTMIN + 2), "F_SETSIG SIGRTMIN+2");
		TST_EXP_VAL(fcntl(p[0], F_GETSIG), SIGRTMIN + 2, "F_GETSIG reads it back");
		TST_EXP_PASS(fcntl(p[0], F_SETSIG, 0), "F_SETSIG 0");
		TST_EXP_VAL(fcntl(p[0], F_GETSIG), 0, "F_GETSIG back to 0");
		TST_EXP_FAIL(fcntl(p[0], F_SETSIG, 65), EINVAL, "F_SETSIG 65");
		TST_EXP_FAIL(fcntl(p[0], F_SETSIG, -1), EINVAL, "F_SETSIG -1");
		break;
	case 2:
		stop_thread = 0;
		sig_tid = 0;
		pthread_create(&th, NULL, target, NULL);
		TST_CHECKPOINT_WAIT(0);
		own.type = F_OWNER_TID;
		own.pid = thread_tid;
		SAFE_FCNTL(p[0], F_SETOWN_EX, &own);
		SAFE_FCNTL(p[0], F_SETSIG, SIGRTMIN + 1);
		SAFE_FCNTL(p[0], F_SETFL, O_ASYNC | O_NONBLOCK);
		SAFE_WRITE(1, p[1], "x", 1);
		for (i = 0; i < 500 && !sig_tid; i++)
			usleep(10000);
		stop_thread = 1;
		pthread_join(th, NULL);
		TST_EXP_EXPR(sig_tid == thread_tid, "the signal ran in the owner thread %d (ran in %d, main %d)",
			     (int)thread_tid, (int)sig_tid, (int)getpid());
		TST_EXP_EXPR(sig_fd == p[0] && sig_code == POLL_IN && (sig_band & POLLIN),
			     "si_fd %d, si_code POLL_IN, POLLIN in si_band (fd %d code %d band 0x%x)", p[0],
			     sig_fd, sig_code, sig_band);
		break;
	case 3:
		own.type = 99;
		own.pid = getpid();
		TST_EXP_FAIL(fcntl(p[0], F_SETOWN_EX, &own), EINVAL, "F_SETOWN_EX with type 99");
		own.type = F_OWNER_PID;
		own.pid = 0x3ffffff0;
		TST_EXP_FAIL(fcntl(p[0], F_SETOWN_EX, &own), ESRCH, "F_SETOWN_EX of a missing pid");
		TST_EXP_FAIL(fcntl(p[0], F_SETOWN_EX, tst_get_bad_addr(NULL)), EFAULT, "F_SETOWN_EX from an unmapped address");
		TST_EXP_FAIL(fcntl(p[0], F_GETOWN_EX, tst_get_bad_addr(NULL)), EFAULT, "F_GETOWN_EX to an unmapped address");
		break;
	}
	SAFE_CLOSE(p[0]);
	SAFE_CLOSE(p[1]);
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_checkpoints = 1,
};
