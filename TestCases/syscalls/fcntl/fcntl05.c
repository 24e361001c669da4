/* fcntl() leases: F_SETLEASE F_RDLCK/F_WRLCK/F_UNLCK read back by
 * F_GETLEASE; a write lease on a file open elsewhere is EAGAIN; another
 * process opening the file breaks a write lease: its O_NONBLOCK open is
 * EWOULDBLOCK, the holder gets the F_SETSIG signal with si_fd set, sees
 * F_GETLEASE report the downgrade target F_RDLCK, cannot downgrade while
 * its own fd is open for writing (EAGAIN), and a blocked open finishes
 * once the holder releases the lease; EINVAL for a pipe and an unknown
 * lease type, EACCES for a non-owner without CAP_LEASE, EBADF.
 * SYSCALLS: fcntl openat close rt_sigaction clone wait4 setuid pipe2 clock_nanosleep clock_gettime exit_group geteuid read */
#include <time.h>
#include "tst_test.h"

static volatile sig_atomic_t got_sig, got_fd = -1;

static void on_lease(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	got_fd = si->si_fd;
}

static void setup(void)
{
	struct sigaction sa = { .sa_sigaction = on_lease, .sa_flags = SA_SIGINFO };
	int v = 1;

	SAFE_FILE_SCANF("/proc/sys/fs/leases-enable", "%d", &v);
	if (!v)
		tst_brk(TCONF, "fs.leases-enable is 0");
	SAFE_SIGACTION(SIGUSR1, &sa, NULL);
	SAFE_FILE_PRINTF("file", "leased");
	SAFE_CHMOD("file", 0644);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run(unsigned int n)
{
	int fd, fd2, status, p[2], i;
	pid_t pid, pid2;
	double t;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("file", O_RDONLY);
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_RDLCK), "F_SETLEASE F_RDLCK");
		TST_EXP_VAL(fcntl(fd, F_GETLEASE), F_RDLCK, "F_GETLEASE after a read lease");
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_UNLCK), "F_SETLEASE F_UNLCK");
		TST_EXP_VAL(fcntl(fd, F_GETLEASE), F_UNLCK, "F_GETLEASE after unlocking");
		SAFE_CLOSE(fd);
		fd = SAFE_OPEN("file", O_RDWR);
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_WRLCK), "F_SETLEASE F_WRLCK on the only open");
		TST_EXP_VAL(fcntl(fd, F_GETLEASE), F_WRLCK, "F_GETLEASE after a write lease");
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_UNLCK), "F_SETLEASE F_UNLCK");
		fd2 = SAFE_OPEN("file", O_RDONLY);
		TST_EXP_FAIL(fcntl(fd, F_SETLEASE, F_WRLCK), EAGAIN, "F_SETLEASE F_WRLCK while another fd is open");
		SAFE_CLOSE(fd2);
		SAFE_CLOSE(fd);
		break;
	case 1:
		got_sig = 0;
		got_fd = -1;
		fd = SAFE_OPEN("file", O_RDWR);
		SAFE_FCNTL(fd, F_SETSIG, SIGUSR1);
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_WRLCK), "F_SETLEASE F_WRLCK");
		pid = SAFE_FORK();
		if (!pid) {
			TST_EXP_FAIL(open("file", O_RDONLY | O_NONBLOCK), EWOULDBLOCK,
				     "O_NONBLOCK open of a write-leased file");
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		for (i = 0; i < 500 && !got_sig; i++)
			usleep(10000);
		TST_EXP_EXPR(got_sig == SIGUSR1 && got_fd == fd, "lease-break signal SIGUSR1 with si_fd %d (got signal %d, si_fd %d)",
			     fd, (int)got_sig, (int)got_fd);
		TST_EXP_VAL(fcntl(fd, F_GETLEASE), F_RDLCK, "F_GETLEASE during the break reports the target");

		SAFE_PIPE(p);
		pid2 = SAFE_FORK();
		if (!pid2) {
			SAFE_CLOSE(p[0]);
			SAFE_WRITE(1, p[1], "x", 1);
			fd2 = open("file", O_RDONLY);
			_exit(fd2 >= 0 ? 0 : 1);
		}
		SAFE_CLOSE(p[1]);
		SAFE_READ(1, p[0], &i, 1);
		SAFE_CLOSE(p[0]);
		usleep(100000);
		TST_EXP_VAL(waitpid(pid2, &status, WNOHANG), 0, "a blocking open waits while the lease is held");
		t = now();
		/* Our own O_RDWR open counts as a writer, so a downgrade to a
		 * read lease would be EAGAIN: release it. */
		TST_EXP_FAIL(fcntl(fd, F_SETLEASE, F_RDLCK), EAGAIN, "downgrade to F_RDLCK while open for writing");
		TST_EXP_PASS(fcntl(fd, F_SETLEASE, F_UNLCK), "release with F_UNLCK");
		SAFE_WAITPID(pid2, &status, 0);
		t = now() - t;
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status) && t < 10,
			     "the blocked open finished %.2f s after the release", t);
		SAFE_CLOSE(fd);
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL(fcntl(p[0], F_SETLEASE, F_RDLCK), EINVAL, "F_SETLEASE on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		fd = SAFE_OPEN("file", O_RDONLY);
		TST_EXP_FAIL(fcntl(fd, F_SETLEASE, 99), EINVAL, "F_SETLEASE with type 99");
		SAFE_CLOSE(fd);
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			fd = SAFE_OPEN("file", O_RDONLY);
			TST_EXP_FAIL(fcntl(fd, F_SETLEASE, F_RDLCK), EACCES, "F_SETLEASE by a non-owner without CAP_LEASE");
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		TST_EXP_FAIL(fcntl(-1, F_GETLEASE), EBADF, "F_GETLEASE on fd -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
