/* Harness self-test: a forked child dies of SIGSEGV. Expected:
 * TBROK "Child (...) killed by signal SIGSEGV" from tst_reap_children(),
 * exit 2, passed 1, broken 1. */
#include "tst_test.h"

static void run(void)
{
	pid_t pid;

	tst_res(TPASS, "parent reached the fork");
	pid = SAFE_FORK();
	if (!pid) {
		/* Die by the signal itself so no core-size limit changes it. */
		signal(SIGSEGV, SIG_DFL);
		raise(SIGSEGV);
		exit(0);
	}
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
};
