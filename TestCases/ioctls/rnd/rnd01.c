/* Random device ioctls: RNDGETENTCNT on /dev/random and /dev/urandom gives
 * a non-negative entropy count equal to /proc/sys/kernel/random/
 * entropy_avail's range; RNDADDTOENTCNT as root succeeds; an unprivileged
 * child gets EPERM for RNDADDTOENTCNT and RNDCLEARPOOL; ENOTTY for
 * RNDGETENTCNT on /dev/null.
 * SYSCALLS: ioctl openat close setuid clone wait4 exit_group geteuid
 * IOCTLS: RNDGETENTCNT RNDADDTOENTCNT RNDCLEARPOOL */
#include <sys/ioctl.h>
#include <linux/random.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	int fd, cnt = -1, zero = 0, status, nul;
	pid_t pid;

	fd = open("/dev/urandom", O_RDONLY);
	if (fd < 0)
		tst_brk(TCONF | TERRNO, "/dev/urandom");
	switch (n) {
	case 0:
		TST_EXP_PASS(ioctl(fd, RNDGETENTCNT, &cnt), "RNDGETENTCNT on /dev/urandom");
		TST_EXP_EXPR(cnt >= 0 && cnt <= 4096, "entropy count %d in 0..4096", cnt);
		TST_EXP_PASS(ioctl(fd, RNDADDTOENTCNT, &zero), "RNDADDTOENTCNT 0 as root");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(ioctl(fd, RNDADDTOENTCNT, &zero), EPERM, "unprivileged RNDADDTOENTCNT");
			TST_EXP_FAIL(ioctl(fd, RNDCLEARPOOL), EPERM, "unprivileged RNDCLEARPOOL");
			TST_EXP_PASS(ioctl(fd, RNDGETENTCNT, &cnt), "unprivileged RNDGETENTCNT");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 2:
		nul = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(ioctl(nul, RNDGETENTCNT, &cnt), ENOTTY, "RNDGETENTCNT on /dev/null");
		SAFE_CLOSE(nul);
		break;
	}
	SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
	.needs_root = 1,
};
