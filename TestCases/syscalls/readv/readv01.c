/* readv(): scatters into several buffers in order, skips zero-length
 * entries; EINVAL for a negative iovcnt, EFAULT for a bad iovec, EBADF.
 * SYSCALLS: readv openat close lseek */
#include <sys/uio.h>
#include "tst_test.h"

static int fd = -1;
static void *bad_addr;

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "abcdefghij");
	fd = SAFE_OPEN("f", O_RDONLY);
	bad_addr = tst_get_bad_addr(NULL);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char a[3] = {0}, b[4] = {0}, c[8] = {0};
	struct iovec iov[3] = {
		{ a, sizeof(a) }, { b, 0 }, { c, 4 },
	};
	struct iovec bad = { bad_addr, 4 };

	SAFE_LSEEK(fd, 0, SEEK_SET);
	switch (n) {
	case 0:
		TST_EXP_VAL(readv(fd, iov, 3), 7, "readv() into 3+0+4 bytes");
		TST_EXP_EXPR(!memcmp(a, "abc", 3) && !memcmp(c, "defg", 4),
			     "readv() filled the buffers in order");
		break;
	case 1:
		TST_EXP_FAIL2(readv(fd, iov, -1), EINVAL, "readv() with iovcnt -1");
		break;
	case 2:
		TST_EXP_FAIL2(readv(fd, &bad, 1), EFAULT, "readv() into an unmapped buffer");
		break;
	case 3:
		TST_EXP_FAIL2(readv(fd, bad_addr, 1), EFAULT, "readv() with an unmapped iovec");
		break;
	case 4:
		TST_EXP_FAIL2(readv(-1, iov, 1), EBADF, "readv(-1)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
