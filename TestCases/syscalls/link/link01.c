/* link() and linkat(): a hard link shares the inode and bumps st_nlink;
 * EEXIST, ENOENT; linking a directory is EPERM.
 * SYSCALLS: linkat newfstatat unlinkat mkdirat */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("orig", "x");
	SAFE_MKDIR("dir", 0755);
}

static void run(unsigned int n)
{
	struct stat a, b;

	switch (n) {
	case 0:
		TST_EXP_PASS(link("orig", "hard"), "link() to a file");
		SAFE_STAT("orig", &a);
		SAFE_STAT("hard", &b);
		TST_EXP_EXPR(a.st_ino == b.st_ino, "both names share the inode");
		TST_EXP_EQ_LI(a.st_nlink, 2);
		SAFE_UNLINK("hard");
		SAFE_STAT("orig", &a);
		TST_EXP_EQ_LI(a.st_nlink, 1);
		break;
	case 1:
		TST_EXP_FAIL(link("orig", "orig"), EEXIST, "link() onto an existing name");
		TST_EXP_FAIL(link("missing", "x"), ENOENT, "link() of a missing file");
		break;
	case 2:
		TST_EXP_FAIL(link("dir", "dirlink"), EPERM, "link() of a directory");
		break;
	case 3:
		TST_EXP_PASS(linkat(AT_FDCWD, "orig", AT_FDCWD, "dir/viaat", 0), "linkat()");
		SAFE_UNLINK("dir/viaat");
		TST_EXP_FAIL(linkat(AT_FDCWD, "orig", AT_FDCWD, "x", 0x12345), EINVAL,
			     "linkat() with unknown flags");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
