/* listxattr(): lists every set name as NUL-terminated strings, size 0 asks
 * for the length, a removed name disappears; ERANGE for a too small buffer,
 * ENOENT, EFAULT.
 * SYSCALLS: listxattr setxattr removexattr */
#include "tst_test.h"
#include "../setxattr/xattr_common.h"

static int has_name(const char *list, ssize_t len, const char *name)
{
	for (ssize_t i = 0; i < len; i += strlen(list + i) + 1)
		if (!strcmp(list + i, name))
			return 1;
	return 0;
}

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
	if (setxattr("f", "user.one", "1", 1, 0) || setxattr("f", "user.two", "2", 1, 0))
		tst_brk(TBROK | TERRNO, "setxattr()");
}

static void run(unsigned int n)
{
	char list[256];
	long len;

	switch (n) {
	case 0:
		len = TST_EXP_POSITIVE(listxattr("f", list, sizeof(list)), "listxattr(f)");
		TST_EXP_EXPR(len > 0 && list[len - 1] == 0, "the list ends with a NUL");
		TST_EXP_EXPR(has_name(list, len, "user.one") && has_name(list, len, "user.two"),
			     "user.one and user.two are listed");
		TST_EXP_VAL(listxattr("f", NULL, 0), len, "listxattr(size 0) returns the list length");
		break;
	case 1:
		if (setxattr("f", "user.tmp", "t", 1, 0) || removexattr("f", "user.tmp"))
			tst_brk(TBROK | TERRNO, "set/remove user.tmp");
		len = TST_EXP_POSITIVE(listxattr("f", list, sizeof(list)), "listxattr() after a removal");
		TST_EXP_EXPR(!has_name(list, len, "user.tmp"), "a removed name is not listed");
		break;
	case 2:
		TST_EXP_FAIL2(listxattr("f", list, 3), ERANGE, "listxattr() into a 3-byte buffer");
		TST_EXP_FAIL2(listxattr("missing", list, sizeof(list)), ENOENT, "listxattr() of a missing file");
		TST_EXP_FAIL2(listxattr("f", tst_get_bad_addr(NULL), sizeof(list)), EFAULT,
			      "listxattr() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
