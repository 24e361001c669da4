/* symlink(), symlinkat() and readlink(): the link stores the target text
 * verbatim (even dangling), lstat sees S_IFLNK; EEXIST, ENOENT for an empty
 * target; readlink EINVAL on a non-link, truncation to the buffer size.
 * SYSCALLS: symlinkat readlinkat newfstatat unlinkat */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("target", "t");
}

static void run(unsigned int n)
{
	char buf[64];
	struct stat st;

	memset(buf, 0, sizeof(buf));
	switch (n) {
	case 0:
		TST_EXP_PASS(symlink("target", "ln"), "symlink() to a file");
		TST_EXP_VAL(readlink("ln", buf, sizeof(buf)), 6, "readlink() length");
		TST_EXP_EQ_STR(buf, "target");
		SAFE_LSTAT("ln", &st);
		TST_EXP_EQ_LI(S_ISLNK(st.st_mode), 1);
		SAFE_STAT("ln", &st);
		TST_EXP_EQ_LI(S_ISREG(st.st_mode), 1);
		SAFE_UNLINK("ln");
		break;
	case 1:
		TST_EXP_PASS(symlink("does/not/exist", "dangling"), "symlink() to a missing target");
		TST_EXP_FAIL(stat("dangling", &st), ENOENT, "stat() through a dangling link");
		SAFE_UNLINK("dangling");
		break;
	case 2:
		TST_EXP_FAIL(symlink("x", "target"), EEXIST, "symlink() onto an existing name");
		TST_EXP_FAIL(symlink("", "empty"), ENOENT, "symlink() with an empty target");
		break;
	case 3:
		TST_EXP_FAIL2(readlink("target", buf, sizeof(buf)), EINVAL, "readlink() of a regular file");
		TST_EXP_FAIL2(readlink("missing", buf, sizeof(buf)), ENOENT, "readlink() of a missing name");
		break;
	case 4:
		SAFE_SYMLINK("abcdefgh", "long");
		TST_EXP_VAL(readlink("long", buf, 3), 3, "readlink() into a 3-byte buffer");
		TST_EXP_EXPR(!memcmp(buf, "abc", 3) && buf[3] == 0, "readlink() truncated, no NUL added");
		SAFE_UNLINK("long");
		break;
	case 5:
		TST_EXP_PASS(symlinkat("target", AT_FDCWD, "ln2"), "symlinkat()");
		TST_EXP_VAL(readlinkat(AT_FDCWD, "ln2", buf, sizeof(buf)), 6, "readlinkat()");
		SAFE_UNLINK("ln2");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
