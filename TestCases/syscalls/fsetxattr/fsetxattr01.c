/* The fd-based xattr calls: fsetxattr, fgetxattr, flistxattr and
 * fremovexattr round-trip a user.* attribute through an open fd (a
 * read-only fd is enough); XATTR_CREATE gives EEXIST; EBADF for each call on
 * a closed fd.
 * SYSCALLS: fsetxattr fgetxattr flistxattr fremovexattr openat close getxattr removexattr setxattr */
#include "tst_test.h"
#include "../setxattr/xattr_common.h"

static int fd = -1;

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	xattr_require_user("f");
	fd = SAFE_OPEN("f", O_RDONLY);
}

static void cleanup(void)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	char buf[64] = {0};
	int bad;

	switch (n) {
	case 0:
		TST_EXP_PASS(fsetxattr(fd, "user.fd", "value", 5, 0), "fsetxattr(user.fd)");
		TST_EXP_VAL(fgetxattr(fd, "user.fd", buf, sizeof(buf)), 5, "fgetxattr(user.fd)");
		TST_EXP_EXPR(!strcmp(buf, "value"), "fgetxattr() reads 'value'");
		TST_EXP_VAL(getxattr("f", "user.fd", buf, sizeof(buf)), 5, "the path sees the fd's attribute");
		TST_EXP_FAIL(fsetxattr(fd, "user.fd", "v", 1, XATTR_CREATE), EEXIST,
			     "fsetxattr(XATTR_CREATE) of an existing name");
		break;
	case 1:
		TST_EXP_VAL(flistxattr(fd, buf, sizeof(buf)), 8, "flistxattr() lists one 8-byte entry");
		TST_EXP_EQ_STR(buf, "user.fd");
		TST_EXP_PASS(fremovexattr(fd, "user.fd"), "fremovexattr(user.fd)");
		TST_EXP_FAIL2(fgetxattr(fd, "user.fd", buf, sizeof(buf)), ENODATA,
			      "fgetxattr() after fremovexattr");
		TST_EXP_VAL(flistxattr(fd, buf, sizeof(buf)), 0, "flistxattr() of no attributes is 0");
		break;
	case 2:
		bad = SAFE_OPEN("f", O_RDONLY);
		close(bad);
		TST_EXP_FAIL(fsetxattr(bad, "user.x", "v", 1, 0), EBADF, "fsetxattr() on a closed fd");
		TST_EXP_FAIL2(fgetxattr(bad, "user.x", buf, sizeof(buf)), EBADF, "fgetxattr() on a closed fd");
		TST_EXP_FAIL2(flistxattr(bad, buf, sizeof(buf)), EBADF, "flistxattr() on a closed fd");
		TST_EXP_FAIL(fremovexattr(bad, "user.x"), EBADF, "fremovexattr() on a closed fd");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 3,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
