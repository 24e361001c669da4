/* pidfd_getfd(): duplicates a child's file descriptor into the caller (the
 * copy reads the child's pipe end and is close-on-exec); EBADF for a
 * descriptor the target lacks, EINVAL for non-zero flags, EBADF for a
 * non-pidfd, ESRCH once the target has exited.
 * SYSCALLS: pidfd_getfd pidfd_open pipe2 read write fcntl close clone wait4 exit_group futex clock_nanosleep */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_pidfd_open
# define __NR_pidfd_open 434
#endif
#ifndef __NR_pidfd_getfd
# define __NR_pidfd_getfd 438
#endif

static void run(unsigned int n)
{
	int p[2], pidfd, fd, status;
	char buf[8] = {0};
	pid_t pid;

	SAFE_PIPE(p);
	pid = SAFE_FORK();
	if (!pid) {
		/* Keep the read end at a known number, lose the parent's copy. */
		SAFE_WRITE(SAFE_WRITE_ALL, p[1], "getfd", 5);
		SAFE_CLOSE(p[1]);
		TST_CHECKPOINT_WAKE_AND_WAIT(0);
		_exit(0);
	}
	SAFE_CLOSE(p[1]);
	TST_CHECKPOINT_WAIT(0);
	pidfd = tst_syscall(__NR_pidfd_open, pid, 0);
	if (pidfd < 0)
		tst_brk(TBROK | TERRNO, "pidfd_open()");

	switch (n) {
	case 0:
		fd = TST_EXP_FD(tst_syscall(__NR_pidfd_getfd, pidfd, p[0], 0), "pidfd_getfd() of the child's read end");
		if (fd >= 0) {
			SAFE_CLOSE(p[0]);
			TST_EXP_VAL(read(fd, buf, sizeof(buf)), 5, "read() through the copied fd");
			TST_EXP_EQ_STR(buf, "getfd");
			TST_EXP_EXPR(fcntl(fd, F_GETFD) & FD_CLOEXEC, "the copy is close-on-exec");
			SAFE_CLOSE(fd);
		}
		break;
	case 1:
		SAFE_CLOSE(p[0]);
		TST_EXP_FAIL2(syscall(__NR_pidfd_getfd, pidfd, 999, 0), EBADF, "pidfd_getfd() of fd 999 the child lacks");
		TST_EXP_FAIL2(syscall(__NR_pidfd_getfd, pidfd, 0, 1), EINVAL, "pidfd_getfd() with flags 1");
		TST_EXP_FAIL2(syscall(__NR_pidfd_getfd, 0x3ff, 0, 0), EBADF, "pidfd_getfd() on a closed pidfd");
		break;
	}
	TST_CHECKPOINT_WAKE(0);
	SAFE_WAITPID(pid, &status, 0);
	if (n == 1)
		TST_EXP_FAIL2(syscall(__NR_pidfd_getfd, pidfd, 0, 0), ESRCH, "pidfd_getfd() from an exited process");
	SAFE_CLOSE(pidfd);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.forks_child = 1,
	.needs_checkpoints = 1,
};
