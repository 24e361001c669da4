/* fchownat(): relative to a directory fd; follows a symlink by default,
 * changes the link itself with AT_SYMLINK_NOFOLLOW; AT_EMPTY_PATH changes
 * the fd's file; EINVAL for an unknown flag, ENOENT, ENOTDIR, EBADF.
 * SYSCALLS: fchownat newfstatat openat close symlinkat geteuid */
#include "tst_test.h"

static int dfd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/f", "x");
	SAFE_SYMLINK("f", "d/link");
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
}

static uid_t uid_of(const char *path, int follow)
{
	struct stat st;

	if (follow)
		SAFE_STAT(path, &st);
	else
		SAFE_LSTAT(path, &st);
	return st.st_uid;
}

static void run(unsigned int n)
{
	int fd;

	if (fchownat(dfd, "f", 0, 0, 0) || fchownat(dfd, "link", 0, 0, AT_SYMLINK_NOFOLLOW))
		tst_brk(TBROK | TERRNO, "resetting ownership");
	switch (n) {
	case 0:
		TST_EXP_PASS(fchownat(dfd, "f", 1000, 1000, 0), "fchownat(dirfd, \"f\", 1000, 1000)");
		TST_EXP_EQ_LI(uid_of("d/f", 1), 1000);
		break;
	case 1:
		TST_EXP_PASS(fchownat(dfd, "link", 2000, 2000, 0), "fchownat() through a symlink");
		TST_EXP_EXPR(uid_of("d/f", 1) == 2000 && uid_of("d/link", 0) == 0,
			     "the target changed, the link did not");
		break;
	case 2:
		TST_EXP_PASS(fchownat(dfd, "link", 3000, 3000, AT_SYMLINK_NOFOLLOW),
			     "fchownat(AT_SYMLINK_NOFOLLOW) of a symlink");
		TST_EXP_EXPR(uid_of("d/link", 0) == 3000 && uid_of("d/f", 1) == 0,
			     "the link changed, the target did not");
		break;
	case 3:
		fd = SAFE_OPEN("d/f", O_RDONLY);
		TST_EXP_PASS(fchownat(fd, "", 4000, 4000, AT_EMPTY_PATH),
			     "fchownat(fd, \"\", AT_EMPTY_PATH)");
		TST_EXP_EQ_LI(uid_of("d/f", 1), 4000);
		SAFE_CLOSE(fd);
		break;
	case 4:
		TST_EXP_FAIL(fchownat(dfd, "f", 0, 0, 0x1), EINVAL, "fchownat() with unknown flag 0x1");
		TST_EXP_FAIL(fchownat(dfd, "missing", 0, 0, 0), ENOENT, "fchownat() of a missing name");
		fd = SAFE_OPEN("d/f", O_RDONLY);
		TST_EXP_FAIL(fchownat(fd, "x", 0, 0, 0), ENOTDIR, "fchownat() with a regular file dirfd");
		SAFE_CLOSE(fd);
		TST_EXP_FAIL(fchownat(-1, "f", 0, 0, 0), EBADF, "fchownat(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
	.needs_root = 1,
};
