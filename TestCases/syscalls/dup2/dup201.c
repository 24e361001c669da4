/* dup2(): onto a chosen fd (closing what was there), onto itself (a no-op
 * returning the fd), EBADF for a bad old fd or a negative new fd.
 * SYSCALLS: dup3 fcntl openat close read */
#include "tst_test.h"

static void run(unsigned int n)
{
	int a, b;
	char c;

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("A", "A");
		SAFE_FILE_PRINTF("B", "B");
		a = SAFE_OPEN("A", O_RDONLY);
		b = SAFE_OPEN("B", O_RDONLY);
		TST_EXP_VAL(dup2(a, b), b, "dup2() onto an open fd");
		SAFE_READ(1, b, &c, 1);
		TST_EXP_EQ_LI(c, 'A');
		SAFE_CLOSE(a);
		SAFE_CLOSE(b);
		break;
	case 1:
		a = SAFE_OPEN("A", O_RDONLY);
		TST_EXP_VAL(dup2(a, 100), 100, "dup2() onto an unused fd 100");
		TST_EXP_PASS(close(100), "close() of the new fd");
		SAFE_CLOSE(a);
		break;
	case 2:
		a = SAFE_OPEN("A", O_RDONLY);
		TST_EXP_VAL(dup2(a, a), a, "dup2(fd, fd) returns fd");
		SAFE_CLOSE(a);
		TST_EXP_FAIL2(dup2(a, a), EBADF, "dup2(fd, fd) of a closed fd");
		break;
	case 3:
		a = SAFE_OPEN("A", O_RDONLY);
		TST_EXP_FAIL2(dup2(-1, a), EBADF, "dup2(-1, fd)");
		TST_EXP_FAIL2(dup2(a, -1), EBADF, "dup2(fd, -1)");
		SAFE_CLOSE(a);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
