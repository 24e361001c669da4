/* flock() locks belong to the open file description: a forked child sees
 * the parent's lock as its own (it can re-lock without conflict), a child's
 * own open conflicts, the child's LOCK_UN through the inherited fd releases
 * the parent's lock, and closing the last fd of a description releases it.
 * SYSCALLS: flock openat close clone wait4 dup */
#include <sys/file.h>
#include "tst_test.h"

static void run(void)
{
	int fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	int other, dupfd;

	TST_EXP_PASS(flock(fd, LOCK_EX), "parent LOCK_EX");

	if (!SAFE_FORK()) {
		int mine = SAFE_OPEN("f", O_RDWR);

		TST_EXP_PASS(flock(fd, LOCK_EX | LOCK_NB),
			     "child re-locks through the inherited description");
		TST_EXP_FAIL(flock(mine, LOCK_EX | LOCK_NB), EWOULDBLOCK,
			     "child's own open conflicts with the inherited lock");
		TST_EXP_PASS(flock(fd, LOCK_UN), "child LOCK_UN through the inherited fd");
		TST_EXP_PASS(flock(mine, LOCK_EX | LOCK_NB), "child's own open can lock now");
		SAFE_CLOSE(mine);
		exit(0);
	}
	tst_reap_children();

	other = SAFE_OPEN("f", O_RDWR);
	TST_EXP_PASS(flock(other, LOCK_EX | LOCK_NB),
		     "parent's lock was released by the child (and the child's died with it)");
	dupfd = SAFE_DUP(other);
	SAFE_CLOSE(other);
	TST_EXP_FAIL(flock(fd, LOCK_SH | LOCK_NB), EWOULDBLOCK,
		     "a dup keeps the description's lock after the original fd closes");
	SAFE_CLOSE(dupfd);
	TST_EXP_PASS(flock(fd, LOCK_SH | LOCK_NB), "closing the last fd released the lock");
	SAFE_CLOSE(fd);
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
	.needs_tmpdir = 1,
};
