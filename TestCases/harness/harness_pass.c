/* Harness self-test: a passing test with several cases, forked children
 * reporting through the shared counters and a checkpoint handshake.
 * Expected: exit 0, passed 4. */
#include "tst_test.h"

static void run(unsigned int n)
{
	pid_t pid;

	switch (n) {
	case 0:
		tst_res(TPASS, "plain TPASS from the main test process");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			tst_res(TPASS, "TPASS from a forked child is counted");
			exit(0);
		}
		tst_reap_children();
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAIT(0);
			tst_res(TPASS, "child woke up at checkpoint 0");
			exit(0);
		}
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 3:
		TST_EXP_PASS(access(".", F_OK), "access() in the temporary directory");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
	.needs_tmpdir = 1,
};
