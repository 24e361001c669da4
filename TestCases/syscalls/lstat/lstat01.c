/* lstat(): describes the link itself (S_IFLNK, size = target length)
 * while stat() follows it; ENOENT, ENOTDIR, ELOOP through a link loop.
 * SYSCALLS: newfstatat symlinkat */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("target", "0123456789");
	SAFE_SYMLINK("target", "ln");
	SAFE_SYMLINK("loop1", "loop2");
	SAFE_SYMLINK("loop2", "loop1");
}

static void run(unsigned int n)
{
	struct stat st;

	switch (n) {
	case 0:
		TST_EXP_PASS(lstat("ln", &st), "lstat() of a symlink");
		TST_EXP_EQ_LI(S_ISLNK(st.st_mode), 1);
		TST_EXP_EQ_LI(st.st_size, 6);
		break;
	case 1:
		TST_EXP_PASS(stat("ln", &st), "stat() through a symlink");
		TST_EXP_EQ_LI(S_ISREG(st.st_mode), 1);
		TST_EXP_EQ_LI(st.st_size, 10);
		break;
	case 2:
		TST_EXP_FAIL(lstat("missing", &st), ENOENT, "lstat() of a missing name");
		TST_EXP_FAIL(lstat("target/x", &st), ENOTDIR, "lstat() through a file");
		break;
	case 3:
		TST_EXP_PASS(lstat("loop1", &st), "lstat() of a looping link");
		TST_EXP_FAIL(stat("loop1", &st), ELOOP, "stat() through a link loop");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
