/* name_to_handle_at()/open_by_handle_at(): a handle size probe fails with
 * EOVERFLOW and reports the size needed; the handle of a file opens it
 * again (same inode, same data) and AT_EMPTY_PATH on an fd gives the same
 * handle; the mount id agrees with statx(STATX_MNT_ID); a directory handle
 * opens with O_DIRECTORY; a handle of a deleted file is ESTALE; without
 * CAP_DAC_READ_SEARCH open_by_handle_at is EPERM; EINVAL for bad flags and
 * an oversized handle_bytes, ENOENT, EBADF, EFAULT.
 * A filesystem without export support (EOPNOTSUPP) or a sandbox refusing
 * the calls (EPERM) is TCONF.
 * SYSCALLS: name_to_handle_at open_by_handle_at openat close read write mkdirat newfstatat statx unlinkat setuid clone wait4 exit_group geteuid */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef MAX_HANDLE_SZ
# define MAX_HANDLE_SZ 128
#endif
#ifndef STATX_MNT_ID
# define STATX_MNT_ID 0x1000U
#endif

struct handle {
	struct file_handle fh;
	unsigned char bytes[MAX_HANDLE_SZ];
};

static int mount_fd = -1;

static int get_handle(int dirfd, const char *path, struct handle *h, int *mnt, int flags)
{
	h->fh.handle_bytes = MAX_HANDLE_SZ;
	return syscall(__NR_name_to_handle_at, dirfd, path, &h->fh, mnt, flags);
}

static void setup(void)
{
	struct handle h;
	int mnt;

	SAFE_FILE_PRINTF("file", "handle data");
	SAFE_MKDIR("dir", 0755);
	mount_fd = SAFE_OPEN(".", O_RDONLY | O_DIRECTORY);
	if (tst_syscall(__NR_name_to_handle_at, AT_FDCWD, "file", &h.fh, &mnt, 0) == -1 &&
	    errno != EOVERFLOW) {
		if (errno == EOPNOTSUPP || errno == EPERM)
			tst_brk(TCONF | TERRNO, "name_to_handle_at() not usable here");
	}
	if (get_handle(AT_FDCWD, "file", &h, &mnt, 0) == 0) {
		int fd = tst_syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY);

		if (fd == -1 && (errno == EPERM || errno == EOPNOTSUPP))
			tst_brk(TCONF | TERRNO, "open_by_handle_at() not usable here");
		if (fd >= 0)
			SAFE_CLOSE(fd);
	}
}

static void cleanup(void)
{
	if (mount_fd >= 0)
		SAFE_CLOSE(mount_fd);
}

static void run(unsigned int n)
{
	struct handle h, h2;
	struct stat st1, st2;
	struct statx stx;
	char buf[32];
	int mnt = -1, mnt2 = -1, fd, fd2;
	pid_t pid;
	int status;

	switch (n) {
	case 0:
		h.fh.handle_bytes = 0;
		TST_EXP_FAIL(syscall(__NR_name_to_handle_at, AT_FDCWD, "file", &h.fh, &mnt, 0), EOVERFLOW,
			     "name_to_handle_at() with handle_bytes 0");
		TST_EXP_EXPR(h.fh.handle_bytes > 0 && h.fh.handle_bytes <= MAX_HANDLE_SZ,
			     "needed size reported (%u bytes)", h.fh.handle_bytes);
		break;
	case 1:
		TST_EXP_PASS(get_handle(AT_FDCWD, "file", &h, &mnt, 0), "name_to_handle_at(file)");
		fd = TST_EXP_FD(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY),
				"open_by_handle_at(O_RDONLY)");
		if (fd < 0)
			break;
		memset(buf, 0, sizeof(buf));
		SAFE_READ(0, fd, buf, sizeof(buf) - 1);
		TST_EXP_EQ_STR(buf, "handle data");
		SAFE_FSTAT(fd, &st1);
		SAFE_STAT("file", &st2);
		TST_EXP_EXPR(st1.st_ino == st2.st_ino && st1.st_dev == st2.st_dev, "same inode as the path");
		fd2 = SAFE_OPEN("file", O_RDONLY);
		TST_EXP_PASS(get_handle(fd2, "", &h2, &mnt2, AT_EMPTY_PATH), "name_to_handle_at(fd, AT_EMPTY_PATH)");
		TST_EXP_EXPR(h2.fh.handle_bytes == h.fh.handle_bytes && h2.fh.handle_type == h.fh.handle_type &&
			     !memcmp(h2.fh.f_handle, h.fh.f_handle, h.fh.handle_bytes) && mnt2 == mnt,
			     "AT_EMPTY_PATH gives the same handle and mount id");
		SAFE_CLOSE(fd2);
		SAFE_CLOSE(fd);
		break;
	case 2:
		TST_EXP_PASS(get_handle(AT_FDCWD, "file", &h, &mnt, 0), "name_to_handle_at(file)");
		if (syscall(__NR_statx, AT_FDCWD, "file", 0, STATX_MNT_ID, &stx) || !(stx.stx_mask & STATX_MNT_ID)) {
			tst_res(TCONF, "statx() gives no STATX_MNT_ID to compare with");
			break;
		}
		TST_EXP_EQ_LI(stx.stx_mnt_id, mnt);
		break;
	case 3:
		TST_EXP_PASS(get_handle(AT_FDCWD, "dir", &h, &mnt, 0), "name_to_handle_at(dir)");
		fd = TST_EXP_FD(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY | O_DIRECTORY),
				"open_by_handle_at(O_DIRECTORY) of a directory handle");
		if (fd >= 0) {
			SAFE_FSTAT(fd, &st1);
			TST_EXP_EXPR(S_ISDIR(st1.st_mode), "it is a directory");
			SAFE_CLOSE(fd);
		}
		TST_EXP_PASS(get_handle(AT_FDCWD, "file", &h, &mnt, 0), "name_to_handle_at(file)");
		TST_EXP_FAIL(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY | O_DIRECTORY), ENOTDIR,
			     "open_by_handle_at(O_DIRECTORY) of a file handle");
		break;
	case 4:
		SAFE_FILE_PRINTF("gone", "x");
		TST_EXP_PASS(get_handle(AT_FDCWD, "gone", &h, &mnt, 0), "name_to_handle_at(gone)");
		SAFE_UNLINK("gone");
		TST_EXP_FAIL(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY), ESTALE,
			     "open_by_handle_at() of a deleted file");
		break;
	case 5:
		TST_EXP_PASS(get_handle(AT_FDCWD, "file", &h, &mnt, 0), "name_to_handle_at(file)");
		pid = SAFE_FORK();
		if (!pid) {
			SAFE_SETUID(65534);
			TST_EXP_FAIL(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY), EPERM,
				     "unprivileged open_by_handle_at()");
			_exit(0);
		}
		SAFE_WAITPID(pid, &status, 0);
		break;
	case 6:
		TST_EXP_FAIL(get_handle(AT_FDCWD, "file", &h, &mnt, 0x12345678), EINVAL,
			     "name_to_handle_at() with unknown flags");
		h.fh.handle_bytes = MAX_HANDLE_SZ + 1;
		TST_EXP_FAIL(syscall(__NR_name_to_handle_at, AT_FDCWD, "file", &h.fh, &mnt, 0), EINVAL,
			     "name_to_handle_at() with handle_bytes > MAX_HANDLE_SZ");
		TST_EXP_FAIL(get_handle(AT_FDCWD, "missing", &h, &mnt, 0), ENOENT,
			     "name_to_handle_at() of a missing path");
		TST_EXP_FAIL(get_handle(-1, "file", &h, &mnt, 0), EBADF, "name_to_handle_at() with dirfd -1");
		TST_EXP_FAIL(syscall(__NR_name_to_handle_at, AT_FDCWD, "file", tst_get_bad_addr(NULL), &mnt, 0),
			     EFAULT, "name_to_handle_at() into an unmapped handle");
		TST_EXP_PASS(get_handle(AT_FDCWD, "file", &h, &mnt, 0), "name_to_handle_at(file)");
		TST_EXP_FAIL(syscall(__NR_open_by_handle_at, -1, &h.fh, O_RDONLY), EBADF,
			     "open_by_handle_at() with mount fd -1");
		TST_EXP_FAIL(syscall(__NR_open_by_handle_at, mount_fd, tst_get_bad_addr(NULL), O_RDONLY), EFAULT,
			     "open_by_handle_at() of an unmapped handle");
		h.fh.handle_bytes = MAX_HANDLE_SZ + 1;
		TST_EXP_FAIL(syscall(__NR_open_by_handle_at, mount_fd, &h.fh, O_RDONLY), EINVAL,
			     "open_by_handle_at() with handle_bytes > MAX_HANDLE_SZ");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 7,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_root = 1,
	.needs_tmpdir = 1,
	.forks_child = 1,
};
