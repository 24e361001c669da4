/* quotactl() and quotactl_fd() on the temporary directory's filesystem,
 * which has no quota enabled: Q_SYNC of every filesystem succeeds, Q_GETINFO
 * and Q_GETQUOTA answer ESRCH (quota off). Errors: EINVAL (unknown command,
 * flags), ENOENT (missing device), ENOTBLK (special is not a block device),
 * EBADF, EFAULT.
 * SYSCALLS: quotactl quotactl_fd geteuid utimensat */
#include <sys/quota.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_quotactl_fd
# define __NR_quotactl_fd 443
#endif

static void run(unsigned int n)
{
	struct if_dqinfo info;
	struct if_dqblk dq;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(syscall(__NR_quotactl, QCMD(Q_SYNC, USRQUOTA), NULL, 0, NULL),
			     "quotactl(Q_SYNC) of every filesystem");
		fd = SAFE_OPEN(".", O_RDONLY | O_DIRECTORY);
		TST_EXP_FAIL(tst_syscall(__NR_quotactl_fd, fd, QCMD(Q_GETINFO, USRQUOTA), 0, &info),
			     ESRCH, "quotactl_fd(Q_GETINFO) with quota off");
		TST_EXP_FAIL(syscall(__NR_quotactl_fd, fd, QCMD(Q_GETQUOTA, USRQUOTA), 0, &dq),
			     ESRCH, "quotactl_fd(Q_GETQUOTA) with quota off");
		TST_EXP_PASS(syscall(__NR_quotactl_fd, fd, QCMD(Q_SYNC, USRQUOTA), 0, NULL),
			     "quotactl_fd(Q_SYNC)");
		TST_EXP_FAIL(syscall(__NR_quotactl_fd, fd, QCMD(0x7777, USRQUOTA), 0, &info), EINVAL,
			     "quotactl_fd() of an unknown command");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(syscall(__NR_quotactl_fd, 999, QCMD(Q_GETINFO, USRQUOTA), 0, &info), EBADF,
			     "quotactl_fd() of a closed fd");
		break;
	case 1:
		TST_EXP_FAIL(syscall(__NR_quotactl, QCMD(Q_GETINFO, USRQUOTA), "missing_dev", 0, &info),
			     ENOENT, "quotactl(Q_GETINFO) of a missing device");
		TST_EXP_FAIL(syscall(__NR_quotactl, QCMD(Q_GETINFO, USRQUOTA), "file", 0, &info),
			     ENOTBLK, "quotactl(Q_GETINFO) of a regular file");
		TST_EXP_FAIL(syscall(__NR_quotactl, QCMD(Q_GETINFO, 99), "file", 0, &info), EINVAL,
			     "quotactl() of an unknown quota type");
		TST_EXP_FAIL(syscall(__NR_quotactl, QCMD(Q_GETINFO, USRQUOTA), tst_get_bad_addr(NULL),
				     0, &info), EFAULT, "quotactl() of an unmapped device path");
		break;
	}
}

static void setup(void)
{
	SAFE_TOUCH("file", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
