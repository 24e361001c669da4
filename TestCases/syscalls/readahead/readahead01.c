/* readahead(): succeeds on a readable regular file (also past EOF) and the
 * data stays readable; EBADF for a write-only or closed fd, EINVAL on a pipe.
 * SYSCALLS: readahead openat close write pread64 pipe2 */
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	char buf[16384];

	memset(buf, 'r', sizeof(buf));
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, buf, sizeof(buf));
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char c = 0;
	int wfd, p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(readahead(fd, 0, 16384), "readahead(0, 16384)");
		SAFE_PREAD(1, fd, &c, 1, 12345);
		TST_EXP_EXPR(c == 'r', "file data reads back after readahead");
		TST_EXP_PASS(readahead(fd, 1 << 20, 4096), "readahead() past EOF");
		break;
	case 1:
		wfd = SAFE_OPEN("f", O_WRONLY);
		TST_EXP_FAIL(readahead(wfd, 0, 4096), EBADF, "readahead() on a write-only fd");
		SAFE_CLOSE(wfd);
		TST_EXP_FAIL(readahead(-1, 0, 4096), EBADF, "readahead(-1)");
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL(readahead(p[0], 0, 4096), EINVAL, "readahead() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
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
