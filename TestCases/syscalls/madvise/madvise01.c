/* madvise(): common advice values succeed; MADV_DONTNEED on private
 * anonymous memory gives zero-filled pages back; EINVAL for an unaligned
 * address or unknown advice, ENOMEM for an unmapped range.
 * SYSCALLS: madvise mmap munmap */
#include <sys/mman.h>
#include "tst_test.h"

static void run(void)
{
	long ps = getpagesize();
	char *p = SAFE_MMAP(NULL, 2 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset(p, 'x', 2 * ps);
	TST_EXP_PASS(madvise(p, 2 * ps, MADV_NORMAL), "madvise(MADV_NORMAL)");
	TST_EXP_PASS(madvise(p, 2 * ps, MADV_SEQUENTIAL), "madvise(MADV_SEQUENTIAL)");
	TST_EXP_PASS(madvise(p, 2 * ps, MADV_WILLNEED), "madvise(MADV_WILLNEED)");
	TST_EXP_PASS(madvise(p, ps, MADV_DONTNEED), "madvise(MADV_DONTNEED)");
	TST_EXP_EXPR(p[0] == 0 && p[ps - 1] == 0 && p[ps] == 'x',
		     "MADV_DONTNEED zeroed the first page only");
	TST_EXP_FAIL(madvise(p + 1, ps, MADV_NORMAL), EINVAL, "madvise() at an unaligned address");
	TST_EXP_FAIL(madvise(p, ps, 12345), EINVAL, "madvise() with unknown advice");
	SAFE_MUNMAP(p, 2 * ps);
	TST_EXP_FAIL(madvise(p, ps, MADV_NORMAL), ENOMEM, "madvise() of an unmapped range");
}

static struct tst_test test = {
	.test_all = run,
};
