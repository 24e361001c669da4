/* Seccomp strict mode in a child (filters are not tested: they would filter
 * the emulator too): after prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) or
 * seccomp(SECCOMP_SET_MODE_STRICT) read, write and exit still work, and any
 * other call (getpid) kills the child with SIGKILL; PR_GET_SECCOMP is 0
 * before; seccomp(SECCOMP_GET_ACTION_AVAIL) accepts SECCOMP_RET_KILL_PROCESS
 * and rejects an unknown action with EOPNOTSUPP; EINVAL for strict mode with
 * flags or an argument, and for an unknown operation.
 * SYSCALLS: seccomp prctl read write exit getpid clone wait4 pipe2 */
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

/* In strict mode only read, write, exit and sigreturn are allowed: leave with
 * the raw exit (glibc's _exit uses exit_group). */
static void strict_child(int use_syscall, int do_forbidden, int wfd)
{
	long r;

	if (use_syscall)
		r = syscall(__NR_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL);
	else
		r = prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT);
	if (r != 0)
		syscall(__NR_exit, 3);
	if (syscall(__NR_write, wfd, "w", 1) != 1)
		syscall(__NR_exit, 4);
	if (do_forbidden)
		syscall(__NR_getpid);
	syscall(__NR_exit, 0);
}

static void run(unsigned int n)
{
	int p[2], status;
	char c = 0;
	pid_t pid;
	unsigned int action;

	switch (n) {
	case 0: case 1: case 2: case 3:
		SAFE_PIPE(p);
		pid = SAFE_FORK();
		if (!pid)
			strict_child(n & 1, n >= 2, p[1]);
		SAFE_CLOSE(p[1]);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(read(p[0], &c, 1) == 1 && c == 'w', "%s: write() allowed in strict mode",
			     n & 1 ? "seccomp()" : "prctl()");
		if (n < 2)
			TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0,
				     "%s: exit() allowed, status 0x%x", n & 1 ? "seccomp()" : "prctl()", status);
		else
			TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
				     "%s: getpid() in strict mode kills with SIGKILL (status 0x%x)",
				     n & 1 ? "seccomp()" : "prctl()", status);
		SAFE_CLOSE(p[0]);
		break;
	case 4:
		TST_EXP_VAL(prctl(PR_GET_SECCOMP), 0, "PR_GET_SECCOMP before");
		action = SECCOMP_RET_KILL_PROCESS;
		TST_EXP_PASS(tst_syscall(__NR_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action),
			     "SECCOMP_GET_ACTION_AVAIL(KILL_PROCESS)");
		action = 0x12340000;
		TST_EXP_FAIL(tst_syscall(__NR_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action), EOPNOTSUPP,
			     "SECCOMP_GET_ACTION_AVAIL of an unknown action");
		TST_EXP_FAIL(tst_syscall(__NR_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL), EINVAL,
			     "strict mode with flags 1");
		TST_EXP_FAIL(tst_syscall(__NR_seccomp, SECCOMP_SET_MODE_STRICT, 0, &action), EINVAL,
			     "strict mode with an argument");
		TST_EXP_FAIL(tst_syscall(__NR_seccomp, 77, 0, NULL), EINVAL, "unknown seccomp operation");
		TST_EXP_VAL(prctl(PR_GET_SECCOMP), 0, "PR_GET_SECCOMP still 0 after the failed calls");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.forks_child = 1,
};
