/* clone3(): a plain fork-like call returns the child's pid; CLONE_PIDFD
 * returns a pidfd usable with waitid(P_PIDFD); CLONE_PARENT_SETTID fills
 * parent_tid; exit_signal 0 makes a child only __WALL waits for; EINVAL for
 * a size below CLONE_ARGS_SIZE_VER0 and for exit_signal > _NSIG, E2BIG for
 * a huge size with non-zero tail, EFAULT for an unmapped args struct.
 * SYSCALLS: clone3 waitid wait4 close exit_group */
#include <sched.h>
#include <sys/syscall.h>
#include <linux/sched.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_clone3
# define __NR_clone3 435
#endif
#ifndef P_PIDFD
# define P_PIDFD 3
#endif

struct clone3_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

static long do_clone3(struct clone3_args *a, size_t size)
{
	return syscall(__NR_clone3, a, size);
}

static void setup(void)
{
	struct clone3_args a = { .flags = CLONE_NEWNS | CLONE_FS };

	/* Probe: an invalid flag combination gives EINVAL when clone3 exists. */
	if (do_clone3(&a, sizeof(a)) == -1 && errno == ENOSYS)
		tst_brk(TCONF, "clone3() not supported");
}

static void run(unsigned int n)
{
	struct clone3_args a;
	struct {
		struct clone3_args a;
		uint64_t tail[8];
	} big;
	int pidfd = -1, status;
	pid_t ptid = 0, pid;
	siginfo_t si;

	memset(&a, 0, sizeof(a));
	switch (n) {
	case 0:
		a.exit_signal = SIGCHLD;
		pid = do_clone3(&a, sizeof(a));
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone3()");
		if (!pid)
			_exit(5);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 5,
			     "clone3() child exited 5");
		break;
	case 1:
		a.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
		a.pidfd = (uintptr_t)&pidfd;
		a.parent_tid = (uintptr_t)&ptid;
		a.exit_signal = SIGCHLD;
		pid = do_clone3(&a, sizeof(a));
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone3(CLONE_PIDFD)");
		if (!pid)
			_exit(9);
		TST_EXP_EXPR(pidfd >= 0, "CLONE_PIDFD returned fd %d", pidfd);
		TST_EXP_EQ_LI(ptid, pid);
		memset(&si, 0, sizeof(si));
		TST_EXP_PASS(waitid(P_PIDFD, pidfd, &si, WEXITED), "waitid(P_PIDFD)");
		TST_EXP_EXPR(si.si_pid == pid && si.si_code == CLD_EXITED && si.si_status == 9,
			     "waitid(P_PIDFD) reports pid %d exit 9", (int)si.si_pid);
		SAFE_CLOSE(pidfd);
		break;
	case 2:
		a.exit_signal = 0;
		pid = do_clone3(&a, sizeof(a));
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone3(exit_signal 0)");
		if (!pid)
			_exit(0);
		TST_EXP_FAIL2(waitpid(pid, &status, WNOHANG), ECHILD,
			      "waitpid() without __WALL of an exit_signal 0 child");
		TST_EXP_PID(waitpid(pid, &status, __WALL), "waitpid(__WALL)");
		break;
	case 3:
		a.exit_signal = SIGCHLD;
		TST_EXP_FAIL2(do_clone3(&a, 63), EINVAL, "clone3() with size 63 (< VER0)");
		a.exit_signal = 1000;
		TST_EXP_FAIL2(do_clone3(&a, sizeof(a)), EINVAL, "clone3() with exit_signal 1000");
		memset(&big, 0, sizeof(big));
		big.a.exit_signal = SIGCHLD;
		big.tail[3] = 1;
		TST_EXP_FAIL2(do_clone3(&big.a, sizeof(big)), E2BIG,
			      "clone3() with a non-zero tail past the known struct");
		TST_EXP_FAIL2(do_clone3(tst_get_bad_addr(NULL), sizeof(a)), EFAULT,
			      "clone3() with unmapped args");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.forks_child = 1,
};
