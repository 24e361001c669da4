/* Harness self-test: one TPASS and one TFAIL. Expected: exit 1 (TFAIL),
 * passed 1, failed 1. */
#include "tst_test.h"

static void run(void)
{
	tst_res(TPASS, "a passing check");
	tst_res(TFAIL, "a failing check, reported on purpose");
}

static struct tst_test test = {
	.test_all = run,
};
