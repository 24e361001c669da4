/* preadv(): scatters file data from an offset into several buffers without
 * moving the file position; 0 past EOF; EINVAL for a negative offset and for
 * iovcnt above IOV_MAX, ESPIPE on a pipe, EFAULT for an unmapped buffer,
 * EBADF for a closed or write-only fd.
 * SYSCALLS: preadv lseek openat close pipe2 write */
#include <limits.h>
#include <sys/uio.h>
#include "tst_test.h"

static int fd = -1;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "0123456789abcdef", 16);
	SAFE_LSEEK(fd, 3, SEEK_SET);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char a[4] = {0}, b[6] = {0};
	struct iovec iov[2] = { { a, 3 }, { b, 5 } };
	int p[2], wfd;

	switch (n) {
	case 0:
		TST_EXP_VAL(preadv(fd, iov, 2, 4), 8, "preadv(3+5 bytes at offset 4)");
		TST_EXP_EXPR(!memcmp(a, "456", 3) && !memcmp(b, "789ab", 5),
			     "preadv() filled the buffers in order with '456' and '789ab'");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 3);
		break;
	case 1:
		TST_EXP_VAL(preadv(fd, iov, 2, 12), 4, "preadv() crossing EOF is short");
		TST_EXP_VAL(preadv(fd, iov, 2, 100), 0, "preadv() past EOF returns 0");
		break;
	case 2:
		TST_EXP_FAIL2(preadv(fd, iov, 2, -1), EINVAL, "preadv() at offset -1");
		TST_EXP_FAIL2(preadv(fd, iov, IOV_MAX + 1, 0), EINVAL,
			      "preadv() with iovcnt IOV_MAX+1");
		break;
	case 3:
		SAFE_PIPE(p);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "x", 1);
		TST_EXP_FAIL2(preadv(p[0], iov, 2, 0), ESPIPE, "preadv() on a pipe");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 4:
		iov[0].iov_base = tst_get_bad_addr(NULL);
		TST_EXP_FAIL2(preadv(fd, iov, 2, 0), EFAULT, "preadv() into an unmapped buffer");
		break;
	case 5:
		TST_EXP_FAIL2(preadv(-1, iov, 2, 0), EBADF, "preadv(-1)");
		wfd = SAFE_OPEN("f", O_WRONLY);
		TST_EXP_FAIL2(preadv(wfd, iov, 2, 0), EBADF, "preadv() on a write-only fd");
		SAFE_CLOSE(wfd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
