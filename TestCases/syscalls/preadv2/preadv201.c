/* preadv2(): offset -1 reads at the file position and advances it, an
 * explicit offset leaves it alone; RWF_NOWAIT on an empty pipe is EAGAIN
 * instead of blocking; EOPNOTSUPP for an unknown flag, EINVAL for an offset
 * below -1, EBADF. Raw syscall so glibc's fallback to preadv cannot hide it.
 * SYSCALLS: preadv2 lseek openat close pipe2 write */
#include <sys/syscall.h>
#include <sys/uio.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef RWF_NOWAIT
# define RWF_NOWAIT 0x00000008
#endif

static int fd = -1;

/* 64-bit ABIs pass the offset whole in pos_l; pos_h is ignored. */
static long do_preadv2(int f, const struct iovec *iov, int cnt, off_t off, int flags)
{
	return tst_syscall(__NR_preadv2, f, iov, cnt, (long)off, 0L, flags);
}

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

static void run(unsigned int n)
{
	char a[4] = {0}, b[4] = {0};
	struct iovec iov[2] = { { a, 2 }, { b, 2 } };
	int p[2];

	switch (n) {
	case 0:
		SAFE_LSEEK(fd, 2, SEEK_SET);
		TST_EXP_VAL(do_preadv2(fd, iov, 2, -1, 0), 4, "preadv2(offset -1) at position 2");
		TST_EXP_EXPR(!memcmp(a, "23", 2) && !memcmp(b, "45", 2),
			     "preadv2(offset -1) read '23' '45'");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 6);
		break;
	case 1:
		SAFE_LSEEK(fd, 1, SEEK_SET);
		TST_EXP_VAL(do_preadv2(fd, iov, 2, 6, 0), 4, "preadv2(offset 6)");
		TST_EXP_EXPR(!memcmp(a, "67", 2) && !memcmp(b, "89", 2),
			     "preadv2(offset 6) read '67' '89'");
		TST_EXP_EQ_LI(SAFE_LSEEK(fd, 0, SEEK_CUR), 1);
		break;
	case 2:
		SAFE_PIPE(p);
		TST_EXP_FAIL2(do_preadv2(p[0], iov, 2, -1, RWF_NOWAIT), EAGAIN,
			      "preadv2(RWF_NOWAIT) on an empty pipe");
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "xy", 2);
		TST_EXP_VAL(do_preadv2(p[0], iov, 2, -1, RWF_NOWAIT), 2,
			    "preadv2(RWF_NOWAIT) on a pipe holding 2 bytes");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 3:
		TST_EXP_FAIL2(do_preadv2(fd, iov, 2, 0, 0x40000000), EOPNOTSUPP,
			      "preadv2() with an unknown flag");
		TST_EXP_FAIL2(do_preadv2(fd, iov, 2, -2, 0), EINVAL, "preadv2() at offset -2");
		break;
	case 4:
		TST_EXP_FAIL2(do_preadv2(-1, iov, 2, 0, 0), EBADF, "preadv2(-1)");
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
