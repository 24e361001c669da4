/* clone(): the raw syscall with a fork-like NULL stack returns the child's
 * pid, CLONE_PARENT_SETTID stores it in the parent, CLONE_CHILD_SETTID in
 * the child's copy; a non-SIGCHLD exit signal makes a "clone child" that
 * only __WCLONE waits for; CLONE_VM|CLONE_VFORK with glibc's clone() runs
 * the child on its own stack in shared memory; EINVAL for inconsistent
 * flag sets.
 * SYSCALLS: clone wait4 gettid exit_group rt_sigaction exit */
#include <sched.h>
#include <sys/syscall.h>
#include "tst_test.h"

/* The raw clone argument order differs: x86_64 (flags, stack, ptid, ctid,
 * tls), most others (flags, stack, ptid, tls, ctid). */
static long raw_clone(unsigned long flags, pid_t *ptid, pid_t *ctid)
{
#if defined(__x86_64__)
	return syscall(__NR_clone, flags, NULL, ptid, ctid, 0UL);
#else
	return syscall(__NR_clone, flags, NULL, ptid, 0UL, ctid);
#endif
}

static volatile int shared_word;
static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig) { got_usr1 = 1; }

static int vm_child(void *arg)
{
	shared_word = *(int *)arg;
	return 0;
}

static void run(unsigned int n)
{
	pid_t ptid = 0, ctid = 0, pid;
	int status = -1, val = 4242;
	char *stack;

	switch (n) {
	case 0:
		pid = raw_clone(SIGCHLD, NULL, NULL);
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone(SIGCHLD)");
		if (!pid)
			_exit(7);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 7,
			     "clone(SIGCHLD) child exit status 7 seen by wait4");
		break;
	case 1:
		pid = raw_clone(SIGCHLD | CLONE_PARENT_SETTID, &ptid, NULL);
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone(CLONE_PARENT_SETTID)");
		if (!pid)
			_exit(0);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EQ_LI(ptid, pid);
		break;
	case 2:
		pid = raw_clone(SIGCHLD | CLONE_CHILD_SETTID, NULL, &ctid);
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone(CLONE_CHILD_SETTID)");
		if (!pid)
			_exit(ctid == syscall(__NR_gettid) ? 0 : 1);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "CLONE_CHILD_SETTID stored the child's tid in the child");
		TST_EXP_EQ_LI(ctid, 0);
		break;
	case 3:
		SAFE_SIGNAL(SIGUSR1, on_usr1);
		got_usr1 = 0;
		pid = raw_clone(SIGUSR1, NULL, NULL);
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone(SIGUSR1)");
		if (!pid)
			_exit(3);
		TST_EXP_PID(waitpid(pid, &status, __WCLONE), "waitpid(__WCLONE) of a SIGUSR1-exit child");
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 3, "clone child exit status 3");
		TST_EXP_EXPR(got_usr1, "parent received SIGUSR1 as the exit signal");
		SAFE_SIGNAL(SIGUSR1, SIG_DFL);
		break;
	case 4:
		stack = SAFE_MALLOC(65536);
		shared_word = 0;
		pid = clone(vm_child, stack + 65536, CLONE_VM | CLONE_VFORK | SIGCHLD, &val);
		if (pid < 0)
			tst_brk(TBROK | TERRNO, "clone(CLONE_VM|CLONE_VFORK)");
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EQ_LI(shared_word, 4242);
		free(stack);
		break;
	case 5:
		TST_EXP_FAIL2(raw_clone(CLONE_SIGHAND | SIGCHLD, NULL, NULL), EINVAL,
			      "clone(CLONE_SIGHAND without CLONE_VM)");
		TST_EXP_FAIL2(raw_clone(CLONE_THREAD | SIGCHLD, NULL, NULL), EINVAL,
			      "clone(CLONE_THREAD without CLONE_SIGHAND)");
		TST_EXP_FAIL2(raw_clone(CLONE_NEWNS | CLONE_FS | SIGCHLD, NULL, NULL), EINVAL,
			      "clone(CLONE_NEWNS|CLONE_FS)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.forks_child = 1,
};
