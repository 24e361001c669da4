/* Harness self-test: the test function reports nothing. Expected:
 * TBROK "Test haven't reported results!", exit 2, broken 1. */
#include "tst_test.h"

static void run(void)
{
}

static struct tst_test test = {
	.test_all = run,
};
