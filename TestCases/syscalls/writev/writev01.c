/* writev(): gathers several buffers in order; pwritev at an offset;
 * EINVAL (negative iovcnt, iovcnt > IOV_MAX), EFAULT, EBADF; pwritev EBADF
 * and EINVAL for a negative offset.
 * SYSCALLS: writev pwritev openat close lseek pread64 ftruncate */
#include <limits.h>
#include <sys/uio.h>
#include "tst_test.h"

static int fd = -1;
static void *bad_addr;

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR | O_TRUNC, 0600);
	bad_addr = tst_get_bad_addr(NULL);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char buf[16] = {0};
	struct iovec iov[3] = {
		{ "Hel", 3 }, { "", 0 }, { "lo!", 3 },
	};
	struct iovec bad = { bad_addr, 4 };

	switch (n) {
	case 0:
		SAFE_FTRUNCATE(fd, 0);
		SAFE_LSEEK(fd, 0, SEEK_SET);
		TST_EXP_VAL(writev(fd, iov, 3), 6, "writev() of 3+0+3 bytes");
		SAFE_PREAD(1, fd, buf, 6, 0);
		TST_EXP_EXPR(!memcmp(buf, "Hello!", 6), "writev() wrote the buffers in order");
		break;
	case 1:
		TST_EXP_VAL(pwritev(fd, iov, 1, 10), 3, "pwritev() at offset 10");
		SAFE_PREAD(1, fd, buf, 3, 10);
		TST_EXP_EXPR(!memcmp(buf, "Hel", 3), "pwritev() data landed at offset 10");
		TST_EXP_FAIL2(pwritev(-1, iov, 1, 0), EBADF, "pwritev(-1)");
		TST_EXP_FAIL2(pwritev(fd, iov, 1, -1), EINVAL, "pwritev() at offset -1");
		break;
	case 2:
		TST_EXP_FAIL2(writev(fd, iov, -1), EINVAL, "writev() with iovcnt -1");
		TST_EXP_FAIL2(writev(fd, iov, IOV_MAX + 1), EINVAL, "writev() with iovcnt IOV_MAX+1");
		break;
	case 3:
		TST_EXP_FAIL2(writev(fd, &bad, 1), EFAULT, "writev() from an unmapped buffer");
		break;
	case 4:
		TST_EXP_FAIL2(writev(-1, iov, 1), EBADF, "writev(-1)");
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
