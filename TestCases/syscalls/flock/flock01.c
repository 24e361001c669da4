/* flock(): two opens of one file share LOCK_SH, LOCK_EX|LOCK_NB conflicts
 * with EWOULDBLOCK, a lock converts between shared and exclusive, LOCK_UN
 * releases; EBADF for a closed fd and an O_PATH fd, EINVAL for a bad
 * operation.
 * SYSCALLS: flock openat close */
#include <sys/file.h>
#include "tst_test.h"

static int fd1 = -1, fd2 = -1;

static void setup(void)
{
	fd1 = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
	fd2 = SAFE_OPEN("f", O_RDWR);
}

static void cleanup(void)
{
	if (fd1 >= 0)
		SAFE_CLOSE(fd1);
	if (fd2 >= 0)
		SAFE_CLOSE(fd2);
}

static void run(unsigned int n)
{
	int pfd;

	switch (n) {
	case 0:
		TST_EXP_PASS(flock(fd1, LOCK_SH), "flock(fd1, LOCK_SH)");
		TST_EXP_PASS(flock(fd2, LOCK_SH | LOCK_NB), "second LOCK_SH on another open");
		TST_EXP_FAIL(flock(fd2, LOCK_EX | LOCK_NB), EWOULDBLOCK,
			     "LOCK_EX|LOCK_NB while another open holds LOCK_SH");
		break;
	case 1:
		TST_EXP_PASS(flock(fd1, LOCK_EX | LOCK_NB), "fd1 converts to LOCK_EX once alone");
		TST_EXP_FAIL(flock(fd2, LOCK_SH | LOCK_NB), EWOULDBLOCK,
			     "LOCK_SH|LOCK_NB against an exclusive lock");
		TST_EXP_PASS(flock(fd1, LOCK_SH), "fd1 downgrades to LOCK_SH");
		TST_EXP_PASS(flock(fd2, LOCK_SH | LOCK_NB), "LOCK_SH after the downgrade");
		break;
	case 2:
		flock(fd2, LOCK_UN);
		TST_EXP_PASS(flock(fd1, LOCK_UN), "flock(fd1, LOCK_UN)");
		TST_EXP_PASS(flock(fd2, LOCK_EX | LOCK_NB), "LOCK_EX after both released");
		TST_EXP_PASS(flock(fd2, LOCK_UN), "flock(fd2, LOCK_UN)");
		break;
	case 3:
		TST_EXP_FAIL(flock(-1, LOCK_SH), EBADF, "flock(-1)");
		pfd = SAFE_OPEN("f", O_PATH);
		TST_EXP_FAIL(flock(pfd, LOCK_SH), EBADF, "flock() on an O_PATH fd");
		SAFE_CLOSE(pfd);
		break;
	case 4:
		TST_EXP_FAIL(flock(fd1, LOCK_NB), EINVAL, "flock(LOCK_NB alone)");
		TST_EXP_FAIL(flock(fd1, 0x40), EINVAL, "flock() with unknown operation 0x40");
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
