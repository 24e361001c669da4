/* stat(): size, type, mode, nlink, uid and ino of files and directories;
 * ENOENT, ENOTDIR, ENAMETOOLONG, EFAULT for path and buffer.
 * SYSCALLS: newfstatat openat write close mkdirat geteuid umask */
#include <limits.h>
#include "tst_test.h"

static char longname[PATH_MAX + 2];

static void setup(void)
{
	int fd;

	umask(0);
	fd = SAFE_OPEN("f", O_CREAT | O_WRONLY, 0640);
	SAFE_WRITE(SAFE_WRITE_ALL, fd, "12345", 5);
	SAFE_CLOSE(fd);
	SAFE_MKDIR("d", 0711);
	memset(longname, 'n', sizeof(longname) - 1);
}

static void run(unsigned int n)
{
	struct stat st;

	switch (n) {
	case 0:
		TST_EXP_PASS(stat("f", &st), "stat() of a file");
		TST_EXP_EQ_LI(st.st_size, 5);
		TST_EXP_EQ_LI(st.st_mode, S_IFREG | 0640);
		TST_EXP_EQ_LI(st.st_nlink, 1);
		TST_EXP_EQ_LI(st.st_uid, geteuid());
		break;
	case 1:
		TST_EXP_PASS(stat("d", &st), "stat() of a directory");
		TST_EXP_EQ_LI(st.st_mode, S_IFDIR | 0711);
		TST_EXP_EQ_LI(st.st_nlink, 2);
		break;
	case 2:
		TST_EXP_FAIL(stat("missing", &st), ENOENT, "stat() of a missing name");
		TST_EXP_FAIL(stat("f/x", &st), ENOTDIR, "stat() through a file");
		TST_EXP_FAIL(stat(longname, &st), ENAMETOOLONG, "stat() of a too-long path");
		break;
	case 3:
		TST_EXP_FAIL(stat(tst_get_bad_addr(NULL), &st), EFAULT, "stat() of an unmapped path");
		TST_EXP_FAIL(stat("f", tst_get_bad_addr(NULL)), EFAULT, "stat() into an unmapped buffer");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
