/* signalfd(): a blocked pending signal is read as a signalfd_siginfo with
 * its number, sender pid and code (SI_TKILL for raise, SI_QUEUE with the
 * value for sigqueue); the fd polls readable; passing the fd back replaces
 * its mask; an empty non-blocking signalfd gives EAGAIN; EINVAL for unknown
 * flags, a wrong mask size, a short read buffer and a non-signalfd fd.
 * SYSCALLS: signalfd4 read ppoll rt_sigprocmask rt_sigqueueinfo tgkill getpid gettid pipe2 close getuid */
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include "tst_test.h"

static sigset_t both, old;

static void setup(void)
{
	SAFE_SIGEMPTYSET(&both);
	SAFE_SIGADDSET(&both, SIGUSR1);
	SAFE_SIGADDSET(&both, SIGUSR2);
	SAFE_SIGPROCMASK(SIG_BLOCK, &both, &old);
}

static int sfd_for(int signo, int flags)
{
	sigset_t set;
	int fd;

	SAFE_SIGEMPTYSET(&set);
	SAFE_SIGADDSET(&set, signo);
	fd = signalfd(-1, &set, flags);
	if (fd < 0)
		tst_brk(TBROK | TERRNO, "signalfd()");
	return fd;
}

static void run(unsigned int n)
{
	struct signalfd_siginfo si;
	struct pollfd pfd;
	union sigval val = { .sival_int = 4242 };
	sigset_t set;
	int fd, p[2];

	switch (n) {
	case 0:
		fd = sfd_for(SIGUSR1, 0);
		raise(SIGUSR1);
		pfd.fd = fd;
		pfd.events = POLLIN;
		TST_EXP_VAL(poll(&pfd, 1, 0), 1, "a signalfd with a pending signal polls readable");
		TST_EXP_VAL(read(fd, &si, sizeof(si)), sizeof(si), "read() one signalfd_siginfo");
		TST_EXP_EXPR(si.ssi_signo == SIGUSR1 && si.ssi_pid == (uint32_t)getpid() &&
			     si.ssi_code == SI_TKILL,
			     "signo SIGUSR1, pid of the sender, code SI_TKILL (%d)", si.ssi_code);
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = sfd_for(SIGUSR1, 0);
		if (sigqueue(getpid(), SIGUSR1, val))
			tst_brk(TBROK | TERRNO, "sigqueue()");
		TST_EXP_VAL(read(fd, &si, sizeof(si)), sizeof(si), "read() a queued signal");
		TST_EXP_EXPR(si.ssi_code == SI_QUEUE && si.ssi_int == 4242,
			     "code SI_QUEUE and value 4242 (%d, %d)", si.ssi_code, si.ssi_int);
		SAFE_CLOSE(fd);
		break;
	case 2:
		fd = sfd_for(SIGUSR1, SFD_NONBLOCK | SFD_CLOEXEC);
		TST_EXP_FAIL2(read(fd, &si, sizeof(si)), EAGAIN, "read() of an empty SFD_NONBLOCK signalfd");
		TST_EXP_EQ_LI(fcntl(fd, F_GETFD), FD_CLOEXEC);
		SAFE_SIGEMPTYSET(&set);
		SAFE_SIGADDSET(&set, SIGUSR2);
		TST_EXP_VAL(signalfd(fd, &set, 0), fd, "signalfd(fd, {SIGUSR2}) replaces the mask");
		raise(SIGUSR1);
		TST_EXP_FAIL2(read(fd, &si, sizeof(si)), EAGAIN, "SIGUSR1 is no longer read");
		raise(SIGUSR2);
		TST_EXP_VAL(read(fd, &si, sizeof(si)), sizeof(si), "SIGUSR2 is read");
		TST_EXP_EQ_LI(si.ssi_signo, SIGUSR2);
		SAFE_CLOSE(fd);
		fd = sfd_for(SIGUSR1, 0);
		SAFE_READ(1, fd, &si, sizeof(si));
		SAFE_CLOSE(fd);
		break;
	case 3:
		SAFE_SIGEMPTYSET(&set);
		SAFE_SIGADDSET(&set, SIGUSR1);
		TST_EXP_FAIL2(signalfd(-1, &set, 0x1), EINVAL, "signalfd() with unknown flag 0x1");
		TST_EXP_FAIL2(syscall(__NR_signalfd4, -1, &set, 4, 0), EINVAL,
			      "signalfd4() with mask size 4");
		SAFE_PIPE(p);
		TST_EXP_FAIL2(signalfd(p[0], &set, 0), EINVAL, "signalfd() on a pipe fd");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		fd = sfd_for(SIGUSR1, 0);
		raise(SIGUSR1);
		TST_EXP_FAIL2(read(fd, &si, sizeof(si) - 1), EINVAL, "read() with a short buffer");
		SAFE_READ(1, fd, &si, sizeof(si));
		close(fd);
		TST_EXP_FAIL2(signalfd(fd, &set, 0), EBADF, "signalfd() of a closed fd");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
};
