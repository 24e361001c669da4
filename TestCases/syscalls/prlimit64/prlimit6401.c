/* prlimit64() on another process and limit enforcement: the parent reads
 * and lowers a child's RLIMIT_NOFILE by pid and the child sees it;
 * RLIMIT_FSIZE makes a write past the limit fail EFBIG (SIGXFSZ ignored) or
 * kill with SIGXFSZ by default; RLIMIT_NPROC 0 as an unprivileged user
 * makes fork() EAGAIN; ESRCH for a missing pid, EINVAL for resource 99.
 * SYSCALLS: prlimit64 write openat close setuid clone wait4 exit_group geteuid futex clock_nanosleep */
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct rlimit rl, old;
	int status, fd;
	pid_t pid;

	switch (n) {
	case 0:
		pid = SAFE_FORK();
		if (!pid) {
			TST_CHECKPOINT_WAKE_AND_WAIT(0);
			getrlimit(RLIMIT_NOFILE, &rl);
			_exit(rl.rlim_cur == 17 ? 0 : 1);
		}
		TST_CHECKPOINT_WAIT(0);
		TST_EXP_PASS(prlimit(pid, RLIMIT_NOFILE, NULL, &old), "prlimit() read of a child");
		rl.rlim_cur = 17;
		rl.rlim_max = old.rlim_max;
		TST_EXP_PASS(prlimit(pid, RLIMIT_NOFILE, &rl, NULL), "prlimit() sets the child's NOFILE to 17");
		TST_CHECKPOINT_WAKE(0);
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status), "child sees soft limit 17");
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			char buf[200] = {0};

			rl.rlim_cur = rl.rlim_max = 100;
			setrlimit(RLIMIT_FSIZE, &rl);
			signal(SIGXFSZ, SIG_IGN);
			fd = SAFE_OPEN("big", O_CREAT | O_WRONLY | O_TRUNC, 0600);
			if (write(fd, buf, 100) != 100)
				_exit(2);
			_exit(write(fd, buf, 1) == -1 && errno == EFBIG ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "RLIMIT_FSIZE 100: write at 100 fails EFBIG with SIGXFSZ ignored");
		pid = SAFE_FORK();
		if (!pid) {
			rl.rlim_cur = rl.rlim_max = 10;
			setrlimit(RLIMIT_FSIZE, &rl);
			fd = SAFE_OPEN("big2", O_CREAT | O_WRONLY | O_TRUNC, 0600);
			write(fd, "0123456789abc", 13);
			write(fd, "x", 1);
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ,
			     "past RLIMIT_FSIZE the default action is SIGXFSZ");
		break;
	case 2:
		pid = SAFE_FORK();
		if (!pid) {
			rl.rlim_cur = rl.rlim_max = 0;
			setrlimit(RLIMIT_NPROC, &rl);
			SAFE_SETUID(65534);
			_exit(fork() == -1 && errno == EAGAIN ? 0 : 1);
		}
		SAFE_WAITPID(pid, &status, 0);
		TST_EXP_EXPR(WIFEXITED(status) && !WEXITSTATUS(status),
			     "RLIMIT_NPROC 0 for an unprivileged user: fork() EAGAIN");
		break;
	case 3:
		TST_EXP_FAIL(prlimit(0x3ffffff0, RLIMIT_NOFILE, NULL, &old), ESRCH, "prlimit() of a missing pid");
		TST_EXP_FAIL(syscall(__NR_prlimit64, 0, 99, NULL, &old), EINVAL, "prlimit() resource 99");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
