/* A fault nobody handles kills the process with that signal, and the parent
 * sees the same wait status as natively: SIGSEGV with the default action;
 * SIGSEGV that is ignored or blocked still kills (a fault cannot be ignored
 * or postponed); an SA_RESETHAND handler that returns without fixing the
 * access runs once, then the retried access kills; a handler that exits
 * decides the status itself. Checks use WIFSIGNALED/WTERMSIG only (core
 * dumps are disabled in the child, so WCOREDUMP does not matter).
 * SYSCALLS: rt_sigaction rt_sigprocmask clone wait4 prlimit64 exit_group */
#include <sys/resource.h>
#include "tst_test.h"

static volatile int handled;

static void count_and_return(int sig)
{
	handled++;
	/* returning retries the access; the handler is SIG_DFL by then */
	if (handled > 1)
		_exit(99);
}

static void exit_handler(int sig)
{
	_exit(sig + 100);
}

static int *volatile bad_ptr = (int *)16;	/* below mmap_min_addr: never mapped */

static void fault(void)
{
	*bad_ptr = 1;
}

static void run(unsigned int n)
{
	struct rlimit no_core = { 0, 0 };
	struct sigaction sa = { 0 };
	sigset_t set;
	int status;
	pid_t pid;
	static const char *const names[] = {
		"default action", "SIG_IGN", "blocked", "SA_RESETHAND handler that returns",
		"handler that calls _exit",
	};

	pid = SAFE_FORK();
	if (!pid) {
		setrlimit(RLIMIT_CORE, &no_core);
		switch (n) {
		case 1:
			signal(SIGSEGV, SIG_IGN);
			break;
		case 2:
			sigemptyset(&set);
			sigaddset(&set, SIGSEGV);
			sigprocmask(SIG_BLOCK, &set, NULL);
			break;
		case 3:
			sa.sa_handler = count_and_return;
			sa.sa_flags = SA_RESETHAND;
			sigaction(SIGSEGV, &sa, NULL);
			break;
		case 4:
			sa.sa_handler = exit_handler;
			sigaction(SIGSEGV, &sa, NULL);
			break;
		}
		fault();
		_exit(1);
	}
	SAFE_WAITPID(pid, &status, 0);
	if (n == 4) {
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == SIGSEGV + 100,
			     "%s: child exited %d", names[n], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV)
		tst_res(TPASS, "%s: child killed by SIGSEGV", names[n]);
	else if (WIFSIGNALED(status))
		tst_res(TFAIL, "%s: child killed by %s", names[n], tst_strsig(WTERMSIG(status)));
	else
		tst_res(TFAIL, "%s: child exited %d", names[n], WEXITSTATUS(status));
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.forks_child = 1,
};
