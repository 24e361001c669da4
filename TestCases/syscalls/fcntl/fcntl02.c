/* fcntl() record locks between processes: a child's F_SETLK on a range
 * the parent write-locked fails with EAGAIN, F_GETLK reports the owner's
 * pid and range, a disjoint range locks fine, and unlocking frees it.
 * SYSCALLS: fcntl openat close clone wait4 futex clock_nanosleep */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789", 10);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static struct flock range(short type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	return fl;
}

static void run(void)
{
	struct flock fl = range(F_WRLCK, 0, 5);
	pid_t parent = getpid();

	TST_EXP_PASS(fcntl(fd, F_SETLK, &fl), "parent F_SETLK write lock on [0,5)");

	if (!SAFE_FORK()) {
		int cfd = SAFE_OPEN("f", O_RDWR);
		struct flock want = range(F_WRLCK, 2, 2);

		TST_EXP_FAIL(fcntl(cfd, F_SETLK, &want), EAGAIN,
			     "child F_SETLK on a range the parent holds");
		want = range(F_WRLCK, 2, 2);
		TST_EXP_PASS(fcntl(cfd, F_GETLK, &want), "child F_GETLK");
		TST_EXP_EXPR(want.l_type == F_WRLCK && want.l_pid == parent &&
			     want.l_start == 0 && want.l_len == 5,
			     "F_GETLK names the parent's [0,5) write lock");
		want = range(F_WRLCK, 6, 2);
		TST_EXP_PASS(fcntl(cfd, F_SETLK, &want), "child F_SETLK on a disjoint range");
		TST_CHECKPOINT_WAKE_AND_WAIT(0);
		want = range(F_WRLCK, 2, 2);
		TST_EXP_PASS(fcntl(cfd, F_SETLK, &want), "child F_SETLK after the parent unlocked");
		exit(0);
	}

	TST_CHECKPOINT_WAIT(0);
	fl = range(F_UNLCK, 0, 5);
	SAFE_FCNTL(fd, F_SETLK, &fl);
	TST_CHECKPOINT_WAKE(0);
	tst_reap_children();
}

static struct tst_test test = {
	.test_all = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
