/* rmdir() and unlinkat(AT_REMOVEDIR): removes an empty directory;
 * ENOTEMPTY, ENOENT, ENOTDIR, EINVAL for "."; unlinkat without the flag on
 * a directory is EISDIR.
 * SYSCALLS: unlinkat mkdirat openat close newfstatat */
#include "tst_test.h"

static void run(unsigned int n)
{
	struct stat st;

	switch (n) {
	case 0:
		SAFE_MKDIR("empty", 0755);
		TST_EXP_PASS(rmdir("empty"), "rmdir() of an empty directory");
		TST_EXP_FAIL(stat("empty", &st), ENOENT, "stat() after rmdir()");
		break;
	case 1:
		SAFE_MKDIR("full", 0755);
		SAFE_FILE_PRINTF("full/f", "x");
		TST_EXP_FAIL(rmdir("full"), ENOTEMPTY, "rmdir() of a non-empty directory");
		SAFE_UNLINK("full/f");
		SAFE_RMDIR("full");
		break;
	case 2:
		TST_EXP_FAIL(rmdir("missing"), ENOENT, "rmdir() of a missing directory");
		break;
	case 3:
		SAFE_FILE_PRINTF("file", "x");
		TST_EXP_FAIL(rmdir("file"), ENOTDIR, "rmdir() of a regular file");
		SAFE_UNLINK("file");
		break;
	case 4:
		SAFE_MKDIR("dot", 0755);
		TST_EXP_FAIL(rmdir("dot/."), EINVAL, "rmdir() of a path ending in '.'");
		SAFE_RMDIR("dot");
		break;
	case 5:
		SAFE_MKDIR("viaat", 0755);
		TST_EXP_FAIL(unlinkat(AT_FDCWD, "viaat", 0), EISDIR,
			     "unlinkat() of a directory without AT_REMOVEDIR");
		TST_EXP_PASS(unlinkat(AT_FDCWD, "viaat", AT_REMOVEDIR),
			     "unlinkat(AT_REMOVEDIR) of an empty directory");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.needs_tmpdir = 1,
};
