/* prctl(): PR_SET_NAME/PR_GET_NAME round-trip (truncated to 15 chars and
 * visible in /proc/self/comm), PR_SET_PDEATHSIG/PR_GET_PDEATHSIG,
 * PR_SET_DUMPABLE/PR_GET_DUMPABLE; EINVAL for an unknown option.
 * SYSCALLS: prctl openat read */
#include <sys/prctl.h>
#include "tst_test.h"

static void run(void)
{
	char name[32] = {0}, comm[32] = {0};
	int sig = 0;

	TST_EXP_PASS(prctl(PR_SET_NAME, "ferry-a-very-long-name"), "PR_SET_NAME");
	TST_EXP_PASS(prctl(PR_GET_NAME, name), "PR_GET_NAME");
	TST_EXP_EQ_STR(name, "ferry-a-very-lo");
	SAFE_FILE_SCANF("/proc/self/comm", "%31s", comm);
	TST_EXP_EQ_STR(comm, "ferry-a-very-lo");

	TST_EXP_PASS(prctl(PR_SET_PDEATHSIG, SIGUSR2), "PR_SET_PDEATHSIG");
	TST_EXP_PASS(prctl(PR_GET_PDEATHSIG, &sig), "PR_GET_PDEATHSIG");
	TST_EXP_EQ_LI(sig, SIGUSR2);

	TST_EXP_PASS(prctl(PR_SET_DUMPABLE, 0), "PR_SET_DUMPABLE 0");
	TST_EXP_VAL(prctl(PR_GET_DUMPABLE), 0, "PR_GET_DUMPABLE");
	prctl(PR_SET_DUMPABLE, 1);

	TST_EXP_FAIL(prctl(0x7fff1234), EINVAL, "prctl() with an unknown option");
}

static struct tst_test test = {
	.test_all = run,
};
