/* getrandom() flags and edges: GRND_INSECURE (5.6+) fills the buffer, alone
 * and with GRND_NONBLOCK, and its bytes look random (many distinct values,
 * two draws differ); GRND_RANDOM works with GRND_NONBLOCK; a count of 0
 * returns 0 without touching the buffer; a buffer running into an unmapped
 * page returns the bytes copied before it; EINVAL for GRND_INSECURE with
 * GRND_RANDOM and for each unknown flag bit.
 * SYSCALLS: getrandom mmap munmap mprotect */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef GRND_NONBLOCK
# define GRND_NONBLOCK 0x1
#endif
#ifndef GRND_RANDOM
# define GRND_RANDOM 0x2
#endif
#ifndef GRND_INSECURE
# define GRND_INSECURE 0x4
#endif

static long grnd(void *buf, size_t len, unsigned int flags)
{
	return syscall(__NR_getrandom, buf, len, flags);
}

static int distinct(const unsigned char *b, size_t n)
{
	char seen[256] = { 0 };
	int d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!seen[b[i]]++)
			d++;
	return d;
}

static void setup(void)
{
	char c;

	tst_syscall(__NR_getrandom, &c, 1, 0);
	if (grnd(&c, 1, GRND_INSECURE) == -1 && errno == EINVAL)
		tst_brk(TCONF, "GRND_INSECURE not supported (kernel before 5.6)");
}

static void run(unsigned int n)
{
	static unsigned char a[4096], b[4096];
	unsigned char *map;
	long page = sysconf(_SC_PAGESIZE);
	unsigned int bit;
	long ret;

	switch (n) {
	case 0:
		memset(a, 0, sizeof(a));
		memset(b, 0, sizeof(b));
		TST_EXP_VAL(grnd(a, sizeof(a), GRND_INSECURE), (long)sizeof(a), "getrandom(4096, GRND_INSECURE)");
		TST_EXP_VAL(grnd(b, sizeof(b), GRND_INSECURE | GRND_NONBLOCK), (long)sizeof(b),
			    "getrandom(4096, GRND_INSECURE|GRND_NONBLOCK)");
		TST_EXP_EXPR(distinct(a, sizeof(a)) > 200, "%d distinct byte values in 4096", distinct(a, sizeof(a)));
		TST_EXP_EXPR(memcmp(a, b, sizeof(a)), "two draws differ");
		break;
	case 1:
		memset(a, 0, 64);
		ret = grnd(a, 64, GRND_RANDOM | GRND_NONBLOCK);
		if (ret == -1 && errno == EAGAIN) {
			tst_res(TCONF, "GRND_RANDOM pool not ready");
			break;
		}
		TST_EXP_EXPR(ret > 0 && ret <= 64, "getrandom(64, GRND_RANDOM|GRND_NONBLOCK) returned %ld", ret);
		memset(a, 0xa5, 16);
		TST_EXP_VAL(grnd(a, 0, GRND_INSECURE), 0, "getrandom(0 bytes)");
		TST_EXP_EXPR(a[0] == 0xa5 && a[15] == 0xa5, "a zero-length draw writes nothing");
		break;
	case 2:
		/* The last 100 bytes of a page followed by a PROT_NONE page. */
		map = SAFE_MMAP(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		SAFE_MPROTECT(map + page, page, PROT_NONE);
		ret = grnd(map + page - 100, 200, GRND_INSECURE);
		TST_EXP_EXPR(ret > 0 && ret <= 100, "getrandom() across a PROT_NONE page returned %ld (at most the 100 "
			     "mapped bytes)", ret);
		TST_EXP_FAIL(grnd(map + page, 16, GRND_INSECURE), EFAULT, "getrandom() into a PROT_NONE page");
		SAFE_MUNMAP(map, 2 * page);
		break;
	case 3:
		TST_EXP_FAIL(grnd(a, 16, GRND_INSECURE | GRND_RANDOM), EINVAL, "getrandom(GRND_INSECURE|GRND_RANDOM)");
		for (bit = 3; bit < 32; bit++) {
			TEST(grnd(a, 16, 1U << bit));
			if (TST_RET != -1 || TST_ERR != EINVAL) {
				tst_res(TFAIL | TTERRNO, "getrandom(flags 0x%x) returned %ld", 1U << bit, TST_RET);
				break;
			}
		}
		if (bit == 32)
			tst_res(TPASS, "every unknown flag bit 0x8..0x80000000 is EINVAL");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
};
