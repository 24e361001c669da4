/* openat(): paths relative to a directory fd, AT_FDCWD, absolute paths
 * ignoring dir_fd, and EBADF / ENOTDIR for bad dirfds.
 * SYSCALLS: openat close */
#include <limits.h>
#include "tst_test.h"

static int dir_fd = -1, filefd = -1;
static char abspath[PATH_MAX];

static void setup(void)
{
	char cwd[PATH_MAX];

	SAFE_MKDIR("sub", 0755);
	SAFE_FILE_PRINTF("sub/inner", "x");
	SAFE_FILE_PRINTF("top", "y");
	dir_fd = SAFE_OPEN("sub", O_RDONLY | O_DIRECTORY);
	filefd = SAFE_OPEN("top", O_RDONLY);
	SAFE_GETCWD(cwd, sizeof(cwd));
	snprintf(abspath, sizeof(abspath), "%s/top", cwd);
}

static void cleanup(void)
{
	if (dir_fd >= 0)
		SAFE_CLOSE(dir_fd);
	if (filefd >= 0)
		SAFE_CLOSE(filefd);
}

static void expect_fd(int fd)
{
	if (fd >= 0)
		SAFE_CLOSE(fd);
}

static void run(unsigned int n)
{
	switch (n) {
	case 0:
		expect_fd(TST_EXP_FD(openat(dir_fd, "inner", O_RDONLY), "openat(dir_fd, relative)"));
		break;
	case 1:
		expect_fd(TST_EXP_FD(openat(AT_FDCWD, "top", O_RDONLY), "openat(AT_FDCWD, relative)"));
		break;
	case 2:
		expect_fd(TST_EXP_FD(openat(filefd, abspath, O_RDONLY),
				     "openat(non-directory fd, absolute path)"));
		break;
	case 3:
		TST_EXP_FAIL2(openat(-1, "inner", O_RDONLY), EBADF, "openat(-1, relative)");
		break;
	case 4:
		TST_EXP_FAIL2(openat(filefd, "inner", O_RDONLY), ENOTDIR,
			      "openat(regular-file fd, relative)");
		break;
	case 5:
		TST_EXP_FAIL2(openat(dir_fd, "top", O_RDONLY), ENOENT,
			      "openat() resolves relative to dir_fd, not cwd");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 6,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
