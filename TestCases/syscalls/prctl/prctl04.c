/* prctl() across process lifetimes: PR_SET_PDEATHSIG fires when the parent
 * dies (the orphan, re-parented to this PR_SET_CHILD_SUBREAPER process, is
 * reaped as killed by that signal, while a sibling without it survives and
 * sees this process as its new parent); the death signal is not inherited
 * by fork and is cleared by a uid change; PR_GET_PDEATHSIG into an unmapped
 * address is EFAULT; PR_SET_CHILD_SUBREAPER is not inherited by a child;
 * PR_SET_NO_NEW_PRIVS is inherited by fork, shows as "NoNewPrivs: 1" in
 * /proc/self/status and survives execve.
 * SYSCALLS: prctl clone wait4 getppid getpid kill setuid execve openat read close mmap munmap clock_nanosleep exit_group geteuid futex */
#include <sys/mman.h>
#include <sys/prctl.h>
#include "tst_test.h"

#define EXEC_ENV "PRCTL04_REPORT_NNP"

/* The execve'd copy of this program reports its no_new_privs bit as the
 * exit status before the test library starts. */
__attribute__((constructor)) static void exec_report(void)
{
	if (getenv(EXEC_ENV))
		_exit(10 + prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
}

#define SAFE_PRCTL_(...) do { \
	if (prctl(__VA_ARGS__) == -1) \
		tst_brk(TBROK | TERRNO, "prctl(" #__VA_ARGS__ ")"); \
} while (0)

struct shared {
	pid_t doomed, survivor;
	pid_t survivor_ppid;
};

static struct shared *sh;

static void setup(void)
{
	sh = SAFE_MMAP(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
}

static void cleanup(void)
{
	if (sh)
		SAFE_MUNMAP(sh, sizeof(*sh));
}

static int status_nnp(void)
{
	char buf[4096], *p;
	int fd, v = -1;
	ssize_t len;

	fd = SAFE_OPEN("/proc/self/status", O_RDONLY);
	len = SAFE_READ(0, fd, buf, sizeof(buf) - 1);
	buf[len] = 0;
	SAFE_CLOSE(fd);
	p = strstr(buf, "NoNewPrivs:");
	if (p)
		sscanf(p + 11, "%d", &v);
	return v;
}

static void middle(void)
{
	pid_t me = getpid();

	/* Only the parent stores the pid: the child's own 0 must not race into the shared page. */
	pid_t doomed = SAFE_FORK();
	if (!doomed) {
		prctl(PR_SET_PDEATHSIG, SIGUSR1);
		if (getppid() != me)
			_exit(2);	/* parent already gone: signal would never come */
		TST_CHECKPOINT_WAKE(0);
		for (;;)
			pause();
	}
	sh->doomed = doomed;
	TST_CHECKPOINT_WAIT(0);
	pid_t survivor = SAFE_FORK();
	if (!survivor) {
		TST_CHECKPOINT_WAKE(1);
		while (getppid() == me)
			usleep(1000);
		sh->survivor_ppid = getppid();
		_exit(0);
	}
	sh->survivor = survivor;
	TST_CHECKPOINT_WAIT(1);
	_exit(0);
}

static void run(unsigned int n)
{
	int status, v;
	pid_t pid;
	char *const argv[] = { "/proc/self/exe", NULL };
	char *const envp[] = { EXEC_ENV "=1", NULL };

	switch (n) {
	case 0:
		memset(sh, 0, sizeof(*sh));
		SAFE_PRCTL_(PR_SET_CHILD_SUBREAPER, 1);
		pid = SAFE_FORK();
		if (!pid)
			middle();
		SAFE_WAITPID(pid, NULL, 0);
		SAFE_WAITPID(sh->doomed, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
			     "orphan with PR_SET_PDEATHSIG got SIGUSR1 when its parent died (status 0x%x)", status);
		SAFE_WAITPID(sh->survivor, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "the sibling without it exited normally");
		TST_EXP_EQ_LI(sh->survivor_ppid, getpid());
		SAFE_PRCTL_(PR_SET_CHILD_SUBREAPER, 0);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_PRCTL_(PR_SET_PDEATHSIG, SIGUSR2);
			TST_EXP_VAL(prctl(PR_GET_PDEATHSIG, &v) == 0 ? v : -1, SIGUSR2, "PR_GET_PDEATHSIG reads SIGUSR2");
			pid = SAFE_FORK();
			if (!pid) {
				v = -1;
				prctl(PR_GET_PDEATHSIG, &v);
				_exit(v);
			}
			SAFE_WAITPID(pid, &status, 0);
			TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0,
				     "a forked child starts with no death signal (%d)", WEXITSTATUS(status));
			SAFE_SETUID(65534);
			v = -1;
			prctl(PR_GET_PDEATHSIG, &v);
			TST_EXP_EQ_LI(v, 0);
			TST_EXP_FAIL(prctl(PR_GET_PDEATHSIG, tst_get_bad_addr(NULL)), EFAULT,
				     "PR_GET_PDEATHSIG into an unmapped address");
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		break;
	case 2:
		SAFE_PRCTL_(PR_SET_CHILD_SUBREAPER, 1);
		TST_EXP_VAL(prctl(PR_GET_CHILD_SUBREAPER, &v) == 0 ? v : -1, 1, "PR_GET_CHILD_SUBREAPER reads 1");
		pid = SAFE_FORK();
		if (!pid) {
			v = -1;
			prctl(PR_GET_CHILD_SUBREAPER, &v);
			_exit(v);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a child is not a subreaper (%d)",
			     WEXITSTATUS(status));
		SAFE_PRCTL_(PR_SET_CHILD_SUBREAPER, 0);
		break;
	case 3:
		pid = SAFE_FORK();
		if (!pid) {
			TST_EXP_EQ_LI(status_nnp(), 0);
			SAFE_PRCTL_(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
			TST_EXP_EQ_LI(status_nnp(), 1);
			pid = SAFE_FORK();
			if (!pid)
				_exit(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
			SAFE_WAITPID(pid, &status, 0);
			TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 1, "inherited by fork (%d)",
				     WEXITSTATUS(status));
			pid = SAFE_FORK();
			if (!pid) {
				execve(argv[0], argv, envp);
				_exit(99);
			}
			SAFE_WAITPID(pid, &status, 0);
			TST_EXP_EXPR(WIFEXITED(status) && WEXITSTATUS(status) == 11,
				     "kept across execve (exit %d, 11 means set)", WEXITSTATUS(status));
			_exit(0);
		}
		SAFE_WAITPID(pid, NULL, 0);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.forks_child = 1,
	.needs_checkpoints = 1,
	.needs_root = 1,
};
