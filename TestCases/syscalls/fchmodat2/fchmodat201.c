/* fchmodat2(): changes a file's mode by path, accepts AT_SYMLINK_NOFOLLOW
 * for a non-link, refuses it on a symlink (EOPNOTSUPP, links have no mode),
 * AT_EMPTY_PATH changes the fd's file; EINVAL for an unknown flag, ENOENT,
 * EBADF. TCONF before Linux 6.6.
 * SYSCALLS: fchmodat2 newfstatat openat close symlinkat */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

#ifndef __NR_fchmodat2
# define __NR_fchmodat2 452
#endif

static long do_fchmodat2(int dfd, const char *path, mode_t mode, int flags)
{
	return tst_syscall(__NR_fchmodat2, dfd, path, mode, flags);
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	SAFE_STAT(path, &st);
	return st.st_mode & 07777;
}

static void setup(void)
{
	SAFE_FILE_PRINTF("f", "x");
	SAFE_SYMLINK("f", "link");
}

static void run(unsigned int n)
{
	int fd;

	SAFE_CHMOD("f", 0600);
	switch (n) {
	case 0:
		TST_EXP_PASS(do_fchmodat2(AT_FDCWD, "f", 0640, 0), "fchmodat2(f, 0640, 0)");
		TST_EXP_EQ_LI(mode_of("f"), 0640);
		TST_EXP_PASS(do_fchmodat2(AT_FDCWD, "f", 0604, AT_SYMLINK_NOFOLLOW),
			     "fchmodat2(f, 0604, AT_SYMLINK_NOFOLLOW) on a regular file");
		TST_EXP_EQ_LI(mode_of("f"), 0604);
		break;
	case 1:
		TST_EXP_FAIL(do_fchmodat2(AT_FDCWD, "link", 0644, AT_SYMLINK_NOFOLLOW), EOPNOTSUPP,
			     "fchmodat2(AT_SYMLINK_NOFOLLOW) on a symlink");
		TST_EXP_EQ_LI(mode_of("f"), 0600);
		TST_EXP_PASS(do_fchmodat2(AT_FDCWD, "link", 0611, 0), "fchmodat2() through a symlink");
		TST_EXP_EQ_LI(mode_of("f"), 0611);
		break;
	case 2:
		fd = SAFE_OPEN("f", O_RDONLY);
		TST_EXP_PASS(do_fchmodat2(fd, "", 0400, AT_EMPTY_PATH), "fchmodat2(fd, \"\", AT_EMPTY_PATH)");
		TST_EXP_EQ_LI(mode_of("f"), 0400);
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL(do_fchmodat2(AT_FDCWD, "f", 0644, 0x1), EINVAL,
			     "fchmodat2() with unknown flag 0x1");
		TST_EXP_FAIL(do_fchmodat2(AT_FDCWD, "missing", 0644, 0), ENOENT,
			     "fchmodat2() of a missing name");
		TST_EXP_FAIL(do_fchmodat2(-1, "f", 0644, 0), EBADF, "fchmodat2(-1, relative)");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
};
