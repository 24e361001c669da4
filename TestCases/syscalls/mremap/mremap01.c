/* mremap(): growing with MREMAP_MAYMOVE keeps the contents; shrinking in
 * place keeps the address; EINVAL for an unaligned address and for
 * MREMAP_FIXED without MREMAP_MAYMOVE; EFAULT/ENOMEM for an unmapped range.
 * SYSCALLS: mremap mmap munmap */
#include <sys/mman.h>
#include "tst_test.h"

static long ps;

static void setup(void)
{
	ps = getpagesize();
}

static void run(unsigned int n)
{
	char *p, *q;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(p, "kept");
		q = mremap(p, ps, 4 * ps, MREMAP_MAYMOVE);
		if (q == MAP_FAILED) {
			tst_res(TFAIL | TERRNO, "mremap() growing with MREMAP_MAYMOVE");
			SAFE_MUNMAP(p, ps);
			return;
		}
		tst_res(TPASS, "mremap() grew the mapping to 4 pages");
		TST_EXP_EQ_STR(q, "kept");
		q[4 * ps - 1] = 1;
		SAFE_MUNMAP(q, 4 * ps);
		break;
	case 1:
		p = SAFE_MMAP(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		q = mremap(p, 4 * ps, ps, 0);
		TST_EXP_EXPR(q == p, "shrinking mremap() keeps the address");
		SAFE_MUNMAP(p, ps);
		break;
	case 2:
		p = SAFE_MMAP(NULL, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		TST_EXP_FAIL_PTR_VOID(mremap(p + 1, ps, 2 * ps, MREMAP_MAYMOVE), EINVAL,
				      "mremap() of an unaligned address");
		TST_EXP_FAIL_PTR_VOID(mremap(p, ps, ps, MREMAP_FIXED, p), EINVAL,
				      "mremap(MREMAP_FIXED) without MREMAP_MAYMOVE");
		SAFE_MUNMAP(p, ps);
		TEST(mremap(p, ps, 2 * ps, MREMAP_MAYMOVE) == MAP_FAILED ? -1 : 0);
		if (TST_RET == -1 && (TST_ERR == EFAULT || TST_ERR == ENOMEM))
			tst_res(TPASS | TTERRNO, "mremap() of an unmapped range fails");
		else
			tst_res(TFAIL | TTERRNO, "mremap() of an unmapped range returned %ld", TST_RET);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
};
