/* mkdir() and mkdirat(): mode masked by umask, EEXIST, ENOENT (missing
 * parent), ENOTDIR, EFAULT; mkdirat relative to a directory fd, EBADF.
 * SYSCALLS: mkdirat newfstatat openat close umask */
#include "tst_test.h"

static void setup(void)
{
	umask(022);
	SAFE_FILE_PRINTF("file", "x");
}

static void run(unsigned int n)
{
	struct stat st;
	int dfd;

	switch (n) {
	case 0:
		TST_EXP_PASS(mkdir("d0", 0777), "mkdir() of a new directory");
		SAFE_STAT("d0", &st);
		TST_EXP_EXPR(S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0755,
			     "new directory has mode 0755 under umask 022 (got %04o)",
			     st.st_mode & 07777);
		break;
	case 1:
		TST_EXP_FAIL(mkdir("file", 0755), EEXIST, "mkdir() over an existing file");
		break;
	case 2:
		TST_EXP_FAIL(mkdir("none/d", 0755), ENOENT, "mkdir() under a missing parent");
		break;
	case 3:
		TST_EXP_FAIL(mkdir("file/d", 0755), ENOTDIR, "mkdir() under a regular file");
		break;
	case 4:
		TST_EXP_FAIL(mkdir(tst_get_bad_addr(NULL), 0755), EFAULT, "mkdir() of an unmapped path");
		break;
	case 5:
		SAFE_MKDIR("base", 0755);
		dfd = SAFE_OPEN("base", O_RDONLY | O_DIRECTORY);
		TST_EXP_PASS(mkdirat(dfd, "inner", 0700), "mkdirat(dirfd, relative)");
		SAFE_STAT("base/inner", &st);
		TST_EXP_EQ_LI(S_ISDIR(st.st_mode), 1);
		SAFE_CLOSE(dfd);
		TST_EXP_FAIL(mkdirat(-1, "x", 0700), EBADF, "mkdirat(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
