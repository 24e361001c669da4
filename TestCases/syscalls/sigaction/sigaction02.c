/* sigaction() flags: SA_RESETHAND restores SIG_DFL after one delivery,
 * SA_NODEFER lets the handler be re-entered by its own signal (without it
 * the nested raise stays pending until return), SA_RESTART restarts a
 * read() interrupted by a handled signal while without it the read fails
 * EINTR; the raw call rejects a sigsetsize other than 8 with EINVAL and an
 * unmapped act with EFAULT.
 * SYSCALLS: rt_sigaction kill tgkill getpid gettid read write pipe2 clone wait4 exit_group futex clock_nanosleep */
#include <sys/syscall.h>
#include "tst_test.h"

static volatile int depth, max_depth, calls;

static void nested(int sig)
{
	calls++;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (calls == 1)
		raise(sig);
	depth--;
}

static int notify_fd = -1;

static void noop(int sig)
{
	calls++;
	if (notify_fd >= 0)
		write(notify_fd, "h", 1);
}

static void set(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	SAFE_SIGACTION(sig, &sa, NULL);
}

/* Child: handle SIGUSR1 with FLAGS, block in read() on a pipe; the parent
 * signals it and then writes. Exit 0 if read returned data, 1 on EINTR. */
static int read_interrupted(int flags)
{
	int p[2], note[2], status;
	char c;
	pid_t pid;

	SAFE_PIPE(p);
	SAFE_PIPE(note);
	pid = SAFE_FORK();
	if (!pid) {
		notify_fd = note[1];
		set(SIGUSR1, noop, flags);
		SAFE_CLOSE(p[1]);
		TST_CHECKPOINT_WAKE(0);
		if (read(p[0], &c, 1) == 1)
			_exit(0);
		_exit(errno == EINTR ? 1 : 2);
	}
	SAFE_CLOSE(p[0]);
	TST_CHECKPOINT_WAIT(0);
	TST_PROCESS_STATE_WAIT(pid, 'S', 0);
	SAFE_KILL(pid, SIGUSR1);
	/* The handler reports on the note pipe; only then does data arrive, so
	 * the read was interrupted while empty. */
	SAFE_READ(1, note[0], &c, 1);
	SAFE_SIGNAL(SIGPIPE, SIG_IGN);
	write(p[1], "x", 1);
	SAFE_CLOSE(p[1]);
	SAFE_CLOSE(note[0]);
	SAFE_CLOSE(note[1]);
	SAFE_WAITPID(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void run(unsigned int n)
{
	struct sigaction old;
	char bad[64];

	switch (n) {
	case 0:
		set(SIGUSR1, noop, SA_RESETHAND);
		calls = 0;
		raise(SIGUSR1);
		SAFE_SIGACTION(SIGUSR1, NULL, &old);
		TST_EXP_EXPR(calls == 1 && old.sa_handler == SIG_DFL,
			     "SA_RESETHAND: handler ran once, disposition back to SIG_DFL");
		break;
	case 1:
		set(SIGUSR2, nested, SA_NODEFER);
		calls = depth = max_depth = 0;
		raise(SIGUSR2);
		TST_EXP_EXPR(calls == 2 && max_depth == 2, "SA_NODEFER: handler nested (depth %d)", max_depth);
		set(SIGUSR2, nested, 0);
		calls = depth = max_depth = 0;
		raise(SIGUSR2);
		TST_EXP_EXPR(calls == 2 && max_depth == 1,
			     "without SA_NODEFER the second delivery waits (depth %d calls %d)", max_depth, calls);
		set(SIGUSR2, SIG_DFL, 0);
		break;
	case 2:
		TST_EXP_EQ_LI(read_interrupted(SA_RESTART), 0);
		TST_EXP_EQ_LI(read_interrupted(0), 1);
		break;
	case 3:
		memset(bad, 0, sizeof(bad));
		TST_EXP_FAIL(syscall(__NR_rt_sigaction, SIGUSR1, NULL, bad, 4), EINVAL,
			     "rt_sigaction() with sigsetsize 4");
		TST_EXP_FAIL(syscall(__NR_rt_sigaction, SIGUSR1, tst_get_bad_addr(NULL), NULL, 8), EFAULT,
			     "rt_sigaction() with an unmapped act");
		TST_EXP_FAIL(syscall(__NR_rt_sigaction, 65, NULL, bad, 8), EINVAL, "rt_sigaction(65)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
