/* Harness self-test: the test sleeps past its timeout. Run it with
 * LTP_TIMEOUT_MUL=0.1 (3 s). Expected: "Test timeouted, sending SIGKILL!",
 * TBROK "Test killed! (timeout?)", exit 2, broken 1. */
#include "tst_test.h"

static void run(void)
{
	tst_res(TINFO, "sleeping past the timeout");
	for (;;)
		pause();
}

static struct tst_test test = {
	.test_all = run,
};
