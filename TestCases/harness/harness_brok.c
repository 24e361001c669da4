/* Harness self-test: setup() breaks. Expected: exit 2 (TBROK), broken 1,
 * and the test function never runs. */
#include "tst_test.h"

static void setup(void)
{
	tst_brk(TBROK, "setup breaks on purpose");
}

static void run(void)
{
	tst_res(TFAIL, "the test function ran although setup() broke");
}

static struct tst_test test = {
	.setup = setup,
	.test_all = run,
};
