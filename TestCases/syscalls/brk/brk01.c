/* brk(): the raw syscall returns the current break for 0; growing it by
 * a few pages makes the memory writable; shrinking back works; an absurd
 * request leaves the break unchanged (the kernel returns the old break).
 * SYSCALLS: brk */
#include <sys/syscall.h>
#include "tst_test.h"

static void run(void)
{
	long ps = getpagesize();
	unsigned long cur, grown, now;

	cur = syscall(SYS_brk, 0);
	TST_EXP_EXPR(cur != 0 && cur != (unsigned long)-1, "brk(0) returns the current break");

	grown = syscall(SYS_brk, cur + 4 * ps);
	TST_EXP_EXPR(grown == cur + 4 * ps, "brk() grew the heap by 4 pages");
	if (grown == cur + 4 * ps) {
		memset((void *)cur, 'h', 4 * ps);
		tst_res(TPASS, "the grown heap is writable");
	}

	now = syscall(SYS_brk, cur);
	TST_EXP_EXPR(now == cur, "brk() shrank back to the original break");

	now = syscall(SYS_brk, ~0UL & ~(ps - 1));
	TST_EXP_EXPR(now == cur, "an impossible brk() leaves the break where it was");
}

static struct tst_test test = {
	.test_all = run,
};
