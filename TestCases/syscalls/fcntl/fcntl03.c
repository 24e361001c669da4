/* fcntl() pipe capacity: F_GETPIPE_SZ gives the default (at least a page),
 * F_SETPIPE_SZ rounds a request up and F_GETPIPE_SZ agrees, a pipe whose
 * capacity was set small fills at that size (EAGAIN non-blocking), shrinking
 * below the data held is EBUSY, a size over 2^31 is EINVAL, and a regular
 * file is EBADF.
 * SYSCALLS: fcntl pipe2 write openat close read */
#include "tst_test.h"

static int p[2] = { -1, -1 };

static void setup(void)
{
	SAFE_PIPE2(p, O_NONBLOCK);
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
	long page = sysconf(_SC_PAGESIZE), sz;
	static char buf[1 << 16];
	int fd;

	switch (n) {
	case 0:
		sz = TST_EXP_POSITIVE(fcntl(p[0], F_GETPIPE_SZ), "F_GETPIPE_SZ");
		TST_EXP_EXPR(sz >= page, "the default capacity %ld is at least a page", sz);
		break;
	case 1:
		sz = TST_EXP_POSITIVE(fcntl(p[1], F_SETPIPE_SZ, page + 1), "F_SETPIPE_SZ(page + 1)");
		TST_EXP_EXPR(sz >= page + 1 && sz % page == 0, "rounded up to whole pages (%ld)", sz);
		TST_EXP_EQ_LI(fcntl(p[0], F_GETPIPE_SZ), sz);
		TST_EXP_VAL(write(p[1], buf, sizeof(buf)), sz, "a large write fills exactly the capacity");
		TST_EXP_FAIL2(write(p[1], buf, 1), EAGAIN, "a full non-blocking pipe");
		TST_EXP_FAIL(fcntl(p[1], F_SETPIPE_SZ, page), EBUSY,
			     "F_SETPIPE_SZ below the data held");
		while (read(p[0], buf, sizeof(buf)) > 0)
			;
		break;
	case 2:
		TST_EXP_FAIL(fcntl(p[1], F_SETPIPE_SZ, 0x80000001U), EINVAL, "F_SETPIPE_SZ(2^31 + 1)");
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		TST_EXP_FAIL(fcntl(fd, F_GETPIPE_SZ), EBADF, "F_GETPIPE_SZ on a regular file");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
