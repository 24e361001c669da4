/* Harness self-test: the test is skipped. Expected: exit 32 (TCONF),
 * skipped 1, nothing else. */
#include "tst_test.h"

static void setup(void)
{
	tst_brk(TCONF, "skipped on purpose: the feature is declared missing");
}

static void run(void)
{
	tst_res(TFAIL, "the test function ran although setup() skipped");
}

static struct tst_test test = {
	.setup = setup,
	.test_all = run,
};
