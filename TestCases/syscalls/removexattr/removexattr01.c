/* removexattr(): removes a name (later reads give ENODATA) and leaves the
 * others; ENODATA for a missing name, EOPNOTSUPP for an unknown namespace,
 * ENOENT, ENOTDIR, EFAULT.
 * SYSCALLS: removexattr setxattr getxattr */
#include "tst_test.h"
#include "../setxattr/xattr_common.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
}

static void run(unsigned int n)
{
	char buf[8];

	switch (n) {
	case 0:
		if (setxattr("f", "user.a", "a", 1, 0) || setxattr("f", "user.b", "b", 1, 0))
			tst_brk(TBROK | TERRNO, "setxattr()");
		TST_EXP_PASS(removexattr("f", "user.a"), "removexattr(user.a)");
		TST_EXP_FAIL2(getxattr("f", "user.a", buf, sizeof(buf)), ENODATA,
			      "getxattr() of the removed name");
		TST_EXP_VAL(getxattr("f", "user.b", buf, sizeof(buf)), 1, "user.b is still there");
		removexattr("f", "user.b");
		break;
	case 1:
		TST_EXP_FAIL(removexattr("f", "user.none"), ENODATA, "removexattr() of a missing name");
		TST_EXP_FAIL(removexattr("f", "bogus.a"), EOPNOTSUPP,
			     "removexattr() in an unknown namespace");
		break;
	case 2:
		TST_EXP_FAIL(removexattr("missing", "user.a"), ENOENT, "removexattr() of a missing file");
		TST_EXP_FAIL(removexattr("f/x", "user.a"), ENOTDIR, "removexattr() through a regular file");
		TST_EXP_FAIL(removexattr("f", tst_get_bad_addr(NULL)), EFAULT,
			     "removexattr() of an unmapped name");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
