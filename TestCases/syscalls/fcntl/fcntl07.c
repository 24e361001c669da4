/* fcntl(F_NOTIFY) directory notification: DN_CREATE sends the F_SETSIG
 * signal with si_fd of the directory once (a second create is silent
 * without DN_MULTISHOT); DN_MULTISHOT with DN_CREATE|DN_MODIFY signals every
 * event until F_NOTIFY 0 removes the watch; DN_DELETE fires on unlink and
 * not on a plain create; DN_ATTRIB fires on chmod; ENOTDIR for a regular
 * file, EBADF for fd -1. A kernel without dnotify (EINVAL) is TCONF.
 * SYSCALLS: fcntl openat close write unlinkat fchmodat rt_sigprocmask rt_sigtimedwait */
#include <time.h>
#include "tst_test.h"

#define SIG (SIGRTMIN + 3)

static int dfd = -1;
static sigset_t set;

/* Returns how many notification signals arrive within wait_ms, checking each one's si_fd. */
static int drain(int wait_ms)
{
	struct timespec ts = { wait_ms / 1000, (wait_ms % 1000) * 1000000L };
	siginfo_t si;
	int count = 0;

	while (sigtimedwait(&set, &si, &ts) == SIG) {
		if (si.si_fd != dfd)
			tst_res(TFAIL, "notification with si_fd %d, expected %d", si.si_fd, dfd);
		count++;
		ts.tv_sec = 0;
		ts.tv_nsec = 100 * 1000000L;
	}
	return count;
}

static void setup(void)
{
	sigemptyset(&set);
	sigaddset(&set, SIG);
	SAFE_SIGPROCMASK(SIG_BLOCK, &set, NULL);
	SAFE_MKDIR("d", 0755);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	SAFE_FCNTL(dfd, F_SETSIG, SIG);
	if (fcntl(dfd, F_NOTIFY, DN_CREATE) == -1 && errno == EINVAL)
		tst_brk(TCONF, "F_NOTIFY not supported (kernel without CONFIG_DNOTIFY)");
	fcntl(dfd, F_NOTIFY, 0);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

static void touch(const char *path)
{
	SAFE_FILE_PRINTF(path, "x");
}

static void run(unsigned int n)
{
	int fd, c;

	drain(0);
	switch (n) {
	case 0:
		TST_EXP_PASS(fcntl(dfd, F_NOTIFY, DN_CREATE), "F_NOTIFY DN_CREATE");
		touch("d/a");
		TST_EXP_EQ_LI(drain(1000), 1);
		touch("d/b");
		TST_EXP_EQ_LI(drain(200), 0);
		SAFE_UNLINK("d/a");
		SAFE_UNLINK("d/b");
		break;
	case 1:
		TST_EXP_PASS(fcntl(dfd, F_NOTIFY, DN_CREATE | DN_MODIFY | DN_MULTISHOT), "F_NOTIFY DN_MULTISHOT");
		touch("d/c");
		c = drain(1000);
		TST_EXP_EXPR(c >= 1, "create and write signalled (%d signals)", c);
		fd = SAFE_OPEN("d/c", O_WRONLY | O_APPEND);
		SAFE_WRITE(1, fd, "more", 4);
		SAFE_CLOSE(fd);
		c = drain(1000);
		TST_EXP_EXPR(c >= 1, "a later write is signalled too (%d signals)", c);
		TST_EXP_PASS(fcntl(dfd, F_NOTIFY, 0), "F_NOTIFY 0 removes the watch");
		touch("d/e");
		TST_EXP_EQ_LI(drain(200), 0);
		SAFE_UNLINK("d/c");
		SAFE_UNLINK("d/e");
		break;
	case 2:
		TST_EXP_PASS(fcntl(dfd, F_NOTIFY, DN_DELETE | DN_MULTISHOT), "F_NOTIFY DN_DELETE");
		touch("d/f");
		TST_EXP_EQ_LI(drain(200), 0);
		SAFE_UNLINK("d/f");
		TST_EXP_EQ_LI(drain(1000), 1);
		TST_EXP_PASS(fcntl(dfd, F_NOTIFY, DN_ATTRIB), "F_NOTIFY DN_ATTRIB");
		touch("d/g");
		drain(200);
		SAFE_CHMOD("d/g", 0600);
		TST_EXP_EQ_LI(drain(1000), 1);
		fcntl(dfd, F_NOTIFY, 0);
		SAFE_UNLINK("d/g");
		drain(200);
		break;
	case 3:
		touch("plain");
		fd = SAFE_OPEN("plain", O_RDONLY);
		TST_EXP_FAIL(fcntl(fd, F_NOTIFY, DN_CREATE), ENOTDIR, "F_NOTIFY on a regular file");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(fcntl(-1, F_NOTIFY, DN_CREATE), EBADF, "F_NOTIFY on fd -1");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
