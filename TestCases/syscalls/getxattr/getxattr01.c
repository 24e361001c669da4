/* getxattr(): returns the exact value bytes (embedded NULs too), size 0
 * asks for the length; ERANGE for a too small buffer, ENODATA for a missing
 * name, ENOENT, EFAULT for an unmapped buffer; a directory has its own.
 * SYSCALLS: getxattr setxattr mkdirat removexattr */
#include "tst_test.h"
#include "../setxattr/xattr_common.h"

static const char value[] = { 'a', 0, 'b', 0, 'c' };

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
	if (setxattr("f", "user.bin", value, sizeof(value), 0))
		tst_brk(TBROK | TERRNO, "setxattr(user.bin)");
	SAFE_MKDIR("d", 0755);
	if (setxattr("d", "user.dir", "D", 1, 0))
		tst_brk(TBROK | TERRNO, "setxattr(d, user.dir)");
}

static void run(unsigned int n)
{
	char buf[16];

	memset(buf, '#', sizeof(buf));
	switch (n) {
	case 0:
		TST_EXP_VAL(getxattr("f", "user.bin", buf, sizeof(buf)), 5, "getxattr(user.bin)");
		TST_EXP_EXPR(!memcmp(buf, value, 5) && buf[5] == '#',
			     "the 5 value bytes with embedded NULs, nothing more");
		break;
	case 1:
		TST_EXP_VAL(getxattr("f", "user.bin", NULL, 0), 5, "getxattr(size 0) returns the length");
		TST_EXP_FAIL2(getxattr("f", "user.bin", buf, 4), ERANGE, "getxattr() into a 4-byte buffer");
		break;
	case 2:
		TST_EXP_FAIL2(getxattr("f", "user.none", buf, sizeof(buf)), ENODATA,
			      "getxattr() of a missing name");
		TST_EXP_FAIL2(getxattr("f", "user.dir", buf, sizeof(buf)), ENODATA,
			      "getxattr() of another inode's name");
		TST_EXP_VAL(getxattr("d", "user.dir", buf, sizeof(buf)), 1, "getxattr() on a directory");
		break;
	case 3:
		TST_EXP_FAIL2(getxattr("missing", "user.bin", buf, sizeof(buf)), ENOENT,
			      "getxattr() of a missing file");
		TST_EXP_FAIL2(getxattr("f", "user.bin", tst_get_bad_addr(NULL), sizeof(buf)), EFAULT,
			      "getxattr() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
