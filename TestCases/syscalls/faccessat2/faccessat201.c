/* faccessat2() flags: without AT_EACCESS the real uid is checked, with it
 * the effective one (a process with real uid nobody and effective uid 0);
 * AT_SYMLINK_NOFOLLOW checks a dangling link itself; AT_EMPTY_PATH checks
 * the fd's file; EINVAL for an unknown flag and a bad mode.
 * SYSCALLS: faccessat2 openat close symlinkat setresuid clone wait4 geteuid */
#include <sys/syscall.h>
#include "tst_test.h"
#include "lapi/syscalls.h"

static long fa2(int dfd, const char *path, int mode, int flags)
{
	return tst_syscall(__NR_faccessat2, dfd, path, mode, flags);
}

static void setup(void)
{
	SAFE_FILE_PRINTF("rootonly", "x");
	SAFE_CHMOD("rootonly", 0600);
	SAFE_SYMLINK("nowhere", "dangling");
	/* TCONF up front when the kernel or emulator lacks faccessat2. */
	fa2(AT_FDCWD, ".", F_OK, 0);
}

static void run(unsigned int n)
{
	int fd;

	switch (n) {
	case 0:
		if (!SAFE_FORK()) {
			if (setresuid(65534, 0, 0))
				tst_brk(TBROK | TERRNO, "setresuid(65534, 0, 0)");
			TST_EXP_FAIL(fa2(AT_FDCWD, "rootonly", R_OK, 0), EACCES,
				     "faccessat2(R_OK) checks the real uid (nobody)");
			TST_EXP_PASS(fa2(AT_FDCWD, "rootonly", R_OK, AT_EACCESS),
				     "faccessat2(R_OK, AT_EACCESS) checks the effective uid (root)");
			exit(0);
		}
		tst_reap_children();
		break;
	case 1:
		TST_EXP_FAIL(fa2(AT_FDCWD, "dangling", F_OK, 0), ENOENT,
			     "faccessat2() follows a dangling symlink");
		TST_EXP_PASS(fa2(AT_FDCWD, "dangling", F_OK, AT_SYMLINK_NOFOLLOW),
			     "faccessat2(AT_SYMLINK_NOFOLLOW) checks the link itself");
		break;
	case 2:
		fd = SAFE_OPEN("rootonly", O_RDONLY);
		TST_EXP_PASS(fa2(fd, "", R_OK | W_OK, AT_EMPTY_PATH),
			     "faccessat2(fd, \"\", R_OK|W_OK, AT_EMPTY_PATH)");
		SAFE_CLOSE(fd);
		break;
	case 3:
		TST_EXP_FAIL(fa2(AT_FDCWD, "rootonly", F_OK, 0x1), EINVAL,
			     "faccessat2() with unknown flag 0x1");
		TST_EXP_FAIL(fa2(AT_FDCWD, "rootonly", 8, 0), EINVAL, "faccessat2() with mode 8");
		break;
	}
}

static struct tst_test test = {
	.tcnt = 4,
	.test = run,
	.setup = setup,
	.needs_tmpdir = 1,
	.needs_root = 1,
	.forks_child = 1,
};
