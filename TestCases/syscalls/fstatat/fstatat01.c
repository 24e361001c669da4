/* fstatat(): relative to a directory fd, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 * on an fd; EBADF, ENOTDIR, EINVAL for unknown flags.
 * SYSCALLS: newfstatat openat close symlinkat */
#include "tst_test.h"

static int dir_fd = -1;

static void setup(void)
{
	SAFE_MKDIR("d", 0755);
	SAFE_FILE_PRINTF("d/f", "12");
	SAFE_SYMLINK("f", "d/ln");
	dir_fd = SAFE_OPEN("d", O_RDONLY | O_DIRECTORY);
}

static void cleanup(void)
{
	if (dir_fd >= 0)
		SAFE_CLOSE(dir_fd);
}

static void run(unsigned int n)
{
	struct stat st;
	int fd;

	switch (n) {
	case 0:
		TST_EXP_PASS(fstatat(dir_fd, "f", &st, 0), "fstatat(dirfd, relative)");
		TST_EXP_EQ_LI(st.st_size, 2);
		break;
	case 1:
		TST_EXP_PASS(fstatat(dir_fd, "ln", &st, AT_SYMLINK_NOFOLLOW),
			     "fstatat(AT_SYMLINK_NOFOLLOW) of a link");
		TST_EXP_EQ_LI(S_ISLNK(st.st_mode), 1);
		TST_EXP_PASS(fstatat(dir_fd, "ln", &st, 0), "fstatat() following a link");
		TST_EXP_EQ_LI(S_ISREG(st.st_mode), 1);
		break;
	case 2:
		fd = SAFE_OPEN("d/f", O_RDONLY);
		TST_EXP_PASS(fstatat(fd, "", &st, AT_EMPTY_PATH), "fstatat(fd, \"\", AT_EMPTY_PATH)");
		TST_EXP_EQ_LI(st.st_size, 2);
		TST_EXP_FAIL(fstatat(fd, "x", &st, 0), ENOTDIR, "fstatat(file fd, relative)");
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL(fstatat(-1, "f", &st, 0), EBADF, "fstatat(-1, relative)");
		TST_EXP_FAIL(fstatat(dir_fd, "f", &st, 0x40000000), EINVAL, "fstatat() with unknown flags");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.cleanup = cleanup,
	.needs_tmpdir = 1,
};
