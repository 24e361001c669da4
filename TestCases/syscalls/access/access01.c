/* access() and faccessat(): F_OK/R_OK/W_OK/X_OK against file modes (root
 * bypasses R/W but not X without any x bit), ENOENT, ENOTDIR, EINVAL for a
 * bad mode; faccessat with a directory fd.
 * SYSCALLS: faccessat faccessat2 openat close fchmodat geteuid */
#include "tst_test.h"

static void setup(void)
{
	SAFE_FILE_PRINTF("rw", "x");
	SAFE_CHMOD("rw", 0600);
	SAFE_FILE_PRINTF("none", "x");
	SAFE_CHMOD("none", 0000);
	SAFE_FILE_PRINTF("exe", "x");
	SAFE_CHMOD("exe", 0700);
}

static void run(unsigned int n)
{
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(access("rw", F_OK), "access(F_OK)");
		TST_EXP_PASS(access("rw", R_OK | W_OK), "access(R_OK|W_OK) of a 0600 file");
		TST_EXP_PASS(access("exe", X_OK), "access(X_OK) of a 0700 file");
		break;
	case 1:
		TST_EXP_FAIL(access("rw", X_OK), EACCES, "access(X_OK) of a 0600 file");
		if (geteuid() == 0)
			TST_EXP_PASS(access("none", R_OK), "access(R_OK) of a 0000 file as root");
		else
			TST_EXP_FAIL(access("none", R_OK), EACCES, "access(R_OK) of a 0000 file");
		break;
	case 2:
		TST_EXP_FAIL(access("missing", F_OK), ENOENT, "access() of a missing name");
		TST_EXP_FAIL(access("rw/x", F_OK), ENOTDIR, "access() through a file");
		TST_EXP_FAIL(access("rw", 0x40), EINVAL, "access() with an invalid mode");
		break;
	case 3:
		fd = SAFE_OPEN(".", O_RDONLY | O_DIRECTORY);
		TST_EXP_PASS(faccessat(fd, "rw", R_OK, 0), "faccessat(dirfd, R_OK)");
		TST_EXP_FAIL(faccessat(-1, "rw", R_OK, 0), EBADF, "faccessat(-1, relative)");
		SAFE_CLOSE(fd);
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
