/* dup(): returns the lowest free fd, shares the file offset and status
 * flags but not FD_CLOEXEC; EBADF; EMFILE when RLIMIT_NOFILE is reached.
 * SYSCALLS: dup fcntl openat close lseek prlimit64 */
#include <sys/resource.h>
#include "tst_test.h"

static void run(unsigned int n)
{
	struct rlimit rl, low;
	int fd, d, lowest;

	switch (n) {
	case 0:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR | O_CLOEXEC, 0600);
		d = TST_EXP_FD(dup(fd), "dup() of a file fd");
		if (d < 0)
			return;
		TST_EXP_EQ_LI(fcntl(d, F_GETFD) & FD_CLOEXEC, 0);
		SAFE_LSEEK(fd, 7, SEEK_SET);
		TST_EXP_EQ_LI(SAFE_LSEEK(d, 0, SEEK_CUR), 7);
		SAFE_CLOSE(d);
		SAFE_CLOSE(fd);
		break;
	case 1:
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		lowest = SAFE_DUP(fd);
		close(lowest);
		d = TST_EXP_FD(dup(fd), "dup() reuses the lowest free fd");
		TST_EXP_EQ_LI(d, lowest);
		if (d >= 0)
			SAFE_CLOSE(d);
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_FAIL2(dup(-1), EBADF, "dup(-1)");
		TST_EXP_FAIL2(dup(99999), EBADF, "dup() of a never-opened fd");
		break;
	case 3:
		SAFE_GETRLIMIT(RLIMIT_NOFILE, &rl);
		fd = SAFE_OPEN("f", O_CREAT | O_RDWR, 0600);
		low.rlim_cur = fd + 1;
		low.rlim_max = rl.rlim_max;
		SAFE_SETRLIMIT(RLIMIT_NOFILE, &low);
		TST_EXP_FAIL2(dup(fd), EMFILE, "dup() beyond RLIMIT_NOFILE");
		SAFE_SETRLIMIT(RLIMIT_NOFILE, &rl);
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.needs_tmpdir = 1,
};
