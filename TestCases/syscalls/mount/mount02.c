/* The file-descriptor mount API in a private mount namespace: fsopen() +
 * fsconfig() + fsmount() make a detached tmpfs that move_mount() attaches;
 * mount_setattr() makes it read-only (EROFS); fspick() reconfigures it;
 * open_tree(OPEN_TREE_CLONE) and open_tree_attr() clone it elsewhere.
 * Errors: ENODEV (unknown fs), EINVAL (unknown flags, unknown parameter, not
 * a mount root, non-context fd, fsmount before create), EOPNOTSUPP (unknown
 * fsconfig command), ENOENT, EBADF.
 * SYSCALLS: fsopen fsconfig fsmount move_mount mount_setattr fspick open_tree open_tree_attr umount2 faccessat geteuid mount unshare utimensat */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"
#include "mount_ns.h"

#ifndef __NR_open_tree
# define __NR_open_tree 428
#endif
#ifndef __NR_move_mount
# define __NR_move_mount 429
#endif
#ifndef __NR_fsopen
# define __NR_fsopen 430
#endif
#ifndef __NR_fsconfig
# define __NR_fsconfig 431
#endif
#ifndef __NR_fsmount
# define __NR_fsmount 432
#endif
#ifndef __NR_fspick
# define __NR_fspick 433
#endif
#ifndef __NR_mount_setattr
# define __NR_mount_setattr 442
#endif
#ifndef __NR_open_tree_attr
# define __NR_open_tree_attr 467
#endif

static int fscfg(int fd, unsigned int cmd, const char *key, const void *val, int aux)
{
	return syscall(__NR_fsconfig, fd, cmd, key, val, aux);
}

/* A configured, created tmpfs context; -1 if fsopen() fails. */
static int tmpfs_context(void)
{
	int fd = tst_syscall(__NR_fsopen, "tmpfs", FSOPEN_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fscfg(fd, FSCONFIG_SET_STRING, "size", "1m", 0) ||
	    fscfg(fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0))
		tst_brk(TBROK | TERRNO, "fsconfig(tmpfs)");
	return fd;
}

static void unmount(const char *path)
{
	if (umount2(path, MNT_DETACH))
		tst_brk(TBROK | TERRNO, "umount2(%s)", path);
}

static void run(unsigned int n)
{
	struct mount_attr attr;
	int fsfd, mfd, tfd, nfd;

	switch (n) {
	case 0:
		TST_EXP_FD(tst_syscall(__NR_fsopen, "tmpfs", FSOPEN_CLOEXEC), "fsopen(tmpfs)");
		fsfd = TST_RET;
		if (fsfd < 0)
			return;
		TST_EXP_PASS(fscfg(fsfd, FSCONFIG_SET_STRING, "size", "1m", 0),
			     "fsconfig(SET_STRING size=1m)");
		TST_EXP_PASS(fscfg(fsfd, FSCONFIG_CMD_CREATE, NULL, NULL, 0),
			     "fsconfig(CMD_CREATE)");
		TST_EXP_FD(syscall(__NR_fsmount, fsfd, FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV), "fsmount()");
		mfd = TST_RET;
		SAFE_CLOSE(fsfd);
		if (mfd < 0)
			return;
		TST_EXP_PASS(syscall(__NR_move_mount, mfd, "", AT_FDCWD, "mnt",
				     MOVE_MOUNT_F_EMPTY_PATH), "move_mount() onto mnt");
		SAFE_CLOSE(mfd);
		TST_EXP_FAIL(access("mnt/under", F_OK), ENOENT, "the covered file is hidden");
		TST_EXP_FD(open("mnt/file", O_CREAT | O_RDWR, 0644), "a file on the new mount");
		if (TST_RET >= 0)
			SAFE_CLOSE(TST_RET);
		memset(&attr, 0, sizeof(attr));
		attr.attr_set = MOUNT_ATTR_RDONLY;
		TST_EXP_PASS(syscall(__NR_mount_setattr, AT_FDCWD, "mnt", 0, &attr, sizeof(attr)),
			     "mount_setattr(MOUNT_ATTR_RDONLY)");
		TST_EXP_FAIL(open("mnt/file2", O_CREAT | O_RDWR, 0644), EROFS,
			     "creating a file on the read-only mount");
		TST_EXP_FD(syscall(__NR_fspick, AT_FDCWD, "mnt", FSPICK_CLOEXEC), "fspick(mnt)");
		if (TST_RET >= 0) {
			nfd = TST_RET;
			TST_EXP_PASS(fscfg(nfd, FSCONFIG_SET_STRING, "size", "2m", 0),
				     "fsconfig(size=2m) on the picked superblock");
			TST_EXP_PASS(fscfg(nfd, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0),
				     "fsconfig(CMD_RECONFIGURE)");
			SAFE_CLOSE(nfd);
		}
		TST_EXP_FD(syscall(__NR_open_tree, AT_FDCWD, "mnt", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC),
			   "open_tree(OPEN_TREE_CLONE)");
		if (TST_RET >= 0) {
			tfd = TST_RET;
			TST_EXP_PASS(syscall(__NR_move_mount, tfd, "", AT_FDCWD, "mnt2",
					     MOVE_MOUNT_F_EMPTY_PATH), "move_mount() of the clone");
			TST_EXP_PASS(access("mnt2/file", F_OK), "the clone shows the same tmpfs");
			SAFE_CLOSE(tfd);
			unmount("mnt2");
		}
		unmount("mnt");
		TST_EXP_PASS(access("mnt/under", F_OK), "the covered file is back");
		break;
	case 1:
		TST_EXP_FAIL(tst_syscall(__NR_fsopen, "ferry_no_such_fs", 0), ENODEV,
			     "fsopen() of an unknown filesystem");
		TST_EXP_FAIL(syscall(__NR_fsopen, "tmpfs", 0x80), EINVAL, "fsopen() with an unknown flag");
		fsfd = SAFE_OPEN("mnt/under", O_RDONLY);
		TST_EXP_FAIL(fscfg(fsfd, FSCONFIG_CMD_CREATE, NULL, NULL, 0), EINVAL,
			     "fsconfig() on a regular file's fd");
		SAFE_CLOSE(fsfd);
		TST_EXP_FAIL(fscfg(999, FSCONFIG_CMD_CREATE, NULL, NULL, 0), EBADF,
			     "fsconfig() on a closed fd");
		fsfd = syscall(__NR_fsopen, "tmpfs", 0);
		TST_EXP_FAIL(fscfg(fsfd, FSCONFIG_SET_STRING, "ferry_no_such_key", "1", 0), EINVAL,
			     "fsconfig() of an unknown parameter");
		TST_EXP_FAIL(fscfg(fsfd, 9999, NULL, NULL, 0), EOPNOTSUPP,
			     "fsconfig() with an unknown command");
		TST_EXP_FAIL(syscall(__NR_fsmount, fsfd, 0, 0), EINVAL,
			     "fsmount() before FSCONFIG_CMD_CREATE");
		SAFE_CLOSE(fsfd);
		fsfd = tmpfs_context();
		TST_EXP_FAIL(syscall(__NR_fsmount, fsfd, 0x80, 0), EINVAL, "fsmount() with an unknown flag");
		SAFE_CLOSE(fsfd);
		TST_EXP_FAIL(syscall(__NR_move_mount, AT_FDCWD, "missing_dir", AT_FDCWD, "mnt", 0),
			     ENOENT, "move_mount() of a missing path");
		TST_EXP_FAIL(syscall(__NR_fspick, AT_FDCWD, "mnt", 0), EINVAL,
			     "fspick() of a directory that is not a mount root");
		TST_EXP_FAIL(syscall(__NR_open_tree, AT_FDCWD, "mnt", 0x40000000), EINVAL,
			     "open_tree() with an unknown flag");
		memset(&attr, 0, sizeof(attr));
		attr.attr_set = 0x40000000;
		TST_EXP_FAIL(syscall(__NR_mount_setattr, AT_FDCWD, "mnt", 0, &attr, sizeof(attr)),
			     EINVAL, "mount_setattr() of an unknown attribute");
		attr.attr_set = MOUNT_ATTR_RDONLY;
		TST_EXP_FAIL(syscall(__NR_mount_setattr, AT_FDCWD, "mnt", 0, &attr, 8), EINVAL,
			     "mount_setattr() with a too small struct");
		break;
	case 2:
		/* open_tree_attr() (Linux 6.15) clones with attributes applied. */
		fsfd = tmpfs_context();
		if (fsfd < 0)
			return;
		mfd = syscall(__NR_fsmount, fsfd, FSMOUNT_CLOEXEC, 0);
		if (mfd < 0 || syscall(__NR_move_mount, mfd, "", AT_FDCWD, "mnt", MOVE_MOUNT_F_EMPTY_PATH))
			tst_brk(TBROK | TERRNO, "fsmount()/move_mount()");
		SAFE_CLOSE(mfd);
		SAFE_CLOSE(fsfd);
		memset(&attr, 0, sizeof(attr));
		attr.attr_set = MOUNT_ATTR_RDONLY;
		errno = 0;
		tfd = syscall(__NR_open_tree_attr, AT_FDCWD, "mnt", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC,
			      &attr, sizeof(attr));
		if (tfd < 0 && errno == ENOSYS) {
			unmount("mnt");
			tst_brk(TCONF, "open_tree_attr() not supported (Linux 6.15+)");
		}
		TST_EXP_EXPR(tfd >= 0, "open_tree_attr(OPEN_TREE_CLONE, RDONLY) gave an fd");
		if (tfd >= 0) {
			TST_EXP_PASS(syscall(__NR_move_mount, tfd, "", AT_FDCWD, "mnt2",
					     MOVE_MOUNT_F_EMPTY_PATH), "move_mount() of the clone");
			TST_EXP_FAIL(open("mnt2/f", O_CREAT | O_RDWR, 0644), EROFS,
				     "the clone is read-only");
			TST_EXP_FD(open("mnt/f", O_CREAT | O_RDWR, 0644), "the original stays writable");
			if (TST_RET >= 0)
				SAFE_CLOSE(TST_RET);
			SAFE_CLOSE(tfd);
			unmount("mnt2");
		}
		TST_EXP_FAIL(syscall(__NR_open_tree_attr, AT_FDCWD, "mnt", OPEN_TREE_CLONE, &attr, 4),
			     EINVAL, "open_tree_attr() with a too small struct");
		unmount("mnt");
		break;
	}
}

static void setup(void)
{
	enter_private_mount_ns();
	SAFE_MKDIR("mnt", 0755);
	SAFE_MKDIR("mnt2", 0755);
	SAFE_TOUCH("mnt/under", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
};
