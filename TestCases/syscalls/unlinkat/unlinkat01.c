/* unlinkat(): removes a file relative to a directory fd, and an empty
 * directory with AT_REMOVEDIR; EISDIR for a directory without the flag,
 * ENOTDIR for a file with it, EINVAL for an unknown flag, ENOTEMPTY, ENOENT,
 * ENOTDIR for a regular-file dirfd, EBADF.
 * SYSCALLS: unlinkat openat close newfstatat mkdirat faccessat */
#include "tst_test.h"

static int dfd = -1, ffd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	ffd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
	if (ffd >= 0)
		SAFE_CLOSE(ffd);
}

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("d/f", "x");
		TST_EXP_PASS(unlinkat(dfd, "f", 0), "unlinkat(dirfd, \"f\", 0)");
		TST_EXP_EXPR(access("d/f", F_OK) == -1 && errno == ENOENT, "d/f is gone");
		break;
	case 1:
		SAFE_MKDIR("d/sub", 0755);
		TST_EXP_FAIL(unlinkat(dfd, "sub", 0), EISDIR, "unlinkat() of a directory without AT_REMOVEDIR");
		TST_EXP_PASS(unlinkat(dfd, "sub", AT_REMOVEDIR), "unlinkat(AT_REMOVEDIR) of an empty dir");
		TST_EXP_EXPR(access("d/sub", F_OK) == -1, "d/sub is gone");
		break;
	case 2:
		SAFE_FILE_PRINTF("d/f", "x");
		TST_EXP_FAIL(unlinkat(dfd, "f", AT_REMOVEDIR), ENOTDIR, "unlinkat(AT_REMOVEDIR) of a file");
		TST_EXP_FAIL(unlinkat(dfd, "f", 0x1), EINVAL, "unlinkat() with unknown flag 0x1");
		TST_EXP_EXPR(access("d/f", F_OK) == 0, "d/f survived the failed calls");
		SAFE_UNLINK("d/f");
		break;
	case 3:
		SAFE_MKDIR("d/full", 0755);
		SAFE_FILE_PRINTF("d/full/x", "x");
		TST_EXP_FAIL(unlinkat(dfd, "full", AT_REMOVEDIR), ENOTEMPTY,
			     "unlinkat(AT_REMOVEDIR) of a non-empty dir");
		SAFE_UNLINK("d/full/x");
		SAFE_RMDIR("d/full");
		break;
	case 4:
		TST_EXP_FAIL(unlinkat(dfd, "missing", 0), ENOENT, "unlinkat() of a missing name");
		TST_EXP_FAIL(unlinkat(ffd, "x", 0), ENOTDIR, "unlinkat() with a regular file fd");
		TST_EXP_FAIL(unlinkat(-1, "x", 0), EBADF, "unlinkat(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
