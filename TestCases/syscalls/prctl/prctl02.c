/* prctl() process attributes: PR_SET_CHILD_SUBREAPER makes orphaned
 * grandchildren re-parent to the caller; PR_SET_NO_NEW_PRIVS is sticky and
 * read back; PR_SET_TIMERSLACK round-trips; PR_GET_SECCOMP is 0;
 * PR_SET_KEEPCAPS and PR_SET_THP_DISABLE round-trip; PR_CAPBSET_READ of
 * CAP_CHOWN is 1; EINVAL for PR_SET_PDEATHSIG 1000, PR_SET_NO_NEW_PRIVS 0,
 * PR_CAPBSET_READ of capability 1000.
 * SYSCALLS: prctl clone wait4 getppid clock_nanosleep exit_group */
#include <sys/prctl.h>
#include <linux/capability.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	pid_t pid;
	int status, v;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			pid_t me = getpid(), mid;
			int st = 1;

			if (prctl(PR_SET_CHILD_SUBREAPER, 1) || prctl(PR_GET_CHILD_SUBREAPER, &v) || v != 1)
				_exit(2);
			mid = fork();
			if (!mid) {
				if (!fork()) {
					/* Orphaned when the middle process exits. */
					for (int i = 0; i < 500 && getppid() != me; i++)
						usleep(10000);
					_exit(getppid() == me ? 0 : 1);
				}
				_exit(0);
			}
			waitpid(mid, NULL, 0);
			wait(&st);
			_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 3);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "orphaned grandchild re-parented to the subreaper (status %d)", WEXITSTATUS(status));
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			int ok = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0 &&
				 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
				 prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1;
			_exit(ok ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "PR_SET_NO_NEW_PRIVS 0 -> 1 read back");
		break;
	case 2:
		TST_EXP_PASS(prctl(PR_SET_TIMERSLACK, 123456), "PR_SET_TIMERSLACK 123456");
		TST_EXP_VAL(prctl(PR_GET_TIMERSLACK), 123456, "PR_GET_TIMERSLACK");
		prctl(PR_SET_TIMERSLACK, 0);
		TST_EXP_VAL(prctl(PR_GET_SECCOMP), 0, "PR_GET_SECCOMP");
		TST_EXP_PASS(prctl(PR_SET_KEEPCAPS, 1), "PR_SET_KEEPCAPS 1");
		TST_EXP_VAL(prctl(PR_GET_KEEPCAPS), 1, "PR_GET_KEEPCAPS");
		prctl(PR_SET_KEEPCAPS, 0);
		TST_EXP_PASS(prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0), "PR_SET_THP_DISABLE 1");
		TST_EXP_VAL(prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0), 1, "PR_GET_THP_DISABLE");
		prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
		TST_EXP_VAL(prctl(PR_CAPBSET_READ, CAP_CHOWN), 1, "PR_CAPBSET_READ(CAP_CHOWN)");
		break;
	case 3:
		TST_EXP_FAIL(prctl(PR_SET_PDEATHSIG, 1000), EINVAL, "PR_SET_PDEATHSIG 1000");
		TST_EXP_FAIL(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), EINVAL, "PR_SET_NO_NEW_PRIVS 0");
		TST_EXP_FAIL(prctl(PR_CAPBSET_READ, 1000), EINVAL, "PR_CAPBSET_READ(1000)");
		TST_EXP_FAIL(prctl(PR_SET_DUMPABLE, 5), EINVAL, "PR_SET_DUMPABLE 5");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
};
