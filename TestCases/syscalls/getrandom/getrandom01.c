/* getrandom(): fills the whole buffer, two draws differ, GRND_NONBLOCK
 * works once seeded; EINVAL for unknown flags, EFAULT.
 * SYSCALLS: getrandom */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static void run(void)
{
	unsigned char a[64], b[64];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	TST_EXP_VAL(tst_syscall(__NR_getrandom, a, sizeof(a), 0), 64, "getrandom(64 bytes)");
	TST_EXP_VAL(tst_syscall(__NR_getrandom, b, sizeof(b), 0x0001 /* GRND_NONBLOCK */), 64,
		    "getrandom(GRND_NONBLOCK)");
	TST_EXP_EXPR(memcmp(a, b, sizeof(a)), "two 64-byte draws differ");
	TST_EXP_FAIL2(tst_syscall(__NR_getrandom, a, sizeof(a), 0x4000), EINVAL,
		      "getrandom() with unknown flags");
	TST_EXP_FAIL2(tst_syscall(__NR_getrandom, tst_get_bad_addr(NULL), 16, 0), EFAULT,
		      "getrandom() into an unmapped buffer");
}

static struct tst_test test = {
	.test_all = run,
};
