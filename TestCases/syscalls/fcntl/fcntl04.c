/* fcntl() open file description locks: two opens in one process conflict
 * (classic POSIX locks would not), F_OFD_GETLK reports the holder with
 * l_pid -1, a lock survives closing another fd of the same file (it would
 * not for POSIX locks), unlocking frees the range; EINVAL for a non-zero
 * l_pid.
 * SYSCALLS: fcntl openat close write */
#include "tst_test.h"

static struct flock range(short type, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	return fl;
}

static void run(void)
{
	int a = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600), b = SAFE_OPEN("f", O_RDWR), c;
	struct flock fl = range(F_WRLCK, 0, 10);

	SAFE_WRITE(SAFE_WRITE_ALL, a, "0123456789", 10);
	TST_EXP_PASS(fcntl(a, F_OFD_SETLK, &fl), "F_OFD_SETLK write lock [0,10) through a");
	fl = range(F_RDLCK, 5, 1);
	TST_EXP_FAIL(fcntl(b, F_OFD_SETLK, &fl), EAGAIN,
		     "F_OFD_SETLK through another open in the same process conflicts");
	fl = range(F_RDLCK, 5, 1);
	TST_EXP_PASS(fcntl(b, F_OFD_GETLK, &fl), "F_OFD_GETLK through b");
	TST_EXP_EXPR(fl.l_type == F_WRLCK && fl.l_pid == -1 && fl.l_start == 0 && fl.l_len == 10,
		     "F_OFD_GETLK names a's write lock with l_pid -1");
	c = SAFE_OPEN("f", O_RDONLY);
	SAFE_CLOSE(c);
	fl = range(F_RDLCK, 5, 1);
	TST_EXP_FAIL(fcntl(b, F_OFD_SETLK, &fl), EAGAIN,
		     "a's lock survived closing an unrelated fd of the file");
	fl = range(F_UNLCK, 0, 10);
	TST_EXP_PASS(fcntl(a, F_OFD_SETLK, &fl), "F_OFD_SETLK unlock through a");
	fl = range(F_WRLCK, 0, 0);
	TST_EXP_PASS(fcntl(b, F_OFD_SETLKW, &fl), "F_OFD_SETLKW on the whole file through b");
	fl = range(F_WRLCK, 0, 1);
	fl.l_pid = getpid();
	TST_EXP_FAIL(fcntl(a, F_OFD_SETLK, &fl), EINVAL, "F_OFD_SETLK with a non-zero l_pid");
	SAFE_CLOSE(a);
	SAFE_CLOSE(b);
}

static struct tst_test test = {
	.test_all = run,
	.needs_tmpdir = 1,
};
