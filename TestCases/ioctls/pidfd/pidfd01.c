/* pidfd ioctls: PIDFD_GET_PID_NAMESPACE and PIDFD_GET_NET_NAMESPACE on a
 * pidfd return namespace fds with the same inode as /proc/self/ns/...;
 * PIDFD_GET_INFO (6.13+) reports pid, ppid and real uid; ENOTTY for a pidfd ioctl on a regular descriptor. TCONF when the
 * kernel predates these ioctls (6.11).
 * SYSCALLS: ioctl pidfd_open openat close
 * IOCTLS: PIDFD_GET_PID_NAMESPACE PIDFD_GET_NET_NAMESPACE PIDFD_GET_INFO */
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_pidfd_open
# define __NR_pidfd_open 434
#endif
#define PIDFS_IOCTL_MAGIC 0xFF
#define PIDFD_GET_NET_NAMESPACE_ _IO(PIDFS_IOCTL_MAGIC, 4)
#define PIDFD_GET_PID_NAMESPACE_ _IO(PIDFS_IOCTL_MAGIC, 5)

/* struct pidfd_info as of Linux 6.13 (first 64 bytes are stable). */
struct pidfd_info_ {
	uint64_t mask, cgroupid;
	uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t exit_code;
};
#define PIDFD_INFO_PID_ 1ULL
#define PIDFD_GET_INFO_ _IOWR(PIDFS_IOCTL_MAGIC, 11, struct pidfd_info_)

static int pidfd = -1;

static void setup(void)
{
	pidfd = tst_syscall(__NR_pidfd_open, getpid(), 0);
	if (pidfd < 0)
		tst_brk(TBROK | TERRNO, "pidfd_open()");
	/* No kernel answers ENOSYS to an ioctl on a pidfd; an emulator may. */
	if (ioctl(pidfd, PIDFD_GET_PID_NAMESPACE_, 0) == -1 && errno == ENOSYS)
		tst_brk(TCONF, "pidfd ioctls not implemented (emulator?)");
}

static void cleanup(void)
{
	if (pidfd >= 0)
		close(pidfd);
}

static void same_ns(int fd, const char *path)
{
	struct stat a, b;

	SAFE_FSTAT(fd, &a);
	SAFE_STAT(path, &b);
	TST_EXP_EXPR(a.st_ino == b.st_ino, "namespace fd matches %s", path);
	SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	struct pidfd_info_ info;
	int fd;

	switch (n) {
	case 0:
		fd = ioctl(pidfd, PIDFD_GET_PID_NAMESPACE_, 0);
		if (fd < 0 && (errno == ENOTTY || errno == EINVAL)) {
			tst_res(TCONF, "PIDFD_GET_*_NAMESPACE not supported (kernel < 6.11)");
			return;
		}
		TST_EXP_EXPR(fd >= 0, "PIDFD_GET_PID_NAMESPACE returned fd %d", fd);
		if (fd >= 0)
			same_ns(fd, "/proc/self/ns/pid");
		fd = TST_EXP_FD(ioctl(pidfd, PIDFD_GET_NET_NAMESPACE_, 0), "PIDFD_GET_NET_NAMESPACE");
		if (fd >= 0)
			same_ns(fd, "/proc/self/ns/net");
		break;
	case 1:
		memset(&info, 0, sizeof(info));
		info.mask = PIDFD_INFO_PID_;
		TEST(ioctl(pidfd, PIDFD_GET_INFO_, &info));
		if (TST_RET == -1 && (TST_ERR == ENOTTY || TST_ERR == EINVAL)) {
			tst_res(TCONF, "PIDFD_GET_INFO not supported (kernel < 6.13)");
			return;
		}
		TST_EXP_EXPR(TST_RET == 0, "PIDFD_GET_INFO");
		TST_EXP_EXPR(info.pid == (uint32_t)getpid() && info.ppid == (uint32_t)getppid() && info.ruid == getuid(),
			     "pid %u ppid %u ruid %u", info.pid, info.ppid, info.ruid);
		break;
	case 2:
		fd = SAFE_OPEN("/dev/null", O_RDONLY);
		TST_EXP_FAIL(ioctl(fd, PIDFD_GET_PID_NAMESPACE_, 0), ENOTTY, "pidfd ioctl on /dev/null");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
};
