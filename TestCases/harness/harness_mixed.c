/* Harness self-test: TPASS + TCONF + TWARN. TCONF does not count when
 * something passed. Expected: exit 4 (TWARN), passed 1, skipped 1,
 * warnings 1. */
#include "tst_test.h"

static void run(void)
{
	tst_res(TPASS, "one case passes");
	tst_res(TCONF, "one case is not applicable here");
	tst_res(TWARN, "one warning");
}

static struct tst_test test = {
	.test_all = run,
};
