/* process_madvise() through a pidfd of the caller: MADV_COLD on two ranges
 * returns the bytes advised. process_mrelease() of a child sent SIGKILL
 * succeeds while the child is still dying (the kill marks the group as
 * exiting at once; its memory is gone only once it has run its exit): caught
 * right after the kill, retried when the child won the race (ESRCH). Errors:
 * EINVAL (flags, unknown advice, mrelease of a live process), ESRCH (mrelease
 * of a zombie whose memory is already gone), EBADF, EFAULT.
 * SYSCALLS: process_madvise process_mrelease pidfd_open kill waitid mmap munmap */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_pidfd_open
# define __NR_pidfd_open 434
#endif
#ifndef __NR_process_madvise
# define __NR_process_madvise 440
#endif
#ifndef __NR_process_mrelease
# define __NR_process_mrelease 448
#endif
#ifndef MADV_COLD
# define MADV_COLD 20
#endif

static void run(unsigned int n)
{
	long page = getpagesize();
	struct iovec iov[2];
	siginfo_t si;
	char *p;
	int pfd;
	pid_t pid;

	switch (n) {
	case 0:
		p = SAFE_MMAP(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		memset(p, 1, 4 * page);
		pfd = tst_syscall(__NR_pidfd_open, getpid(), 0);
		iov[0].iov_base = p;
		iov[0].iov_len = page;
		iov[1].iov_base = p + 2 * page;
		iov[1].iov_len = 2 * page;
		TST_EXP_VAL(tst_syscall(__NR_process_madvise, pfd, iov, 2, MADV_COLD, 0), 3 * page,
			    "process_madvise(MADV_COLD) of 3 pages in 2 ranges");
		TST_EXP_EXPR(p[0] == 1 && p[3 * page] == 1, "MADV_COLD keeps the contents");
		TST_EXP_FAIL(syscall(__NR_process_madvise, pfd, iov, 2, MADV_COLD, 1), EINVAL,
			     "process_madvise() with a flag");
		TST_EXP_FAIL(syscall(__NR_process_madvise, pfd, iov, 2, 9999, 0), EINVAL,
			     "process_madvise() of an unknown advice");
		TST_EXP_FAIL(syscall(__NR_process_madvise, 999, iov, 2, MADV_COLD, 0), EBADF,
			     "process_madvise() of a closed pidfd");
		TST_EXP_FAIL(syscall(__NR_process_madvise, pfd, tst_get_bad_addr(NULL), 2, MADV_COLD, 0),
			     EFAULT, "process_madvise() of an unmapped iovec");
		TST_EXP_FAIL(tst_syscall(__NR_process_mrelease, pfd, 0), EINVAL,
			     "process_mrelease() of a live process");
		TST_EXP_FAIL(syscall(__NR_process_mrelease, 999, 0), EBADF,
			     "process_mrelease() of a closed pidfd");
		TST_EXP_FAIL(syscall(__NR_process_mrelease, pfd, 1), EINVAL,
			     "process_mrelease() with a flag");
		SAFE_CLOSE(pfd);
		SAFE_MUNMAP(p, 4 * page);
		break;
	case 1:
		pid = SAFE_FORK();
		if (!pid) {
			pause();
			exit(0);
		}
		pfd = tst_syscall(__NR_pidfd_open, pid, 0);
		SAFE_KILL(pid, SIGKILL);
		if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
			tst_brk(TBROK | TERRNO, "waitid(WNOWAIT)");
		TST_EXP_FAIL(tst_syscall(__NR_process_mrelease, pfd, 0), ESRCH,
			     "process_mrelease() of a zombie child");
		SAFE_WAITPID(pid, NULL, 0);
		SAFE_CLOSE(pfd);
		break;
	case 2:
		for (int tries = 0; tries < 20; tries++) {
			long ret;

			pid = SAFE_FORK();
			if (!pid) {
				pause();
				exit(0);
			}
			pfd = tst_syscall(__NR_pidfd_open, pid, 0);
			SAFE_KILL(pid, SIGKILL);
			ret = syscall(__NR_process_mrelease, pfd, 0);
			int err = errno;

			SAFE_WAITPID(pid, NULL, 0);
			SAFE_CLOSE(pfd);
			if (ret == 0) {
				tst_res(TPASS, "process_mrelease() of a child killed a moment ago");
				return;
			}
			if (err != ESRCH) {
				tst_res(TFAIL, "process_mrelease() of a dying child: %s", tst_strerrno(err));
				return;
			}
		}
		tst_res(TCONF, "the killed child always finished exiting before process_mrelease() (20 tries)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.forks_child = 1,
};
