/* The l* xattr calls act on a symlink itself, the plain ones on its
 * target: user.* on a link is EPERM (only regular files and directories may
 * have them), trusted.* on a link works for root and is seen by lgetxattr,
 * llistxattr and lremovexattr but not through getxattr, which follows.
 * SYSCALLS: lsetxattr lgetxattr llistxattr lremovexattr setxattr getxattr symlinkat geteuid removexattr */
#include "tst_test.h"
#include "../setxattr/xattr_common.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
	SAFE_SYMLINK("f", "link");
	if (lsetxattr("link", "trusted.probe", "1", 1, 0)) {
		if (errno == EOPNOTSUPP || errno == ENOTSUP)
			tst_brk(TCONF, "trusted.* xattrs on symlinks are not supported here");
		tst_brk(TBROK | TERRNO, "lsetxattr(link, trusted.probe)");
	}
	lremovexattr("link", "trusted.probe");
}

static void run(unsigned int n)
{
	char buf[64] = {0};

	switch (n) {
	case 0:
		TST_EXP_FAIL(lsetxattr("link", "user.x", "v", 1, 0), EPERM,
			     "lsetxattr(user.x) on a symlink");
		TST_EXP_PASS(setxattr("link", "user.x", "target", 6, 0),
			     "setxattr(user.x) through the symlink");
		TST_EXP_VAL(getxattr("f", "user.x", buf, sizeof(buf)), 6, "the target got user.x");
		TST_EXP_FAIL2(lgetxattr("link", "user.x", buf, sizeof(buf)), ENODATA,
			      "lgetxattr(user.x) of the link itself");
		removexattr("f", "user.x");
		break;
	case 1:
		TST_EXP_PASS(lsetxattr("link", "trusted.l", "link", 4, 0), "lsetxattr(trusted.l) on the link");
		TST_EXP_VAL(lgetxattr("link", "trusted.l", buf, sizeof(buf)), 4, "lgetxattr(trusted.l)");
		TST_EXP_FAIL2(getxattr("link", "trusted.l", buf, sizeof(buf)), ENODATA,
			      "getxattr() through the link does not see it");
		TST_EXP_VAL(llistxattr("link", buf, sizeof(buf)), 10, "llistxattr() lists trusted.l");
		TST_EXP_EQ_STR(buf, "trusted.l");
		TST_EXP_PASS(lremovexattr("link", "trusted.l"), "lremovexattr(trusted.l)");
		TST_EXP_FAIL(lremovexattr("link", "trusted.l"), ENODATA, "lremovexattr() a second time");
		break;
	case 2:
		TST_EXP_FAIL(lsetxattr("missing", "trusted.l", "v", 1, 0), ENOENT, "lsetxattr() of a missing name");
		TST_EXP_FAIL2(llistxattr("missing", buf, sizeof(buf)), ENOENT, "llistxattr() of a missing name");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.needs_root = 1,
};
