/* waitpid()/wait4(): exit status and terminating signal of children,
 * WNOHANG with a running child returns 0, rusage is filled; ECHILD with no
 * children, EINVAL for bad options.
 * SYSCALLS: wait4 clone kill exit_group */
#include <sys/resource.h>
#include "tst_test.h"

static void run(void)
{
	struct rusage ru;
	int status;
	pid_t pid;

	pid = SAFE_FORK();
	if (!pid)
		exit(42);
	TST_EXP_VAL(wait4(pid, &status, 0, &ru), pid, "wait4() for an exiting child");
	TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 42, "exit status 42");

	pid = SAFE_FORK();
	if (!pid) {
		for (;;)
			pause();
	}
	TST_EXP_VAL(waitpid(pid, &status, WNOHANG), 0, "waitpid(WNOHANG) on a running child");
	SAFE_KILL(pid, SIGTERM);
	TST_EXP_VAL(waitpid(pid, &status, 0), pid, "waitpid() for a killed child");
	TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "terminated by SIGTERM");

	TST_EXP_FAIL2(waitpid(-1, &status, 0), ECHILD, "waitpid() with no children");
	TST_EXP_FAIL2(waitpid(-1, &status, 0x7000000), EINVAL, "waitpid() with unknown options");
}

static struct tst_test test = {
	.test_all = run,
	.forks_child = 1,
};
