/* pwritev2(): offset -1 writes at the file position and advances it;
 * RWF_APPEND writes at end of file whatever the offset; RWF_DSYNC and
 * RWF_SYNC succeed; EOPNOTSUPP for an unknown flag, EBADF for a read-only
 * fd. Raw syscall so glibc's fallback to pwritev cannot hide it.
 * SYSCALLS: pwritev2 pread64 lseek openat close ftruncate pwrite64 */
#include <sys/syscall.h>
#include <sys/uio.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef RWF_DSYNC
# define RWF_DSYNC 0x00000002
#endif
#ifndef RWF_SYNC
# define RWF_SYNC 0x00000004
#endif
#ifndef RWF_APPEND
# define RWF_APPEND 0x00000010
#endif

static int fd = -1;

static long do_pwritev2(int f, const struct iovec *iov, int cnt, off_t off, int flags)
{
	return tst_syscall(__NR_pwritev2, f, iov, cnt, (long)off, 0L, flags);
}

static void setup(void)
{
	fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void reset(void)
{
	SAFE_FTRUNCATE(fd, 0);
	SAFE_PWRITE(SAFE_WRITE_ALL, fd, "..........", 10, 0);
}

static void run(unsigned int n)
{
	struct iovec iov[2] = { { "ab", 2 }, { "cd", 2 } };
	char buf[16] = {0};
	int rfd;

	reset();
	switch (n) {
	case 0:
		SAFE_LSEEK(fd, 3, SEEK_SET);
		TST_EXP_VAL(do_pwritev2(fd, iov, 2, -1, 0), 4, "pwritev2(offset -1) at position 3");
		SAFE_PREAD(1, fd, buf, 10, 0);
		TST_EXP_EXPR(!memcmp(buf, "...abcd...", 10), "data landed at the position");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 7);
		break;
	case 1:
		SAFE_LSEEK(fd, 0, SEEK_SET);
		TST_EXP_VAL(do_pwritev2(fd, iov, 2, 1, RWF_APPEND), 4,
			    "pwritev2(offset 1, RWF_APPEND)");
		TST_EXP_VAL(pread(fd, buf, sizeof(buf), 0), 14, "file grew to 14 bytes");
		TST_EXP_EXPR(!memcmp(buf, "..........abcd", 14), "RWF_APPEND wrote at end of file");
		break;
	case 2:
		TST_EXP_VAL(do_pwritev2(fd, iov, 2, 0, RWF_DSYNC), 4, "pwritev2(RWF_DSYNC)");
		TST_EXP_VAL(do_pwritev2(fd, iov, 1, 4, RWF_SYNC), 2, "pwritev2(RWF_SYNC)");
		SAFE_PREAD(1, fd, buf, 10, 0);
		TST_EXP_EXPR(!memcmp(buf, "abcdab....", 10), "synced writes hold 'abcdab'");
		break;
	case 3:
		TST_EXP_FAIL2(do_pwritev2(fd, iov, 2, 0, 0x40000000), EOPNOTSUPP,
			      "pwritev2() with an unknown flag");
		break;
	case 4:
		rfd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_FAIL2(do_pwritev2(rfd, iov, 2, 0, 0), EBADF, "pwritev2() on a read-only fd");
		SAFE_CLOSE(rfd);
		TST_EXP_FAIL2(do_pwritev2(-1, iov, 2, 0, 0), EBADF, "pwritev2(-1)");
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
