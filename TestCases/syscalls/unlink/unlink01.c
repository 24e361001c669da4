/* unlink(): removes a name; an open fd keeps the data readable; EISDIR
 * for a directory, ENOENT, ENOTDIR, EFAULT.
 * SYSCALLS: unlinkat openat read close newfstatat mkdirat */
#include "tst_test.h"

static void run(unsigned int n)
{
	struct stat st;
	char buf[8] = {0};
	int fd;

	switch (n) {
	case 0:
		SAFE_FILE_PRINTF("f", "keep");
		fd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_PASS(unlink("f"), "unlink() of an open file");
		TST_EXP_FAIL(stat("f", &st), ENOENT, "stat() after unlink()");
		SAFE_READ(1, fd, buf, 4);
		TST_EXP_EXPR(!memcmp(buf, "keep", 4), "data still readable through the open fd");
		SAFE_FSTAT(fd, &st);
		TST_EXP_EQ_LI(st.st_nlink, 0);
		SAFE_CLOSE(fd);
		break;
	case 1:
		SAFE_MKDIR("d", 0755);
		TST_EXP_FAIL(unlink("d"), EISDIR, "unlink() of a directory");
		SAFE_RMDIR("d");
		break;
	case 2:
		TST_EXP_FAIL(unlink("missing"), ENOENT, "unlink() of a missing name");
		break;
	case 3:
		SAFE_FILE_PRINTF("g", "x");
		TST_EXP_FAIL(unlink("g/x"), ENOTDIR, "unlink() through a file");
		SAFE_UNLINK("g");
		break;
	case 4:
		TST_EXP_FAIL(unlink(tst_get_bad_addr(NULL)), EFAULT, "unlink() of an unmapped path");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 5,
	.test = run,
	.needs_tmpdir = 1,
};
