/* dup3(): O_CLOEXEC sets FD_CLOEXEC on the new fd, plain dup3 clears it;
 * EINVAL for oldfd == newfd and unknown flags, EBADF.
 * SYSCALLS: dup3 fcntl openat close */
#include "tst_test.h"

static void run(unsigned int n)
{
	int a;

	a = SAFE_OPEN("/dev/null", O_RDONLY);
	switch (n) {
	case 0:
		TST_EXP_VAL(dup3(a, 50, O_CLOEXEC), 50, "dup3(O_CLOEXEC)");
		TST_EXP_EQ_LI(fcntl(50, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
		TST_EXP_VAL(dup3(a, 50, 0), 50, "dup3(0) onto the same target");
		TST_EXP_EQ_LI(fcntl(50, F_GETFD) & FD_CLOEXEC, 0);
		close(50);
		break;
	case 1:
		TST_EXP_FAIL2(dup3(a, a, 0), EINVAL, "dup3(fd, fd)");
		TST_EXP_FAIL2(dup3(a, 51, 0x4), EINVAL, "dup3() with an unknown flag");
		break;
	case 2:
		TST_EXP_FAIL2(dup3(-1, 51, 0), EBADF, "dup3(-1, ...)");
		break;
	}
	SAFE_CLOSE(a);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
};
