/* mkdirat(): creates relative to a directory fd (also an O_PATH one) or the
 * cwd with AT_FDCWD, ignores the fd for an absolute path; ENOTDIR when the
 * fd is a regular file, EEXIST (also for a dangling symlink), ENOENT for a
 * missing parent, ENAMETOOLONG, EBADF.
 * SYSCALLS: mkdirat openat close newfstatat symlinkat umask */
#include <limits.h>
#include "tst_test.h"

static int dfd = -1, pfd = -1, ffd = -1;
static char abspath[PATH_MAX];

static void setup(void)
{
	char *tmp = tst_get_tmpdir();

	umask(0);
	SAFE_MKDIR("d", 0755);
	dfd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
	pfd = SAFE_OPEN("d", O_PATH);
	ffd = SAFE_OPEN("file", O_CREAT | O_RDWR, 0600);
	SAFE_SYMLINK("nowhere", "d/dangling");
	snprintf(abspath, sizeof(abspath), "%s/abs", tmp);
	free(tmp);
}

static void cleanup(void)
{
	if (dfd >= 0)
		SAFE_CLOSE(dfd);
	if (pfd >= 0)
		SAFE_CLOSE(pfd);
	if (ffd >= 0)
		SAFE_CLOSE(ffd);
}

static int is_dir(const char *path, mode_t mode)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == mode;
}

static void run(unsigned int n)
{
	char longname[NAME_MAX + 2];

	switch (n) {
	case 0:
		TST_EXP_PASS(mkdirat(dfd, "sub", 0750), "mkdirat(dirfd, \"sub\", 0750)");
		TST_EXP_EXPR(is_dir("d/sub", 0750), "d/sub is a directory with mode 0750");
		SAFE_RMDIR("d/sub");
		break;
	case 1:
		TST_EXP_PASS(mkdirat(pfd, "viapath", 0700), "mkdirat() with an O_PATH dirfd");
		TST_EXP_EXPR(is_dir("d/viapath", 0700), "d/viapath exists");
		SAFE_RMDIR("d/viapath");
		break;
	case 2:
		TST_EXP_PASS(mkdirat(AT_FDCWD, "top", 0711), "mkdirat(AT_FDCWD, \"top\")");
		TST_EXP_EXPR(is_dir("top", 0711), "top exists in the cwd");
		SAFE_RMDIR("top");
		TST_EXP_PASS(mkdirat(ffd, abspath, 0700), "mkdirat() of an absolute path with a file fd");
		TST_EXP_EXPR(is_dir(abspath, 0700), "the absolute path was created");
		SAFE_RMDIR(abspath);
		break;
	case 3:
		TST_EXP_FAIL(mkdirat(ffd, "x", 0700), ENOTDIR, "mkdirat() with a regular file fd");
		TST_EXP_FAIL(mkdirat(-1, "x", 0700), EBADF, "mkdirat(-1, relative)");
		break;
	case 4:
		SAFE_MKDIR("d/exists", 0700);
		TST_EXP_FAIL(mkdirat(dfd, "exists", 0700), EEXIST, "mkdirat() of an existing directory");
		TST_EXP_FAIL(mkdirat(dfd, "dangling", 0700), EEXIST, "mkdirat() of a dangling symlink");
		SAFE_RMDIR("d/exists");
		break;
	case 5:
		TST_EXP_FAIL(mkdirat(dfd, "no/such", 0700), ENOENT, "mkdirat() under a missing parent");
		memset(longname, 'l', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = 0;
		TST_EXP_FAIL(mkdirat(dfd, longname, 0700), ENAMETOOLONG,
			     "mkdirat() of a %d-byte name", NAME_MAX + 1);
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
