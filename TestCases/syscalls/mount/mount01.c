/* mount(2), umount2() and pivot_root() in a private mount namespace: a
 * tmpfs mounted on a directory hides and then uncovers its contents, a busy
 * mount is EBUSY but detaches lazily with MNT_DETACH, pivot_root() in a child
 * makes the tmpfs the root. Errors: ENODEV (unknown type), ENOENT, EINVAL
 * (not a mount point, unknown umount flags, pivot_root onto a non-mount),
 * EBUSY (new_root on the root's mount), EFAULT.
 * SYSCALLS: mount umount2 pivot_root unshare faccessat geteuid utimensat */
#include <sys/syscall.h>
#include "tst_test.h"
#include "mount_ns.h"

static void run(unsigned int n)
{
	int fd;
	pid_t pid;

	switch (n) {
	case 0:
		TST_EXP_PASS(mount("ferry", "mnt", "tmpfs", 0, "size=1m"), "mount(tmpfs)");
		TST_EXP_FAIL(access("mnt/under", F_OK), ENOENT,
			     "a file under the mount point is hidden");
		fd = SAFE_OPEN("mnt/on_tmpfs", O_CREAT | O_RDWR, 0644);
		TST_EXP_FAIL(umount2("mnt", 0), EBUSY, "umount2() of a busy mount");
		TST_EXP_PASS(umount2("mnt", MNT_DETACH), "umount2(MNT_DETACH) of a busy mount");
		SAFE_CLOSE(fd);
		TST_EXP_PASS(access("mnt/under", F_OK), "the covered file is back");
		TST_EXP_FAIL(access("mnt/on_tmpfs", F_OK), ENOENT, "the tmpfs file is gone");
		TST_EXP_PASS(mount("ferry", "mnt", "tmpfs", MS_RDONLY, NULL), "mount(tmpfs, MS_RDONLY)");
		TST_EXP_FAIL(open("mnt/f", O_CREAT | O_RDWR, 0644), EROFS,
			     "creating a file on a read-only mount");
		TST_EXP_PASS(umount2("mnt", 0), "umount2()");
		break;
	case 1:
		TST_EXP_FAIL(mount("ferry", "mnt", "ferry_no_such_fs", 0, NULL), ENODEV,
			     "mount() of an unknown filesystem type");
		TST_EXP_FAIL(mount("ferry", "missing_dir", "tmpfs", 0, NULL), ENOENT,
			     "mount() on a missing directory");
		TST_EXP_FAIL(mount("ferry", tst_get_bad_addr(NULL), "tmpfs", 0, NULL), EFAULT,
			     "mount() on an unmapped path");
		TST_EXP_FAIL(umount2("mnt", 0), EINVAL, "umount2() of a directory that is not a mount");
		TST_EXP_FAIL(umount2("missing_dir", 0), ENOENT, "umount2() of a missing path");
		TST_EXP_FAIL(umount2("mnt", 0x80000000), EINVAL, "umount2() with an unknown flag");
		TST_EXP_FAIL(syscall(__NR_pivot_root, "mnt", "mnt"), EBUSY,
			     "pivot_root() with new_root on the current root's mount");
		if (mount("ferry", "mnt", "tmpfs", 0, NULL))
			tst_brk(TBROK | TERRNO, "mount(tmpfs)");
		SAFE_MKDIR("mnt/a", 0755);
		SAFE_MKDIR("mnt/a/old", 0755);
		TST_EXP_FAIL(syscall(__NR_pivot_root, "mnt/a", "mnt/a/old"), EINVAL,
			     "pivot_root() onto a directory that is not a mount point");
		if (umount2("mnt", 0))
			tst_brk(TBROK | TERRNO, "umount2(mnt)");
		TST_EXP_FAIL(syscall(__NR_pivot_root, "missing_dir", "mnt"), ENOENT,
			     "pivot_root() onto a missing directory");
		break;
	case 2:
		/* pivot_root changes the root of the whole process: only in a child. */
		pid = SAFE_FORK();
		if (!pid) {
			if (mount("ferry", "mnt", "tmpfs", 0, NULL))
				tst_brk(TBROK | TERRNO, "mount(tmpfs)");
			SAFE_MKDIR("mnt/old", 0755);
			SAFE_MKDIR("mnt/marker", 0755);
			TST_EXP_PASS(syscall(__NR_pivot_root, "mnt", "mnt/old"),
				     "pivot_root(tmpfs, tmpfs/old)");
			SAFE_CHDIR("/");
			TST_EXP_PASS(access("/marker", F_OK), "the tmpfs is now /");
			TST_EXP_PASS(access("/old/proc", F_OK), "the old root is under /old");
			TST_EXP_PASS(umount2("/old", MNT_DETACH), "umount2() of the old root");
			TST_EXP_FAIL(access("/old/proc", F_OK), ENOENT, "the old root is gone");
			exit(0);
		}
		tst_reap_children();
		break;
	}
}

static void setup(void)
{
	enter_private_mount_ns();
	SAFE_MKDIR("mnt", 0755);
	SAFE_TOUCH("mnt/under", 0644, NULL);
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
