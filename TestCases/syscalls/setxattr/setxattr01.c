/* setxattr(): creates and replaces user.* attributes (also with an empty
 * value); XATTR_CREATE on an existing name is EEXIST, XATTR_REPLACE on a
 * missing one ENODATA; EINVAL for an unknown flag, EOPNOTSUPP for an unknown
 * namespace, ERANGE for a name over 255 bytes, E2BIG for a value over 64 KiB;
 * ENOENT, ENOTDIR, EFAULT.
 * SYSCALLS: setxattr getxattr removexattr */
#include "tst_test.h"
#include "xattr_common.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
}

static void run(unsigned int n)
{
	char buf[16] = {0}, name[300];
	static char big[65537];

	removexattr("f", "user.a");
	switch (n) {
	case 0:
		TST_EXP_PASS(setxattr("f", "user.a", "one", 3, 0), "setxattr(user.a, \"one\", 0)");
		TST_EXP_VAL(getxattr("f", "user.a", buf, sizeof(buf)), 3, "getxattr(user.a)");
		TST_EXP_EXPR(!memcmp(buf, "one", 3), "user.a holds 'one'");
		TST_EXP_PASS(setxattr("f", "user.a", "two!", 4, 0), "setxattr(flags 0) replaces");
		TST_EXP_VAL(getxattr("f", "user.a", buf, sizeof(buf)), 4, "getxattr() after replace");
		break;
	case 1:
		TST_EXP_PASS(setxattr("f", "user.a", "v", 1, XATTR_CREATE), "setxattr(XATTR_CREATE) of a new name");
		TST_EXP_FAIL(setxattr("f", "user.a", "v", 1, XATTR_CREATE), EEXIST,
			     "setxattr(XATTR_CREATE) of an existing name");
		TST_EXP_PASS(setxattr("f", "user.a", "w", 1, XATTR_REPLACE),
			     "setxattr(XATTR_REPLACE) of an existing name");
		TST_EXP_FAIL(setxattr("f", "user.none", "v", 1, XATTR_REPLACE), ENODATA,
			     "setxattr(XATTR_REPLACE) of a missing name");
		break;
	case 2:
		TST_EXP_PASS(setxattr("f", "user.a", "", 0, 0), "setxattr() with an empty value");
		TST_EXP_VAL(getxattr("f", "user.a", buf, sizeof(buf)), 0, "the empty value reads back as 0 bytes");
		break;
	case 3:
		TST_EXP_FAIL(setxattr("f", "user.a", "v", 1, 0x4), EINVAL, "setxattr() with unknown flag 0x4");
		TST_EXP_FAIL(setxattr("f", "bogus.a", "v", 1, 0), EOPNOTSUPP,
			     "setxattr() in an unknown namespace");
		strcpy(name, "user.");
		memset(name + 5, 'n', 260);
		name[265] = 0;
		TST_EXP_FAIL(setxattr("f", name, "v", 1, 0), ERANGE, "setxattr() with a 265-byte name");
		TST_EXP_FAIL(setxattr("f", "user.a", big, sizeof(big), 0), E2BIG,
			     "setxattr() with a 65537-byte value");
		break;
	case 4:
		TST_EXP_FAIL(setxattr("missing", "user.a", "v", 1, 0), ENOENT, "setxattr() of a missing file");
		TST_EXP_FAIL(setxattr("f/x", "user.a", "v", 1, 0), ENOTDIR, "setxattr() through a regular file");
		TST_EXP_FAIL(setxattr("f", "user.a", tst_get_bad_addr(NULL), 1, 0), EFAULT,
			     "setxattr() from an unmapped value");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
