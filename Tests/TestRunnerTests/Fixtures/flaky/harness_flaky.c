/* Rerun self-test: fails on its first run and passes on any rerun. ferry-test gives every run
 * FERRY_TEST_ATTEMPT (1 for the first run, 2 for the first rerun, ...). Expected with
 * --rerun-failures 1: attempts fail, pass; recorded pass; flaky. */
#include <stdlib.h>
#include <string.h>
#include "tst_test.h"

static void run(void)
{
	const char *attempt = getenv("FERRY_TEST_ATTEMPT");

	if (!attempt || !strcmp(attempt, "1"))
		tst_res(TFAIL, "first attempt (FERRY_TEST_ATTEMPT=%s): failing on purpose", attempt ? attempt : "unset");
	else
		tst_res(TPASS, "rerun (FERRY_TEST_ATTEMPT=%s) passes", attempt);
}

static struct tst_test test = {
	.test_all = run,
};
