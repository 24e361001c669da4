/* Namespace ioctls on /proc/self/ns files: NS_GET_NSTYPE names the type
 * (CLONE_NEWNET for ns/net, CLONE_NEWUSER for ns/user), NS_GET_USERNS of
 * a net namespace returns a user-namespace fd whose inode is that of
 * /proc/self/ns/user, NS_GET_OWNER_UID of the user namespace is 0,
 * NS_GET_PARENT of the initial pid namespace is EPERM; NS_GET_OWNER_UID on
 * a non-user namespace is EINVAL; ENOTTY for NS_GET_NSTYPE on a regular
 * file.
 * SYSCALLS: ioctl openat newfstatat close
 * IOCTLS: NS_GET_NSTYPE NS_GET_USERNS NS_GET_OWNER_UID NS_GET_PARENT */
#include <sched.h>
#include <sys/ioctl.h>
#include <linux/nsfs.h>
#include "tst_test.h"

static int open_ns(const char *name)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		tst_brk(TCONF | TERRNO, "%s", path);
	return fd;
}

static void setup(void)
{
	int fd = open_ns("net");

	/* No kernel answers ENOSYS to NS_GET_NSTYPE; an emulator may. */
	if (ioctl(fd, NS_GET_NSTYPE) == -1 && errno == ENOSYS)
		tst_brk(TCONF, "nsfs ioctls not implemented (emulator?)");
	close(fd);
}

static void run(unsigned int n)
{
	struct stat a, b;
	uid_t uid = 1;
	int net, user, pidns, u2, fd;

	switch (n) {
	case 0:
		net = open_ns("net");
		user = open_ns("user");
		TST_EXP_VAL(ioctl(net, NS_GET_NSTYPE), CLONE_NEWNET, "NS_GET_NSTYPE of ns/net");
		TST_EXP_VAL(ioctl(user, NS_GET_NSTYPE), CLONE_NEWUSER, "NS_GET_NSTYPE of ns/user");
		u2 = TST_EXP_FD(ioctl(net, NS_GET_USERNS), "NS_GET_USERNS of ns/net");
		if (u2 >= 0) {
			SAFE_FSTAT(u2, &a);
			SAFE_STAT("/proc/self/ns/user", &b);
			TST_EXP_EXPR(a.st_ino == b.st_ino, "owning user namespace is ours");
			SAFE_CLOSE(u2);
		}
		TST_EXP_PASS(ioctl(user, NS_GET_OWNER_UID, &uid), "NS_GET_OWNER_UID");
		TST_EXP_EQ_LI(uid, 0);
		SAFE_CLOSE(net);
		SAFE_CLOSE(user);
		break;
	case 1:
		pidns = open_ns("pid");
		TEST(ioctl(pidns, NS_GET_PARENT));
		if (TST_RET >= 0) {
			tst_res(TCONF, "not in the initial pid namespace (container)");
			SAFE_CLOSE(TST_RET);
		} else {
			TST_EXP_EXPR(TST_ERR == EPERM, "NS_GET_PARENT of the initial pid namespace: EPERM (%s)",
				     tst_strerrno(TST_ERR));
		}
		TST_EXP_FAIL(ioctl(pidns, NS_GET_OWNER_UID, &uid), EINVAL, "NS_GET_OWNER_UID on a pid namespace");
		SAFE_CLOSE(pidns);
		fd = SAFE_OPEN("/proc/self/status", O_RDONLY);
		TST_EXP_FAIL(ioctl(fd, NS_GET_NSTYPE), ENOTTY, "NS_GET_NSTYPE on a regular file");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 2,
	.test = run,
	.setup = setup,
};
