/* chdir() and fchdir(): relative lookups follow the new cwd; ENOENT,
 * ENOTDIR, EACCES (non-root only); fchdir EBADF and ENOTDIR.
 * SYSCALLS: chdir fchdir getcwd openat close mkdirat faccessat */
#include <limits.h>
#include "tst_test.h"

static char start[PATH_MAX];

static void setup(void)
{
	SAFE_GETCWD(start, sizeof(start));
	SAFE_MKDIR("sub", 0755);
	SAFE_FILE_PRINTF("sub/marker", "m");
	SAFE_FILE_PRINTF("file", "f");
}

static void run(unsigned int n)
{
	char cwd[PATH_MAX];
	int fd;

	SAFE_CHDIR(start);
	switch (n) {
	case 0:
		TST_EXP_PASS(chdir("sub"), "chdir() into a subdirectory");
		TST_EXP_PASS(access("marker", F_OK), "relative access() after chdir()");
		SAFE_GETCWD(cwd, sizeof(cwd));
		TST_EXP_EXPR(strlen(cwd) > 4 && !strcmp(cwd + strlen(cwd) - 4, "/sub"),
			     "getcwd() ends in /sub (%s)", cwd);
		break;
	case 1:
		TST_EXP_FAIL(chdir("missing"), ENOENT, "chdir() to a missing directory");
		TST_EXP_FAIL(chdir("file"), ENOTDIR, "chdir() to a regular file");
		break;
	case 2:
		fd = SAFE_OPEN("sub", O_RDONLY | O_DIRECTORY);
		TST_EXP_PASS(fchdir(fd), "fchdir() to a directory fd");
		TST_EXP_PASS(access("marker", F_OK), "relative access() after fchdir()");
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL(fchdir(-1), EBADF, "fchdir(-1)");
		fd = SAFE_OPEN("file", O_RDONLY);
		TST_EXP_FAIL(fchdir(fd), ENOTDIR, "fchdir() to a regular file fd");
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
